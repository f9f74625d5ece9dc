import { useTranslation } from 'react-i18next';
import type { FeeSituation } from '../../../common/fees/fee_engine';
import type { FeeQuote } from '../../../common/fees/fee_quote_schema';
import type { FeeRuleTable } from '../../../common/fees/fee_rule_schema';
import { formatFen } from '../../../common/fees/money';
import { useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { printFeeResult } from '../../data/print_data';
import { useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { PrintButton } from '../../printing/print_button';
import { DataText, useDataText } from '../../published/data_text';
import type { SpeechPart } from '../../speech/speech_output';
import { startNotarizationRequest } from './notarization_seam';

/** The catalog parts that state a quote: what to pay, why (rule and source), what the office may add. */
function resultParts(
  quote: FeeQuote,
  pick: (text: NonNullable<FeeQuote['applied']>['title']) => string,
): SpeechPart[] {
  const part = (k: string, values?: Record<string, string | number>): SpeechPart => ({
    ns: 'fees',
    k,
    values,
  });
  const parts: SpeechPart[] = [];
  if (quote.feeToPayFen === 0) parts.push(part('result.free'));
  else if (quote.feeToPayFen === null)
    parts.push(part('result.to_pay_unknown', { percent: quote.reductionPercent }));
  else {
    parts.push(
      part(quote.mayBeLower ? 'result.at_most' : 'result.to_pay', { amount: formatFen(quote.feeToPayFen) }),
    );
    if (quote.reductionFen && quote.standardFeeFen !== null)
      parts.push(
        part('result.reduction', {
          percent: quote.reductionPercent,
          amount: formatFen(quote.reductionFen),
          standard: formatFen(quote.standardFeeFen),
        }),
      );
  }
  const { applied } = quote;
  if (!applied) return [...parts, part('result.no_rule')];
  parts.push(
    part('result.rule', { title: pick(applied.title) }),
    part('result.source', { source: pick(applied.sourceRef) }),
  );
  if (applied.reduction.kind === 'at_least') parts.push(part('result.at_least'));
  if (applied.reduction.kind === 'office_decides') parts.push(part('result.office_decides'));
  if (quote.alsoMatched.length > 0) parts.push(part('result.also', { count: quote.alsoMatched.length }));
  return parts;
}

export function FeeResultView({
  table,
  quote,
  situation,
  onAgain,
  onBack,
}: {
  table: FeeRuleTable;
  quote: FeeQuote;
  /** The answers the quote came from: printing sends these, and the core recomputes the quote. */
  situation: FeeSituation;
  onAgain: () => void;
  onBack: () => void;
}) {
  const { store, forms } = useApp();
  const { t } = useTranslation('fees');
  const speech = useSpeech();
  const pick = useDataText();
  const language = useLanguage();
  const parts = resultParts(quote, pick);
  const [headline, ...details] = parts;

  return (
    <section className="screen fee-result" aria-labelledby="screen-heading">
      <ScreenHeading ns="fees" k="result.heading" intro={parts} />
      <p className="fee-result__headline" data-testid="fee-headline">
        {headline ? <Text ns="fees" k={headline.k} values={headline.values} /> : null}
      </p>
      {details.map((detail) => (
        <p key={detail.k} className="fee-result__detail">
          <Text ns="fees" k={detail.k} values={detail.values} />
        </p>
      ))}
      {quote.applied ? (
        <blockquote className="fee-result__source" lang="zh-CN">
          {t('result.source_text', { text: quote.applied.sourceText, lng: 'zh-CN' })}
        </blockquote>
      ) : null}
      <p className="fee-result__note">
        <DataText text={table.note} />
      </p>
      <p className="fee-result__table">
        <Text ns="fees" k="result.table" values={{ region: pick(table.region), version: table.version }} />
      </p>
      <div className="screen-actions">
        <KioskButton
          variant="primary"
          onPress={() => speech.sayParts([{ ns: 'fees', k: 'result.heading' }, ...parts], true)}
        >
          <Text ns="fees" k="result.read_aloud" />
        </KioskButton>
        <PrintButton what="fee_result" print={() => printFeeResult({ situation, language })}>
          <Text ns="print" k="buttons.fee_result" />
        </PrintButton>
        <KioskButton onPress={() => void startNotarizationRequest(store, forms, situation)}>
          <Text ns="fees" k="result.start_request" />
        </KioskButton>
        <KioskButton onPress={onBack}>
          <Text ns="fees" k="back" />
        </KioskButton>
        <KioskButton onPress={onAgain}>
          <Text ns="fees" k="result.again" />
        </KioskButton>
      </div>
    </section>
  );
}
