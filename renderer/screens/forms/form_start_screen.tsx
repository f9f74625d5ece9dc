import '../../styles/forms.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allSteps, type Template } from '../../../common/forms/template_schema';
import { useAnnounce } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { resumeDraft, startDraft } from '../../data/forms_data';
import { LocalText, localString, useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { KeyboardField } from './controls/keyboard_field';
import { MissingDraft } from './missing_draft';
import { resumeScreen } from './resume';

/** Roughly half a minute per question for a visitor using speech or the keypad. */
const SECONDS_PER_STEP = 30;

/** What to have at hand, from the kinds of questions the form asks. */
function thingsNeeded(template: Template): string[] {
  const types = new Set(allSteps(template).map((step) => step.field.type));
  const needed: string[] = [];
  if (types.has('resident_id')) needed.push('start.need_id_card');
  if (types.has('disability_cert')) needed.push('start.need_disability_cert');
  if (types.has('phone')) needed.push('start.need_phone');
  return needed;
}

/** The start page of a form: what it is for, what you need, how long, start; or resume with a code. */
export function FormStartScreen({ templateId }: { templateId: string }) {
  const { store, forms } = useApp();
  const { t } = useTranslation('forms_ui');
  const language = useLanguage();
  const announcer = useAnnounce();
  const [template, setTemplate] = useState<Template | null | 'missing'>(null);
  const [resuming, setResuming] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);

  useEffect(() => {
    void forms.loadTemplate(templateId).then((loaded) => setTemplate(loaded ?? 'missing'));
  }, [forms, templateId]);

  if (template === 'missing') return <MissingDraft />;
  if (!template) return null;
  const steps = allSteps(template).length;
  const minutes = Math.max(1, Math.round((steps * SECONDS_PER_STEP) / 60));

  async function start() {
    const result = await startDraft({ templateId });
    if (!result.ok) {
      if (result.reason === 'disk_full') {
        setStartError(t('start.disk_full'));
        announcer.assertive(t('start.disk_full'));
      }
      return;
    }
    forms.remember(result.draft);
    store.navigate({
      name: 'form_step',
      draftId: result.draft.draftId,
      stepId: result.draft.visibleSteps[0]!,
    });
  }

  async function resume() {
    const digits = code.replace(/\D/g, '');
    const refuse = (message: string) => {
      setCodeError(message);
      announcer.assertive(message);
    };
    // 12 digits; drafts kept before codes grew still have 8.
    if (digits.length !== 12 && digits.length !== 8) return refuse(t('start.code_format'));
    const result = await resumeDraft({ code: digits });
    if (!result.ok) return refuse(t(`start.code_${result.reason}`));
    forms.remember(result.draft);
    store.navigate(resumeScreen(result.draft));
  }

  return (
    <section className="screen form-start" aria-labelledby="screen-heading">
      <ScreenHeading
        k="start.heading"
        ns="forms_ui"
        values={{ title: localString(template.title, language) }}
        fallbackValues={{ title: template.title['zh-CN'] }}
        intro={[
          {
            k: 'start.spoken',
            ns: 'forms_ui',
            values: { text: localString(template.description, language) },
            fallbackValues: { text: template.description['zh-CN'] },
          },
          { k: 'start.how_long', ns: 'forms_ui', values: { steps, minutes } },
        ]}
      />
      <p className="lead">
        <LocalText text={template.description} />
      </p>
      <h3>
        <Text ns="forms_ui" k="start.what_you_need" />
      </h3>
      <ul className="form-start__needs">
        {thingsNeeded(template).map((key) => (
          <li key={key}>
            <Text ns="forms_ui" k={key} />
          </li>
        ))}
        <li>
          <Text ns="forms_ui" k="start.how_long" values={{ steps, minutes }} />
        </li>
      </ul>
      <p>
        <Text ns="forms_ui" k="start.saved_as_you_go" />
      </p>
      {startError ? (
        <p className="field-error" role="alert">
          {startError}
        </p>
      ) : null}
      <div className="forms-actions">
        <KioskButton variant="primary" onPress={() => void start()}>
          <Text ns="forms_ui" k="start.start" />
        </KioskButton>
        <KioskButton pressed={resuming} onPress={() => setResuming(!resuming)}>
          <Text ns="forms_ui" k="start.have_code" />
        </KioskButton>
        <KioskButton onPress={() => store.navigate({ name: 'forms_menu' })}>
          <Text ns="forms_ui" k="start.other_forms" />
        </KioskButton>
        {template.category === 'legal_aid' ? (
          <KioskButton onPress={() => store.navigate({ name: 'legal_aid_guide' })}>
            <Text ns="guide" k="open_from_form" />
          </KioskButton>
        ) : null}
      </div>
      {resuming ? (
        <div className="form-start__resume">
          <KeyboardField
            id="retrieval-code"
            label={<Text ns="forms_ui" k="start.code_label" />}
            hint={<Text ns="forms_ui" k="start.code_hint" />}
            error={codeError ?? undefined}
            value={code}
            onChange={(changed) => {
              setCode(changed);
              setCodeError(null);
            }}
            onDone={() => void resume()}
            layout="number"
            maxLength={14}
          />
          <KioskButton variant="primary" onPress={() => void resume()}>
            <Text ns="forms_ui" k="start.resume" />
          </KioskButton>
        </div>
      ) : null}
    </section>
  );
}
