import '../../styles/forms.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { papersToBring, priorityReasons } from '../../../common/forms/form_logic';
import { isPersonalField } from '../../../common/forms/personal_fields';
import { allSteps } from '../../../common/forms/template_schema';
import type { Language } from '../../../common/languages';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { MaskedValue } from '../../components/masked_value';
import { ScreenHeading } from '../../components/screen_heading';
import { submitDraft } from '../../data/forms_data';
import { LocalText, localString, useLanguage } from '../../i18n/local_text';
import { ScriptText } from '../../i18n/script_text';
import { Text } from '../../i18n/text';
import { FromIdCardMark } from './id_card/from_id_card_mark';
import { MissingDraft } from './missing_draft';
import { reviewAnswer, spokenReviewAnswer } from './review_answer';
import { useForm } from './use_form';

/** "Check your answers": every answer by section, read aloud, each with "change"; then submit. */
export function FormReviewScreen({ draftId }: { draftId: string }) {
  const { store, forms } = useApp();
  const { t, i18n } = useTranslation('forms_ui');
  const language = useLanguage();
  const announcer = useAnnounce();
  const speech = useSpeech();
  const form = useForm(draftId);
  const [busy, setBusy] = useState(false);
  const loaded = form && form !== 'missing' ? form : null;
  const sections = loaded
    ? loaded.template.sections
        .map((section) => ({
          section,
          steps: section.steps.filter((step) => loaded.draft.visibleSteps.includes(step.id)),
        }))
        .filter((group) => group.steps.length > 0)
    : [];
  // the papers to bring follow the branch chosen (agent or guardian, art. 32, 低保 …); read after the answers
  const papers = loaded ? papersToBring(loaded.template, loaded.draft.answers) : [];
  const reasons = loaded ? priorityReasons(loaded.template, loaded.draft.answers) : [];
  const summaryIn = (lng: Language, translate: typeof t) =>
    loaded
      ? [
          ...sections.flatMap(({ section, steps }) => [
            localString(section.title, lng),
            ...steps.map(
              (step) =>
                `${localString(step.label, lng)}：${spokenReviewAnswer(step, loaded.draft.answers[step.id], lng, translate, loaded.sourceOptions)}`,
            ),
          ]),
          ...(papers.length > 0
            ? [translate('review.papers_heading'), ...papers.map((item) => localString(item.text, lng))]
            : []),
        ].join('。')
      : '';
  const spoken = summaryIn(language, t);
  // The same summary in Chinese, said when Mongolian audio is missing (no voice reads Mongolian).
  const spokenChinese =
    language === 'mn-Mong-CN'
      ? summaryIn('zh-CN', i18n.getFixedT('zh-CN', 'forms_ui') as unknown as typeof t)
      : null;

  // The answers are read after the title. They are the visitor's own data, so they go as dynamic text (the
  // speech log keeps only its length); this say follows the heading's own and replaces its closing hint.
  useEffect(() => {
    if (!spoken) return;
    speech.say([
      speech.resolve({ k: 'review.heading', ns: 'forms_ui' }),
      {
        text: spoken,
        language,
        kind: 'dynamic',
        ...(spokenChinese ? { fallback: spokenChinese } : {}),
      },
    ]);
  }, [spoken, spokenChinese, language, speech]);

  if (form === 'missing') return <MissingDraft />;
  if (!loaded) return null;
  const { draft, template } = loaded;

  async function submit() {
    if (busy) return;
    setBusy(true);
    try {
      const result = await submitDraft({ draftId });
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
      <ScreenHeading k="review.heading" ns="forms_ui" />
      <p className="lead">
        <Text ns="forms_ui" k="review.lead" />
      </p>
      {draft.priority ? (
        <p className="form-review__priority">
          {reasons.length > 0 ? (
            <Text
              ns="forms_ui"
              k="review.priority_because"
              values={{ reasons: reasons.map((reason) => localString(reason, language)).join('；') }}
            />
          ) : (
            <Text ns="forms_ui" k="review.priority" />
          )}
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
                  {isPersonalField(step.field) && typeof draft.answers[step.id] === 'string' ? (
                    <MaskedValue
                      id={`review-answer-${step.id}`}
                      value={String(draft.answers[step.id])}
                      label={localString(step.label, language)}
                    />
                  ) : (
                    <ScriptText
                      className="form-review__answer"
                      id={`review-answer-${step.id}`}
                      text={reviewAnswer(step, draft.answers[step.id], language, t, loaded.sourceOptions)}
                    />
                  )}
                  {draft.fromIdCard.includes(step.id) ? <FromIdCardMark /> : null}
                  <KioskButton
                    label={t('review.change_named', { label: localString(step.label, language) })}
                    onPress={() => {
                      forms.remember(draft);
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
      {papers.length > 0 ? (
        <section className="form-review__section" aria-labelledby="review-papers">
          <h3 id="review-papers">
            <Text ns="forms_ui" k="review.papers_heading" />
          </h3>
          <p>
            <Text ns="forms_ui" k="review.papers_lead" />
          </p>
          <ul className="form-review__papers">
            {papers.map((item) => (
              <li key={item.id}>
                <LocalText text={item.text} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
