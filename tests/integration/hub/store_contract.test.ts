import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStore, NewSubmission } from '../../../hub/storage/hub_store';
import { openPostgresHubStore } from '../../../hub/storage/postgres_hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { tempDir } from '../sync/support/hub_harness';
import { type PgCluster, startPgCluster } from './support/pg_cluster';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A stored-shape submission; the store does not re-validate payloads (intake does). */
function submission(
  terminalId: string,
  centre: string,
  options: { createdAt?: string; templateId?: string; priority?: number; payload?: string } = {},
): NewSubmission {
  const uuid = randomUUID();
  const payload = options.payload ?? JSON.stringify({ uuid, answers: { full_name: '张示例' } });
  return {
    uuid,
    centre,
    envelope: {
      terminalId,
      templateId: options.templateId ?? 'legal_aid_application',
      templateVersion: '1.1.0',
      payload,
      sha256: sha(payload),
      receiptNo: `R-${uuid.slice(0, 8)}`,
      createdAt: options.createdAt ?? '2026-11-28T10:00:00.000Z',
      priority: options.priority ?? 0,
      assisted: false,
    },
  };
}

interface StoreFactory {
  name: string;
  /** A fresh, empty store; `again()` opens a second handle on the same database. */
  open(): Promise<{ store: HubStore; again(): Promise<HubStore> }>;
}

let cluster: PgCluster;
let databases = 0;
const factories: StoreFactory[] = [
  {
    name: 'SQLite',
    open: async () => {
      const dir = tempDir('store-contract');
      return { store: openSqliteHubStore(dir), again: async () => openSqliteHubStore(dir) };
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const url = cluster.createDatabase(`contract_${++databases}`);
      return { store: await openPostgresHubStore(url), again: () => openPostgresHubStore(url) };
    },
  },
];

beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(() => cluster?.stop());

describe.each(factories)('hub store contract: $name', (factory) => {
  const opened: HubStore[] = [];
  async function fresh() {
    const made = await factory.open();
    opened.push(made.store);
    return {
      store: made.store,
      again: async () => {
        const second = await made.again();
        opened.push(second);
        return second;
      },
    };
  }
  afterAll(async () => {
    for (const store of opened) await store.close().catch(() => undefined);
  });

  it('keeps one hub id and one secret per database, across handles', async () => {
    const { store, again } = await fresh();
    expect(store.hubId).toMatch(/^[0-9a-f]{16}$/);
    const other = await again();
    expect(other.hubId).toBe(store.hubId);
    const salt = await store.secret('enrollment_salt', () => 'first');
    expect(await other.secret('enrollment_salt', () => 'second')).toBe(salt);
  });

  it('finds live tokens by hash with their centres and recorded name; revocation is listed and final', async () => {
    const { store } = await fresh();
    const at = '2026-12-01T08:00:00.000Z';
    await store.addToken({
      tokenId: 'tok-a',
      hash: 'h-a',
      role: 'staff',
      terminalId: null,
      centres: ['centre-a', 'centre-b'],
      name: '李老师 "$(reboot)"\n',
      createdAt: at,
      revokedAt: null,
    });
    await store.addToken({
      tokenId: 'tok-k',
      hash: 'h-k',
      role: 'terminal',
      terminalId: 'kiosk-1',
      centres: ['centre-a'],
      name: null,
      createdAt: at,
      revokedAt: null,
    });
    await store.addToken({
      tokenId: 'tok-k2',
      hash: 'h-k2',
      role: 'terminal',
      terminalId: 'kiosk-1',
      centres: ['centre-a'],
      name: null,
      createdAt: at,
      revokedAt: null,
    });
    expect(await store.findToken('h-a')).toEqual({
      tokenId: 'tok-a',
      role: 'staff',
      terminalId: null,
      centres: ['centre-a', 'centre-b'],
      name: '李老师 "$(reboot)"\n',
    });
    expect(await store.findToken("h-a' OR '1'='1")).toBeNull();
    expect(await store.revokeToken('tok-a', '2026-12-01T09:00:00.000Z')).toBe(true);
    expect(await store.revokeToken('tok-a', '2026-12-01T09:30:00.000Z')).toBe(false);
    expect(await store.findToken('h-a')).toBeNull();
    expect((await store.revokeTerminal('kiosk-1', '2026-12-01T10:00:00.000Z')).sort()).toEqual([
      'tok-k',
      'tok-k2',
    ]);
    expect((await store.revokedSince('2026-12-01T09:45:00.000Z')).sort()).toEqual(['tok-k', 'tok-k2']);
    expect((await store.listTokens()).map((t) => [t.tokenId, t.revokedAt !== null])).toEqual([
      ['tok-a', true],
      ['tok-k', true],
      ['tok-k2', true],
    ]);
  });

  it('decides each item of a batch by the uuid: created, duplicate with the first receipt, conflict', async () => {
    const { store } = await fresh();
    const a = submission('kiosk-1', 'centre-a');
    const first = await store.storeSubmissions([a], '2026-12-01T08:00:00.000Z');
    expect(first).toEqual([
      {
        kind: 'created',
        receipt: {
          uuid: a.uuid,
          sha256: a.envelope.sha256,
          hubId: store.hubId,
          receivedAt: '2026-12-01T08:00:00.000Z',
        },
      },
    ]);
    const changed = { ...a, envelope: { ...a.envelope, payload: '{}', sha256: sha('{}') } };
    const otherTerminal = { ...a, envelope: { ...a.envelope, terminalId: 'kiosk-2' } };
    const b = submission('kiosk-1', 'centre-a');
    const outcomes = await store.storeSubmissions(
      [a, changed, otherTerminal, b, b],
      '2026-12-01T09:00:00.000Z',
    );
    expect(outcomes.map((o) => o.kind)).toEqual([
      'duplicate',
      'conflict',
      'conflict',
      'created',
      'duplicate',
    ]);
    expect(outcomes[0]).toEqual({
      kind: 'duplicate',
      receipt: first[0]!.kind === 'created' && first[0]!.receipt,
    });
    expect(await store.countSubmissions()).toBe(2);
    const stored = await store.listSubmissions({ since: 0, limit: 10 });
    expect(stored.map((s) => s.uuid)).toEqual([a.uuid, b.uuid]);
    expect(stored[0]!.payload).toBe(a.envelope.payload);
  });

  it('stores hostile text and a large payload byte for byte', async () => {
    const { store } = await fresh();
    const payload = JSON.stringify({
      note: `'; DROP TABLE submissions; -- $(reboot) \n\u0000`,
      pad: 'x'.repeat(500_000),
    });
    const item = submission('kiosk-1', "centre-'a'", { payload });
    await store.storeSubmissions([item], '2026-12-01T08:00:00.000Z');
    const [stored] = await store.listSubmissions({ since: 0, limit: 1, centres: ["centre-'a'"] });
    expect(stored?.payload).toBe(payload);
    expect(await store.listSubmissions({ since: 0, limit: 1, centres: ["x' OR '1'='1"] })).toEqual([]);
    expect(await store.listSubmissions({ since: 0, limit: 1, centres: [] })).toEqual([]);
  });

  it('exactly one row for one uuid stored at once through two handles, 24 times', async () => {
    const { store, again } = await fresh();
    const other = await again();
    const item = submission('kiosk-1', 'centre-a');
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 ? other : store).storeSubmissions([item], new Date().toISOString()),
      ),
    );
    expect(outcomes.flat().filter((o) => o.kind === 'created')).toHaveLength(1);
    expect(outcomes.flat().filter((o) => o.kind === 'duplicate')).toHaveLength(23);
    expect(await store.countSubmissions()).toBe(1);
  });

  it('pages the desk newest first by keyset: every row once, filters in the query', async () => {
    const { store } = await fresh();
    const items: NewSubmission[] = [];
    for (let i = 0; i < 25; i++)
      items.push(
        submission(i % 2 ? 'kiosk-1' : 'kiosk-2', i % 5 === 0 ? 'centre-b' : 'centre-a', {
          createdAt: `2026-11-${String(10 + (i % 3)).padStart(2, '0')}T10:00:00.000+08:00`,
          templateId: i % 4 === 0 ? 'home_visit_booking' : 'legal_aid_application',
          priority: i % 3 === 0 ? 1 : 0,
        }),
      );
    for (const item of items) await store.storeSubmissions([item], new Date().toISOString());
    const seen: string[] = [];
    let before: number | undefined;
    const sizes: number[] = [];
    for (;;) {
      const page = await store.deskPage({ centres: null, before, limit: 10 });
      sizes.push(page.entries.length);
      seen.push(...page.entries.map((entry) => entry.submission.uuid));
      if (page.next === null) break;
      before = page.next;
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(items.map((item) => item.uuid).reverse());

    const all = (query: Partial<Parameters<HubStore['deskPage']>[0]>) =>
      store
        .deskPage({ centres: null, limit: 100, ...query })
        .then((page) => page.entries.map((e) => e.submission.uuid));
    const expected = (keep: (item: NewSubmission, index: number) => boolean) =>
      items
        .filter(keep)
        .map((item) => item.uuid)
        .reverse();
    expect(await all({ centres: ['centre-b'] })).toEqual(expected((_, i) => i % 5 === 0));
    expect(await all({ centres: [] })).toEqual([]);
    expect(await all({ priority: true })).toEqual(expected((_, i) => i % 3 === 0));
    expect(await all({ priority: false })).toEqual(expected((_, i) => i % 3 !== 0));
    expect(await all({ templateId: 'home_visit_booking' })).toEqual(expected((_, i) => i % 4 === 0));
    expect(await all({ terminalId: 'kiosk-1' })).toEqual(expected((_, i) => i % 2 === 1));
    const day11 = {
      createdFrom: Date.parse('2026-11-11T00:00:00+08:00'),
      createdBefore: Date.parse('2026-11-12T00:00:00+08:00'),
    };
    expect(await all(day11)).toEqual(expected((_, i) => i % 3 === 1));

    await store.setDeskState({
      uuid: items[3]!.uuid,
      state: 'handled',
      at: '2026-12-01T08:00:00.000Z',
      by: 'tok-s',
    });
    expect(await all({ state: 'handled' })).toEqual([items[3]!.uuid]);
    expect(await all({ state: 'open' })).toEqual(expected((_, i) => i !== 3));
    expect(await all({ state: 'handled', centres: ['centre-b'] })).toEqual([]);
  });

  it('keeps the first handled time, numbers changes for the terminals feed, audits without answers', async () => {
    const { store } = await fresh();
    const [a, b, c] = [submission('kiosk-1', 'c'), submission('kiosk-2', 'c'), submission('kiosk-1', 'c')];
    await store.storeSubmissions([a!, b!, c!], '2026-12-01T08:00:00.000Z');
    const first = await store.setDeskState({
      uuid: a!.uuid,
      state: 'handled',
      at: '2026-12-01T09:00:00.000Z',
      by: 't1',
    });
    expect(first).toMatchObject({ state: 'handled', stateAt: '2026-12-01T09:00:00.000Z' });
    const again = await store.setDeskState({
      uuid: a!.uuid,
      state: 'handled',
      at: '2026-12-02T09:00:00.000Z',
      by: 't2',
    });
    expect(again?.stateAt).toBe('2026-12-01T09:00:00.000Z');
    expect(await store.setDeskState({ uuid: randomUUID(), state: 'handled', at: 'x', by: 't' })).toBeNull();
    await store.setDeskState({ uuid: b!.uuid, state: 'handled', at: '2026-12-01T10:00:00.000Z', by: 't1' });
    await store.setDeskState({ uuid: c!.uuid, state: 'handled', at: '2026-12-01T11:00:00.000Z', by: 't1' });
    const marks = await store.deskMarks({ terminalId: 'kiosk-1', state: 'handled', since: 0, limit: 10 });
    expect(marks.map((m) => m.uuid)).toEqual([a!.uuid, c!.uuid]);
    expect(marks[0]!.seq).toBeLessThan(marks[1]!.seq);
    expect(
      await store.deskMarks({ terminalId: 'kiosk-1', state: 'handled', since: marks[0]!.seq, limit: 10 }),
    ).toEqual([marks[1]]);
    expect((await store.deskEntry(b!.uuid))?.state).toBe('handled');
    expect((await store.deskEntry(randomUUID())) ?? null).toBeNull();
    await store.addDeskAudit({
      at: '2026-12-01T09:00:00.000Z',
      tokenId: 't1',
      action: 'desk.view',
      uuid: a!.uuid,
    });
    await store.addDeskAudit({
      at: '2026-12-01T09:01:00.000Z',
      tokenId: 't1',
      action: 'desk.mark_handled',
      uuid: a!.uuid,
    });
    expect((await store.latestDeskAudit(1)).map((e) => e.action)).toEqual(['desk.mark_handled']);
  });

  it('purges the answers of applications handled before the cut-off only, and still knows them on resend', async () => {
    const { store } = await fresh();
    const [old, recent, open] = [submission('k', 'c'), submission('k', 'c'), submission('k', 'c')];
    await store.storeSubmissions([old!, recent!, open!], '2026-01-01T08:00:00.000Z');
    await store.setDeskState({ uuid: old!.uuid, state: 'handled', at: '2026-01-02T08:00:00.000Z', by: 't' });
    await store.setDeskState({
      uuid: recent!.uuid,
      state: 'handled',
      at: '2026-06-30T08:00:00.000Z',
      by: 't',
    });
    expect(await store.purgeHandled('2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z')).toBe(1);
    expect(await store.purgeHandled('2026-06-01T00:00:00.000Z', '2026-07-02T00:00:00.000Z')).toBe(0);
    const purged = await store.deskEntry(old!.uuid);
    expect(purged).toMatchObject({ purgedAt: '2026-07-01T00:00:00.000Z', submission: { payload: '' } });
    expect(JSON.stringify(purged)).not.toContain('张示例');
    expect((await store.deskEntry(recent!.uuid))?.submission.payload).toBe(recent!.envelope.payload);
    expect((await store.deskEntry(open!.uuid))?.submission.payload).toBe(open!.envelope.payload);
    const [resent] = await store.storeSubmissions([old!], '2026-07-03T00:00:00.000Z');
    expect(resent).toMatchObject({ kind: 'duplicate', receipt: { receivedAt: '2026-01-01T08:00:00.000Z' } });
  });

  it('redeems an enrollment code once, refuses used, expired and unknown ones, purges old ones', async () => {
    const { store } = await fresh();
    const code = (codeId: string, hash: string, expiresAt: string) => ({
      codeId,
      hash,
      terminalId: `t-${codeId}`,
      centre: 'centre-a',
      template: { centre: { id: 'centre-a' }, note: '"$(x)"' },
      createdAt: '2026-12-01T08:00:00.000Z',
      expiresAt,
    });
    await store.addEnrollmentCode(code('e1', 'hash-1', '2026-12-02T08:00:00.000Z'));
    await store.addEnrollmentCode(code('e2', 'hash-2', '2026-12-01T09:00:00.000Z'));
    expect(await store.enrollmentCodeExists('hash-1')).toBe(true);
    const now = new Date('2026-12-01T10:00:00.000Z');
    const [one, two] = await Promise.all([
      store.redeemEnrollmentCode('hash-1', now),
      store.redeemEnrollmentCode('hash-1', now),
    ]);
    expect([one, two].filter((r) => r.ok)).toEqual([
      {
        ok: true,
        codeId: 'e1',
        terminalId: 't-e1',
        centre: 'centre-a',
        template: { centre: { id: 'centre-a' }, note: '"$(x)"' },
      },
    ]);
    expect([one, two].find((r) => !r.ok)).toEqual({ ok: false, reason: 'used' });
    expect(await store.redeemEnrollmentCode('hash-2', now)).toEqual({ ok: false, reason: 'expired' });
    expect(await store.redeemEnrollmentCode('nope', now)).toEqual({ ok: false, reason: 'unknown' });
    await store.purgeEnrollmentCodes('2026-12-01T12:00:00.000Z');
    expect(await store.enrollmentCodeExists('hash-2')).toBe(false);
    expect(await store.enrollmentCodeExists('hash-1')).toBe(true);
  });

  it('limits attempts per key with a bucket shared by every handle; a success gives its attempt back', async () => {
    const { store, again } = await fresh();
    const other = await again();
    const limit = { burst: 3, perSecond: 0.5 };
    for (let i = 0; i < 3; i++) expect(await (i % 2 ? other : store).takeAttempt('a', limit, 0)).toBe(0);
    expect(await store.takeAttempt('a', limit, 0)).toBe(2000);
    expect(await store.takeAttempt('b', limit, 0)).toBe(0);
    expect(await other.takeAttempt('a', limit, 2000)).toBe(0);
    await store.refundAttempt('a', limit, 2000);
    expect(await store.takeAttempt('a', limit, 2000)).toBe(0);
    expect(await store.takeAttempt('a', limit, 2000)).toBeGreaterThan(0);
    // Thirty at once through two handles: exactly the burst gets through.
    const racing = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? other : store).takeAttempt('race', { burst: 10, perSecond: 0.001 }, 5000),
      ),
    );
    expect(racing.filter((wait) => wait === 0)).toHaveLength(10);
  });

  it('publishes immutable versions, lists the newest of each, serves the bytes; keeps heartbeats per terminal', async () => {
    const { store } = await fresh();
    const item = (version: string, body: string) => ({
      kind: 'template' as const,
      id: 'form_a',
      version,
      sha256: sha(body),
      body: Buffer.from(body),
      publishedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(await store.publish(item('1.0.0', 'one'))).toBe('published');
    expect(await store.publish(item('1.0.0', 'one'))).toBe('already_published');
    expect(await store.publish(item('1.0.0', 'other'))).toBe('version_exists_with_other_content');
    expect(await store.publish(item('1.1.0', 'two'))).toBe('published');
    expect(await store.manifest()).toEqual([
      { kind: 'template', id: 'form_a', version: '1.1.0', sha256: sha('two'), size: 3 },
    ]);
    expect((await store.item('template', 'form_a', '1.0.0'))?.body.toString()).toBe('one');
    expect(await store.item('template', 'form_a', '9.9.9')).toBeNull();
    const heartbeat = (pending: number) => ({
      appVersion: '0.1.0',
      schemaVersion: 2,
      queue: { pending, rejected: 0, quarantined: 0 },
      lastSyncAt: null,
      printer: { status: 'ok' as const },
      speech: { status: 'ok' as const },
    });
    await store.recordHeartbeat({
      terminalId: 'k1',
      receivedAt: '2026-12-01T08:00:00.000Z',
      heartbeat: heartbeat(1),
    });
    await store.recordHeartbeat({
      terminalId: 'k1',
      receivedAt: '2026-12-01T08:05:00.000Z',
      heartbeat: heartbeat(2),
    });
    expect(await store.heartbeats()).toEqual([
      { terminalId: 'k1', receivedAt: '2026-12-01T08:05:00.000Z', heartbeat: heartbeat(2) },
    ]);
  });

  it('keeps one duty roster, replaced as a whole', async () => {
    const { store, again } = await fresh();
    expect(await store.roster()).toBeNull();
    await store.setRoster('{"version":1,"people":[]}', '2026-12-01T08:00:00.000Z');
    await store.setRoster('{"version":1,"label":"\u793a\u4f8b","people":[]}', '2026-12-01T09:00:00.000Z');
    expect(await (await again()).roster()).toEqual({
      body: '{"version":1,"label":"\u793a\u4f8b","people":[]}',
      updatedAt: '2026-12-01T09:00:00.000Z',
    });
  });
});

describe('SQLite store migration from the one-city hub of before', () => {
  it('moves centre-bound tokens to centre lists and keeps every submission', async () => {
    const dir = tempDir('store-migrate');
    const Database = (await import('better-sqlite3')).default;
    const { SQLITE_MIGRATIONS } = await import('../../../hub/storage/sqlite_migrations');
    const db = new Database(`${dir}/hub.sqlite`);
    db.exec(SQLITE_MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO tokens (token_id, hash, role, terminal_id, centre, created_at) VALUES ('tok-s', 'h', 'staff', NULL, 'centre-a', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO submissions (uuid, terminal_id, centre, template_id, template_version, payload, sha256, receipt_no,
        created_at, received_at, priority, assisted) VALUES ('u1', 'k', 'centre-a', 't', '1', '{}', 's', 'r',
        '2026-11-28T18:00:00.000+08:00', 'x', 0, 0)`,
    ).run();
    db.close();
    const store = openSqliteHubStore(dir);
    try {
      expect(await store.findToken('h')).toMatchObject({ centres: ['centre-a'], name: null });
      const page = await store.deskPage({
        centres: ['centre-a'],
        limit: 5,
        createdFrom: Date.parse('2026-11-28T10:00:00Z'),
      });
      expect(page.entries.map((e) => e.submission.uuid)).toEqual(['u1']);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports the desk marks, desk audit and enrollment codes of the files beside it (before issue 21)', async () => {
    const dir = tempDir('store-legacy');
    const Database = (await import('better-sqlite3')).default;
    const old = openSqliteHubStore(dir);
    const filed = submission('kiosk-1', 'centre-a');
    await old.storeSubmissions([filed], '2026-11-01T08:00:00.000Z');
    await old.close();
    const desk = new Database(`${dir}/desk.sqlite`);
    desk.exec(`CREATE TABLE handled (seq INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,
      terminal_id TEXT NOT NULL, centre TEXT NOT NULL, handled_at TEXT NOT NULL, handled_by TEXT NOT NULL) STRICT;
      CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, token_id TEXT NOT NULL, action TEXT NOT NULL,
      uuid TEXT NOT NULL) STRICT;`);
    desk
      .prepare('INSERT INTO handled VALUES (7, ?, ?, ?, ?, ?)')
      .run(filed.uuid, 'kiosk-1', 'centre-a', '2026-11-02T08:00:00.000Z', 'tok-s');
    desk
      .prepare('INSERT INTO audit VALUES (1, ?, ?, ?, ?)')
      .run('2026-11-02T08:00:00.000Z', 'tok-s', 'desk.mark_handled', filed.uuid);
    desk.close();
    const enrollment = new Database(`${dir}/enrollment.sqlite`);
    enrollment.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE enrollment_codes (code_id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, terminal_id TEXT NOT NULL,
      centre TEXT NOT NULL, template TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, redeemed_at TEXT) STRICT;`);
    enrollment.prepare("INSERT INTO meta VALUES ('salt', 'old-salt')").run();
    enrollment
      .prepare('INSERT INTO enrollment_codes VALUES (?, ?, ?, ?, ?, ?, ?, NULL)')
      .run(
        'enr-1',
        'hash-old',
        'kiosk-9',
        'centre-a',
        '{"a":1}',
        '2026-11-01T00:00:00.000Z',
        '2099-01-01T00:00:00.000Z',
      );
    enrollment.close();
    const store = openSqliteHubStore(dir);
    try {
      expect(await store.deskEntry(filed.uuid)).toMatchObject({
        state: 'handled',
        stateAt: '2026-11-02T08:00:00.000Z',
      });
      expect(await store.deskMarks({ terminalId: 'kiosk-1', state: 'handled', since: 0, limit: 5 })).toEqual([
        { seq: 7, uuid: filed.uuid, terminalId: 'kiosk-1', state: 'handled', at: '2026-11-02T08:00:00.000Z' },
      ]);
      expect((await store.latestDeskAudit(5)).map((e) => e.action)).toEqual(['desk.mark_handled']);
      expect(await store.secret('enrollment_salt', () => 'new')).toBe('old-salt');
      expect(await store.redeemEnrollmentCode('hash-old', new Date())).toMatchObject({
        ok: true,
        terminalId: 'kiosk-9',
      });
      expect(fs.existsSync(`${dir}/desk.sqlite`)).toBe(false);
      expect(fs.existsSync(`${dir}/desk.sqlite.imported`)).toBe(true);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
