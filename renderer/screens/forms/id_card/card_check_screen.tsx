import '../../../styles/forms.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cardSteps } from '../../../../common/forms/id_card_steps';
import { isPersonalField } from '../../../../common/forms/personal_fields';
import type { Language } from '../../../../common/languages';
import { spellDigits } from '../../../../common/speech/spell_digits';
import { useSpeech } from '../../../a11y/kit_context';
import { useApp } from '../../../app_context';
import { Dialog } from '../../../components/dialog';
import { KioskButton } from '../../../components/kiosk_button';
import { MaskedValue } from '../../../components/masked_value';
import { ScreenHeading } from '../../../components/screen_heading';
import { setCurrentStep } from '../../../data/forms_data';
import { BilingualText } from '../../../i18n/bilingual_text';
import { LocalText, localString, useLanguage } from '../../../i18n/local_text';
import { ScriptText } from '../../../i18n/script_text';
import { Text } from '../../../i18n/text';
import { nextStepAfter } from '../form_step_screen';
import { MissingDraft } from '../missing_draft';
import { reviewAnswer } from '../review_answer';
import { type LoadedForm, useForm } from '../use_form';
import { FromIdCardMark } from './from_id_card_mark';
import { languageOffered, markLanguageOffered } from './language_offer';

export interface CardCheckProps {
  draftId: string;
  holder: string;
  /** The card says 蒙古族 and the terminal offers Mongolian: ask once. */
  offerLanguage?: Language;
}

/**
 * What the card filled in, read back for confirmation: every filled answer on screen (personal numbers masked
 * until "show"), and aloud the name and the last four characters of the ID number only. "Correct" goes on to
 * the next question; "change" goes through the filled answers one by one.
 */
export function CardCheckScreen(props: CardCheckProps) {
  const form = useForm(props.draftId);
  if (form === 'missing') return <MissingDraft />;
  if (!form) return null;
  return <CardCheck {...props} form={form} />;
}

function CardCheck({ draftId, holder, offerLanguage, form }: CardCheckProps & { form: LoadedForm }) {
  const { store, terminal, forms } = useApp();
  const { t, i18n } = useTranslation('forms_ui');
  const language = useLanguage();
  const speech = useSpeech();
  const [asking, setAsking] = useState<'continue' | 'change' | null>(null);
  const { draft, template } = form;
  const holderSteps = cardSteps(template, holder).filter((step) => draft.visibleSteps.includes(step.id));
  const filled = holderSteps.filter((step) => draft.fromIdCard.includes(step.id));
  const cardValue = (field: string) => {
    const step = filled.find((s) => s.idCard?.field === field);
    const value = step ? draft.answers[step.id] : undefined;
    return typeof value === 'string' ? value : null;
  };
  const name = cardValue('name');
  const idNumber = cardValue('id_number');

  // Aloud: the name and only the last four characters of the ID number (the visitor's own data: dynamic text).
  const readBack = (lng: Language, translate: typeof t) =>
    [
      name ? translate('card.readback_name', { name }) : '',
      idNumber ? translate('card.readback_id', { digits: spellDigits(idNumber.slice(-4), lng).text }) : '',
    ].join('');
  const spoken = readBack(language, t);
  const spokenChinese =
    language === 'mn-Mong-CN'
      ? readBack('zh-CN', i18n.getFixedT('zh-CN', 'forms_ui') as unknown as typeof t)
      : null;
  useEffect(() => {
    speech.say([
      speech.resolve({ k: 'card.check_heading', ns: 'forms_ui' }),
      { text: spoken, language, kind: 'dynamic', ...(spokenChinese ? { fallback: spokenChinese } : {}) },
      speech.resolve({ k: 'card.check_lead', ns: 'forms_ui' }),
    ]);
  }, [spoken, spokenChinese, language, speech]);

  const offer =
    offerLanguage &&
    offerLanguage !== language &&
    terminal.languages.includes(offerLanguage) &&
    !languageOffered(store)
      ? offerLanguage
      : null;

  function proceed(choice: 'continue' | 'change') {
    if (choice === 'change') {
      const first = holderSteps[0];
      if (first) store.navigate({ name: 'form_step', draftId, stepId: first.id });
      return;
    }
    const last = holderSteps.at(-1);
    const next = last ? nextStepAfter(draft, last.id) : null;
    forms.remember(draft);
    if (next === null) {
      store.navigate({ name: 'form_review', draftId });
      return;
    }
    setCurrentStep({ draftId, stepId: next });
    store.navigate({ name: 'form_step', draftId, stepId: next });
  }

  // The language question comes once, when the visitor moves on, so it never talks over the read-back.
  function choose(choice: 'continue' | 'change') {
    if (offer) setAsking(choice);
    else proceed(choice);
  }

  function answerOffer(accept: boolean) {
    markLanguageOffered(store);
    if (accept && offer) store.setLanguage(offer);
    const choice = asking;
    setAsking(null);
    if (choice) proceed(choice);
  }

  return (
    <section className="screen form-card-check" aria-labelledby="screen-heading">
      <p className="form-step__context">
        <LocalText text={template.title} />
      </p>
      <ScreenHeading k="card.check_heading" ns="forms_ui" />
      <p className="lead">
        <Text ns="forms_ui" k="card.check_lead" />
      </p>
      <dl className="form-review__list">
        {filled.map((step) => {
          const value = draft.answers[step.id];
          return (
            <div key={step.id} className="form-review__row">
              <dt>
                <LocalText text={step.label} />
              </dt>
              <dd>
                {isPersonalField(step.field) && typeof value === 'string' ? (
                  <MaskedValue value={value} label={localString(step.label, language)} />
                ) : (
                  <ScriptText className="form-review__answer" text={reviewAnswer(step, value, language, t)} />
                )}
                <FromIdCardMark />
              </dd>
            </div>
          );
        })}
      </dl>
      <div className="forms-actions">
        <KioskButton onPress={() => choose('change')}>
          <Text ns="forms_ui" k="card.change" />
        </KioskButton>
        <KioskButton variant="primary" onPress={() => choose('continue')}>
          <Text ns="forms_ui" k="card.confirm" />
        </KioskButton>
      </div>
      {/* Mongolian first, then Chinese: the question is for a reader of Mongolian (the bilingual rule) */}
      <Dialog
        open={asking !== null}
        title={<BilingualText k="card.offer_title" ns="forms_ui" />}
        onClose={() => answerOffer(false)}
      >
        <div className="forms-actions">
          <KioskButton onPress={() => answerOffer(false)}>
            <BilingualText k="card.offer_no" ns="forms_ui" />
          </KioskButton>
          <KioskButton variant="primary" onPress={() => answerOffer(true)}>
            <BilingualText k="card.offer_yes" ns="forms_ui" />
          </KioskButton>
        </div>
      </Dialog>
    </section>
  );
}
