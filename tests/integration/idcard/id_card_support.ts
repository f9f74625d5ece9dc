import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KioskConfigInput } from '../../../common/config_schema';
import type { EventPayload } from '../../../common/contract';
import type { KioskCore } from '../../../core/kiosk_core';
import { hashPin } from '../../../core/pins/pin_hash';
import { REPO } from '../forms/support';

export const TECHNICIAN_PIN = '246810';
export const READER_LOCATION = {
  'zh-CN': '屏幕右下方的读卡区',
  en: 'the card area below the screen, on the right',
};

/** A provisioning file like the sample, with a simulated ID card reader on `cards` (and a technician PIN). */
export function readerConfig(
  cards: string,
  change: Partial<KioskConfigInput> = {},
): { configPath: string; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-idcard-'));
  const sample = JSON.parse(fs.readFileSync(path.join(REPO, 'assets/config.sample.json'), 'utf8'));
  const config: KioskConfigInput = {
    ...sample,
    technicianPinHash: hashPin(TECHNICIAN_PIN),
    idCardReader: { adapter: 'simulated', folder: cards, location: READER_LOCATION },
    ...change,
  };
  const configPath = path.join(dataDir, 'config.json');
  fs.writeFileSync(configPath, JSON.stringify(config));
  return { configPath, dataDir };
}

type CardState = EventPayload<'idcard.state'>;

/** The `idcard.state` events a core emits; `next(state)` waits for one (or takes it if it came already). */
export function cardEvents(core: Pick<KioskCore, 'events'>) {
  const seen: CardState[] = [];
  let cursor = 0;
  core.events.attach((name, payload) => {
    if (name === 'idcard.state') seen.push(payload as CardState);
  });
  return {
    seen,
    async next<S extends CardState['state']>(state: S, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = seen.findIndex((event, i) => i >= cursor && event.state === state);
        if (index >= 0) {
          cursor = index + 1;
          return seen[index] as Extract<CardState, { state: S }>;
        }
        if (Date.now() > deadline) throw new Error(`no ${state} (saw ${seen.map((e) => e.state)})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
