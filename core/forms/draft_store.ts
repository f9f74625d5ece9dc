import { type FeeReduction, feeReductionSchema } from '../../common/contract/forms_methods';
import type { AnswerValue } from '../../common/forms/answers';
import type { KioskDatabase } from '../storage/database';

/** Keys of what a draft's JSON holds besides answers (no step id starts with `$`): the fee calculator's
 * result, and the steps the ID card reader filled. */
const FEE_KEY = '$fee_reduction';
const ID_CARD_KEY = '$id_card';

/** What the core attaches to a draft besides the answers. */
export interface DraftExtras {
  feeReduction: FeeReduction | null;
  /** Steps whose answer came from the ID card and was not changed since. */
  fromIdCard: readonly string[];
}

function stepIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

export interface DraftRow extends DraftExtras {
  id: string;
  templateId: string;
  templateVersion: string;
  answers: Record<string, AnswerValue>;
  currentStep: string;
  retrievalCode: string | null;
  assisted: boolean;
  createdAt: string;
  updatedAt: string;
}

interface RawDraft {
  id: string;
  template_id: string;
  template_version: string;
  answers: string;
  current_step: string;
  retrieval_code: string | null;
  assisted: number;
  created_at: string;
  updated_at: string;
}

function fromRaw(raw: RawDraft): DraftRow {
  const stored = JSON.parse(raw.answers) as Record<string, unknown>;
  const answers: Record<string, AnswerValue> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith('$')) answers[key] = value as AnswerValue;
  }
  return {
    id: raw.id,
    templateId: raw.template_id,
    templateVersion: raw.template_version,
    answers,
    // Checked on read: a legacy yuan record still loads; anything unreadable is no result rather than a crash.
    feeReduction: feeReductionSchema.safeParse(stored[FEE_KEY]).data ?? null,
    fromIdCard: stepIds(stored[ID_CARD_KEY]),
    currentStep: raw.current_step,
    retrievalCode: raw.retrieval_code,
    assisted: raw.assisted === 1,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

/** The `drafts` table. Every write is one statement with bound parameters, durable when it returns. */
export class DraftStore {
  private readonly statements;

  constructor(private readonly db: KioskDatabase) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO drafts (id, template_id, template_version, answers, current_step, created_at, updated_at)
         VALUES (?, ?, ?, '{}', ?, ?, ?)`,
      ),
      byId: db.prepare('SELECT * FROM drafts WHERE id = ?'),
      byCode: db.prepare('SELECT * FROM drafts WHERE retrieval_code = ?'),
      saveAnswers: db.prepare('UPDATE drafts SET answers = ?, current_step = ?, updated_at = ? WHERE id = ?'),
      setStep: db.prepare('UPDATE drafts SET current_step = ?, updated_at = ? WHERE id = ?'),
      setCode: db.prepare(
        'UPDATE drafts SET retrieval_code = ?, updated_at = ? WHERE id = ? AND retrieval_code IS NULL',
      ),
      codeTaken: db.prepare('SELECT 1 FROM drafts WHERE retrieval_code = ?'),
      remove: db.prepare('DELETE FROM drafts WHERE id = ?'),
      wipeUnkept: db.prepare('DELETE FROM drafts WHERE retrieval_code IS NULL'),
      expire: db.prepare(
        `DELETE FROM drafts WHERE (retrieval_code IS NULL AND updated_at < ?)
           OR (retrieval_code IS NOT NULL AND updated_at < ?)`,
      ),
    };
  }

  create(id: string, templateId: string, templateVersion: string, firstStep: string, at: string): void {
    this.statements.insert.run(id, templateId, templateVersion, firstStep, at, at);
  }

  get(id: string): DraftRow | null {
    const raw = this.statements.byId.get(id) as RawDraft | undefined;
    return raw ? fromRaw(raw) : null;
  }

  getByCode(code: string): DraftRow | null {
    const raw = this.statements.byCode.get(code) as RawDraft | undefined;
    return raw ? fromRaw(raw) : null;
  }

  saveAnswers(
    id: string,
    answers: Record<string, AnswerValue>,
    extras: DraftExtras,
    currentStep: string,
    at: string,
  ): void {
    const stored: Record<string, unknown> = { ...answers };
    if (extras.feeReduction) stored[FEE_KEY] = extras.feeReduction;
    if (extras.fromIdCard.length > 0) stored[ID_CARD_KEY] = extras.fromIdCard;
    this.statements.saveAnswers.run(JSON.stringify(stored), currentStep, at, id);
  }

  setCurrentStep(id: string, stepId: string, at: string): void {
    this.statements.setStep.run(stepId, at, id);
  }

  isCodeTaken(code: string): boolean {
    return this.statements.codeTaken.get(code) !== undefined;
  }

  /** Sets the code once; returns false when the draft already has one. */
  setRetrievalCode(id: string, code: string, at: string): boolean {
    return this.statements.setCode.run(code, at, id).changes === 1;
  }

  remove(id: string): void {
    this.statements.remove.run(id);
  }

  /** Session end: every draft the visitor did not keep. */
  wipeUnkept(): number {
    return this.statements.wipeUnkept.run().changes;
  }

  /** Retention: unkept drafts left by a crash, and kept drafts nobody resumed. */
  expire(unkeptBefore: string, keptBefore: string): number {
    return this.statements.expire.run(unkeptBefore, keptBefore).changes;
  }

  /** For transactions that span tables (submit). */
  get database(): KioskDatabase {
    return this.db;
  }
}
