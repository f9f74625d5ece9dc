import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { prepareItem } from '../../../hub/publish';
import type { HubStore } from '../../../hub/storage/hub_store';
import { issueToken } from '../../../hub/tokens';
import { REPO } from '../forms/support';

/**
 * Publishes every bundled version of the legal-aid form on a hub, as `npm run hub:publish` would: the hub
 * refuses a submission naming a version it has not published, and kiosks file on the latest one.
 */
export async function publishLegalAid(store: HubStore): Promise<void> {
  const dir = path.join(REPO, 'assets/templates');
  for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('legal_aid_application@'))) {
    const item = prepareItem({ kind: 'template', body: fs.readFileSync(path.join(dir, file)) });
    if (!item.ok) throw new Error(item.error);
    await store.publish({ ...item.value, publishedAt: new Date().toISOString() });
  }
}

export async function token(
  store: HubStore,
  role: 'terminal' | 'staff' | 'admin',
  centre: string | null,
  terminalId: string | null = null,
): Promise<string> {
  const grant =
    role === 'terminal'
      ? { role, terminalId: terminalId!, centre }
      : { role, centres: centre === null ? null : [centre] };
  return (await issueToken(store, grant, new Date())).token;
}

/** The text of a PDF, as `pdftotext` (poppler) reads it. */
export async function pdfText(bytes: Buffer, dir: string): Promise<string> {
  const file = path.join(dir, `doc-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
  return stdout;
}
