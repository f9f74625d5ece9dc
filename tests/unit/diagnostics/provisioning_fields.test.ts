import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/load_config';
import { hashPin } from '../../../core/pins/pin_hash';

const sample = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/config.sample.json'), 'utf8'),
);
const full = {
  ...sample,
  technicianPinHash: hashPin('2468'),
  updates: {
    channel: 'stable',
    maintenanceWindow: { start: '02:00', end: '05:00' },
  },
};

function withField(field: string, value: unknown): string {
  const copy = structuredClone(full);
  const parts = field.split('.');
  let node = copy as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1)!] = value;
  return JSON.stringify(copy);
}

const huge = 'x'.repeat(1024 * 1024);

/** Every field of the provisioning file with values it must refuse. */
const BAD: Record<string, unknown[]> = {
  terminalId: ['', 'a b', '../etc', 'x'.repeat(65), 42, null, '"; rm -rf /', '$(reboot)'],
  'centre.id': ['', 'a/b', 7],
  'centre.name': ['', 'x'.repeat(201), 5, huge],
  'centre.phone': ['abc', '$(id)', '1'.repeat(33)],
  platformLevel: ['province', '', 1],
  hubUrl: [
    'not a url',
    'ftp://hub.example',
    'javascript:alert(1)',
    '$(reboot)',
    5,
    `http://${huge}`,
    // plain http to another machine (attack 3), and addresses with more than a host
    'http://192.168.1.10:8787',
    'http://hub.lan:8787',
    'https://user:pw@hub.lan',
    'https://hub.lan/api?x=1',
  ],
  hubToken: ['x'.repeat(513), 12],
  defaultLanguage: ['fr', '', null],
  languages: [[], ['fr'], 'zh-CN', [1]],
  'printer.name': ['x'.repeat(201), false],
  'printer.paper': ['A3', ''],
  'screen.diagonalInches': [6, 101, '23.8'],
  'screen.widthPx': [319, 10001, 1.5, '1920'],
  'screen.heightPx': [319, 10001, 1.5],
  'session.idleSeconds': [29, 3601, 'abc', 60.5],
  'session.warningSeconds': [29, 601, true],
  'speech.onByDefault': ['yes', 1],
  technicianPinHash: ['1234', 'scrypt$x', `sha1$${'a'.repeat(40)}`],
  'updates.channel': ['nightly', '', 3],
  'updates.maintenanceWindow.start': ['2:00', '24:00', '$(reboot)', 200],
  'updates.maintenanceWindow.end': ['05:61', '02:00'],
};

describe('provisioning: every field refuses bad values and names the field', () => {
  it('accepts the full valid file', () => {
    expect(parseConfig(JSON.stringify(full)).ok).toBe(true);
  });

  for (const [field, values] of Object.entries(BAD)) {
    it(`${field}`, () => {
      for (const value of values) {
        const result = parseConfig(withField(field, value));
        expect(result.ok, `${field} = ${JSON.stringify(value)?.slice(0, 40)}`).toBe(false);
        // An array item is named by its index, e.g. `languages.0`.
        if (!result.ok)
          expect(result.error.field, JSON.stringify(value)?.slice(0, 40)).toMatch(
            new RegExp(`^${field.replaceAll('.', '\\.')}(\\.\\d+)?$`),
          );
      }
    });
  }

  it('names an unknown field, also inside the updates block', () => {
    const unknownTop = parseConfig(JSON.stringify({ ...full, extra: 1 }));
    expect(!unknownTop.ok && unknownTop.error.field).toBe('extra');
    const unknownInner = parseConfig(
      JSON.stringify({ ...full, updates: { ...full.updates, allowDowngrade: true } }),
    );
    expect(!unknownInner.ok && unknownInner.error.field).toBe('updates');
  });

  it('has no place for a release key or a video program: those come with the build or from the technician', () => {
    const key = parseConfig(
      JSON.stringify({
        ...full,
        updates: { ...full.updates, publicKey: Buffer.alloc(32, 7).toString('base64') },
      }),
    );
    expect(key).toMatchObject({
      ok: false,
      error: { field: 'updates', message: 'Unknown field: publicKey' },
    });
    const program = parseConfig(
      JSON.stringify({
        ...full,
        video: { external: { kind: 'program', path: '/bin/sh', args: ['-c', 'id'] } },
      }),
    );
    expect(program).toMatchObject({ ok: false, error: { field: 'video.external.kind' } });
    expect(parseConfig(JSON.stringify({ ...full, hubUrl: 'http://127.0.0.1:8787' })).ok).toBe(true);
    expect(parseConfig(JSON.stringify({ ...full, hubUrl: 'https://hub.baotou.lan:8787' })).ok).toBe(true);
  });
});
