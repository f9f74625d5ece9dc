import type zhPrint from '../../assets/locales/zh-CN/print.json';

/** The texts of the printed documents (`print` namespace), resolved for one language. */
export type PrintTexts = typeof zhPrint;
