import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled `assets/` folder (Electron sets `KIOSK_ASSETS_DIR` to the packaged copy inside the app). */
export function assetsDir(): string {
  return (
    process.env.KIOSK_ASSETS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets')
  );
}
