import { describe, expect, it } from 'vitest';
import { commandForKey, KEY_COMMANDS, KEY_MAP } from '../../../renderer/a11y/key_map';

describe('keypad key map', () => {
  it('binds every command, each key to one command only', () => {
    expect(KEY_MAP.map((binding) => binding.command).sort()).toEqual([...KEY_COMMANDS].sort());
    const keys = KEY_MAP.flatMap((binding) => binding.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['ArrowDown', 'next'],
    ['ArrowRight', 'next'],
    ['ArrowUp', 'previous'],
    ['ArrowLeft', 'previous'],
    ['Enter', 'activate'],
    ['Escape', 'back'],
    ['Backspace', 'back'],
    ['F1', 'help'],
    ['F2', 'language'],
    ['F3', 'speech'],
    ['F4', 'repeat'],
    ['F5', 'volume_down'],
    ['F6', 'volume_up'],
    ['F7', 'rate_slower'],
    ['F8', 'rate_faster'],
  ])('%s on a control means %s', (key, command) => {
    expect(commandForKey({ key, code: key }, 'control')).toBe(command);
  });

  it('numpad operator keys are commands on controls but type characters in a text field', () => {
    expect(commandForKey({ key: '+', code: 'NumpadAdd' }, 'control')).toBe('volume_up');
    expect(commandForKey({ key: '-', code: 'NumpadSubtract' }, 'control')).toBe('volume_down');
    expect(commandForKey({ key: '*', code: 'NumpadMultiply' }, 'control')).toBe('repeat');
    expect(commandForKey({ key: '+', code: 'NumpadAdd' }, 'text_field')).toBeNull();
    expect(commandForKey({ key: '-', code: 'Minus' }, 'control')).toBeNull();
  });

  it('in a text field Backspace deletes and left/right move the caret; up/down, Escape and F-keys still work', () => {
    expect(commandForKey({ key: 'Backspace' }, 'text_field')).toBeNull();
    expect(commandForKey({ key: 'ArrowLeft' }, 'text_field')).toBeNull();
    expect(commandForKey({ key: 'ArrowRight' }, 'text_field')).toBeNull();
    expect(commandForKey({ key: 'ArrowDown' }, 'text_field')).toBe('next');
    expect(commandForKey({ key: 'Escape' }, 'text_field')).toBe('back');
    expect(commandForKey({ key: 'F4' }, 'text_field')).toBe('repeat');
  });

  it('ignores letters and modified keys (Ctrl+F5 is not a keypad key)', () => {
    expect(commandForKey({ key: 'a' }, 'control')).toBeNull();
    expect(commandForKey({ key: 'F5', ctrlKey: true }, 'control')).toBeNull();
    expect(commandForKey({ key: 'ArrowDown', altKey: true }, 'control')).toBeNull();
  });
});
