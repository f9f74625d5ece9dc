import '../../styles/forms.css';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { useSubmissionSummary } from '../../data/forms_data';
import { printApplication, printReceipt } from '../../data/print_data';
import { LocalText, localString, useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { PrintButton } from '../../printing/print_button';
import { MissingDraft } from './missing_draft';

/** After submit: the receipt number (large, spoken), print buttons, and what happens next. */
export function FormReceiptScreen({ uuid }: { uuid: string }) {
  const { store } = useApp();
  const language = useLanguage();
  const found = useSubmissionSummary(uuid);
  if (found.status === 'ready' && found.value === null) return <MissingDraft />;
  if (found.status !== 'ready' || !found.value) return null;
  const summary = found.value;
  const spokenNumber = [...summary.receiptNo].join(' ');
  return (
    <section className="screen form-receipt" aria-labelledby="screen-heading">
      <ScreenHeading
        k="receipt.heading"
        ns="forms_ui"
        intro={[
          { k: 'receipt.spoken', ns: 'forms_ui', values: { number: spokenNumber } },
          {
            k: 'receipt.next_spoken',
            ns: 'forms_ui',
            values: { text: localString(summary.nextSteps, language) },
            fallbackValues: { text: summary.nextSteps['zh-CN'] },
          },
        ]}
      />
      <p className="lead">
        <Text ns="forms_ui" k="receipt.filed" values={{ title: localString(summary.title, language) }} />
      </p>
      <p className="form-receipt__label" id="receipt-number-label">
        <Text ns="forms_ui" k="receipt.number_label" />
      </p>
      <p className="form-receipt__number">
        <span id="receipt-number">{summary.receiptNo}</span>
      </p>
      {summary.priority ? (
        <p className="form-review__priority">
          <Text ns="forms_ui" k="receipt.priority" />
        </p>
      ) : null}
      <h3>
        <Text ns="forms_ui" k="receipt.next_heading" />
      </h3>
      <p>
        <LocalText text={summary.nextSteps} />
      </p>
      {summary.papers ? (
        <section aria-labelledby="receipt-papers">
          <h3 id="receipt-papers">
            <Text ns="forms_ui" k="review.papers_heading" />
          </h3>
          <ul className="form-review__papers">
            {summary.papers.map((text) => (
              <li key={text['zh-CN']}>
                <LocalText text={text} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Text
          ns="forms_ui"
          k="receipt.office"
          values={{ name: summary.officeName, phone: summary.officePhone }}
        />
      </p>
      <p>
        <Text ns="status" k="receipt_tip" />
      </p>
      <div className="forms-actions">
        <PrintButton variant="primary" what="receipt" print={() => printReceipt({ uuid, language })}>
          <Text ns="forms_ui" k="receipt.print_receipt" />
        </PrintButton>
        <PrintButton what="application" print={() => printApplication({ uuid, language })}>
          <Text ns="forms_ui" k="receipt.print_application" />
        </PrintButton>
        <KioskButton onPress={() => store.endSession()}>
          <Text ns="forms_ui" k="receipt.finish" />
        </KioskButton>
      </div>
      <p className="form-step__note">
        <Text ns="forms_ui" k="receipt.finish_hint" />
      </p>
    </section>
  );
}
