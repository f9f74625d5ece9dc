import type { Language } from '../../common/languages';
import type { Utterance } from './speaker';

const MONGOLIAN = 'mn-Mong-CN';

/** Turns a catalog key of the `speech` group into an utterance in the current language. */
export type SayKey = (key: string) => Utterance;

function languageOf(node: Node, fallback: Language): Language {
  const element = node instanceof Element ? node : node.parentElement;
  return (element?.closest('[lang]')?.getAttribute('lang') as Language | null) ?? fallback;
}

/** Text of an element as utterances, one per run of the same language; skips hidden parts and `skip` ids. */
export function textUtterances(
  root: Element,
  fallback: Language,
  skip: ReadonlySet<string> = new Set(),
): Utterance[] {
  const runs: Utterance[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (skip.has(node.id) || node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden'))
        return;
      // A Mongolian catalog string is one utterance with its key: no voice speaks Mongolian, so the speech
      // engine plays its recorded clip, or says it is missing and reads the Chinese text of the same key.
      const key = node.getAttribute('data-k');
      if (key && languageOf(node, fallback) === MONGOLIAN) {
        const text = node.textContent ?? '';
        if (text.trim()) runs.push({ text, language: MONGOLIAN, kind: 'ui', key });
        return;
      }
      // A Mongolian template text carries its Chinese original (LocalText), said when there is no recording.
      const chinese = node.getAttribute('data-zh');
      if (chinese && languageOf(node, fallback) === MONGOLIAN) {
        const text = node.textContent?.replace(/\s+/g, ' ').trim();
        if (text) runs.push({ text, language: MONGOLIAN, kind: 'ui', fallback: chinese });
        return;
      }
      for (const child of node.childNodes) walk(child);
      return;
    }
    if (node.nodeType !== Node.TEXT_NODE) return;
    const text = node.textContent?.replace(/\s+/g, ' ').trim();
    if (!text) return;
    const language = languageOf(node, fallback);
    const last = runs.at(-1);
    if (last && last.language === language && !last.key) last.text = `${last.text} ${text}`;
    else runs.push({ text, language, kind: 'ui' });
  };
  walk(root);
  return runs;
}

function idsOf(element: Element, attribute: string): string[] {
  return (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
}

function referenced(element: Element, attribute: string, fallback: Language): Utterance[] {
  const doc = element.ownerDocument;
  return idsOf(element, attribute).flatMap((id) => {
    const target = doc.getElementById(id);
    return target ? textUtterances(target, fallback) : [];
  });
}

function nameOf(element: HTMLElement, fallback: Language): Utterance[] {
  const label = element.getAttribute('aria-label');
  if (label) return [{ text: label, language: languageOf(element, fallback), kind: 'ui' }];
  if (element.hasAttribute('aria-labelledby')) return referenced(element, 'aria-labelledby', fallback);
  const labels = (element as HTMLInputElement).labels;
  if (labels && labels.length > 0) return [...labels].flatMap((node) => textUtterances(node, fallback));
  return textUtterances(element, fallback, new Set(idsOf(element, 'aria-describedby')));
}

function valueParts(element: HTMLElement, fallback: Language, say: SayKey): Utterance[] {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return [];
  if (
    element instanceof HTMLInputElement &&
    ['checkbox', 'radio', 'button', 'submit'].includes(element.type)
  ) {
    return [];
  }
  // Masked fields are never spoken; private ones (ID numbers, phones) only when the visitor asks.
  if (element.type === 'password') return [];
  if (!element.value) return [say('spoken.empty')];
  if (element.dataset.private !== undefined) return [say('spoken.value_private')];
  return [{ text: element.value, language: languageOf(element, fallback), kind: 'dynamic' }];
}

function stateOf(element: HTMLElement, say: SayKey): Utterance[] {
  const states: Utterance[] = [];
  const checked =
    element.getAttribute('aria-checked') ??
    (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type)
      ? String(element.checked)
      : null);
  if (checked === 'true') states.push(say('spoken.checked'));
  if (checked === 'false') states.push(say('spoken.unchecked'));
  if (element.getAttribute('aria-pressed') === 'true') states.push(say('spoken.pressed'));
  if (element.getAttribute('aria-current') === 'page') states.push(say('spoken.current'));
  if (element.getAttribute('aria-invalid') === 'true') states.push(say('spoken.invalid'));
  if ((element as HTMLButtonElement).disabled || element.getAttribute('aria-disabled') === 'true') {
    states.push(say('spoken.unavailable'));
  }
  return states;
}

/** What focusing a control says: its label, value and state, then its hint (aria-describedby). */
export function describeControl(element: HTMLElement, language: Language, say: SayKey): Utterance[] {
  return [
    ...nameOf(element, language),
    ...valueParts(element, language, say),
    ...stateOf(element, say),
    ...referenced(element, 'aria-describedby', language),
  ];
}
