import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PollingReader } from '../../../core/idcard/polling_reader';
import { COMMANDS } from '../../../core/idcard/sam_frame';
import { SerialSamChannel } from '../../../core/idcard/serial_sam_channel';
import { type SamDevice, serveSamDevice } from '../../../scripts/idcard/sam_device';
import { placeCard, removeCard, SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import { recordEvents, sleep } from '../../unit/idcard/reader_support';
import { type PtyPair, startPtyPair } from './pty_pair';

const TIMEOUTS = { commandMs: 300, readMs: 600 };
const FAST = { pollMs: 20, reopenMs: 100 };

let pty: PtyPair;
let device: SamDevice;
let closeDevice: () => Promise<void>;
let cards: string;
let reader: PollingReader;

beforeEach(async () => {
  pty = await startPtyPair();
  cards = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-cards-'));
  const served = await serveSamDevice(pty.device, cards);
  device = served.device;
  closeDevice = served.close;
  reader = new PollingReader(new SerialSamChannel(pty.kiosk, 115200, TIMEOUTS), FAST);
});

afterEach(async () => {
  await reader.close();
  await closeDevice();
  await pty.unplug();
});

describe('the serial SAM adapter on a real pseudo-terminal (socat) against the simulated reader', () => {
  it('place, read, remove: the text arrives whole and the photo the reader sends is never kept', async () => {
    const events = recordEvents(reader);
    placeCard(cards, SAMPLE_CARDS.sample);
    const read = await events.next('read');
    expect(read.card).toEqual(SAMPLE_CARDS.sample);
    expect(JSON.stringify(read)).not.toMatch(/Z{4}/); // the photo pattern (0x5A) is nowhere in what came out
    removeCard(cards);
    await events.next('removed');
    expect(events.kinds()).toEqual(['placed', 'read', 'removed']);
    expect(device.received.map(([cmd, para]) => `${cmd}:${para}`)).toContain(
      `${COMMANDS.readBase[0]}:${COMMANDS.readBase[1]}`,
    );
    expect(reader.status()).toBe('ok');
    // nothing left behind: once closed, the port opens again at once (serialport locks an open port)
    await reader.close();
    const again = new SerialSamChannel(pty.kiosk, 115200, TIMEOUTS);
    expect((await again.open()).ok).toBe(true);
    await again.close();
  });

  it('a corrupt answer (bad checksum) to the read is unreadable; the card is read again once put back', async () => {
    const events = recordEvents(reader);
    device.misbehaveNext('bad_checksum', 'readBase');
    placeCard(cards, SAMPLE_CARDS.sample);
    expect((await events.next('error')).reason).toBe('unreadable');
    removeCard(cards);
    await events.next('removed');
    placeCard(cards, SAMPLE_CARDS.sample);
    expect((await events.next('read')).card.name).toBe('李明');
  });

  it('an oversized length field is refused as corrupt, not waited for', async () => {
    const events = recordEvents(reader);
    device.misbehaveNext('oversized', 'readBase');
    placeCard(cards, SAMPLE_CARDS.sample);
    const started = Date.now();
    expect((await events.next('error')).reason).toBe('unreadable');
    expect(Date.now() - started).toBeLessThan(TIMEOUTS.readMs + 500);
  });

  it('no answer: a timeout, the state degraded, then back to ok when the reader answers again', async () => {
    const events = recordEvents(reader);
    device.misbehaveNext('silent', 'readBase');
    placeCard(cards, SAMPLE_CARDS.sample);
    expect((await events.next('error')).reason).toBe('timeout');
    expect(reader.status()).toBe('degraded');
    // the card still lies there: it is found again and read
    expect((await events.next('read')).card.name).toBe('李明');
    expect(reader.status()).toBe('ok');
  });

  it('a truncated answer ends in a timeout, and the line works again afterwards', async () => {
    const events = recordEvents(reader);
    device.misbehaveNext('truncated', 'readBase');
    placeCard(cards, SAMPLE_CARDS.sample);
    expect((await events.next('error')).reason).toBe('timeout');
    expect((await events.next('read')).card.idNumber).toBe(SAMPLE_CARDS.sample.idNumber);
  });

  it('line noise before an answer is skipped', async () => {
    const events = recordEvents(reader);
    device.misbehaveNext('noisy', 'readBase');
    placeCard(cards, SAMPLE_CARDS.sample);
    expect((await events.next('read')).card.name).toBe('李明');
    expect(events.kinds()).toEqual(['placed', 'read']);
  });

  it('the reader unplugged in the middle of a read: unplugged, offline, no crash, and it closes cleanly', async () => {
    const events = recordEvents(reader);
    placeCard(cards, { ...SAMPLE_CARDS.sample, readMs: 800 });
    await events.next('placed');
    await sleep(100);
    await pty.unplug();
    expect((await events.next('error')).reason).toBe('unplugged');
    expect(reader.status()).toBe('offline');
    await sleep(300); // reopening keeps failing quietly
    expect(events.kinds()).toEqual(['placed', 'error:unplugged']);
    const probe = await reader.probe();
    expect(probe).toMatchObject({ samId: null, status: 'offline' });
    await reader.close();
  });
});
