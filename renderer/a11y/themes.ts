/**
 * Colour themes as roles. A theme gives a few base colours; `expandTheme` turns them into every role the
 * UI uses, and components only ever use roles (CSS variables `--c-<role>`), so no screen can pick an
 * inaccessible pair. `THEME_PAIRS` lists every foreground/background pair the UI draws, for the test.
 */
export const THEME_IDS = ['default', 'contrast_dark', 'contrast_light'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

interface BaseColours {
  background: string;
  foreground: string;
  /** Background of primary actions (tiles, main buttons). */
  action: string;
  onAction: string;
  /** Secondary surfaces (bars, cards). */
  panel: string;
  accent: string;
  danger: string;
  focus: string;
}

const BASES: Record<ThemeId, BaseColours> = {
  default: {
    background: '#ffffff',
    foreground: '#1a1a1a',
    action: '#0b3d91',
    onAction: '#ffffff',
    panel: '#eef2f8',
    accent: '#0b3d91',
    danger: '#a4000f',
    focus: '#b34000',
  },
  contrast_dark: {
    background: '#000000',
    foreground: '#ffffff',
    action: '#ffff00',
    onAction: '#000000',
    panel: '#000000',
    accent: '#ffff00',
    danger: '#ffa0a0',
    focus: '#00ffff',
  },
  contrast_light: {
    background: '#ffffff',
    foreground: '#000000',
    action: '#000000',
    onAction: '#ffffff',
    panel: '#ffffff',
    accent: '#000000',
    danger: '#8b0000',
    focus: '#0000cc',
  },
};

export type ColourRole =
  | 'surface'
  | 'text'
  | 'panel'
  | 'panel-text'
  | 'action'
  | 'action-text'
  | 'accent'
  | 'border'
  | 'danger'
  | 'focus';

export function expandTheme(id: ThemeId): Record<ColourRole, string> {
  const base = BASES[id];
  return {
    surface: base.background,
    text: base.foreground,
    panel: base.panel,
    'panel-text': base.foreground,
    action: base.action,
    'action-text': base.onAction,
    accent: base.accent,
    border: base.foreground,
    danger: base.danger,
    focus: base.focus,
  };
}

/** Every pair the UI draws: [foreground role, background role, kind]. Text needs 7:1, graphics 3:1. */
export const THEME_PAIRS: readonly [ColourRole, ColourRole, 'text' | 'graphic'][] = [
  ['text', 'surface', 'text'],
  ['panel-text', 'panel', 'text'],
  ['action-text', 'action', 'text'],
  ['accent', 'surface', 'text'],
  ['danger', 'surface', 'text'],
  ['border', 'surface', 'graphic'],
  ['border', 'panel', 'graphic'],
  ['focus', 'surface', 'graphic'],
  ['focus', 'panel', 'graphic'],
  ['action', 'surface', 'graphic'],
];
