import fs from 'node:fs';
import { err, ok, type Result } from '../../common/result';
import { type Channel, FEED_FILES, type FeedPlatform } from '../../common/updates/feed';
import { MAX_FEED_BYTES } from '../../common/updates/signed_feed';
import { type HubEndpoint, hubRequest } from '../../node_shared/hub_request';
import type { PlannedBuild } from './release_plan';

/** The release machine's side of `PUT /api/v1/updates/<channel>/<name>` (administrator token, pinned hub). */
export interface HubTarget {
  endpoint: HubEndpoint;
  token: string;
  channel: Channel;
}

/** Parts well under the hub's 16 MB limit and its 30 s whole-request deadline on a slow line. */
const PART_BYTES = 8 * 1024 * 1024;

const path = (target: HubTarget, name: string) =>
  `/api/v1/updates/${target.channel}/${encodeURIComponent(name)}`;

function refusal(status: number, body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: string; detail?: string };
    return `hub answered ${status} ${parsed.error ?? ''}${parsed.detail ? `: ${parsed.detail}` : ''}`;
  } catch {
    return `hub answered ${status}`;
  }
}

/** Uploads a build part by part, resuming where the hub says it stands (a cut line costs one part). */
export async function uploadBuild(target: HubTarget, build: PlannedBuild): Promise<Result<void, string>> {
  const fd = fs.openSync(build.source, 'r');
  try {
    let offset = 0;
    for (let attempts = 0; attempts < 10_000; attempts++) {
      const part = Buffer.alloc(Math.min(PART_BYTES, build.size - offset));
      fs.readSync(fd, part, 0, part.length, offset);
      const answer = await hubRequest(
        target.endpoint,
        `${path(target, build.name)}?offset=${offset}&total=${build.size}`,
        {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${target.token}`,
            'content-type': 'application/octet-stream',
            'content-length': part.length,
            'x-build-sha512': build.sha512,
          },
          body: part,
          maxAnswerBytes: 64 * 1024,
          timeoutMs: 120_000,
        },
      );
      if (!answer.ok)
        return err(
          `${build.name}: ${answer.error.kind === 'identity_mismatch' ? 'the hub identity does not match the profile' : `network (${answer.error.kind})`}`,
        );
      const { status, body } = answer.value;
      if (status === 200 || status === 201) return ok(undefined);
      if (status === 202) {
        offset = (JSON.parse(body.toString('utf8')) as { offset: number }).offset;
        continue;
      }
      if (status === 409) {
        const resume = Number((JSON.parse(body.toString('utf8')) as { offset?: string }).offset);
        if (Number.isInteger(resume) && resume >= 0 && resume <= build.size) {
          offset = resume;
          continue;
        }
      }
      return err(`${build.name}: ${refusal(status, body)}`);
    }
    return err(`${build.name}: upload did not finish`);
  } finally {
    fs.closeSync(fd);
  }
}

/** The feed the hub serves now for a platform (its text), or null when none is published. */
export async function fetchFeed(
  target: HubTarget,
  platform: FeedPlatform,
): Promise<Result<string | null, string>> {
  const answer = await hubRequest(target.endpoint, path(target, FEED_FILES[platform]), {
    headers: { authorization: `Bearer ${target.token}` },
    maxAnswerBytes: MAX_FEED_BYTES,
    timeoutMs: 30_000,
  });
  if (!answer.ok)
    return err(
      answer.error.kind === 'identity_mismatch'
        ? 'the hub identity does not match the profile'
        : `network (${answer.error.kind})`,
    );
  if (answer.value.status === 404) return ok(null);
  if (answer.value.status !== 200) return err(refusal(answer.value.status, answer.value.body));
  return ok(answer.value.body.toString('utf8'));
}

export async function uploadFeed(
  target: HubTarget,
  platform: FeedPlatform,
  text: string,
): Promise<Result<void, string>> {
  const body = Buffer.from(text, 'utf8');
  const answer = await hubRequest(target.endpoint, path(target, FEED_FILES[platform]), {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${target.token}`,
      'content-type': 'application/json',
      'content-length': body.length,
    },
    body,
    maxAnswerBytes: 64 * 1024,
    timeoutMs: 120_000,
  });
  if (!answer.ok)
    return err(
      answer.error.kind === 'identity_mismatch'
        ? 'the hub identity does not match the profile'
        : `network (${answer.error.kind})`,
    );
  return answer.value.status === 201 ? ok(undefined) : err(refusal(answer.value.status, answer.value.body));
}
