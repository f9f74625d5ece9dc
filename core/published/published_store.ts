import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { schemaIssue } from '../../common/published/published_data';
import { err, ok, type Result } from '../../common/result';
import type { Logger } from '../../node_shared/logger';
import type { KioskDatabase } from '../storage/database';

/** One kind of published data: its `assets` row key, its schema, and the copy shipped with the app. */
export interface PublishedKind<T> {
  kind: 'directory' | 'fee_rules' | 'content';
  id: string;
  schema: z.ZodType<T>;
  bundled: unknown;
}

/** Where the data in use came from: the hub's active version, its previous one, or the app's own copy. */
export type PublishedSource = 'published' | 'previous' | 'bundled';

export interface LoadedPublished<T> {
  value: T;
  version: string;
  source: PublishedSource;
}

export type PublishedRefusal =
  | { reason: 'hash_mismatch' }
  | { reason: 'bad_json' }
  | { reason: 'invalid'; field: string; message: string };

export interface PublishedItem {
  version: string;
  sha256: string;
  body: Buffer;
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Values already parsed and validated, by kind and SHA-256 (the bundled copy by its spec): a screen that shows
 * published data re-reads and re-hashes its row, but a body that verified once is not parsed again (10,000
 * institutions cost ~0.3 s of JSON and schema work per visit). The same verified body yields the same object,
 * which callers treat as read-only. At most a few versions per kind are kept.
 */
const parsedValues = new Map<string, unknown>();
const parsedBundled = new WeakMap<PublishedKind<unknown>, unknown>();
const MAX_PARSED = 12;

function rememberParsed<T>(key: string, value: T): T {
  parsedValues.set(key, value);
  if (parsedValues.size > MAX_PARSED) parsedValues.delete(parsedValues.keys().next().value!);
  return value;
}

/** Checks a downloaded body: hash, JSON, schema. The sync downlink calls this before switching versions. */
export function checkPublished<T>(spec: PublishedKind<T>, item: PublishedItem): Result<T, PublishedRefusal> {
  if (sha256(item.body) !== item.sha256) return err({ reason: 'hash_mismatch' });
  const key = `${spec.kind}/${item.sha256}`;
  if (parsedValues.has(key)) return ok(parsedValues.get(key) as T);
  let json: unknown;
  try {
    json = JSON.parse(item.body.toString('utf8'));
  } catch {
    return err({ reason: 'bad_json' });
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) return err({ reason: 'invalid', ...schemaIssue(parsed.error) });
  return ok(rememberParsed(key, parsed.data));
}

/**
 * Installs a published version: refused (nothing changes) unless hash, JSON and schema are right; otherwise in
 * one transaction the active version becomes the previous one and the new one becomes active.
 */
export function installPublished<T>(
  db: KioskDatabase,
  spec: PublishedKind<T>,
  item: PublishedItem,
  installedAt: Date,
): Result<{ version: string }, PublishedRefusal> {
  const checked = checkPublished(spec, item);
  if (!checked.ok) return checked;
  const { kind, id } = spec;
  db.transaction(() => {
    const current = db
      .prepare("SELECT version FROM assets WHERE kind = ? AND id = ? AND state = 'active'")
      .get(kind, id) as { version: string } | undefined;
    if (current?.version === item.version) return;
    db.prepare("DELETE FROM assets WHERE kind = ? AND id = ? AND (state = 'previous' OR version = ?)").run(
      kind,
      id,
      item.version,
    );
    db.prepare("UPDATE assets SET state = 'previous' WHERE kind = ? AND id = ? AND state = 'active'").run(
      kind,
      id,
    );
    db.prepare(
      "INSERT INTO assets (kind, id, version, sha256, body, state, installed_at) VALUES (?, ?, ?, ?, ?, 'active', ?)",
    ).run(kind, id, item.version, item.sha256, item.body, installedAt.toISOString());
  })();
  return ok({ version: item.version });
}

interface AssetRow {
  version: string;
  sha256: string;
  body: Buffer;
  state: 'active' | 'previous';
}

/**
 * The data to use now: the active published version if it still verifies, else the previous one, else the
 * bundled copy. A row corrupted after install (bad hash, bad JSON, fails the current schema) is skipped.
 */
export function loadPublished<T>(
  db: KioskDatabase,
  spec: PublishedKind<T>,
  logger: Logger,
): LoadedPublished<T> {
  const rows = db
    .prepare(
      "SELECT version, sha256, body, state FROM assets WHERE kind = ? AND id = ? AND state IN ('active', 'previous') ORDER BY state = 'active' DESC",
    )
    .all(spec.kind, spec.id) as AssetRow[];
  for (const row of rows) {
    const checked = checkPublished(spec, row);
    if (checked.ok)
      return {
        value: checked.value,
        version: row.version,
        source: row.state === 'active' ? 'published' : 'previous',
      };
    logger.warn('published.refused', {
      kind: spec.kind,
      id: spec.id,
      version: row.version,
      ...checked.error,
    });
  }
  // The bundled copy is part of the build: if it fails its schema, that is a bug, so this throws.
  let value = parsedBundled.get(spec) as T | undefined;
  if (value === undefined) {
    value = spec.schema.parse(spec.bundled);
    parsedBundled.set(spec, value);
  }
  const version = (value as { version?: unknown }).version;
  return { value, version: typeof version === 'string' ? version : 'bundled', source: 'bundled' };
}
