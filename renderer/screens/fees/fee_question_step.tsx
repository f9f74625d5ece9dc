import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeQuestion, FeeSituation } from '../../../common/fees/fee_engine';
import { DISABILITY_LEVELS, type FeeRuleTable } from '../../../common/fees/fee_rule_schema';
import { parseYuan } from '../../../common/fees/money';
import { useAnnounce } from '../../a11y/kit_context';
import { ChoiceList } from '../../components/choice_list';
import { FieldError } from '../../components/field_error';
import { KioskButton } from '../../components/kiosk_button';
import { OnScreenKeyboard } from '../../components/onscreen_keyboard/onscreen_keyboard';
import { ScreenHeading } from '../../components/screen_heading';
import { Text } from '../../i18n/text';
import { DataText } from '../../published/data_text';

type Answer = <F extends keyof FeeSituation>(field: F, value: FeeSituation[F]) => void;

interface StepProps {
  table: FeeRuleTable;
  question: FeeQuestion;
  step: number;
  onAnswer: Answer;
  onBack: (() => void) | null;
}

const FIELD_ID = 'fee-answer';

/** One question of the calculator, with its own control: choices, or the number pad for amounts and age. */
export function FeeQuestionStep({ table, question, step, onAnswer, onBack }: StepProps) {
  const { t } = useTranslation('fees');
  const announcer = useAnnounce();
  const [choice, setChoice] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = (key: string) => {
    const message = t(key);
    setError(message);
    announcer.assertive(message);
  };

  const choices: { value: string; label: ReactNode }[] | null = (() => {
    switch (question) {
      case 'matter':
        return table.matters.map((matter) => ({ value: matter.id, label: <DataText text={matter.name} /> }));
      case 'disability_level':
        return [...DISABILITY_LEVELS.map(String), 'none'].map((level) => ({
          value: level,
          label: <Text ns="fees" k={`questions.disability_level.levels.${level}`} />,
        }));
      case 'first_application':
      case 'legal_aid':
        return ['yes', 'no'].map((value) => ({ value, label: <Text ns="fees" k={`answers.${value}`} /> }));
      default:
        return null;
    }
  })();

  const submit = () => {
    switch (question) {
      case 'matter':
      case 'disability_level':
      case 'first_application':
      case 'legal_aid': {
        if (choice === null) return fail('errors.choose');
        if (question === 'matter') return onAnswer('matterId', choice);
        if (question === 'disability_level')
          return onAnswer('disabilityLevel', choice === 'none' ? null : (Number(choice) as 1 | 2 | 3 | 4));
        return onAnswer(question === 'legal_aid' ? 'legalAidEligible' : 'firstApplication', choice === 'yes');
      }
      case 'age': {
        const age = Number(typed);
        if (!/^\d{1,3}$/.test(typed) || age > 150) return fail('errors.age');
        return onAnswer('age', age);
      }
      case 'estate_value':
      case 'standard_fee': {
        const fen = parseYuan(typed);
        if (!fen.ok) return fail(`errors.${fen.error}`);
        return onAnswer(question === 'estate_value' ? 'estateValueFen' : 'standardFeeFen', fen.value);
      }
    }
  };

  return (
    <section className="screen fee-step" aria-labelledby="screen-heading">
      <p className="fee-step__progress">
        <Text ns="fees" k="progress" values={{ step }} />
      </p>
      <ScreenHeading
        ns="fees"
        k={`questions.${question}.title`}
        intro={[{ ns: 'fees', k: `questions.${question}.hint` }]}
      />
      {choices ? (
        <ChoiceList
          id={FIELD_ID}
          legend={<Text ns="fees" k={`questions.${question}.title`} />}
          hint={<Text ns="fees" k={`questions.${question}.hint`} />}
          options={choices}
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setError(null);
          }}
          error={error}
          pageSize={8}
        />
      ) : (
        <div className="fee-amount">
          <p className="fee-amount__hint" id={`${FIELD_ID}-hint`}>
            <Text ns="fees" k={`questions.${question}.hint`} />
          </p>
          <p className="fee-amount__value" lang="en">
            {typed ? (
              <Text
                ns="fees"
                k={question === 'age' ? 'amount.years' : 'amount.yuan'}
                values={question === 'age' ? { age: typed } : { amount: typed }}
              />
            ) : (
              <Text ns="fees" k="amount.empty" />
            )}
          </p>
          {error ? <FieldError id={`${FIELD_ID}-error`}>{error}</FieldError> : null}
          <OnScreenKeyboard
            layout={question === 'age' ? 'number' : 'decimal'}
            value={typed}
            onChange={(value) => {
              setTyped(value);
              setError(null);
            }}
            onDone={submit}
            maxLength={question === 'age' ? 3 : 15}
          />
        </div>
      )}
      <div className="screen-actions">
        <KioskButton variant="primary" onPress={submit}>
          <Text ns="fees" k="next" />
        </KioskButton>
        {question === 'standard_fee' ? (
          <KioskButton onPress={() => onAnswer('standardFeeFen', null)}>
            <Text ns="fees" k="questions.standard_fee.unknown" />
          </KioskButton>
        ) : null}
        {onBack ? (
          <KioskButton onPress={onBack}>
            <Text ns="fees" k="back" />
          </KioskButton>
        ) : null}
      </div>
    </section>
  );
}
