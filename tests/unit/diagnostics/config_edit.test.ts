import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PIN, startTestCore, type TestCore } from './technician_core';

let t: TestCore;
afterEach(() => t?.close());

async function unlocked(): Promise<TestCore> {
  t = startTestCore();
  expect(await t.call('technician.unlock', { pin: PIN })).toMatchObject({ ok: true });
  return t;
}

describe('validated config edit from technician mode', () => {
  it('writes a valid change to the provisioning file and keeps every other field', async () => {
    await unlocked();
    const before = JSON.parse(fs.readFileSync(t.configPath, 'utf8'));
    expect(await t.call('technician.config_edit', { field: 'session.idleSeconds', value: 180 })).toEqual({
      ok: true,
      restartNeeded: true,
    });
    expect(
      await t.call('technician.config_edit', { field: 'centre.name', value: '昆都仑区 "法律" 服务站' }),
    ).toMatchObject({ ok: true });
    const after = JSON.parse(fs.readFileSync(t.configPath, 'utf8'));
    expect(after).toEqual({
      ...before,
      session: { ...before.session, idleSeconds: 180 },
      centre: { ...before.centre, name: '昆都仑区 "法律" 服务站' },
    });
    const view = await t.call('technician.config_view');
    expect(view.rows).toContainEqual({ field: 'session.idleSeconds', value: '180' });
    expect(
      fs.readdirSync(t.configPath.replace(/kiosk\.json$/, '')).filter((f) => f.endsWith('.tmp')),
    ).toEqual([]);
  });

  it.each([
    ['session.idleSeconds', 'abc', 'session.idleSeconds'],
    ['session.idleSeconds', 5, 'session.idleSeconds'],
    ['session.idleSeconds', true, 'session.idleSeconds'],
    ['hubUrl', '$(reboot)', 'hubUrl'],
    ['hubUrl', "http://hub'; DROP TABLE outbox; --", 'hubUrl'],
    ['hubUrl', 'file:///etc/passwd', 'hubUrl'],
    ['centre.phone', '`id`', 'centre.phone'],
    ['centre.name', '', 'centre.name'],
    ['platformLevel', 'province', 'platformLevel'],
    ['languages', ['zh-CN', '$(id)'], 'languages.1'],
    ['printer.paper', 'A3', 'printer.paper'],
    ['screen.widthPx', 1.5, 'screen.widthPx'],
    ['speech.onByDefault', 'yes', 'speech.onByDefault'],
    ['updates.maintenanceWindow.start', '25:00', 'updates.maintenanceWindow.start'],
    ['updates.channel', 'nightly', 'updates.channel'],
    // Plain http to another machine, and a hub outside the organisation profile shipped with the build.
    ['hubUrl', 'http://192.168.1.10:8787', 'hubUrl'],
    ['hubUrl', 'https://hub.elsewhere.example', 'hubUrl'],
  ])('refuses %s = %j naming %s, leaving the file byte-for-byte unchanged', async (field, value, named) => {
    await unlocked();
    const before = fs.readFileSync(t.configPath);
    const result = await t.call('technician.config_edit', { field, value });
    expect(result).toMatchObject({ ok: false, reason: 'invalid', field: named });
    expect(result.message.length).toBeGreaterThan(0);
    expect(fs.readFileSync(t.configPath).equals(before)).toBe(true);
  });

  it.each([
    ['a 1 MB string', { field: 'centre.name', value: 'x'.repeat(1024 * 1024) }],
    ['a field not editable here (the hub token)', { field: 'hubToken', value: 'stolen' }],
    ['the terminal id', { field: 'terminalId', value: 'other' }],
    ['the release key', { field: 'updates.publicKey', value: `${'A'.repeat(43)}=` }],
    ['a prototype-polluting field', { field: '__proto__.polluted', value: 'yes' }],
    ['an object value', { field: 'centre.name', value: { toString: 'x' } }],
    ['a null value', { field: 'centre.name', value: null }],
    ['an extra argument', { field: 'centre.name', value: 'x', force: true }],
    ['a JSON __proto__ key', JSON.parse('{"field":"centre.name","value":"x","__proto__":{"polluted":1}}')],
  ])('refuses %s at the contract, file unchanged', async (_label, args) => {
    await unlocked();
    const before = fs.readFileSync(t.configPath);
    const result = await t.call('technician.config_edit', args);
    expect(result.rpcError?.code).toBe('invalid_args');
    expect(fs.readFileSync(t.configPath).equals(before)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses edits while locked', async () => {
    t = startTestCore();
    const before = fs.readFileSync(t.configPath);
    expect(await t.call('technician.config_edit', { field: 'centre.name', value: 'x' })).toEqual({
      ok: false,
      reason: 'locked',
    });
    expect(fs.readFileSync(t.configPath).equals(before)).toBe(true);
  });
});
