import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../common/result';
import { type CardText, encodeTextBlock } from './text_block';

/** The file that stands for a card lying on the simulated reader. */
export const CARD_FILE = 'card.json';

/**
 * A simulated card: the text fields as the chip stores them (see `text_block.ts`), plus how the chip
 * behaves: `readMs` how long reading takes, `unreadable` a damaged chip.
 */
export const simulatedCardSchema = z
  .object({
    name: z.string().max(15),
    sexCode: z.string().max(1),
    nationCode: z.string().max(2),
    birth: z.string().max(8),
    address: z.string().max(35),
    idNumber: z.string().max(18),
    issuer: z.string().max(15),
    validFrom: z.string().max(8),
    validTo: z.string().max(8),
    readMs: z.number().int().min(0).max(10_000).default(0),
    unreadable: z.boolean().default(false),
  })
  .strict();
export type SimulatedCard = z.input<typeof simulatedCardSchema>;

/** The simulated SAM's fixed id bytes (printed `05.01-20240601-0000000019-0000000001`). */
const SAM_ID = Uint8Array.of(5, 0, 1, 0, 0xd9, 0xd8, 0x34, 0x01, 19, 0, 0, 0, 1, 0, 0, 0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The card slot of the simulated reader: a card is "on the reader" while `card.json` exists in the folder
 * (write it to place a card, delete it to take it away; a new file is a new card). Like a real chip, a card
 * answers "find" until it is selected, then only "select" until it leaves. Shared by the folder adapter (dev
 * host, e2e) and the serial simulator (`scripts/idcard_simulator.ts`), so both behave the same.
 */
export class SimulatedCardSlot {
  private selected: string | null = null;

  constructor(readonly folder: string) {}

  /** Which card lies there now (a new file is a new card), or null. */
  private current(): string | null {
    try {
      const stat = fs.statSync(path.join(this.folder, CARD_FILE));
      return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    } catch {
      return null;
    }
  }

  find(): boolean {
    const card = this.current();
    return card !== null && card !== this.selected;
  }

  select(): boolean {
    const card = this.current();
    if (card !== null) this.selected = card;
    return card !== null;
  }

  /** The text block; `no_card` when it left during the read, `unreadable` for a damaged (or invalid) card. */
  async read(): Promise<Result<Uint8Array, 'no_card' | 'unreadable'>> {
    const card = this.current();
    if (card === null) return err('no_card');
    let parsed: ReturnType<typeof simulatedCardSchema.safeParse>;
    try {
      parsed = simulatedCardSchema.safeParse(
        JSON.parse(fs.readFileSync(path.join(this.folder, CARD_FILE), 'utf8')),
      );
    } catch {
      return err('unreadable');
    }
    if (!parsed.success || parsed.data.unreadable) return err('unreadable');
    await sleep(parsed.data.readMs);
    if (this.current() !== card) return err('no_card');
    const { readMs: _readMs, unreadable: _unreadable, ...text } = parsed.data;
    return ok(encodeTextBlock(text satisfies CardText));
  }

  samId(): Uint8Array {
    return SAM_ID.slice();
  }
}
