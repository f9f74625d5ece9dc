import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Four suites: unit (Node), renderer (jsdom + Testing Library), integration (real SQLite, real processes),
// e2e (the dev host driven through Debian's Chromium). `npm test` runs them all.
export default defineConfig({
  plugins: [react()],
  test: {
    // Vitest's default is one worker per core but one, i.e. a single worker on the 2-core CI machines: the
    // unit, renderer and integration files then run one after another. Two workers halve that part; the e2e
    // files still run one at a time, after them (fileParallelism: false puts them in their own group).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['tests/unit/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup_dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/build_web_setup.ts', 'tests/support/no_leftover_processes.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/build_web_setup.ts', 'tests/support/no_leftover_processes.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
