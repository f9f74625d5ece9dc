import fs from 'node:fs';
import type { KioskConfig } from '../../common/config_schema';
import type { ConfigEditValue, EditableConfigField } from '../../common/contract/technician_methods';
import { parseConfig } from '../config/load_config';
import { writeConfigFile } from '../config/write_config_file';

export type ConfigEditOutcome =
  | { ok: true }
  | { ok: false; reason: 'invalid'; field: string; message: string }
  | { ok: false; reason: 'unreadable' | 'write_failed'; field: ''; message: string };

/** Sets one dotted field in a plain JSON object, creating parent objects (never touching prototypes). */
function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = Object.hasOwn(node, part) ? node[part] : undefined;
    const next: Record<string, unknown> =
      child && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
    node[part] = next;
    node = next;
  }
  node[parts.at(-1)!] = value;
}

/**
 * Changes one field of the provisioning file: the edited file is validated as a whole with the same
 * schema the app starts with (and `check`, e.g. that the hub is one of the organisation profile), and only
 * then replaces the old one (temporary file, fsync, rename), so a refused edit or a power cut leaves the old
 * file byte-for-byte unchanged.
 */
export function editConfigFile(
  file: string,
  field: EditableConfigField,
  value: ConfigEditValue,
  check: (config: KioskConfig) => { field: string; message: string } | null = () => null,
): ConfigEditOutcome {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
  } catch {
    return { ok: false, reason: 'unreadable', field: '', message: 'The provisioning file cannot be read.' };
  }
  setField(raw, field, value);
  const text = `${JSON.stringify(raw, null, 2)}\n`;
  const checked = parseConfig(text);
  if (!checked.ok) {
    return {
      ok: false,
      reason: 'invalid',
      field: checked.error.field || field,
      message: checked.error.message,
    };
  }
  const refused = check(checked.value);
  if (refused) return { ok: false, reason: 'invalid', ...refused };
  if (!writeConfigFile(file, text)) {
    return {
      ok: false,
      reason: 'write_failed',
      field: '',
      message: 'The provisioning file could not be written.',
    };
  }
  return { ok: true };
}

/**
 * The provisioning as the technician screen shows it: dotted field → text. Never the hub token nor the
 * PIN hash (the screen shows only whether a token is set).
 */
export function configRows(config: KioskConfig): { field: string; value: string }[] {
  const { hubToken: _token, technicianPinHash: _pin, staff, ...rest } = config;
  // The staff PIN hash is never shown either; the staff id is.
  const shown = staff ? { ...rest, staff: { id: staff.id } } : rest;
  const rows: { field: string; value: string }[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, prefix ? `${prefix}.${key}` : key);
      return;
    }
    rows.push({ field: prefix, value: Array.isArray(value) ? value.join(', ') : String(value) });
  };
  walk(shown, '');
  return rows;
}
