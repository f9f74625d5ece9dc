/**
 * Colour themes as roles. A theme gives a handful of base colours; `expandTheme` turns them into every role the
 * UI uses, and components only ever use roles (CSS variables `--c-<role>`), so no screen can pick an
 * inaccessible pair. `THEME_PAIRS` lists every foreground/background pair the UI draws; the unit test checks
 * each in each theme (text ≥ 7:1, borders/icons/focus ≥ 3:1).
 */
export const THEME_IDS = ['default', 'contrast_dark', 'contrast_light'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

interface BaseColours {
  background: string;
  foreground: string;
  /** Hints and secondary text: quieter, still ≥ 7:1. */
  quiet: string;
  /** Bars and cards. */
  panel: string;
  /** Primary actions (tiles, main buttons) and their text. */
  action: string;
  onAction: string;
  /** Links and emphasised text on the background or a panel. */
  accent: string;
  /** Error text, and the tinted box around an error summary. */
  danger: string;
  dangerBackground: string;
  /** The focus ring: must stand out from background, panel and error box. */
  focus: string;
  /** Chosen options (radio/checkbox checked, toggle pressed) and their text. */
  selected: string;
  onSelected: string;
  /** Controls that cannot be used right now (always also marked by a dashed border, never colour alone). */
  disabledText: string;
}

const BASES: Record<ThemeId, BaseColours> = {
  default: {
    background: '#ffffff',
    foreground: '#1a1a1a',
    quiet: '#333333',
    panel: '#eef2f8',
    action: '#0b3d91',
    onAction: '#ffffff',
    accent: '#0b3d91',
    danger: '#7a0010',
    dangerBackground: '#fdf0f1',
    focus: '#b34000',
    selected: '#0a4024',
    onSelected: '#ffffff',
    disabledText: '#3d3d3d',
  },
  contrast_dark: {
    background: '#000000',
    foreground: '#ffffff',
    quiet: '#ffff00',
    panel: '#000000',
    action: '#ffff00',
    onAction: '#000000',
    accent: '#ffff00',
    danger: '#ffa8a8',
    dangerBackground: '#000000',
    focus: '#00ffff',
    selected: '#ffffff',
    onSelected: '#000000',
    disabledText: '#c8c8c8',
  },
  contrast_light: {
    background: '#ffffff',
    foreground: '#000000',
    quiet: '#000000',
    panel: '#ffffff',
    action: '#000000',
    onAction: '#ffffff',
    accent: '#000000',
    danger: '#8b0000',
    dangerBackground: '#ffffff',
    focus: '#0000cc',
    selected: '#00004d',
    onSelected: '#ffffff',
    disabledText: '#404040',
  },
};

export const COLOUR_ROLES = [
  'surface',
  'text',
  'muted-text',
  'panel',
  'panel-text',
  'action',
  'action-text',
  'accent',
  'border',
  'danger',
  'danger-surface',
  'danger-text',
  'focus',
  'selected',
  'selected-text',
  'disabled',
  'disabled-text',
] as const;
export type ColourRole = (typeof COLOUR_ROLES)[number];

export function expandTheme(id: ThemeId): Record<ColourRole, string> {
  const base = BASES[id];
  return {
    surface: base.background,
    text: base.foreground,
    'muted-text': base.quiet,
    panel: base.panel,
    'panel-text': base.foreground,
    action: base.action,
    'action-text': base.onAction,
    accent: base.accent,
    border: base.foreground,
    danger: base.danger,
    'danger-surface': base.dangerBackground,
    'danger-text': base.danger,
    focus: base.focus,
    selected: base.selected,
    'selected-text': base.onSelected,
    disabled: base.background,
    'disabled-text': base.disabledText,
  };
}

/**
 * Every pair the UI draws: [foreground role, background role, kind]. Text needs 7:1, graphics 3:1. The focus ring
 * is drawn outside the control with an offset, so its neighbours are the surfaces around controls.
 */
export const THEME_PAIRS: readonly [ColourRole, ColourRole, 'text' | 'graphic'][] = [
  ['text', 'surface', 'text'],
  ['muted-text', 'surface', 'text'],
  ['panel-text', 'panel', 'text'],
  ['muted-text', 'panel', 'text'],
  ['action-text', 'action', 'text'],
  ['accent', 'surface', 'text'],
  ['accent', 'panel', 'text'],
  ['danger', 'surface', 'text'],
  ['danger', 'panel', 'text'],
  ['danger-text', 'danger-surface', 'text'],
  ['text', 'danger-surface', 'text'],
  ['selected-text', 'selected', 'text'],
  ['disabled-text', 'disabled', 'text'],
  ['border', 'surface', 'graphic'],
  ['border', 'panel', 'graphic'],
  ['border', 'danger-surface', 'graphic'],
  ['danger', 'danger-surface', 'graphic'],
  ['action', 'surface', 'graphic'],
  ['action', 'panel', 'graphic'],
  ['selected', 'surface', 'graphic'],
  ['selected', 'panel', 'graphic'],
  ['focus', 'surface', 'graphic'],
  ['focus', 'panel', 'graphic'],
  ['focus', 'danger-surface', 'graphic'],
  ['disabled-text', 'surface', 'graphic'],
];
