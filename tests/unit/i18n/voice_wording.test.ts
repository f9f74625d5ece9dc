import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRegistry } from '../forms/bundled_templates';

/**
 * The kiosk has no speech recognition, so no text may promise voice input ("请说出…", "语音键盘", "say or
 * type"): a visitor who speaks and is not heard is worse off than one who was told to type. Checked over
 * every catalog in every language, the renderer's source (any string written there) and the latest version
 * of every bundled form (the one new drafts start on; released versions are immutable). The microphone
 * check of technician mode ("speak or clap near the microphone") tests a microphone and promises nothing.
 */
const PROMISES_VOICE_INPUT = [
  /说出/,
  /语音(键盘|输入|录入|识别)/,
  /口述/,
  /\bvoice (input|keyboard|typing|entry|recognition)/i,
  /\b(speak|say|tell) (or|and) (type|enter|write)/i,
  /\b(speak|say) your\b/i,
  /\bdictat(e|ion)\b/i,
  // Mongolian: "say or (enter)", "by voice … enter"
  /ᠬᠡᠯᠡᠬᠦ ᠪᠤᠶᠤ/,
  /ᠳᠠᠭᠤ\S* ᠪᠡᠷ ᠣᠷᠣᠭᠤᠯ/,
];

const ROOT = path.resolve(import.meta.dirname, '../../..');

function findings(where: string, text: string): string[] {
  return PROMISES_VOICE_INPUT.filter((pattern) => pattern.test(text)).map(
    (pattern) => `${where}: ${pattern}`,
  );
}

function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => strings(inner, `${at}.${key}`));
  return [];
}

function files(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => pattern.test(file))
    .map((file) => path.join(dir, file));
}

describe('no text promises voice input', () => {
  it('finds the wording it looks for (the check itself works)', () => {
    expect(findings('sample', '请说出或输入您的姓名。')).toHaveLength(1);
    expect(findings('sample', '可以用语音键盘')).toHaveLength(1);
    expect(findings('sample', 'Say or type your name')).not.toEqual([]);
    expect(findings('sample', 'ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ ᠶᠠᠭᠤ ᠪᠤᠢ? ᠬᠡᠯᠡᠬᠦ ᠪᠤᠶᠤ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃')).toHaveLength(1);
    expect(findings('sample', '请对着麦克风说话或拍手。')).toEqual([]);
    expect(findings('sample', 'Please speak or clap near the microphone.')).toEqual([]);
  });

  it('in the catalogs of every language', () => {
    const found = files('assets/locales', /\.json$/).flatMap((file) =>
      strings(JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')), file).flatMap(([at, text]) =>
        findings(at, text),
      ),
    );
    expect(found).toEqual([]);
  });

  it('in the renderer', () => {
    const found = files('renderer', /\.(ts|tsx|html)$/).flatMap((file) =>
      findings(file, fs.readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it('in the latest version of every bundled form, in every language', () => {
    const found = bundledRegistry()
      .latest()
      .flatMap((template) =>
        strings(template, `${template.id}@${template.version}`).flatMap(([at, text]) => findings(at, text)),
      );
    expect(found).toEqual([]);
  });
});
