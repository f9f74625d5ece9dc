import { describe, expect, it } from 'vitest';
import { type KeyInput, shouldBlockKey } from '../../../electron/main/shortcut_filter';

type Mods = Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift'>>;

/** A keyDown as Electron's before-input-event reports it. */
function key(keyName: string, code: string, mods: Mods = {}): KeyInput {
  return {
    type: 'keyDown',
    key: keyName,
    code,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    ...mods,
  };
}
const ctrl = { control: true };
const ctrlShift = { control: true, shift: true };

const BLOCKED: [string, KeyInput][] = [
  ['F5 reload', key('F5', 'F5')],
  ['Ctrl+R reload', key('r', 'KeyR', ctrl)],
  ['Ctrl+Shift+R hard reload', key('R', 'KeyR', ctrlShift)],
  ['Cmd+R reload', key('r', 'KeyR', { meta: true })],
  ['Ctrl+R with Chinese IME', key('Process', 'KeyR', ctrl)],
  ['browser refresh key', key('BrowserRefresh', 'BrowserRefresh')],
  ['Ctrl+= zoom in', key('=', 'Equal', ctrl)],
  ['Ctrl++ zoom in', key('+', 'Equal', ctrlShift)],
  ['Ctrl+numpad + zoom in', key('+', 'NumpadAdd', ctrl)],
  ['Ctrl+- zoom out', key('-', 'Minus', ctrl)],
  ['Ctrl+numpad - zoom out', key('-', 'NumpadSubtract', ctrl)],
  ['Ctrl+0 zoom reset', key('0', 'Digit0', ctrl)],
  ['F12 devtools', key('F12', 'F12')],
  ['Ctrl+Shift+I devtools', key('I', 'KeyI', ctrlShift)],
  ['Ctrl+Shift+J console', key('J', 'KeyJ', ctrlShift)],
  ['Ctrl+Shift+C inspect', key('C', 'KeyC', ctrlShift)],
  ['Cmd+Alt+I devtools', key('i', 'KeyI', { meta: true, alt: true })],
  ['Ctrl+U view source', key('u', 'KeyU', ctrl)],
  ['Alt+F4 close', key('F4', 'F4', { alt: true })],
  ['Ctrl+W close', key('w', 'KeyW', ctrl)],
  ['Ctrl+F4 close', key('F4', 'F4', ctrl)],
  ['Ctrl+Q quit', key('q', 'KeyQ', ctrl)],
  ['Cmd+Q quit', key('q', 'KeyQ', { meta: true })],
  ['F11 fullscreen', key('F11', 'F11')],
  ['Ctrl+Cmd+F fullscreen', key('f', 'KeyF', { control: true, meta: true })],
  ['Ctrl+P print dialog', key('p', 'KeyP', ctrl)],
  ['Ctrl+Shift+P print dialog', key('P', 'KeyP', ctrlShift)],
  ['Ctrl+N new window', key('n', 'KeyN', ctrl)],
  ['Ctrl+T new tab', key('t', 'KeyT', ctrl)],
  ['Ctrl+O open file', key('o', 'KeyO', ctrl)],
  ['Ctrl+S save page', key('s', 'KeyS', ctrl)],
  ['Ctrl+F find', key('f', 'KeyF', ctrl)],
  ['Alt+Left history back', key('ArrowLeft', 'ArrowLeft', { alt: true })],
  ['Alt+Right history forward', key('ArrowRight', 'ArrowRight', { alt: true })],
  ['Alt+Home', key('Home', 'Home', { alt: true })],
  ['browser back key', key('BrowserBack', 'BrowserBack')],
  ['browser home key', key('BrowserHome', 'BrowserHome')],
];

const ALLOWED: [string, KeyInput][] = [
  ['ArrowUp', key('ArrowUp', 'ArrowUp')],
  ['ArrowDown', key('ArrowDown', 'ArrowDown')],
  ['ArrowLeft', key('ArrowLeft', 'ArrowLeft')],
  ['ArrowRight', key('ArrowRight', 'ArrowRight')],
  ['Enter', key('Enter', 'Enter')],
  ['numpad Enter', key('Enter', 'NumpadEnter')],
  ['Backspace', key('Backspace', 'Backspace')],
  ['Escape', key('Escape', 'Escape')],
  ['Tab', key('Tab', 'Tab')],
  ['Shift+Tab', key('Tab', 'Tab', { shift: true })],
  ['Space', key(' ', 'Space')],
  ['letter a', key('a', 'KeyA')],
  ['capital R (Shift+R)', key('R', 'KeyR', { shift: true })],
  ['letter r', key('r', 'KeyR')],
  ['digit 5', key('5', 'Digit5')],
  ['numpad 0', key('0', 'Numpad0')],
  ['numpad +', key('+', 'NumpadAdd')],
  ['numpad -', key('-', 'NumpadSubtract')],
  ['numpad *', key('*', 'NumpadMultiply')],
  ['numpad decimal', key('.', 'NumpadDecimal')],
  ['F1 keypad help', key('F1', 'F1')],
  ['F2 keypad function', key('F2', 'F2')],
  ['F3 keypad function', key('F3', 'F3')],
  ['F4 keypad function', key('F4', 'F4')],
  ['F6 keypad function', key('F6', 'F6')],
  ['F10 keypad function', key('F10', 'F10')],
  ['Home', key('Home', 'Home')],
  ['End', key('End', 'End')],
  ['Delete', key('Delete', 'Delete')],
  ['Ctrl alone', key('Control', 'ControlLeft', ctrl)],
  ['Shift alone', key('Shift', 'ShiftLeft', { shift: true })],
  ['Alt alone', key('Alt', 'AltLeft', { alt: true })],
  ['Ctrl+A select all', key('a', 'KeyA', ctrl)],
  ['Ctrl+C copy', key('c', 'KeyC', ctrl)],
  ['Ctrl+V paste', key('v', 'KeyV', ctrl)],
  ['Ctrl+X cut', key('x', 'KeyX', ctrl)],
  ['Ctrl+Z undo', key('z', 'KeyZ', ctrl)],
  ['Ctrl+Shift+Z redo', key('Z', 'KeyZ', ctrlShift)],
  ['Ctrl+Y redo', key('y', 'KeyY', ctrl)],
  ['Ctrl+Backspace delete word', key('Backspace', 'Backspace', ctrl)],
  ['Ctrl+Shift+ArrowLeft select word', key('ArrowLeft', 'ArrowLeft', ctrlShift)],
  ['Chinese IME composition', key('Process', 'KeyN')],
];

describe('shortcut filter', () => {
  it.each(BLOCKED)('blocks %s', (_label, input) => {
    expect(shouldBlockKey(input, { technician: false })).toBe(true);
    expect(shouldBlockKey({ ...input, type: 'keyUp' }, { technician: false })).toBe(true);
  });

  it.each(ALLOWED)('lets %s through', (_label, input) => {
    expect(shouldBlockKey(input, { technician: false })).toBe(false);
  });

  it('gives a technician the DevTools shortcuts and nothing else', () => {
    const technician = { technician: true };
    expect(shouldBlockKey(key('F12', 'F12'), technician)).toBe(false);
    expect(shouldBlockKey(key('I', 'KeyI', ctrlShift), technician)).toBe(false);
    expect(shouldBlockKey(key('i', 'KeyI', { meta: true, alt: true }), technician)).toBe(false);
    expect(shouldBlockKey(key('F5', 'F5'), technician)).toBe(true);
    expect(shouldBlockKey(key('w', 'KeyW', ctrl), technician)).toBe(true);
    expect(shouldBlockKey(key('F4', 'F4', { alt: true }), technician)).toBe(true);
  });
});
