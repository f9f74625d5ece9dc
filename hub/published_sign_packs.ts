import { err, ok, type Result } from '../common/result';
import { describeRefusal, openSignPack } from '../node_shared/sign_pack/sign_pack_reader';

/**
 * Checks a sign pack before the hub publishes it, with the same verifier the kiosks run before switching
 * to it (every clip's hash, name, codec, length and size), so terminals never download a pack they refuse.
 * The pack names itself: its id and version come from its manifest.
 */
export function parseSignPackBytes(body: Buffer): Result<{ id: string; version: string }, string> {
  const pack = openSignPack(body);
  if (!pack.ok) return err(`not a valid sign pack: ${describeRefusal(pack.error)}`);
  return ok({ id: pack.value.manifest.id, version: pack.value.manifest.version });
}
