import '../../styles/forms.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allSteps } from '../../../common/forms/template_schema';
import { useAnnounce } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { ScreenHeading } from '../../components/screen_heading';
import { Text } from '../../i18n/text';
import { call } from '../../rpc/api';
import { answerText, spokenAnswer } from './answer_text';
import { rememberDraft, wipeOnSessionEnd } from './forms_session';
import { LocalText, localString, useLanguage } from './local_text';
import { MissingDraft } from './missing_draft';
import { useForm } from './use_form';

/** "Check your answers": every answer by section, read aloud, each with "change"; then submit. */
export function FormReviewScreen({ draftId }: { draftId: string }) {
  const { store } = useApp();
  wipeOnSessionEnd(store);
  const { t } = useTranslation('forms_ui');
  const language = useLanguage();
  const announcer = useAnnounce();
  const form = useForm(draftId);
  const [busy, setBusy] = useState(false);
  if (form === 'missing') return <MissingDraft />;
  if (!form) return null;
  const { draft, template } = form;
  const visible = new Set(draft.visibleSteps);
  const sections = template.sections
    .map((section) => ({ section, steps: section.steps.filter((step) => visible.has(step.id)) }))
    .filter((group) => group.steps.length > 0);
  const lines = sections.flatMap(({ section, steps }) => [
    localString(section.title, language),
    ...steps.map(
      (step) =>
        `${localString(step.label, language)}：${spokenAnswer(step, draft.answers[step.id], language, t, form.sourceOptions)}`,
    ),
  ]);

  async function submit() {
    if (busy) return;
    setBusy(true);
    try {
      const result = await call('forms.submit', { draftId });
      if (result.ok) {
        store.navigate({ name: 'form_receipt', uuid: result.uuid });
        return;
      }
      if (result.reason === 'invalid') {
        // take the visitor to the first answer that needs fixing; the step screen explains what is wrong
        const first = result.errors[0]!;
        const step = allSteps(template).find((s) => s.id === first.stepId);
        announcer.assertive(
          t('review.fix_first', { label: step ? localString(step.label, language) : first.stepId }),
        );
        store.navigate({ name: 'form_step', draftId, stepId: first.stepId, fromReview: true });
      } else store.navigate({ name: 'home' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen form-review" aria-labelledby="screen-heading">
      <ScreenHeading
        k="review.heading"
        ns="forms_ui"
        intro={[{ k: 'review.spoken', ns: 'forms_ui', values: { answers: lines.join('。') } }]}
      />
      <p className="lead">
        <Text ns="forms_ui" k="review.lead" />
      </p>
      {draft.priority ? (
        <p className="form-review__priority">
          <Text ns="forms_ui" k="review.priority" />
        </p>
      ) : null}
      {sections.map(({ section, steps }) => (
        <section key={section.id} className="form-review__section" aria-labelledby={`review-${section.id}`}>
          <h3 id={`review-${section.id}`}>
            <LocalText text={section.title} />
          </h3>
          <dl className="form-review__list">
            {steps.map((step) => (
              <div key={step.id} className="form-review__row">
                <dt id={`review-label-${step.id}`}>
                  <LocalText text={step.label} />
                </dt>
                <dd>
                  <span className="form-review__answer" id={`review-answer-${step.id}`}>
                    {answerText(step, draft.answers[step.id], language, t, form.sourceOptions)}
                  </span>
                  <KioskButton
                    label={t('review.change_named', { label: localString(step.label, language) })}
                    onPress={() => {
                      rememberDraft(draft);
                      store.navigate({ name: 'form_step', draftId, stepId: step.id, fromReview: true });
                    }}
                  >
                    <Text ns="forms_ui" k="review.change" />
                  </KioskButton>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p>
        <Text ns="forms_ui" k="review.declaration" />
      </p>
      <div className="forms-actions">
        <KioskButton variant="primary" onPress={() => void submit()} disabled={busy}>
          <Text ns="forms_ui" k="review.submit" />
        </KioskButton>
      </div>
    </section>
  );
}
