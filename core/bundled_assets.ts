import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's bundled `assets/` (Electron sets `KIOSK_ASSETS_DIR` to the packaged copy). */
export function bundledAssetsDir(): string {
  return (
    process.env.KIOSK_ASSETS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets')
  );
}
