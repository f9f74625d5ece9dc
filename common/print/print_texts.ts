import type zhPrint from '../../assets/locales/zh-CN/print.json';
import type { PrintTextTree } from './print_runs';

/** The `print` namespace as written (the Chinese catalog gives the shape). */
export type PrintCatalog = typeof zhPrint;

/** The texts of the printed documents resolved for one printout: every leaf in its language(s). */
export type PrintTexts = PrintTextTree<PrintCatalog>;
