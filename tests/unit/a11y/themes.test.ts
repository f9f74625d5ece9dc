import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../renderer/a11y/contrast';
import { COLOUR_ROLES, expandTheme, THEME_IDS, THEME_PAIRS } from '../../../renderer/a11y/themes';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function filesUnder(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, ext);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}

describe('theme tokens', () => {
  it('has the three required themes', () => {
    expect(THEME_IDS).toEqual(expect.arrayContaining(['default', 'contrast_dark', 'contrast_light']));
  });

  it.each(THEME_IDS)('%s defines every role as a #rrggbb colour', (theme) => {
    const colours = expandTheme(theme);
    for (const role of COLOUR_ROLES) expect(colours[role], role).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each(THEME_IDS)('%s: every pair the UI draws meets 7:1 (text) or 3:1 (graphics)', (theme) => {
    const colours = expandTheme(theme);
    const failures = THEME_PAIRS.flatMap(([fg, bg, kind]) => {
      const ratio = contrastRatio(colours[fg], colours[bg]);
      const needed = kind === 'text' ? 7 : 3;
      return ratio >= needed ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${needed}`];
    });
    expect(failures).toEqual([]);
  });

  it('default theme aims at 10:1 for body text, action text and hints', () => {
    const colours = expandTheme('default');
    for (const [fg, bg] of [
      ['text', 'surface'],
      ['muted-text', 'surface'],
      ['action-text', 'action'],
      ['panel-text', 'panel'],
      ['danger', 'surface'],
      ['selected-text', 'selected'],
    ] as const) {
      expect(contrastRatio(colours[fg], colours[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('high-contrast dark is white/yellow on black; high-contrast light is black on white', () => {
    const dark = expandTheme('contrast_dark');
    expect([dark.surface, dark.text, dark.action]).toEqual(['#000000', '#ffffff', '#ffff00']);
    const light = expandTheme('contrast_light');
    expect([light.surface, light.text]).toEqual(['#ffffff', '#000000']);
  });

  it('the pair list covers every role the themes define', () => {
    const used = new Set<string>(THEME_PAIRS.flatMap(([fg, bg]) => [fg, bg] as const));
    expect(COLOUR_ROLES.filter((role) => !used.has(role))).toEqual([]);
  });

  it('contrast ratio matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/not a #rrggbb/);
  });
});

describe('style sheets use theme roles only', () => {
  const cssFiles = filesUnder(path.join(ROOT, 'renderer'), '.css');

  it('finds the style sheets', () => {
    expect(cssFiles.map((file) => path.basename(file))).toContain('kiosk.css');
  });

  it.each(cssFiles.map((file) => [path.relative(ROOT, file), file]))(
    '%s has no raw colour',
    (_name, file) => {
      const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const raw = css
        .split('\n')
        .map((line, index) => [index + 1, line] as const)
        .filter(([, line]) =>
          /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|:[^;]*\b(?:black|white|red|yellow|blue|green|gray|grey)\b(?!-)/i.test(
            line,
          ),
        )
        .map(([number, line]) => `${number}: ${line.trim()}`);
      expect(raw).toEqual([]);
    },
  );
});
