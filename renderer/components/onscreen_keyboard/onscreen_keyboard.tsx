import './onscreen_keyboard.css';
import { Suspense } from 'react';
import { lazyComponent } from '../../lazy_component';
import { NumericPad, type PadExtra } from './numeric_pad';
import type { KeyboardProps } from './text_keyboard';

// The text keyboards (pinyin, handwriting, Mongolian) load when a text field first needs one.
const TextEntry = lazyComponent(() => import('./text_entry').then((m) => m.TextEntry));
const TextKeyboard = lazyComponent(() => import('./text_keyboard').then((m) => m.TextKeyboard));

export type KeyboardLayout = 'text' | 'url' | 'code' | 'number' | 'decimal' | 'phone' | 'id_number' | 'date';

const PAD_EXTRA: Record<Exclude<KeyboardLayout, 'text' | 'url' | 'code'>, PadExtra> = {
  number: null,
  decimal: '.',
  phone: '-',
  id_number: 'X',
  date: '-',
};

/**
 * Text entry without a physical keyboard: for text a choice of input methods (pinyin, handwriting,
 * traditional Mongolian, numbers), for web addresses Latin letters with `:/.-_`, for codes (receipt
 * numbers) capital letters, digits and `-`, or a large number pad.
 * It edits the end of the value; the field itself still takes the system keyboard and input method.
 */
export function OnScreenKeyboard({ layout, ...props }: KeyboardProps & { layout: KeyboardLayout }) {
  if (layout === 'text' || layout === 'url' || layout === 'code')
    return (
      <Suspense fallback={null}>
        {layout === 'text' ? <TextEntry {...props} /> : <TextKeyboard {...props} latinOnly={layout} />}
      </Suspense>
    );
  return <NumericPad {...props} extra={PAD_EXTRA[layout]} />;
}
