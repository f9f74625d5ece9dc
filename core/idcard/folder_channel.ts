import fs from 'node:fs';
import { err, ok, type Result } from '../../common/result';
import { type ChannelError, formatSamId, type SamChannel } from './sam_channel';
import { STATUS } from './sam_frame';
import { SimulatedCardSlot } from './simulated_card_slot';

/** The simulated reader for the dev host and e2e tests: a card is a file in a folder (`simulated_card_slot.ts`). */
export class FolderChannel implements SamChannel {
  private readonly slot: SimulatedCardSlot;

  constructor(readonly port: string) {
    this.slot = new SimulatedCardSlot(port);
  }

  async open(): Promise<Result<void, ChannelError>> {
    try {
      fs.mkdirSync(this.port, { recursive: true, mode: 0o700 });
      return ok(undefined);
    } catch {
      return err({ kind: 'unplugged' });
    }
  }

  async findCard(): Promise<Result<boolean, ChannelError>> {
    return ok(this.slot.find());
  }

  async selectCard(): Promise<Result<boolean, ChannelError>> {
    return ok(this.slot.select());
  }

  async readBase(): Promise<Result<Uint8Array, ChannelError>> {
    const text = await this.slot.read();
    return text.ok ? text : err({ kind: 'status', status: STATUS.readFailed });
  }

  async samId(): Promise<Result<string, ChannelError>> {
    return ok(formatSamId(this.slot.samId()));
  }

  async close(): Promise<void> {}
}
