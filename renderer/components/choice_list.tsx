import type { ReactNode } from 'react';
import { errorIdOf, FieldError } from './field_error';
import { PagedList } from './paged_list';

export interface ChoiceOption<V extends string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
  /** The option's sign-language clip key: shown in the sign panel while the option has focus. */
  signKey?: string;
}

interface CommonProps<V extends string> {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly ChoiceOption<V>[];
  error?: ReactNode;
  /** Long lists page with large "more" buttons instead of scrolling. */
  pageSize?: number;
}

interface SingleProps<V extends string> extends CommonProps<V> {
  multiple?: false;
  value: V | null;
  onChange: (value: V) => void;
}

interface MultipleProps<V extends string> extends CommonProps<V> {
  multiple: true;
  value: readonly V[];
  onChange: (value: V[]) => void;
}

/**
 * One question with large options: radio (single) or checkbox (multiple) semantics on big buttons, so touch,
 * Enter on the keypad and the arrow-key focus order all work the same way. The choice is shown by a mark and
 * words, never by colour alone.
 */
export function ChoiceList<V extends string>(props: SingleProps<V>): ReactNode;
export function ChoiceList<V extends string>(props: MultipleProps<V>): ReactNode;
export function ChoiceList<V extends string>(props: SingleProps<V> | MultipleProps<V>): ReactNode {
  const { id, legend, hint, options, error, pageSize = options.length } = props;
  const isChosen = (value: V) => (props.multiple ? props.value.includes(value) : props.value === value);
  const choose = (value: V) => {
    if (props.multiple) {
      props.onChange(
        props.value.includes(value) ? props.value.filter((item) => item !== value) : [...props.value, value],
      );
    } else props.onChange(value);
  };
  const legendId = `${id}-legend`;
  const hintId = `${id}-hint`;
  const errorId = errorIdOf(id);
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is radiogroup or group, both take a label
    <div
      id={id}
      role={props.multiple ? 'group' : 'radiogroup'}
      aria-labelledby={legendId}
      aria-describedby={describedBy}
      aria-invalid={!props.multiple && error ? true : undefined}
      className={`choice-list${error ? ' choice-list--error' : ''}`}
    >
      <p id={legendId} className="choice-list__legend">
        {legend}
      </p>
      {hint ? (
        <p id={hintId} className="choice-list__hint">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
      <PagedList
        items={options}
        pageSize={pageSize}
        getKey={(option) => option.value}
        className="choice-list__options"
        renderItem={(option) => {
          const chosen = isChosen(option.value);
          const optionHintId = `${id}-${option.value}-hint`;
          const optionLabelId = `${id}-${option.value}-label`;
          return (
            // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is radio or checkbox, both take aria-checked
            <button
              type="button"
              role={props.multiple ? 'checkbox' : 'radio'}
              aria-checked={chosen}
              aria-labelledby={optionLabelId}
              aria-describedby={option.hint ? optionHintId : undefined}
              disabled={option.disabled}
              data-sign-key={option.signKey}
              className={`choice${chosen ? ' choice--chosen' : ''}`}
              onClick={() => choose(option.value)}
            >
              <span className="choice__mark" aria-hidden="true">
                {chosen ? '✓' : ''}
              </span>
              <span className="choice__text">
                <span id={optionLabelId} className="choice__label">
                  {option.label}
                </span>
                {option.hint ? (
                  <span id={optionHintId} className="choice__hint">
                    {option.hint}
                  </span>
                ) : null}
              </span>
            </button>
          );
        }}
      />
    </div>
  );
}
