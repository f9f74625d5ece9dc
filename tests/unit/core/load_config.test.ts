import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../../core/config/load_config';

const sample = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/config.sample.json'), 'utf8'),
);

function withChange(change: (config: Record<string, unknown>) => void): string {
  const copy = structuredClone(sample);
  change(copy);
  return JSON.stringify(copy);
}

describe('provisioning file', () => {
  it('accepts the sample and fills defaults', () => {
    const result = parseConfig(JSON.stringify({ ...sample, session: undefined }));
    expect(result.ok && result.value.session).toEqual({ idleSeconds: 120, warningSeconds: 45 });
  });

  it.each([
    ['terminalId', (c: Record<string, unknown>) => (c.terminalId = 'bad id with spaces')],
    ['terminalId', (c: Record<string, unknown>) => (c.terminalId = 42)],
    ['centre.id', (c: Record<string, unknown>) => ((c.centre as Record<string, unknown>).id = '')],
    [
      'centre.phone',
      (c: Record<string, unknown>) => ((c.centre as Record<string, unknown>).phone = '$(reboot)'),
    ],
    ['platformLevel', (c: Record<string, unknown>) => (c.platformLevel = 'province')],
    ['hubUrl', (c: Record<string, unknown>) => (c.hubUrl = 'javascript:alert(1)')],
    ['defaultLanguage', (c: Record<string, unknown>) => (c.defaultLanguage = 'fr')],
    [
      'screen.diagonalInches',
      (c: Record<string, unknown>) => ((c.screen as Record<string, unknown>).diagonalInches = '23.8'),
    ],
    [
      'session.idleSeconds',
      (c: Record<string, unknown>) => ((c.session as Record<string, unknown>).idleSeconds = 5),
    ],
    ['surprise', (c: Record<string, unknown>) => (c.surprise = true)],
  ])('names the bad field %s', (field, change) => {
    const result = parseConfig(withChange(change));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe(field);
  });

  it('reports bad JSON, a missing file and an oversized file as such', () => {
    expect(parseConfig('{ "terminalId": ')).toMatchObject({ ok: false, error: { kind: 'bad_json' } });
    expect(loadConfig('/nonexistent/kiosk.json')).toMatchObject({ ok: false, error: { kind: 'missing' } });
    expect(loadConfig(undefined)).toMatchObject({ ok: false, error: { kind: 'missing' } });
    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-cfg-')), 'big.json');
    fs.writeFileSync(big, ' '.repeat(1024 * 1024));
    expect(loadConfig(big)).toMatchObject({ ok: false, error: { kind: 'unreadable' } });
  });
});
