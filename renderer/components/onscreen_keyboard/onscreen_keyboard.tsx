import './onscreen_keyboard.css';
import { NumericPad, type PadExtra } from './numeric_pad';
import { TextEntry } from './text_entry';
import { type KeyboardProps, TextKeyboard } from './text_keyboard';

export type KeyboardLayout = 'text' | 'url' | 'number' | 'decimal' | 'phone' | 'id_number' | 'date';

const PAD_EXTRA: Record<Exclude<KeyboardLayout, 'text' | 'url'>, PadExtra> = {
  number: null,
  decimal: '.',
  phone: '-',
  id_number: 'X',
  date: '-',
};

/**
 * Text entry without a physical keyboard: for text a choice of input methods (pinyin, handwriting,
 * traditional Mongolian, numbers), for web addresses Latin letters with `:/.-_`, or a large number pad.
 * It edits the end of the value; the field itself still takes the system keyboard and input method.
 */
export function OnScreenKeyboard({ layout, ...props }: KeyboardProps & { layout: KeyboardLayout }) {
  if (layout === 'text') return <TextEntry {...props} />;
  if (layout === 'url') return <TextKeyboard {...props} url />;
  return <NumericPad {...props} extra={PAD_EXTRA[layout]} />;
}
