import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderChannel } from '../../../core/idcard/folder_channel';
import { PollingReader } from '../../../core/idcard/polling_reader';
import { placeCard, removeCard, SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import { recordEvents, sleep } from './reader_support';

const FAST = { pollMs: 10, reopenMs: 50 };
let reader: PollingReader | null = null;

function folderReader() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-cards-'));
  reader = new PollingReader(new FolderChannel(folder), FAST);
  return { folder, reader };
}

afterEach(async () => {
  await reader?.close();
  reader = null;
});

describe('the polling reader over the simulated card slot', () => {
  it('reports placed, read (the card text) and removed, and reads a card once while it lies there', async () => {
    const { folder, reader } = folderReader();
    const events = recordEvents(reader);
    placeCard(folder, SAMPLE_CARDS.sample);
    const read = await events.next('read');
    expect(read.card.name).toBe('李明');
    expect(read.readerMs).toBeGreaterThanOrEqual(0);
    await sleep(100);
    expect(events.kinds()).toEqual(['placed', 'read']);
    removeCard(folder);
    await events.next('removed');
    expect(reader.status()).toBe('ok');
  });

  it('a damaged chip is unreadable once; the card is not read again until it is put back', async () => {
    const { folder, reader } = folderReader();
    const events = recordEvents(reader);
    placeCard(folder, { ...SAMPLE_CARDS.sample, unreadable: true });
    await events.next('error');
    await sleep(100);
    expect(events.kinds()).toEqual(['placed', 'error:unreadable']);
    removeCard(folder);
    await events.next('removed');
    placeCard(folder, SAMPLE_CARDS.sample);
    await events.next('read');
  });

  it('a card taken away during the read is removed_early', async () => {
    const { folder, reader } = folderReader();
    const events = recordEvents(reader);
    placeCard(folder, { ...SAMPLE_CARDS.sample, readMs: 400 });
    await events.next('placed');
    removeCard(folder);
    expect((await events.next('error')).reason).toBe('removed_early');
  });

  it('reads nothing while paused: a card on an unwatched reader stays unread', async () => {
    const { folder, reader } = folderReader();
    const events = recordEvents(reader);
    reader.pause();
    await sleep(50);
    placeCard(folder, SAMPLE_CARDS.sample);
    await sleep(150);
    expect(events.events).toEqual([]);
    const again = recordEvents(reader);
    await again.next('read');
  });

  it('probe gives the port, the SAM id and the state', async () => {
    const { folder, reader } = folderReader();
    expect(await reader.probe()).toEqual({
      port: folder,
      samId: '05.01-20240601-0000000019-0000000001',
      status: 'ok',
    });
  });
});
