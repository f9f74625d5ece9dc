import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../common/content/localized_text';
import type { AnswerValue } from '../../../../common/forms/answers';
import { isPersonalField } from '../../../../common/forms/personal_fields';
import type { FieldOption, Step } from '../../../../common/forms/template_schema';
import { ChoiceList } from '../../../components/choice_list';
import { FieldError } from '../../../components/field_error';
import { LocalText } from '../../../i18n/local_text';
import { Text } from '../../../i18n/text';
import { KeyboardField } from './keyboard_field';
import { SignatureControl } from './signature_control';
import { StarterList } from './starter_list';

export interface StepControlProps {
  step: Step;
  /** The answer being edited, as the control holds it (text while typing; converted on save). */
  value: AnswerValue | null;
  onChange: (value: AnswerValue | null) => void;
  /** "Done" on the keyboard: go on. */
  onDone: () => void;
  error?: ReactNode;
  /** Options filled from published data (the lawyer list). */
  sourceOptions: readonly FieldOption[];
  /** The sign-language clip key of a fixed option of this step (options from published data have none). */
  optionSignKey?: (value: string) => string;
  /** Common wording a long-text step offers for the answers so far (see `startersFor`). */
  starters?: readonly LocalizedText[];
}

/** The id the error summary focuses for a step. */
export const controlId = (step: Step) => `answer-${step.id}`;

const text = (value: AnswerValue | null) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** The large control for a step's field type. */
export function StepControl({
  step,
  value,
  onChange,
  onDone,
  error,
  sourceOptions,
  optionSignKey,
  starters = [],
}: StepControlProps) {
  const { t } = useTranslation('forms_ui');
  const id = controlId(step);
  const label = <LocalText text={step.label} />;
  const field = step.field;
  const typed = (layout: Parameters<typeof KeyboardField>[0]['layout'], maxLength: number, extra = {}) => (
    <KeyboardField
      id={id}
      label={label}
      error={error}
      value={text(value)}
      onChange={onChange}
      onDone={onDone}
      layout={layout}
      maxLength={maxLength}
      privateValue={isPersonalField(field)}
      {...extra}
    />
  );

  switch (field.type) {
    case 'text':
      return typed(
        field.pattern === 'digits' || field.pattern === 'postal_code' ? 'number' : 'text',
        field.maxLength,
        field.pattern === 'person_name' ? { candidateContext: 'name' } : {},
      );
    case 'address':
      return typed('text', field.maxLength, { hint: <Text ns="forms_ui" k="step.hint_address" /> });
    case 'long_text':
      return (
        <>
          <StarterList starters={starters} onPick={(picked) => onChange(text(value) + picked)} />
          {typed('text', field.maxLength, { multiline: true })}
        </>
      );
    case 'number':
      return typed(field.integer ? 'number' : 'decimal', 15, {
        hint: field.unit ? <LocalText text={field.unit} /> : undefined,
      });
    case 'date':
      return typed('date', 10, { hint: <Text ns="forms_ui" k="step.hint_date" /> });
    case 'phone':
      return typed(field.accept === 'mobile' ? 'number' : 'phone', 20, {
        hint: <Text ns="forms_ui" k={`step.hint_phone_${field.accept}`} />,
      });
    case 'resident_id':
      return typed('id_number', 18, { hint: <Text ns="forms_ui" k="step.hint_resident_id" /> });
    case 'disability_cert':
      return typed('id_number', 20, { hint: <Text ns="forms_ui" k="step.hint_disability_cert" /> });
    case 'yes_no':
      return (
        <ChoiceList
          id={id}
          legend={label}
          error={error}
          options={(['yes', 'no'] as const).map((choice) => ({
            value: choice,
            label: t(`values.${choice}`, { ns: 'forms' }),
            signKey: optionSignKey?.(choice),
          }))}
          value={value === true ? 'yes' : value === false ? 'no' : null}
          onChange={(choice) => onChange(choice === 'yes')}
        />
      );
    case 'single_choice':
      return (
        <ChoiceList
          id={id}
          legend={label}
          error={error}
          pageSize={6}
          options={[
            ...field.options.map((o) => ({ o, signKey: optionSignKey?.(o.value) })),
            ...sourceOptions.map((o) => ({ o, signKey: undefined })),
          ].map(({ o, signKey }) => ({ value: o.value, label: <LocalText text={o.label} />, signKey }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        />
      );
    case 'multi_choice':
      return (
        <ChoiceList
          id={id}
          legend={label}
          hint={<Text ns="forms_ui" k="step.hint_multi" />}
          error={error}
          multiple
          pageSize={6}
          options={field.options.map((o) => ({
            value: o.value,
            label: <LocalText text={o.label} />,
            signKey: optionSignKey?.(o.value),
          }))}
          value={Array.isArray(value) ? value : []}
          onChange={(chosen) => {
            // choosing the "none of these" option clears the others, and the other way round
            const exclusive = field.exclusiveOption;
            const added = chosen.find((v) => !(Array.isArray(value) && value.includes(v)));
            if (exclusive && added === exclusive) onChange([exclusive]);
            else onChange(exclusive ? chosen.filter((v) => v !== exclusive) : chosen);
          }}
        />
      );
    case 'signature':
      return (
        <div>
          <p className="text-field__label" id={`${id}-label`}>
            {label}
          </p>
          <p className="text-field__hint" id={`${id}-hint`}>
            <Text ns="forms_ui" k="signature.hint" />
          </p>
          {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
          <SignatureControl id={id} value={text(value)} onChange={onChange} describedBy={`${id}-hint`} />
        </div>
      );
  }
}
