import path from 'node:path';

export interface LaunchOptions {
  /** DevTools and their shortcuts only for a technician on site. */
  technician: boolean;
  dataDir: string;
  configPath: string;
}

/**
 * Reads how the kiosk was started: `--technician` (or KIOSK_TECHNICIAN=1) enables DevTools; the
 * provisioning file is KIOSK_CONFIG or `<userData>/kiosk-config.json`; data lives in userData.
 */
export function resolveLaunchOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): LaunchOptions {
  return {
    technician: argv.includes('--technician') || env.KIOSK_TECHNICIAN === '1',
    dataDir: userDataDir,
    configPath: env.KIOSK_CONFIG
      ? path.resolve(env.KIOSK_CONFIG)
      : path.join(userDataDir, 'kiosk-config.json'),
  };
}
