import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/forms/canonical_json';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { bundleEntry, type Child, killHard, startChild } from './support/child_process_harness';
import { rawRequest } from './support/http_request';
import { enrollTerminal, publishFixture, tempDir } from './support/hub_harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await killHard(child);
});

function body(uuid: string, topic: string) {
  const payload = canonicalJson({
    formatVersion: 1,
    uuid,
    template: { id: 'sync_fixture_form', version: '1.0.0' },
    terminalId: 'kiosk-1',
    centreId: 'centre-a',
    receiptNo: 'R-1',
    createdAt: '2026-11-28T10:00:00.000Z',
    priority: false,
    assisted: false,
    answers: { topic },
    feeReduction: null,
  });
  return JSON.stringify({
    terminalId: 'kiosk-1',
    templateId: 'sync_fixture_form',
    templateVersion: '1.0.0',
    payload,
    sha256: createHash('sha256').update(payload).digest('hex'),
    receiptNo: 'R-1',
    createdAt: '2026-11-28T10:00:00.000Z',
    priority: 0,
    assisted: false,
  });
}

describe('concurrent duplicate PUTs', () => {
  it('store exactly one row, even across two hub processes on one database', async () => {
    const dataDir = tempDir('hub-dup');
    const store = openSqliteHubStore(dataDir);
    await publishFixture(store);
    const token = await enrollTerminal(store, 'kiosk-1');
    await store.close();
    const script = await bundleEntry(path.join(ROOT, 'hub/main.ts'), 'hub_main');
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const child = startChild(
        script,
        ['--port', '0', '--data', dataDir, '--rate-burst', '1000'],
        /"url":"[^"]+"/,
      );
      children.push(child);
      urls.push(JSON.parse(`{${await child.ready}}`).url);
    }
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-kiosk-app-version': '0.1.0',
    };
    const put = (i: number, uuid: string, text: string) =>
      rawRequest(urls[i % 2]!, { method: 'PUT', path: `/api/v1/submissions/${uuid}`, headers, body: text });

    const same = randomUUID();
    const sameBody = body(same, 'one topic');
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => put(i, same, sameBody)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(23);
    const receipts = new Set(answers.map((answer) => JSON.stringify(answer.json)));
    expect(receipts.size).toBe(1);

    // Different contents racing for one id: one wins, every other gets 409.
    const contested = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 20 }, (_, i) => put(i, contested, body(contested, `topic ${i}`))),
    );
    expect(racing.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(racing.filter((answer) => answer.status === 409)).toHaveLength(19);

    const check = openSqliteHubStore(dataDir);
    try {
      const rows = await check.listSubmissions({ since: 0, limit: 100 });
      expect(rows.map((row) => row.uuid).sort()).toEqual([same, contested].sort());
    } finally {
      await check.close();
    }
  }, 60_000);
});
