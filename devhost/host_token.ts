import fs from 'node:fs';
import path from 'node:path';
import { newRunToken } from './request_guard';

const TOKEN_FILE = 'devhost.token';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/;

/**
 * The dev host's bearer token, kept in the data folder (owner-only) so that a page left open across a
 * restart of the dev host (crash, SIGKILL, update) still holds a valid token and carries on by itself.
 * Whoever can read the data folder can already read the visitors' drafts, so this adds no exposure. A file
 * that is missing or not a token (tampered, truncated) is replaced by a fresh one.
 */
export function hostToken(dataDir: string): string {
  const file = path.join(dataDir, TOKEN_FILE);
  try {
    const kept = fs.readFileSync(file, 'utf8');
    if (TOKEN_SHAPE.test(kept)) return kept;
  } catch {
    // no token yet: made below
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const token = newRunToken();
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, token, { mode: 0o600 });
  fs.renameSync(temporary, file);
  return token;
}
