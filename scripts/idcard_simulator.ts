import path from 'node:path';
import { parseArgs } from 'node:util';
import { simulatedCardSchema } from '../core/idcard/simulated_card_slot';
import { serveSamDevice } from './idcard/sam_device';
import { placeCard, removeCard, SAMPLE_CARDS } from './idcard/sample_cards';

const USAGE = `Simulated ID card reader (see docs/id_card_reader.md):
  tsx scripts/idcard_simulator.ts place  --cards DIR [--card sample|mongolian|expired] [--read-ms N] [--unreadable]
  tsx scripts/idcard_simulator.ts remove --cards DIR
  tsx scripts/idcard_simulator.ts serve  --cards DIR --device PTY   (answers the SAM protocol on a serial line)
`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      cards: { type: 'string' },
      card: { type: 'string', default: 'sample' },
      device: { type: 'string' },
      'read-ms': { type: 'string', default: '0' },
      unreadable: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  if (!values.cards || !command) {
    process.stderr.write(USAGE);
    return 2;
  }
  const folder = path.resolve(values.cards);
  if (command === 'place') {
    const sample = SAMPLE_CARDS[values.card as keyof typeof SAMPLE_CARDS];
    const card = simulatedCardSchema.safeParse({
      ...sample,
      readMs: Number(values['read-ms']),
      unreadable: values.unreadable,
    });
    if (!sample || !card.success) {
      process.stderr.write(USAGE);
      return 2;
    }
    placeCard(folder, card.data);
    return 0;
  }
  if (command === 'remove') {
    removeCard(folder);
    return 0;
  }
  if (command === 'serve' && values.device) {
    const served = await serveSamDevice(values.device, folder);
    process.stdout.write(`${JSON.stringify({ event: 'ready', device: values.device, cards: folder })}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await served.close();
    return 0;
  }
  process.stderr.write(USAGE);
  return 2;
}

process.exitCode = await main();
