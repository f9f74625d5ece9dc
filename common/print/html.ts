/** Escapes text for HTML element content and quoted attribute values. Every answer passes through here. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Tagged template that escapes every interpolated value unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      out +=
        part instanceof SafeHtml
          ? part.html
          : escapeHtml(part === null || part === undefined ? '' : String(part));
    }
    out += strings[index + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks markup produced by a trusted generator (the QR code library) as safe to insert. */
export function trustedMarkup(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
