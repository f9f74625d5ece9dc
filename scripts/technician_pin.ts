import { technicianPinSchema } from '../common/contract/technician_methods';
import { hashPin } from '../core/pins/pin_hash';

/**
 * `npm run technician:pin` — reads a technician PIN from standard input (not the command line, which
 * shell history and process lists keep) and prints the `technicianPinHash` for the provisioning file.
 */
async function main(): Promise<number> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const pin = technicianPinSchema.safeParse(input.trim());
  if (!pin.success) {
    process.stderr.write('The PIN must be 6 to 12 digits.\n');
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ technicianPinHash: hashPin(pin.data) })}\n`);
  return 0;
}

process.exitCode = await main();
