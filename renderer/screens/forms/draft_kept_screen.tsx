import '../../styles/forms.css';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { printRetrievalCode } from '../../data/print_data';
import { useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { PrintButton } from '../../printing/print_button';

/** Groups of four, as printed ("1234 5678"); spoken digit by digit. */
export const groupCode = (code: string) => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/** The draft is kept: its retrieval code, very large and spoken, with a printed slip and the ways on. */
export function DraftKeptScreen({
  draftId,
  code,
  stepId,
}: {
  draftId: string;
  code: string;
  stepId: string;
}) {
  const { store } = useApp();
  const { t } = useTranslation('forms_ui');
  const language = useLanguage();
  const digits = [...code].join(' ');
  return (
    <section className="screen form-kept" aria-labelledby="screen-heading">
      <ScreenHeading
        k="kept.heading"
        ns="forms_ui"
        intro={[{ k: 'kept.spoken', ns: 'forms_ui', values: { digits } }]}
      />
      <p className="lead">
        <Text ns="forms_ui" k="kept.lead" />
      </p>
      <p className="form-kept__code">
        <span className="visually-hidden">{t('kept.code_label', { digits })}</span>
        <span aria-hidden="true" data-code={code}>
          {groupCode(code)}
        </span>
      </p>
      <p>
        <Text ns="forms_ui" k="kept.how_to_resume" />
      </p>
      <div className="forms-actions">
        <PrintButton what="code" print={() => printRetrievalCode({ draftId, language })}>
          <Text ns="forms_ui" k="kept.print" />
        </PrintButton>
        <KioskButton onPress={() => store.navigate({ name: 'form_step', draftId, stepId })}>
          <Text ns="forms_ui" k="kept.continue" />
        </KioskButton>
        <KioskButton variant="primary" onPress={() => store.endSession()}>
          <Text ns="forms_ui" k="kept.finish" />
        </KioskButton>
      </div>
    </section>
  );
}
