import en from '../../assets/locales/en/print.json' with { type: 'json' };
import statusEn from '../../assets/locales/en/status.json' with { type: 'json' };
import mn from '../../assets/locales/mn-Mong-CN/print.json' with { type: 'json' };
import statusMn from '../../assets/locales/mn-Mong-CN/status.json' with { type: 'json' };
import zh from '../../assets/locales/zh-CN/print.json' with { type: 'json' };
import statusZh from '../../assets/locales/zh-CN/status.json' with { type: 'json' };
import type { Language } from '../languages';
import type { ValueWords } from './answer_text';
import { type PrintLanguages, type PrintTextTree, resolvePrintTexts } from './print_runs';
import type { PrintTexts } from './print_texts';

const CATALOGS = { 'zh-CN': zh, en, 'mn-Mong-CN': mn };

/** The print catalogs resolved for one printout: Mongolian strings where written, Chinese for the rest. */
export function printTextsFor(languages: PrintLanguages): PrintTexts {
  return resolvePrintTexts(CATALOGS, languages);
}

/** The `status` catalog (the words of "查询进度") resolved for a printed progress slip. */
export function statusTextsFor(languages: PrintLanguages): PrintTextTree<typeof statusZh> {
  return resolvePrintTexts({ 'zh-CN': statusZh, en: statusEn, 'mn-Mong-CN': statusMn }, languages);
}

/** Yes/no in one language, for answers shown as plain text (staff view, desk page). */
export function valueWordsFor(language: Language): ValueWords {
  return { ...zh.values, ...CATALOGS[language].values };
}
