import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { LEGAL_AID_ANSWERS, REPO, startTestCore } from './support';

describe('power cut while filling in a form', () => {
  it('keeps every acknowledged answer after SIGKILL, and the database is intact', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-powercut-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'tests/integration/forms/power_cut_child.ts')],
      { cwd: REPO, env: { ...process.env, KIOSK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const acknowledged: string[] = [];
    let draftId = '';
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for await (const line of createInterface({ input: child.stdout! })) {
      const message = JSON.parse(line) as { draftId?: string; saved?: string };
      if (message.draftId) draftId = message.draftId;
      if (message.saved) acknowledged.push(message.saved);
      if (acknowledged.length === 9) {
        child.kill('SIGKILL');
        break;
      }
    }
    await exited;
    expect(acknowledged).toHaveLength(9);

    const core = startTestCore({ dataDir });
    try {
      expect(core.deps.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const draft = await core.call('forms.get_draft', { draftId });
      if (!draft.ok) throw new Error('draft lost');
      const expected = Object.fromEntries(LEGAL_AID_ANSWERS.filter(([id]) => acknowledged.includes(id)));
      for (const [stepId, value] of Object.entries(expected))
        expect(draft.draft.answers[stepId], stepId).toEqual(value);
    } finally {
      core.close();
    }
  });
});
