import { useTranslation } from 'react-i18next';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { useFormTemplates } from '../../data/forms_data';
import { startAssisted } from '../../data/staff_data';
import { LocalText, localString, useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';

const NS = 'staff';

/**
 * Assisted entry at the desk: staff start a form for the visitor in front of them; the forms screens then
 * work as for the visitor, with "place your ID card" where the form asks for an identity (the card goes on
 * the desk reader). The application is recorded as filled in with staff help.
 */
export function AssistedEntry({ onLocked, onAssist }: { onLocked: () => void; onAssist: () => void }) {
  const { store, terminal } = useApp();
  const { t } = useTranslation(NS);
  const language = useLanguage();
  const listed = useFormTemplates();
  const templates = listed.status === 'ready' ? listed.value : [];

  const start = async (templateId: string) => {
    const result = await startAssisted({ templateId });
    if (!result.ok && result.reason === 'locked') return onLocked();
    if (!result.ok) return;
    onAssist();
    store.navigate({ name: 'form_step', draftId: result.draftId, stepId: result.stepId });
  };

  return (
    <section className="staff-panel" aria-labelledby="staff-assist-heading">
      <h3 id="staff-assist-heading">
        <Text ns={NS} k="assist.heading" />
      </h3>
      <p>
        <Text ns={NS} k={terminal.idCardReader ? 'assist.hint_reader' : 'assist.hint'} />
      </p>
      <div className="staff-actions">
        {templates.map((template) => (
          <KioskButton
            key={template.id}
            label={t('assist.start', { title: localString(template.title, language) })}
            onPress={() => void start(template.id)}
          >
            <LocalText text={template.title} />
          </KioskButton>
        ))}
      </div>
    </section>
  );
}
