import './onscreen_keyboard.css';
import { ScriptKeyboard } from '../mongolian_keyboard/script_keyboard';
import { NumericPad, type PadExtra } from './numeric_pad';
import type { KeyboardProps } from './text_keyboard';

export type KeyboardLayout = 'text' | 'number' | 'decimal' | 'phone' | 'id_number' | 'date';

const PAD_EXTRA: Record<Exclude<KeyboardLayout, 'text'>, PadExtra> = {
  number: null,
  decimal: '.',
  phone: '-',
  id_number: 'X',
  date: '-',
};

/**
 * Text entry without a physical keyboard: for text the full keyboard with a layout choice (pinyin or
 * traditional Mongolian), or a large number pad.
 * It edits the end of the value; the field itself still takes the system keyboard and input method.
 */
export function OnScreenKeyboard({ layout, ...props }: KeyboardProps & { layout: KeyboardLayout }) {
  if (layout === 'text') return <ScriptKeyboard {...props} />;
  return <NumericPad {...props} extra={PAD_EXTRA[layout]} />;
}
