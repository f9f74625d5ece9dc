import { afterEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../common/result';
import { createIdCardReader } from '../../../core/idcard/create_reader';
import { PollingReader } from '../../../core/idcard/polling_reader';
import { STATUS } from '../../../core/idcard/sam_frame';
import type { SdtLibrary } from '../../../core/idcard/sdt_library';
import { encodeTextBlock } from '../../../core/idcard/text_block';
import { VendorSdtChannel } from '../../../core/idcard/vendor_sdt_channel';
import { SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import { recordEvents, sleep } from './reader_support';

const FAST = { pollMs: 10, reopenMs: 30 };

/**
 * A fake `SDT_*` library with a card slot: answers like the vendor DLLs (0x9F found, 0x80 none, 0x90 ok) and
 * writes a photo into the buffer it is given, like the real `SDT_ReadBaseMsg`.
 */
function fakeLibrary() {
  const state = {
    card: null as Uint8Array | null,
    selected: false,
    portWorks: true,
    calls: [] as string[],
    photoBuffers: [] as Uint8Array[],
  };
  const call = (name: string) => state.calls.push(name);
  const library: SdtLibrary = {
    openPort: async (port) => {
      call(`open:${port}`);
      return state.portWorks ? STATUS.ok : 0x01;
    },
    closePort: async () => {
      call('close');
      return STATUS.ok;
    },
    startFindIdCard: async () => {
      call('find');
      if (!state.portWorks) return 0x06;
      return state.card && !state.selected ? STATUS.cardFound : STATUS.noCard;
    },
    selectIdCard: async () => {
      call('select');
      if (!state.card) return STATUS.selectFailed;
      state.selected = true;
      return STATUS.ok;
    },
    readBaseMsg: async (_port, text, textLength, photo, photoLength) => {
      call('read');
      if (!state.card) return STATUS.readFailed;
      text.set(state.card);
      textLength[0] = state.card.length;
      photo.fill(0x5a);
      photoLength[0] = photo.length;
      state.photoBuffers.push(photo);
      return STATUS.ok;
    },
    samIdToStr: async (_port, out) => {
      out.set(Buffer.from('05.01-20130118-0004568765-2081845567\0'));
      return STATUS.ok;
    },
  };
  return { state, library };
}

let reader: PollingReader | null = null;
afterEach(async () => {
  await reader?.close();
  reader = null;
});

describe('the vendor library adapter (SDT_* through koffi), with a fake library object', () => {
  it('finds, selects and reads a card through the library, on the configured port', async () => {
    const { state, library } = fakeLibrary();
    reader = new PollingReader(new VendorSdtChannel(async () => ok(library), 1001), FAST);
    const events = recordEvents(reader);
    state.card = encodeTextBlock(SAMPLE_CARDS.sample);
    const read = await events.next('read');
    expect(read.card.idNumber).toBe(SAMPLE_CARDS.sample.idNumber);
    expect(state.calls).toContain('open:1001');
    expect(state.calls.slice(state.calls.indexOf('select') - 1, state.calls.indexOf('read') + 1)).toEqual([
      'find',
      'select',
      'read',
    ]);
    state.card = null;
    state.selected = false;
    await events.next('removed');
  });

  it('never keeps the photo: the buffer the library wrote it into is zeroed at once', async () => {
    const { state, library } = fakeLibrary();
    reader = new PollingReader(new VendorSdtChannel(async () => ok(library), 1001), FAST);
    const events = recordEvents(reader);
    state.card = encodeTextBlock(SAMPLE_CARDS.sample);
    await events.next('read');
    expect(state.photoBuffers).toHaveLength(1);
    expect(state.photoBuffers[0]!.every((byte) => byte === 0)).toBe(true);
  });

  it('a port failure is an unplugged reader (offline); it is reopened when the device is back', async () => {
    const { state, library } = fakeLibrary();
    reader = new PollingReader(new VendorSdtChannel(async () => ok(library), 1001), FAST);
    const events = recordEvents(reader);
    await sleep(50);
    state.portWorks = false;
    expect((await events.next('error')).reason).toBe('unplugged');
    expect(reader.status()).toBe('offline');
    state.portWorks = true;
    state.card = encodeTextBlock(SAMPLE_CARDS.sample);
    await events.next('read');
    expect(reader.status()).toBe('ok');
  });

  it('a library that cannot be loaded leaves the reader offline, never the core broken', async () => {
    reader = new PollingReader(new VendorSdtChannel(async () => err('not_loaded' as const), 1001), FAST);
    expect(await reader.probe()).toEqual({ port: '1001', samId: null, status: 'offline' });
  });

  it('the real loader refuses a missing library file (koffi loads only when configured)', async () => {
    reader = createIdCardReader(
      {
        adapter: 'vendor',
        library: '/nonexistent/libsdtapi.so',
        port: 1001,
        location: { 'zh-CN': '屏幕右侧', en: 'right of the screen' },
      },
      FAST,
    ) as PollingReader;
    expect((await reader.probe()).status).toBe('offline');
  });

  it('reads the SAM id as the library prints it', async () => {
    const { library } = fakeLibrary();
    reader = new PollingReader(new VendorSdtChannel(async () => ok(library), 1001), FAST);
    expect((await reader.probe()).samId).toBe('05.01-20130118-0004568765-2081845567');
  });
});
