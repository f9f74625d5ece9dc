import path from 'node:path';
import type { Template } from '../../../common/forms/template_schema';
import { fileTemplateSource, TemplateRegistry } from '../../../core/forms/template_registry';

/** `assets/templates`: every bundled version of every form. */
export const TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../../assets/templates');

/** The bundled templates as the kiosk loads them (older versions stay for old drafts). */
export function bundledRegistry(): TemplateRegistry {
  return new TemplateRegistry([fileTemplateSource(TEMPLATES_DIR)]);
}

/** The latest bundled version of a form: the one new drafts start on. */
export function latestTemplate(id: string): Template {
  const template = bundledRegistry().get(id);
  if (!template) throw new Error(`no bundled template ${id}`);
  return template;
}
