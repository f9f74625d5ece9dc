import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Channel, platformOfFeedFile } from '../../common/updates/feed';
import {
  type FeedPayload,
  feedPayloadSchema,
  MAX_FEED_BYTES,
  parseSignedFeed,
} from '../../common/updates/signed_feed';
import { Refused, readBody } from '../http_io';
import { channelDir, type ReleaseName, writeAtomically } from './release_files';

/** Largest build accepted (an NSIS installer or an AppImage is 100–200 MB). */
export const MAX_BUILD_BYTES = 2 * 1024 * 1024 * 1024;

async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('base64');
}

/** The payload of a stored feed (not verified: the hub holds no key; it only keeps the sequence rising). */
function storedPayload(file: string): FeedPayload | null {
  try {
    const envelope = parseSignedFeed(fs.readFileSync(file, 'utf8'));
    if (!envelope) return null;
    const payload = feedPayloadSchema.safeParse(
      JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')),
    );
    return payload.success ? payload.data : null;
  } catch {
    return null;
  }
}

/** One part of a build upload: small enough for the hub's whole-request deadline on a slow line. */
export const MAX_BUILD_PART_BYTES = 16 * 1024 * 1024;

const integer = (value: string | null) => (value !== null && /^\d{1,13}$/.test(value) ? Number(value) : null);

/**
 * Receives a build in parts (`?offset=N&total=SIZE`, header `x-build-sha512` with the whole file's sha512),
 * appended to `<name>.partial` in order; a part at the wrong offset is refused with the offset to resume at.
 * After the last part the whole file must have that sha512, then it becomes `<name>`. A build (its name
 * carries the version) is never replaced by other content.
 */
async function receiveBuild(
  req: IncomingMessage,
  target: string,
  query: URLSearchParams,
): Promise<[number, unknown]> {
  const offset = integer(query.get('offset'));
  const total = integer(query.get('total'));
  const sha512 = req.headers['x-build-sha512'];
  const length = Number(req.headers['content-length']);
  if (
    offset === null ||
    total === null ||
    total <= 0 ||
    typeof sha512 !== 'string' ||
    !/^[A-Za-z0-9+/]{86}==$/.test(sha512)
  )
    throw new Refused(422, 'invalid_request', { detail: 'offset, total and x-build-sha512 are required' });
  if (total > MAX_BUILD_BYTES) throw new Refused(413, 'too_large');
  if (!Number.isInteger(length) || length <= 0) throw new Refused(411, 'length_required');
  if (length > MAX_BUILD_PART_BYTES || offset + length > total) throw new Refused(413, 'part_too_large');
  if (fs.existsSync(target)) {
    if ((await sha512Of(target)) !== sha512) throw new Refused(409, 'build_exists');
    return [200, { name: path.basename(target), complete: true, stored: false }];
  }
  const partial = `${target}.partial`;
  const have = fs.statSync(partial, { throwIfNoEntry: false })?.size ?? 0;
  if (offset !== have) throw new Refused(409, 'offset_mismatch', { offset: String(have) });
  const body = await readBody(req, length);
  if (!body.ok || body.value.length !== length) throw new Refused(400, 'incomplete');
  fs.appendFileSync(partial, body.value, { mode: 0o644 });
  const received = offset + length;
  if (received < total) return [202, { name: path.basename(target), complete: false, offset: received }];
  if ((await sha512Of(partial)) !== sha512) {
    fs.rmSync(partial, { force: true });
    throw new Refused(422, 'sha512_mismatch');
  }
  fs.renameSync(partial, target);
  return [201, { name: path.basename(target), complete: true, stored: true }];
}

/**
 * Takes a signed feed from the release machine. The hub cannot check the signature (the release key never
 * comes here; terminals check it), but it refuses a feed that would certainly fail them: one for another
 * channel or platform, one naming a build it does not hold with that size and sha512, or one whose sequence
 * is not above the feed it replaces.
 */
async function receiveFeed(
  req: IncomingMessage,
  channel: Channel,
  target: string,
): Promise<[number, unknown]> {
  const body = await readBody(req, MAX_FEED_BYTES);
  if (!body.ok) throw new Refused(body.error === 'too_large' ? 413 : 400, body.error);
  const envelope = parseSignedFeed(body.value.toString('utf8'));
  if (!envelope) throw new Refused(422, 'invalid_feed', { detail: 'not a signed feed envelope' });
  let payload: FeedPayload;
  try {
    const parsed = feedPayloadSchema.safeParse(
      JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')),
    );
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.path.join('.') ?? 'payload');
    payload = parsed.data;
  } catch (error) {
    throw new Refused(422, 'invalid_feed', {
      detail: `payload: ${error instanceof Error ? error.message : ''}`,
    });
  }
  if (payload.channel !== channel || payload.platform !== platformOfFeedFile(path.basename(target)))
    throw new Refused(422, 'invalid_feed', { detail: 'channel or platform differs from the address' });
  const build = path.join(path.dirname(target), payload.file);
  const stat = fs.statSync(build, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size !== payload.size || (await sha512Of(build)) !== payload.sha512)
    throw new Refused(409, 'build_missing', { detail: `upload ${payload.file} first` });
  const current = storedPayload(target);
  if (current && payload.sequence <= current.sequence)
    throw new Refused(409, 'stale_sequence', {
      detail: `the published feed has sequence ${current.sequence}`,
    });
  writeAtomically(target, body.value);
  return [201, { feed: path.basename(target), sequence: payload.sequence, version: payload.version }];
}

/** `PUT /api/v1/updates/<channel>/<name>` (administrator token): a build or a signed feed. */
export function receiveRelease(
  req: IncomingMessage,
  dataDir: string,
  channel: Channel,
  name: ReleaseName,
  query: URLSearchParams,
): Promise<[number, unknown]> {
  const dir = channelDir(dataDir, channel);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name.name);
  return name.kind === 'build' ? receiveBuild(req, target, query) : receiveFeed(req, channel, target);
}
