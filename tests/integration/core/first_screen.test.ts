import { describe, expect, it } from 'vitest';
import { ok } from '../../../common/result';
import type { Printer } from '../../../core/printing/printer';
import { startTestCore } from '../forms/support';

describe('system.ready (the renderer reports its first screen)', () => {
  it('warms the printer only after the first screen is up, and only once', async () => {
    let warmed = 0;
    const printer: Printer = {
      print: async () => ok({ jobId: 'x' }),
      warm: async () => {
        warmed++;
      },
    };
    const core = startTestCore({ printer });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(warmed).toBe(0);
      expect(await core.call('system.ready', {})).toEqual({ ok: true });
      expect(await core.call('system.ready', {})).toEqual({ ok: true });
      expect(warmed).toBe(1);
      // A hostile or buggy page cannot pass anything along with it.
      expect(await core.raw('system.ready', { now: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid_args' },
      });
    } finally {
      core.close();
    }
  });
});
