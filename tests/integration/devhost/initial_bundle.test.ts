import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialScriptBytes, initialScripts, RENDERER_DIST } from '../../support/renderer_bundle';

// What must not load with the first screen, each by a string only its code holds: it arrives with the screen
// that needs it.
const LATER = {
  'pinyin keyboard index': '阿啊嗄锕吖',
  'handwriting data': '一是人不了在有大中国和为这上他地',
  'Mongolian keyboard layout': 'a e i o u oe ue ee na ang',
  'video call (WebRTC)': 'RTCPeerConnection',
  'technician diagnostics': 'system.update_failed',
  'schemas (zod)': 'ZodError',
  'map QR code': 'isKanjiModeEnabled',
};

describe('the first screen loads only its own code', () => {
  it('keeps keyboards and their data, video, technician, schemas and the directory map out of it', () => {
    const initial = initialScripts();
    expect(initial.length).toBeGreaterThan(0);
    const assets = path.join(RENDERER_DIST, 'assets');
    const all = fs.readdirSync(assets).filter((file) => file.endsWith('.js'));
    for (const [what, marker] of Object.entries(LATER)) {
      expect(
        initial.filter((script) => script.text.includes(marker)).map((s) => s.file),
        what,
      ).toEqual([]);
      // The marker is real: that code is in the build, in a chunk loaded later.
      expect(
        all.some((file) => fs.readFileSync(path.join(assets, file), 'utf8').includes(marker)),
        what,
      ).toBe(true);
    }
  });

  it('stays under 170 KB of gzipped JavaScript (it was one 439 KB chunk)', () => {
    expect(initialScriptBytes().gzip).toBeLessThan(170 * 1024);
  });
});
