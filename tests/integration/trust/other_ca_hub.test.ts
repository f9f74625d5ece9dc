import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubIdOfToken } from '../../../common/sync/token_format';
import type { Roster } from '../../../common/video/roster';
import { EventBus } from '../../../core/event_bus';
import { HubClient } from '../../../core/sync/hub_client';
import { HubIdentityWatch } from '../../../core/trust/hub_identity_watch';
import { VideoLink } from '../../../core/video/video_link';
import { createMemoryLogger } from '../../../node_shared/logger';
import { testEndpoint, testPki } from '../../support/test_pki';
import { fixtureTemplate } from '../sync/support/fixture_template';
import { allStored, enrollTerminal, startTestHub, type TestHub } from '../sync/support/hub_harness';

/**
 * A real hub, with a valid terminal token, that serves a certificate from ANOTHER CA than the one the
 * terminal's organisation profile pins (what a hijacked address or an interception proxy shows). Every
 * channel of the terminal must refuse it before sending anything: no request, no WebSocket upgrade, no token.
 */
let hub: TestHub;
let token: string;
let reached: string[];

beforeAll(async () => {
  hub = await startTestHub({ tls: testPki().otherServer });
  token = await enrollTerminal(hub.store, 'kiosk-1');
  reached = [];
  hub.server.prependListener('request', (req) => reached.push(`${req.method} ${req.url}`));
  hub.server.prependListener('upgrade', (req) => reached.push(`UPGRADE ${req.url}`));
});
afterAll(() => hub?.stop());

function client(identity: HubIdentityWatch) {
  return new HubClient({
    endpoint: testEndpoint(hub.url),
    identity,
    token,
    hubId: hubIdOfToken(token)!,
    appVersion: '0.1.0',
    schemaVersion: 2,
    timeoutMs: 5_000,
  });
}

function application() {
  const template = fixtureTemplate();
  const payload = JSON.stringify({ full_name: '张三', id_number: '150202199001011234' });
  return {
    uuid: randomUUID(),
    terminalId: 'kiosk-1',
    templateId: template.id,
    templateVersion: template.version,
    payload,
    sha256: createHash('sha256').update(payload).digest('hex'),
    receiptNo: 'R-0001',
    createdAt: new Date().toISOString(),
    priority: 0,
    assisted: false,
  };
}

describe('a hub with a certificate from another CA is refused by every channel, nothing sent', () => {
  it('sync, downlink and heartbeat: no request reaches it, the mismatch is named per channel', async () => {
    const identity = new HubIdentityWatch(createMemoryLogger(), () => new Date());
    const hubClient = client(identity);
    try {
      const sent = await hubClient.sendBatch([application()]);
      expect(sent.ok).toBe(false);
      expect(identity.current()?.channel).toBe('sync');
      expect((await hubClient.manifest()).ok).toBe(false);
      expect(identity.current()?.channel).toBe('downlink');
      const beat = await hubClient.heartbeat({
        appVersion: '0.1.0',
        schemaVersion: 2,
        queue: { pending: 1, rejected: 0, quarantined: 0 },
        lastSyncAt: null,
        printer: { status: 'ok' },
        speech: { status: 'ok' },
      });
      expect(beat.ok).toBe(false);
      expect(identity.current()?.channel).toBe('heartbeat');
    } finally {
      hubClient.close();
    }
    expect(reached).toEqual([]);
    expect(await allStored(hub.store)).toEqual([]);
    expect(await hub.store.heartbeats()).toEqual([]);
  });

  it('video: the WebSocket upgrade (and the token in its hello) is never sent', async () => {
    const logger = createMemoryLogger();
    const identity = new HubIdentityWatch(logger, () => new Date());
    const noRoster = (): Roster => ({ version: 1, people: [] });
    const link = new VideoLink(testEndpoint(hub.url), token, new EventBus(), logger, identity, noRoster);
    expect(await link.open()).toEqual({ ok: false, reason: 'hub_unreachable' });
    expect(identity.current()?.channel).toBe('video');
    expect(reached).toEqual([]);
  });

  it('the same hub with the centre CA certificate is accepted (the refusal is the certificate, not the hub)', async () => {
    const genuine = await startTestHub({ dataDir: `${hub.dataDir}-genuine` });
    try {
      const genuineToken = await enrollTerminal(genuine.store, 'kiosk-1');
      const identity = new HubIdentityWatch(createMemoryLogger(), () => new Date());
      identity.mismatch('sync');
      const genuineClient = new HubClient({
        endpoint: testEndpoint(genuine.url),
        identity,
        token: genuineToken,
        hubId: hubIdOfToken(genuineToken)!,
        appVersion: '0.1.0',
        schemaVersion: 2,
        timeoutMs: 5_000,
      });
      try {
        expect((await genuineClient.manifest()).ok).toBe(true);
        // The sync worker's probe of the real hub clears the staff alert.
        expect(await genuineClient.probe()).toBe(true);
        expect(identity.current()).toBeNull();
      } finally {
        genuineClient.close();
      }
    } finally {
      await genuine.stop();
    }
  });
});
