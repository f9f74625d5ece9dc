import { leftoverProcesses, RUN_ID_VARIABLE } from './test_processes';

/**
 * Global setup of the suites that start servers: names this run, and at its end fails the run if any
 * process a test started is still alive (after ending it, so the machine is left clean either way).
 */
export default function setup(): () => void {
  // The vitest process: the same for every project of one run, so the projects' setups agree.
  const runId = String(process.pid);
  process.env[RUN_ID_VARIABLE] = runId;
  return () => {
    const left = leftoverProcesses(runId);
    for (const { pid } of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (left.length > 0) {
      // vitest reports a teardown error but still exits 0: set the failure code ourselves.
      process.exitCode = 1;
      throw new Error(
        `processes left running by the tests:\n${left.map((p) => `${p.pid} ${p.command}`).join('\n')}`,
      );
    }
  };
}
