import { randomUUID } from 'node:crypto';
import type { DraftState, FeeReduction } from '../../common/contract/forms_methods';
import type { Answers, AnswerValue } from '../../common/forms/answers';
import type { FieldError } from '../../common/forms/field_error';
import {
  computePriority,
  validateAllAnswers,
  visibleAnswers,
  visibleSteps,
} from '../../common/forms/form_logic';
import { cardSteps } from '../../common/forms/id_card_steps';
import {
  allSteps,
  type FieldOption,
  type IdCardField,
  type Step,
  type Template,
} from '../../common/forms/template_schema';
import { validateAnswer } from '../../common/forms/validate_answer';
import type { CoreClock } from '../pins/core_clock';
import { flushWal, type KioskDatabase } from '../storage/database';
import { AttemptBudget } from './attempt_budget';
import { type DraftRow, DraftStore } from './draft_store';
import type { OptionProvider } from './option_sources';
import { newRetrievalCode } from './retrieval_codes';
import { type SubmissionRow, SubmissionStore } from './submissions';
import type { TemplateRegistry } from './template_registry';

export interface FormsServiceOptions {
  db: KioskDatabase;
  registry: TemplateRegistry;
  options: OptionProvider;
  now: () => Date;
  clock: CoreClock;
  terminal: { terminalId: string; centreId: string };
}

/** Whose guesses a retrieval code counts against: the screen's, or staff's finding a draft for a visitor. */
export type CodeEntry = 'visitor' | 'staff';

type DraftMissing = { ok: false; reason: 'draft_not_found' };
const DRAFT_MISSING: DraftMissing = { ok: false, reason: 'draft_not_found' };

export type SaveAnswerResult =
  | { ok: true; draft: DraftState }
  | { ok: false; reason: 'invalid'; error: FieldError }
  | { ok: false; reason: 'unknown_step' | 'step_hidden' }
  | DraftMissing;

export type SubmitResult =
  | { ok: true; submission: SubmissionRow }
  | { ok: false; reason: 'invalid'; errors: { stepId: string; error: FieldError }[] }
  | DraftMissing;

/** Drafts, answers and submissions of the guided forms. */
export class FormsService {
  readonly drafts: DraftStore;
  readonly submissions: SubmissionStore;
  private readonly attempts: Record<CodeEntry, AttemptBudget>;

  constructor(private readonly opts: FormsServiceOptions) {
    this.drafts = new DraftStore(opts.db);
    this.submissions = new SubmissionStore(opts.db);
    this.attempts = {
      visitor: new AttemptBudget(opts.db, 'visitor', opts.clock),
      staff: new AttemptBudget(opts.db, 'staff', opts.clock),
    };
  }

  get registry(): TemplateRegistry {
    return this.opts.registry;
  }

  /** Where a step's list of options comes from (the published lawyers): one provider for screen, print, staff. */
  get options(): OptionProvider {
    return this.opts.options;
  }

  private sourceOptions(step: Step): readonly FieldOption[] {
    return step.field.type === 'single_choice' && step.field.optionsSource
      ? this.opts.options(step.field.optionsSource).options
      : [];
  }

  /** The template a draft is on: always its own version, even when a newer one was published. */
  private templateOf(draft: DraftRow): Template {
    const template = this.opts.registry.get(draft.templateId, draft.templateVersion);
    if (!template) throw new Error(`template ${draft.templateId}@${draft.templateVersion} is not loaded`);
    return template;
  }

  private stateOf(draft: DraftRow, template: Template = this.templateOf(draft)): DraftState {
    return {
      draftId: draft.id,
      template: { id: draft.templateId, version: draft.templateVersion },
      answers: draft.answers,
      currentStep: draft.currentStep,
      visibleSteps: visibleSteps(template, draft.answers).map((step) => step.id),
      retrievalCode: draft.retrievalCode,
      feeReduction: draft.feeReduction,
      priority: computePriority(template, draft.answers),
      fromIdCard: [...draft.fromIdCard],
    };
  }

  startDraft(
    templateId: string,
  ): { ok: true; draft: DraftState } | { ok: false; reason: 'template_not_found' } {
    const template = this.opts.registry.get(templateId);
    if (!template) return { ok: false, reason: 'template_not_found' };
    const id = randomUUID();
    this.drafts.create(
      id,
      template.id,
      template.version,
      allSteps(template)[0]!.id,
      this.opts.now().toISOString(),
    );
    return { ok: true, draft: this.stateOf(this.drafts.get(id)!, template) };
  }

  getDraft(draftId: string): { ok: true; draft: DraftState } | DraftMissing {
    const draft = this.drafts.get(draftId);
    return draft ? { ok: true, draft: this.stateOf(draft) } : DRAFT_MISSING;
  }

  /**
   * Validates the answer against its step (with the earlier answers it must agree with) and saves the
   * draft at once. Answers of steps the new answer hides are dropped, so the draft never holds answers
   * to questions the visitor was not asked.
   */
  saveAnswer(draftId: string, stepId: string, value: AnswerValue | null): SaveAnswerResult {
    const draft = this.drafts.get(draftId);
    if (!draft) return DRAFT_MISSING;
    const template = this.templateOf(draft);
    const step = allSteps(template).find((s) => s.id === stepId);
    if (!step) return { ok: false, reason: 'unknown_step' };
    if (!visibleSteps(template, draft.answers).some((s) => s.id === stepId))
      return { ok: false, reason: 'step_hidden' };
    const { [stepId]: _previous, ...others } = visibleAnswers(template, draft.answers);
    let normalized: AnswerValue | null = null;
    if (value !== null) {
      const checked = validateAnswer(step, value, {
        answers: others,
        now: this.opts.now(),
        sourceOptions: this.sourceOptions(step),
      });
      if (!checked.ok) return { ok: false, reason: 'invalid', error: checked.error };
      normalized = checked.value;
    }
    const next: Answers = normalized === null ? others : { ...others, [stepId]: normalized };
    const kept = visibleAnswers(template, next);
    // an answer the visitor changed is theirs now, no longer "from ID card"
    const fromIdCard = draft.fromIdCard.filter(
      (id) => id in kept && (id !== stepId || normalized === draft.answers[stepId]),
    );
    const changed = { ...draft, answers: kept, fromIdCard, currentStep: stepId };
    this.drafts.saveAnswers(draftId, kept, changed, stepId, this.opts.now().toISOString());
    return { ok: true, draft: this.stateOf(changed, template) };
  }

  /**
   * Writes what an ID card read into the steps of that card's holder, in one save. Each value passes the
   * step's own validator, as a typed answer would (one that does not is left for the visitor to type);
   * the steps filled are marked "from ID card" until the visitor changes them.
   */
  fillFromIdCard(
    draftId: string,
    holder: string,
    values: Readonly<Record<IdCardField, string>>,
  ): { ok: true; filled: string[] } | { ok: false; reason: 'no_card_steps' } | DraftMissing {
    const draft = this.drafts.get(draftId);
    if (!draft) return DRAFT_MISSING;
    const template = this.templateOf(draft);
    const steps = cardSteps(template, holder);
    if (steps.length === 0) return { ok: false, reason: 'no_card_steps' };
    let answers: Answers = visibleAnswers(template, draft.answers);
    const filled: string[] = [];
    for (const step of steps) {
      if (!visibleSteps(template, answers).some((s) => s.id === step.id)) continue;
      const { [step.id]: _previous, ...others } = answers;
      const checked = validateAnswer(step, values[step.idCard!.field], {
        answers: others,
        now: this.opts.now(),
      });
      if (!checked.ok || checked.value === null) continue;
      answers = visibleAnswers(template, { ...others, [step.id]: checked.value });
      filled.push(step.id);
    }
    const fromIdCard = [...new Set([...draft.fromIdCard, ...filled])].filter((id) => id in answers);
    this.drafts.saveAnswers(
      draftId,
      answers,
      { feeReduction: draft.feeReduction, fromIdCard },
      draft.currentStep,
      this.opts.now().toISOString(),
    );
    return { ok: true, filled };
  }

  setCurrentStep(
    draftId: string,
    stepId: string,
  ): { ok: true } | { ok: false; reason: 'unknown_step' } | DraftMissing {
    const draft = this.drafts.get(draftId);
    if (!draft) return DRAFT_MISSING;
    if (!allSteps(this.templateOf(draft)).some((s) => s.id === stepId))
      return { ok: false, reason: 'unknown_step' };
    this.drafts.setCurrentStep(draftId, stepId, this.opts.now().toISOString());
    return { ok: true };
  }

  attachFeeReduction(
    draftId: string,
    fee: FeeReduction,
  ): { ok: true } | { ok: false; reason: 'no_fee_slot' } | DraftMissing {
    const draft = this.drafts.get(draftId);
    if (!draft) return DRAFT_MISSING;
    if (!this.templateOf(draft).slots.includes('fee_reduction')) return { ok: false, reason: 'no_fee_slot' };
    this.drafts.saveAnswers(
      draftId,
      draft.answers,
      { ...draft, feeReduction: fee },
      draft.currentStep,
      this.opts.now().toISOString(),
    );
    return { ok: true };
  }

  keepDraft(draftId: string): { ok: true; code: string } | DraftMissing {
    const draft = this.drafts.get(draftId);
    if (!draft) return DRAFT_MISSING;
    if (draft.retrievalCode) return { ok: true, code: draft.retrievalCode };
    const code = newRetrievalCode((candidate) => this.drafts.isCodeTaken(candidate));
    this.drafts.setRetrievalCode(draftId, code, this.opts.now().toISOString());
    return { ok: true, code };
  }

  /** The kept draft of a retrieval code; wrong codes spend the persisted allowance of `entry`. */
  resumeDraft(
    code: string,
    entry: CodeEntry,
  ): { ok: true; draft: DraftState } | { ok: false; reason: 'not_found' | 'too_many_attempts' } {
    const budget = this.attempts[entry];
    if (!budget.check().ok) return { ok: false, reason: 'too_many_attempts' };
    const draft = this.drafts.getByCode(code);
    if (!draft) {
      budget.spend();
      return { ok: false, reason: 'not_found' };
    }
    return { ok: true, draft: this.stateOf(draft) };
  }

  /** Erased for good: the row is overwritten (`secure_delete`) and the WAL holding older copies truncated. */
  discardDraft(draftId: string): void {
    this.drafts.remove(draftId);
    flushWal(this.opts.db);
  }

  /** Session end: every draft not kept under a retrieval code, erased for good. */
  endSession(): number {
    const wiped = this.drafts.wipeUnkept();
    flushWal(this.opts.db);
    return wiped;
  }

  /** Re-validates every visible answer, then writes submission + outbox and deletes the draft in one go. */
  submit(draftId: string, assisted = false): SubmitResult {
    const draft = this.drafts.get(draftId);
    if (!draft) return DRAFT_MISSING;
    const template = this.templateOf(draft);
    const now = this.opts.now();
    const problems = validateAllAnswers(template, draft.answers, now, (step) => this.sourceOptions(step));
    if (problems.length > 0) return { ok: false, reason: 'invalid', errors: problems };
    const submission = this.submissions.submit({
      draftId,
      template: { id: template.id, version: template.version },
      terminalId: this.opts.terminal.terminalId,
      centreId: this.opts.terminal.centreId,
      priority: computePriority(template, draft.answers),
      assisted: assisted || draft.assisted,
      answers: visibleAnswers(template, draft.answers),
      feeReduction: template.slots.includes('fee_reduction') ? draft.feeReduction : null,
      fromIdCard: draft.fromIdCard,
      now,
    });
    return { ok: true, submission };
  }
}
