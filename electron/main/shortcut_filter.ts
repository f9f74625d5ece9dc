/** The fields of Electron's `before-input-event` input that the filter reads. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Keys that reload, open DevTools or toggle fullscreen by themselves, or act as browser buttons. */
const BLOCKED_KEYS = new Set([
  'F5',
  'F11',
  'F12',
  'BrowserRefresh',
  'BrowserBack',
  'BrowserForward',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
]);
const DEVTOOLS_KEYS = new Set(['F12']);

/** With Ctrl/Cmd only text editing passes: select all, copy, cut, paste, undo, redo, word moves. */
const EDITING_LETTERS = new Set(['A', 'C', 'V', 'X', 'Z', 'Y']);
const EDITING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Backspace',
  'Delete',
  'Home',
  'End',
]);

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Alt', 'Shift', 'AltGraph']);

/** Alt+F4 closes the window; Alt+arrows/Home navigate history. */
const BLOCKED_WITH_ALT = new Set(['F4', 'ArrowLeft', 'ArrowRight', 'Home']);

/** The letter of a key by its physical position, so layouts and IMEs (key = 'Process') do not matter. */
function letterOf(input: KeyInput): string {
  const fromCode = /^Key([A-Z])$/.exec(input.code)?.[1];
  return fromCode ?? input.key.toUpperCase();
}

function isEditingCombo(input: KeyInput): boolean {
  if (EDITING_KEYS.has(input.key)) return true;
  const letter = letterOf(input);
  // Ctrl+Shift+Z is redo; other Ctrl+Shift letters (Ctrl+Shift+I, …) are browser shortcuts.
  return letter === 'Z' || (EDITING_LETTERS.has(letter) && !input.shift);
}

function isDevToolsCombo(input: KeyInput): boolean {
  if (DEVTOOLS_KEYS.has(input.key)) return true;
  const letter = letterOf(input);
  const ctrlShift = (input.control || input.meta) && input.shift && ['I', 'J', 'C'].includes(letter);
  const macAlt = input.meta && input.alt && ['I', 'J', 'C'].includes(letter);
  return ctrlShift || macAlt;
}

/**
 * Decides whether a key press must be swallowed before the page or Chromium sees it: reload, zoom,
 * DevTools, close/quit, print, fullscreen and history shortcuts are blocked; arrows, Enter, Backspace,
 * Escape, Tab, Space, letters, digits and the keypad's own keys reach the page. A technician session
 * keeps the DevTools shortcuts.
 */
export function shouldBlockKey(input: KeyInput, options: { technician: boolean }): boolean {
  if (options.technician && isDevToolsCombo(input)) return false;
  if (MODIFIER_KEYS.has(input.key)) return false;
  if (BLOCKED_KEYS.has(input.key)) return true;
  if (input.control || input.meta) return !isEditingCombo(input);
  return input.alt && BLOCKED_WITH_ALT.has(input.key);
}
