import type { HTMLAttributes, ReactNode, Ref } from 'react';
import { errorIdOf, FieldError } from './field_error';

interface TextFieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoComplete?: string;
  maxLength?: number;
  type?: 'text' | 'password';
  /** Personal data (ID number, phone): focusing the field does not speak the value. */
  privateValue?: boolean;
  lang?: string;
  inputRef?: Ref<HTMLInputElement>;
  onFocus?: () => void;
}

/**
 * A labelled text field with hint and error next to it, wired for screen readers and the kit's speech
 * (label, value, hint). Works with the system keyboard; the on-screen keyboard attaches through `inputRef`.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  inputMode,
  autoComplete = 'off',
  maxLength,
  type = 'text',
  privateValue,
  lang,
  inputRef,
  onFocus,
}: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = errorIdOf(id);
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`text-field${error ? ' text-field--error' : ''}`}>
      <label htmlFor={id} className="text-field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      <input
        id={id}
        ref={inputRef}
        className="text-field__input"
        type={type}
        value={value}
        lang={lang}
        inputMode={inputMode}
        autoComplete={autoComplete}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-private={privateValue ? '' : undefined}
        onChange={(event) => onChange(event.target.value)}
        onFocus={onFocus}
      />
    </div>
  );
}
