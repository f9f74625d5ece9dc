import path from 'node:path';
import type { Template } from '../../common/forms/template_schema';
import { err, ok, type Result } from '../../common/result';
import type { ManifestItem } from '../../common/sync/protocol';
import { describeRefusal, openSignPack } from '../../node_shared/sign_pack/sign_pack_reader';
import { assetsDir } from '../assets_dir';
import type { CoreDeps } from '../core_deps';
import { CONTENT_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { Handlers } from '../rpc/dispatcher';
import { loadCatalogStrings } from '../speech/catalogs';
import { type MediaAnswer, type MediaRequest, signClipAnswer } from './clip_response';
import { SignLibrary } from './sign_library';

export interface SignLanguageService {
  library: SignLibrary;
  /** Serves clip files to the page (dev host, Electron protocol); null for paths that are not clips. */
  media(request: MediaRequest): MediaAnswer | null;
}

/**
 * The downlink's check of a sign pack before switching to it: the whole pack is verified (each clip's hash,
 * name, codec, length, size); a refused pack is never installed.
 */
export function verifySignPackItem(item: ManifestItem, body: Buffer): Result<void, string> {
  if (item.kind !== 'sign_pack') return ok(undefined);
  const pack = openSignPack(body);
  if (!pack.ok) return err(describeRefusal(pack.error));
  const { id, version } = pack.value.manifest;
  return id === item.id && version === item.version
    ? ok(undefined)
    : err('the pack names another id or version');
}

/**
 * Recorded sign-language clips for the screens: packs the hub published (unpacked under
 * `<dataDir>/sign-packs`), keyed to the Chinese catalogs, the installed form templates and the published
 * content, whose current texts decide whether a clip is still current.
 */
export function startSignLanguage(
  deps: CoreDeps,
  templates: (id: string, version: string) => Template | null,
): SignLanguageService {
  const catalog = new Map(
    loadCatalogStrings(path.join(assetsDir(), 'locales'), 'zh-CN').map((s) => [s.key, s.text]),
  );
  const library = new SignLibrary(deps.db, path.join(deps.dataDir, 'sign-packs'), deps.logger, () => {
    const articles = loadPublished(deps.db, CONTENT_KIND, deps.logger).value.articles;
    return {
      catalogText: (key) => catalog.get(key),
      template: templates,
      article: (id) => articles.find((article) => article.id === id),
    };
  });
  return {
    library,
    media: (request) => signClipAnswer(request, (sha) => library.clip(sha)),
  };
}

/** The published clips for the keys on screen, in the visitor's language. */
export function signHandlers(sign: SignLanguageService): Pick<Handlers, 'sign.lookup'> {
  return { 'sign.lookup': ({ keys, language }) => ({ clips: sign.library.lookup(keys, language) }) };
}
