import { once } from 'node:events';
import { expect, it } from 'vitest';
import { processesOf } from '../../../node_shared/pdf/process_memory';
import { spawnTypeScript } from '../../support/test_processes';

it('a stop that hangs still ends the process within its deadline, and its print browser with it', async () => {
  const child = spawnTypeScript('tests/fixtures/process/hanging_close.ts', [], {
    env: { ...process.env, STOP_DEADLINE_MS: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { profileDir } = JSON.parse(line.toString()) as { profileDir: string };
  expect(processesOf(profileDir).length).toBeGreaterThan(0);

  const started = Date.now();
  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  expect(code).toBe(1);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(stderr).toContain('"event":"process.stop_forced"');
  await expect.poll(() => processesOf(profileDir), { timeout: 5_000 }).toEqual([]);
}, 30_000);
