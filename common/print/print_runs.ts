import { DEFAULT_LANGUAGE, type Language, MONGOLIAN_SCRIPT } from '../languages';
import { escapeHtml, SafeHtml } from './html';

/**
 * The languages of one printout: the visitor's, and whether the terminal prints Mongolian and Chinese together
 * (the bilingual setting; Mongolian first, at the same size). English printouts are never bilingual.
 */
export interface PrintLanguages {
  visitor: Language;
  bilingual: boolean;
}

/** A printed text: markup whose runs carry their own `lang`, plus plain text for titles and attributes. */
export class PrintText extends SafeHtml {
  constructor(
    html: string,
    readonly plain: string,
  ) {
    super(html);
  }
}

/** One text in the kiosk's languages; Chinese always exists (the source language). */
export type Translations = { 'zh-CN': string } & Partial<Record<Language, string>>;

/** A Mongolian run: set vertically by the `.mn` rule of the print page. */
function mongolianRun(text: string): string {
  return `<span lang="mn-Mong-CN" class="mn">${escapeHtml(text)}</span>`;
}

function run(text: string, language: Language, documentLanguage: Language): string {
  if (language === 'mn-Mong-CN') return mongolianRun(text);
  return language === documentLanguage
    ? escapeHtml(text)
    : `<span lang="${language}">${escapeHtml(text)}</span>`;
}

/**
 * A text as printed: the visitor's language, Chinese where no translation exists (marked `lang="zh-CN"`), and
 * on a bilingual terminal the Mongolian run first with the Chinese beside it.
 */
export function printText(translations: Translations, languages: PrintLanguages): PrintText {
  // The document's `lang` is the visitor's language; each run in another language is marked as such.
  const doc = languages.visitor;
  const chinese = translations['zh-CN'];
  const mongolian = translations['mn-Mong-CN'];
  if (languages.bilingual && languages.visitor !== 'en' && mongolian !== undefined) {
    return new PrintText(
      `<span class="bi">${mongolianRun(mongolian)}${run(chinese, DEFAULT_LANGUAGE, doc)}</span>`,
      languages.visitor === 'mn-Mong-CN' ? mongolian : chinese,
    );
  }
  const wanted = translations[languages.visitor];
  return wanted === undefined
    ? new PrintText(run(chinese, DEFAULT_LANGUAGE, doc), chinese)
    : new PrintText(run(wanted, languages.visitor, doc), wanted);
}

/**
 * What the visitor typed or chose, as printed: Mongolian script set vertically, anything else as it is (marked
 * Chinese inside a Mongolian document, since names, numbers and addresses are written in Chinese there).
 */
export function answerRun(text: string, languages: PrintLanguages): PrintText {
  if (MONGOLIAN_SCRIPT.test(text)) return new PrintText(mongolianRun(text), text);
  return new PrintText(run(text, DEFAULT_LANGUAGE, languages.visitor), text);
}

/**
 * A catalog text with its `{{name}}` placeholders filled: each value escaped into the markup (in every run of
 * a bilingual text) and as it is into the plain text. Values are not searched for placeholders again.
 */
export function fillPrintText(text: PrintText, values: Readonly<Record<string, string>>): PrintText {
  const fill = (template: string, put: (value: string) => string) =>
    template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : put(value);
    });
  return new PrintText(
    fill(text.html, escapeHtml),
    fill(text.plain, (value) => value),
  );
}

/** A print catalog (nested objects of strings) with every leaf turned into a `PrintText`. */
export type PrintTextTree<T> = {
  readonly [K in keyof T]: T[K] extends string ? PrintText : PrintTextTree<T[K]>;
};

type Catalog = { readonly [key: string]: unknown };

/** Resolves every string of the Chinese catalog against the other languages' catalogs (missing → Chinese). */
export function resolvePrintTexts<T extends Catalog>(
  catalogs: { 'zh-CN': T } & Partial<Record<Language, Catalog>>,
  languages: PrintLanguages,
): PrintTextTree<T> {
  const walk = (zh: Catalog, others: Partial<Record<Language, Catalog | undefined>>): Catalog => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(zh)) {
      const child = (language: Language) => {
        const node = others[language]?.[key];
        return node !== null && typeof node === 'object' ? (node as Catalog) : undefined;
      };
      if (typeof value === 'string') {
        const translations: Translations = { 'zh-CN': value };
        for (const language of ['en', 'mn-Mong-CN'] as const) {
          const text = others[language]?.[key];
          if (typeof text === 'string' && text !== '') translations[language] = text;
        }
        out[key] = printText(translations, languages);
      } else if (value !== null && typeof value === 'object') {
        out[key] = walk(value as Catalog, { en: child('en'), 'mn-Mong-CN': child('mn-Mong-CN') });
      }
    }
    return out;
  };
  return walk(catalogs['zh-CN'], catalogs) as PrintTextTree<T>;
}
