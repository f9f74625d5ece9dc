import '../../styles/directory.css';
import { useState } from 'react';
import { calculateFee, type FeeSituation, nextFeeQuestion } from '../../../common/fees/fee_engine';
import type { FeeRuleTable } from '../../../common/fees/fee_rule_schema';
import { ScreenHeading } from '../../components/screen_heading';
import { usePublished } from '../../data/published_data';
import { LoadState } from '../../published/load_state';
import { FeeQuestionStep } from './fee_question_step';
import { FeeResultView } from './fee_result_view';

/** The notary fee-reduction calculator: one question per screen, only those that matter, then the result. */
export function FeeCalculatorScreen() {
  const published = usePublished('fees.rule_table');
  if (published.status !== 'ready')
    return (
      <section className="screen" aria-labelledby="screen-heading">
        <ScreenHeading ns="fees" k="heading" />
        <LoadState ns="fees" failed={published.status === 'failed'} />
      </section>
    );
  return <Calculator table={published.value.table} />;
}

function Calculator({ table }: { table: FeeRuleTable }) {
  const [answers, setAnswers] = useState<Partial<FeeSituation>>({});
  // The fields answered, in order, so "back" undoes the last answer.
  const [answered, setAnswered] = useState<(keyof FeeSituation)[]>([]);
  const question = nextFeeQuestion(table, answers);

  const answer = (field: keyof FeeSituation, value: FeeSituation[keyof FeeSituation]) => {
    setAnswers((current) => ({ ...current, [field]: value }));
    setAnswered((current) => [...current, field]);
  };
  const back = () => {
    const last = answered.at(-1);
    if (!last) return;
    setAnswers((current) => {
      const { [last]: _dropped, ...rest } = current;
      return rest;
    });
    setAnswered((current) => current.slice(0, -1));
  };
  const restart = () => {
    setAnswers({});
    setAnswered([]);
  };

  if (question === null) {
    const result = calculateFee(table, answers);
    // The engine and the question flow use the same rules, so a complete flow always computes.
    if (!result.ok) throw new Error(`fee flow incomplete: ${result.error.field}`);
    return (
      <FeeResultView
        key="result"
        table={table}
        quote={result.value}
        situation={{ ...answers, matterId: result.value.matterId }}
        onAgain={restart}
        onBack={back}
      />
    );
  }
  return (
    <FeeQuestionStep
      key={question}
      table={table}
      question={question}
      step={answered.length + 1}
      onAnswer={answer}
      onBack={answered.length > 0 ? back : null}
    />
  );
}
