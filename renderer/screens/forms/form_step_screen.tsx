import '../../styles/forms.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftState } from '../../../common/contract/forms_methods';
import type { AnswerValue } from '../../../common/forms/answers';
import { cardHolderStartingAt, cardSteps } from '../../../common/forms/id_card_steps';
import { proposedAnswer } from '../../../common/forms/proposed_answer';
import { startersFor } from '../../../common/forms/starters';
import { allSteps, type Step, type Template } from '../../../common/forms/template_schema';
import { templateSignKey } from '../../../common/sign_language/sign_keys';
import { useSpeech } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { ErrorSummary } from '../../components/error_summary';
import { KioskButton } from '../../components/kiosk_button';
import { SavingNotice } from '../../components/saving_notice';
import { ScreenHeading } from '../../components/screen_heading';
import { getDraft, keepDraft, saveAnswer, setCurrentStep } from '../../data/forms_data';
import type { CardRead } from '../../data/use_card_reader';
import { LocalText, localString, useLanguage } from '../../i18n/local_text';
import { ScriptText } from '../../i18n/script_text';
import { Text } from '../../i18n/text';
import { useSignKeys } from '../../sign_language/sign_context';
import { controlId, StepControl } from './controls/step_control';
import { PlaceCardPanel } from './id_card/place_card_panel';
import { MissingDraft } from './missing_draft';
import { type LoadedForm, useForm } from './use_form';

export interface StepScreenProps {
  draftId: string;
  stepId: string;
  /** Came from "change" on the review screen: go back there after saving. */
  fromReview?: boolean;
}

/** One question per screen: prompt, large control, progress, back / next, help, keep my draft. */
export function FormStepScreen(props: StepScreenProps) {
  const form = useForm(props.draftId);
  if (form === 'missing') return <MissingDraft />;
  if (!form) return null;
  const step = allSteps(form.template).find((s) => s.id === props.stepId);
  if (!step) return <MissingDraft />;
  return <StepView {...props} form={form} step={step} />;
}

/** What the visitor typed, as the core takes it: blank is "no answer", 8 digits are a date. */
function toAnswer(step: Step, value: AnswerValue | null): AnswerValue | null {
  if (typeof value !== 'string') return value;
  const trimmed = step.field.type === 'long_text' ? value : value.trim();
  if (trimmed === '') return null;
  if (step.field.type === 'date' && /^\d{8}$/.test(trimmed)) {
    return `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6)}`;
  }
  if (step.field.type === 'resident_id' || step.field.type === 'disability_cert')
    return trimmed.toUpperCase();
  return trimmed;
}

export function nextStepAfter(draft: DraftState, stepId: string): string | null {
  const index = draft.visibleSteps.indexOf(stepId);
  return draft.visibleSteps[index + 1] ?? null;
}

function sectionOf(template: Template, stepId: string) {
  return template.sections.find((section) => section.steps.some((s) => s.id === stepId));
}

function StepView({
  draftId,
  stepId,
  fromReview,
  form,
  step,
}: StepScreenProps & { form: LoadedForm; step: Step }) {
  const { store, terminal, forms } = useApp();
  const { t } = useTranslation('forms_ui');
  const language = useLanguage();
  const speech = useSpeech();
  const { draft, template } = form;
  // Nothing answered yet: what follows from earlier answers is filled in for the visitor to check.
  const [proposed] = useState(() =>
    draft.answers[stepId] === undefined ? proposedAnswer(step, draft.answers, new Date()) : null,
  );
  const [value, setValue] = useState<AnswerValue | null>(draft.answers[stepId] ?? proposed);
  const [error, setError] = useState<string | null>(null);
  const [showHelp, setShowHelp] = useState(false);
  // Where a form first asks for someone's identity, "place your ID card" comes before typing (issue 19)
  const reader = terminal.idCardReader;
  const holder = reader ? cardHolderStartingAt(template, stepId) : null;
  const [byCard, setByCard] = useState(
    holder !== null &&
      !fromReview &&
      cardSteps(template, holder).every((s) => draft.answers[s.id] === undefined),
  );
  // a ref, not state: a second press while saving is ignored without re-rendering the screen
  const busy = useRef(false);
  const [saving, setSaving] = useState(false);
  const index = draft.visibleSteps.indexOf(stepId);
  const total = draft.visibleSteps.length;
  const section = sectionOf(template, stepId);
  // Sign-language clips of this version's question (the screen's clip) and of each option (while focused).
  const optionSignKey = (option: string) =>
    templateSignKey(template, step.id, { text: 'option', value: option });
  const field = step.field;
  const optionValues =
    field.type === 'yes_no'
      ? ['yes', 'no']
      : field.type === 'single_choice' || field.type === 'multi_choice'
        ? field.options.map((option) => option.value)
        : [];
  useSignKeys([templateSignKey(template, step.id, { text: 'prompt' })], 'screen', 10);
  useSignKeys(optionValues.map(optionSignKey), 'part');

  function goTo(next: string | null) {
    if (fromReview || next === null) {
      store.navigate({ name: 'form_review', draftId });
      return;
    }
    // only where to resume; the answer is already saved
    setCurrentStep({ draftId, stepId: next });
    store.navigate({ name: 'form_step', draftId, stepId: next });
  }

  async function save(answer: AnswerValue | null): Promise<DraftState | null> {
    busy.current = true;
    setSaving(true);
    // cleared first so the same failure twice is announced (and spoken) twice
    setError(null);
    try {
      const result = await saveAnswer({ draftId, stepId, value: answer });
      if (result.ok) {
        forms.remember(result.draft);
        return result.draft;
      }
      if (result.reason === 'invalid') {
        setError(t(result.error.key, { ns: 'forms', ...result.error.params }));
      } else setError(t('step.save_failed'));
      return null;
    } catch {
      // the core refused the call or could not be reached (restarting): say so, never fail in silence
      setError(t('step.save_failed'));
      return null;
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  async function next() {
    if (busy.current) return;
    const answer = toAnswer(step, value);
    // the core keeps "no answer" for later (required answers are checked at submit); tell the visitor now
    if (answer === null && step.required) {
      setError(t('errors.required', { ns: 'forms' }));
      return;
    }
    const saved = await save(answer);
    if (saved) goTo(nextStepAfter(saved, stepId));
  }

  async function skip() {
    if (busy.current) return;
    const saved = await save(null);
    if (saved) goTo(nextStepAfter(saved, stepId));
  }

  function back() {
    const previous = draft.visibleSteps[index - 1];
    if (fromReview) store.navigate({ name: 'form_review', draftId });
    else if (previous) {
      setCurrentStep({ draftId, stepId: previous });
      store.navigate({ name: 'form_step', draftId, stepId: previous });
    } else store.navigate({ name: 'form_start', templateId: template.id });
  }

  async function keep() {
    // what is on screen now is kept too, when it is a valid answer
    const answer = toAnswer(step, value);
    if (answer !== null && answer !== draft.answers[stepId]) {
      if (!(await save(answer))) return;
    }
    const result = await keepDraft({ draftId });
    if (result.ok) store.navigate({ name: 'form_kept', draftId, code: result.code, stepId });
  }

  async function cardRead(read: CardRead) {
    // the core wrote the card into the draft: load it afresh (the screen cache holds the old one)
    const fresh = await getDraft({ draftId });
    if (fresh.ok) forms.remember(fresh.draft);
    store.navigate({
      name: 'form_card_check',
      draftId,
      holder: holder!,
      ...(read.offerLanguage ? { offerLanguage: read.offerLanguage } : {}),
    });
  }

  if (byCard && holder && reader) {
    return (
      <PlaceCardPanel
        draftId={draftId}
        holder={holder}
        template={template}
        location={reader.location}
        onRead={(read) => void cardRead(read)}
        onType={() => setByCard(false)}
        onBack={back}
      />
    );
  }

  const prompt = localString(step.prompt, language);
  const spoken = step.speak ? localString(step.speak, language) : prompt;
  // Chinese originals, said when Mongolian audio is missing (no voice reads template text in Mongolian).
  const chinesePrompt = step.prompt['zh-CN'];
  const chineseSpoken = step.speak ? step.speak['zh-CN'] : chinesePrompt;
  const helpText = step.help ? localString(step.help, language) : null;
  // A published-list step: nothing published means the centre assigns; demo data is labelled as such.
  const fromList = step.field.type === 'single_choice' && step.field.optionsSource !== undefined;
  const sourceNote = !fromList
    ? proposed !== null && value === proposed
      ? 'proposed.disability_cert'
      : null
    : form.sourceOptions.length === 0
      ? 'no_published_lawyers'
      : form.sampleOptions
        ? 'sample_data_label'
        : null;

  return (
    <section className="screen form-step" aria-labelledby="screen-heading">
      <p className="form-step__context">
        <LocalText text={template.title} />
        {section ? (
          <>
            {' · '}
            <LocalText text={section.title} />
          </>
        ) : null}
      </p>
      <p className="form-step__progress" id="form-progress">
        <Text ns="forms_ui" k="step.progress" values={{ step: index + 1, total }} />
      </p>
      <ScreenHeading
        k="step.heading"
        ns="forms_ui"
        values={{ prompt }}
        fallbackValues={{ prompt: chinesePrompt }}
        intro={[
          { k: 'step.progress', ns: 'forms_ui', values: { step: index + 1, total } },
          ...(spoken !== prompt
            ? [
                {
                  k: 'step.spoken',
                  ns: 'forms_ui',
                  values: { text: spoken },
                  fallbackValues: { text: chineseSpoken },
                },
              ]
            : []),
          ...(sourceNote ? [{ k: sourceNote, ns: 'forms' }] : []),
        ]}
      />
      <ErrorSummary
        errors={error ? [{ fieldId: controlId(step), message: <ScriptText text={error} /> }] : []}
      />
      {step.required ? null : (
        <p className="form-step__optional">
          <Text ns="forms_ui" k="step.optional" />
        </p>
      )}
      {showHelp && helpText ? (
        <div className="form-step__help" id="form-help">
          <LocalText text={step.help!} />
        </div>
      ) : null}
      <StepControl
        step={step}
        value={value}
        onChange={(changed) => {
          setValue(changed);
          if (error) setError(null);
        }}
        onDone={() => void next()}
        error={error ? <ScriptText text={error} /> : undefined}
        sourceOptions={form.sourceOptions}
        optionSignKey={optionSignKey}
        starters={startersFor(step, draft.answers)}
      />
      {sourceNote ? (
        <p className="form-step__note">
          <Text ns="forms" k={sourceNote} />
        </p>
      ) : null}
      <SavingNotice active={saving} />
      {/* "Next" first: after the answer, the press a keypad visitor makes most is the nearest one. */}
      <div className="forms-actions">
        <KioskButton variant="primary" onPress={() => void next()}>
          <Text ns="forms_ui" k={fromReview ? 'step.save_and_review' : 'step.next'} />
        </KioskButton>
        <KioskButton onPress={back}>
          <Text ns="forms_ui" k={fromReview ? 'step.back_to_review' : 'step.back'} />
        </KioskButton>
        {step.required ? null : (
          <KioskButton onPress={() => void skip()}>
            <Text ns="forms_ui" k="step.skip" />
          </KioskButton>
        )}
        {helpText ? (
          <KioskButton
            pressed={showHelp}
            onPress={() => {
              setShowHelp(!showHelp);
              if (!showHelp) speech.sayText(helpText);
            }}
          >
            <Text ns="forms_ui" k="step.help" />
          </KioskButton>
        ) : null}
        {holder ? (
          <KioskButton onPress={() => setByCard(true)}>
            <Text ns="forms_ui" k="card.use_card" />
          </KioskButton>
        ) : null}
        <KioskButton onPress={() => void keep()}>
          <Text ns="forms_ui" k="step.keep_draft" />
        </KioskButton>
      </div>
    </section>
  );
}
