import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { versionFromFileName } from '../../../scripts/release/release_plan';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const schema = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
);
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  asarUnpack: string[];
  nsis: Record<string, unknown>;
  win: {
    target: { target: string; arch: string[] }[];
    forceCodeSigning: boolean;
    verifyUpdateCodeSignature: boolean;
    signtoolOptions: { publisherName: string[]; signingHashAlgorithms: string[]; certificateFile?: string };
  };
  extraResources: { from: string; to: string }[];
  linux: { target: { target: string; arch: string[] }[] };
  publish: { provider: string; url: string }[];
};
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** A deep copy with one change, for the negative cases. */
function withChange(change: (copy: Config) => void): Config {
  const copy = structuredClone(config);
  change(copy);
  return copy;
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('sets every security fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into asar with native modules unpacked, and ships the entry point package.json names', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asarUnpack.some((pattern) => pattern.includes('better-sqlite3'))).toBe(true);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'dist/electron/**', 'dist/renderer/**']),
    );
  });

  it('builds a per-user one-click NSIS installer for Windows x64 (no UAC prompt)', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
  });

  it('builds deb and AppImage for Linux on x64 and arm64', () => {
    const targets = Object.fromEntries(config.linux.target.map((t) => [t.target, [...t.arch].sort()]));
    expect(targets).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] });
  });

  it('ships the organisation profile next to app.asar, where the shell reads it, and not inside the archive', () => {
    expect(config.extraResources).toEqual([
      { from: 'assets/organisation_profile.json', to: 'organisation_profile.json' },
    ]);
    expect(config.files).toContain('!assets/organisation_profile.json');
  });

  it('signs Windows builds or fails, with the certificate from the environment, and checks update signatures', () => {
    expect(config.win.forceCodeSigning).toBe(true);
    expect(config.win.verifyUpdateCodeSignature).toBe(true);
    expect(config.win.signtoolOptions.publisherName.length).toBeGreaterThan(0);
    expect(config.win.signtoolOptions.signingHashAlgorithms).toEqual(['sha256']);
    // The .pfx and its password never sit in the repository's config (CSC_LINK / CSC_KEY_PASSWORD).
    expect(JSON.stringify(config)).not.toMatch(/certificateFile|certificatePassword|\.pfx/);
    expect(pkg.scripts.dist).toMatch(/^tsx scripts\/check_release_profile\.ts && /);
  });

  it('names the installers so the release script reads their version back', () => {
    // electron-builder's `${macro}` placeholders, filled the way it fills them.
    const render = (template: string, arch: string, ext: string) =>
      template.replace(
        /\$\{(\w+)\}/g,
        (_, key: string) => ({ version: '1.5.0-beta.1', arch, ext })[key] ?? key,
      );
    const linux = (config.linux as unknown as { artifactName: string }).artifactName;
    const nsis = config.nsis.artifactName as string;
    expect(versionFromFileName(render(nsis, 'x64', 'exe'))).toBe('1.5.0-beta.1');
    expect(versionFromFileName(render(linux, 'x86_64', 'AppImage'))).toBe('1.5.0-beta.1');
    expect(versionFromFileName(render(linux, 'arm64', 'AppImage'))).toBe('1.5.0-beta.1');
  });

  it('publishes to a generic feed (served by the hub)', () => {
    expect(config.publish).toEqual([
      expect.objectContaining({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) }),
    ]);
  });

  it.each([
    ['an unknown top-level field', (c: Config) => Object.assign(c, { autoUpdateFromInternet: true })],
    ['a misspelt fuse', (c: Config) => Object.assign(c.electronFuses, { runAsnode: false })],
    ['asar as a string', (c: Config) => Object.assign(c, { asar: 'yes' })],
    ['a fuse as a string', (c: Config) => Object.assign(c.electronFuses, { runAsNode: 'false' })],
    ['perMachine as a string', (c: Config) => Object.assign(c.nsis, { perMachine: 'no' })],
    ['a generic feed without url', (c: Config) => Object.assign(c, { publish: [{ provider: 'generic' }] })],
    [
      'an unknown publish provider',
      (c: Config) => Object.assign(c, { publish: [{ provider: 'ftp', url: 'x' }] }),
    ],
  ])('rejects a config with %s', (_label, change) => {
    expect(validate(withChange(change))).toBe(false);
    expect(validate.errors?.length).toBeGreaterThan(0);
  });
});
