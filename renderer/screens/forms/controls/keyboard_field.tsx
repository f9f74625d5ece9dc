import {
  type KeyboardLayout,
  OnScreenKeyboard,
} from '../../../components/onscreen_keyboard/onscreen_keyboard';
import { TextField } from '../../../components/text_field';
import { scriptLanguage } from '../../../i18n/script_text';
import { Text } from '../../../i18n/text';
import type { CandidateContext } from '../../../input/pinyin_engine';

interface KeyboardFieldProps {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  onDone: () => void;
  layout: KeyboardLayout;
  maxLength: number;
  privateValue?: boolean;
  multiline?: boolean;
  /** A name field: pinyin offers names before words. */
  candidateContext?: CandidateContext;
}

const INPUT_MODE: Record<KeyboardLayout, 'text' | 'url' | 'numeric' | 'decimal' | 'tel'> = {
  text: 'text',
  url: 'url',
  code: 'text',
  number: 'numeric',
  decimal: 'decimal',
  phone: 'tel',
  id_number: 'text',
  date: 'numeric',
};

/** A text field with the on-screen keyboard under it; the system keyboard works in the field as usual. */
export function KeyboardField(props: KeyboardFieldProps) {
  const {
    id,
    label,
    hint,
    error,
    value,
    onChange,
    onDone,
    layout,
    maxLength,
    privateValue,
    multiline,
    candidateContext,
  } = props;
  return (
    <div className="keyboard-field">
      {multiline ? (
        <LongTextArea {...props} />
      ) : (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          value={value}
          onChange={onChange}
          inputMode={INPUT_MODE[layout]}
          maxLength={maxLength}
          privateValue={privateValue}
          lang={scriptLanguage(value)}
        />
      )}
      <p className="keyboard-field__count" id={`${id}-count`}>
        <Text ns="forms_ui" k="step.characters" values={{ count: [...value].length, max: maxLength }} />
      </p>
      <OnScreenKeyboard
        layout={layout}
        value={value}
        onChange={onChange}
        onDone={onDone}
        maxLength={maxLength}
        privateValue={privateValue}
        candidateContext={candidateContext}
      />
    </div>
  );
}

/** Long text: the kit's field look, as a textarea (newlines allowed). */
function LongTextArea({ id, label, hint, error, value, onChange, maxLength }: KeyboardFieldProps) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`text-field${error ? ' text-field--error' : ''}`}>
      <label htmlFor={id} className="text-field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className="text-field__input forms-textarea"
        value={value}
        lang={scriptLanguage(value)}
        rows={4}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
