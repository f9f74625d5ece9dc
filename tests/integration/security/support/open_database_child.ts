import { openKioskDatabase } from '../../../../core/storage/open_kiosk_database';
import { createLogger } from '../../../../node_shared/logger';

/**
 * A kiosk start-up's database step as its own process, for the kill tests: `tsx open_database_child.ts DIR`.
 * Log lines (the encryption steps among them) go to stdout as they happen; `opened` when done.
 */
const dataDir = process.argv[2]!;
const db = openKioskDatabase(dataDir, {
  logger: createLogger((line) => process.stdout.write(`${line}\n`)),
  now: () => new Date(),
});
db.close();
process.stdout.write('opened\n');
