/**
 * The keypad's key map. A tactile keypad (or USB numeric keypad) sends arrows, Enter, Escape/Backspace and a
 * few function keys; every function of the kiosk is reachable with them. The help screen and
 * /README list this table, so it is the single source of truth.
 */
export const KEY_COMMANDS = [
  'next',
  'previous',
  'activate',
  'back',
  'help',
  'language',
  'speech',
  'repeat',
  'volume_down',
  'volume_up',
  'rate_slower',
  'rate_faster',
] as const;
export type KeyCommand = (typeof KEY_COMMANDS)[number];

export interface KeyBinding {
  command: KeyCommand;
  /** `KeyboardEvent.key` values, or `KeyboardEvent.code` values for numpad keys (their `key` is a character). */
  keys: readonly string[];
  /** Shown on the help screen. */
  label: string;
}

export const KEY_MAP: readonly KeyBinding[] = [
  { command: 'next', keys: ['ArrowDown', 'ArrowRight'], label: '↓ →' },
  { command: 'previous', keys: ['ArrowUp', 'ArrowLeft'], label: '↑ ←' },
  { command: 'activate', keys: ['Enter', 'NumpadEnter'], label: 'Enter' },
  { command: 'back', keys: ['Escape', 'Backspace', 'BrowserBack'], label: 'Esc / ⌫' },
  { command: 'help', keys: ['F1', 'NumpadDivide'], label: 'F1 / ÷' },
  { command: 'language', keys: ['F2'], label: 'F2' },
  { command: 'speech', keys: ['F3', 'NumpadDecimal'], label: 'F3 / .' },
  { command: 'repeat', keys: ['F4', 'NumpadMultiply'], label: 'F4 / ×' },
  { command: 'volume_down', keys: ['F5', 'NumpadSubtract', 'AudioVolumeDown'], label: 'F5 / −' },
  { command: 'volume_up', keys: ['F6', 'NumpadAdd', 'AudioVolumeUp'], label: 'F6 / +' },
  { command: 'rate_slower', keys: ['F7'], label: 'F7' },
  { command: 'rate_faster', keys: ['F8'], label: 'F8' },
];

/** Where the key was pressed: text fields keep the keys they need for editing. */
export type KeyContext = 'control' | 'text_field';

const NUMPAD_CODES = new Set([
  'NumpadDivide',
  'NumpadDecimal',
  'NumpadMultiply',
  'NumpadSubtract',
  'NumpadAdd',
]);
const CARET_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Backspace']);

/** The command a key press means, or null when the key belongs to the focused control (or to nobody). */
export function commandForKey(
  event: { key: string; code?: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean },
  context: KeyContext,
): KeyCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const code = event.code ?? '';
  if (NUMPAD_CODES.has(code)) {
    // In a text field the numpad types characters (a phone number may contain "-" or "+").
    if (context === 'text_field') return null;
    return KEY_MAP.find((binding) => binding.keys.includes(code))?.command ?? null;
  }
  if (context === 'text_field' && CARET_KEYS.has(event.key)) return null;
  return KEY_MAP.find((binding) => binding.keys.includes(event.key))?.command ?? null;
}
