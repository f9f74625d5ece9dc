import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { prepareItem } from '../../../hub/publish';
import type { HubStore } from '../../../hub/storage/hub_store';
import { issueToken } from '../../../hub/tokens';
import { REPO } from '../forms/support';

/** Publishes the bundled legal-aid form on a hub, as `npm run hub:publish` would. */
export function publishLegalAid(store: HubStore): void {
  const body = fs.readFileSync(path.join(REPO, 'assets/templates/legal_aid_application@1.0.0.json'));
  const item = prepareItem({ kind: 'template', body });
  if (!item.ok) throw new Error(item.error);
  store.publish({ ...item.value, publishedAt: new Date().toISOString() });
}

export function token(
  store: HubStore,
  role: 'terminal' | 'staff' | 'admin',
  centre: string | null,
  terminalId: string | null = null,
) {
  return issueToken(store, { role, terminalId, centre }, new Date()).token;
}

/** The text of a PDF, as `pdftotext` (poppler) reads it. */
export async function pdfText(bytes: Buffer, dir: string): Promise<string> {
  const file = path.join(dir, `doc-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
  return stdout;
}
