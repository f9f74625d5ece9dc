import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import { createKioskCore } from '../../../core/kiosk_core';
import { createMemoryLogger } from '../../../node_shared/logger';
import { testHooksEnabled } from '../../../renderer/test_hooks';

const SAMPLE_CONFIG = path.resolve(import.meta.dirname, '../../../assets/config.sample.json');

async function terminalOf(testHooks?: boolean): Promise<TerminalInfo> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-hooks-'));
  const core = createKioskCore({
    dataDir,
    configPath: SAMPLE_CONFIG,
    appVersion: 't',
    logger: createMemoryLogger(),
    testHooks,
  });
  try {
    const response = await core.dispatch('system.provisioning', {});
    if (!response.ok) throw new Error('provisioning failed');
    const value = response.value as { provisioned: true; terminal: TerminalInfo };
    return value.terminal;
  } finally {
    core.close();
  }
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('test hooks on window', () => {
  it('stay off on a normal terminal even when the URL asks for them', async () => {
    window.history.replaceState(null, '', '/?e2e');
    expect(testHooksEnabled(await terminalOf())).toBe(false);
  });

  it('need both a core started for tests and the URL flag', async () => {
    const terminal = await terminalOf(true);
    expect(testHooksEnabled(terminal)).toBe(false);
    window.history.replaceState(null, '', '/?e2e');
    expect(testHooksEnabled(terminal)).toBe(true);
  });
});
