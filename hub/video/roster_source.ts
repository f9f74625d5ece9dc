import fs from 'node:fs';
import path from 'node:path';
import { type Roster, rosterSchema } from '../../common/video/roster';
import { projectRoot } from '../../node_shared/project_root';

const SAMPLE = path.join(projectRoot(import.meta.dirname), 'assets/video/roster.sample.json');

/**
 * The duty roster the hub publishes to kiosks: `<data>/video/roster.json` when the centre has written one,
 * else the bundled sample (labelled 示例数据). Re-read when the file changes, so edits need no restart.
 */
export function rosterSource(dataDir: string | undefined): () => Roster {
  const file =
    dataDir && fs.existsSync(path.join(dataDir, 'video/roster.json'))
      ? path.join(dataDir, 'video/roster.json')
      : SAMPLE;
  let cached: { mtimeMs: number; roster: Roster } | null = null;
  return () => {
    const mtimeMs = fs.statSync(file).mtimeMs;
    if (!cached || cached.mtimeMs !== mtimeMs)
      cached = { mtimeMs, roster: rosterSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) };
    return cached.roster;
  };
}
