/**
 * Child process of the power-cut test: opens the core on KIOSK_DATA_DIR, starts a legal-aid draft and saves
 * the answers one by one, printing `{"draftId":…}` and then `{"saved":"<step>"}` after each acknowledged
 * save — then waits to be killed.
 */
import { fillLegalAidSteps } from './power_cut_steps';

await fillLegalAidSteps(process.env.KIOSK_DATA_DIR!, (line) =>
  process.stdout.write(`${JSON.stringify(line)}\n`),
);
setInterval(() => undefined, 1000);
