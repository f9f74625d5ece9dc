import { createHash, randomUUID } from 'node:crypto';
import type { FeeReduction } from '../../common/contract/forms_methods';
import type { AnswerValue } from '../../common/forms/answers';
import { canonicalJson } from '../../common/forms/canonical_json';
import type { KioskDatabase } from '../storage/database';
import { receiptNumber, receiptPrefix } from './receipt_numbers';

/** What is sent to the hub: the canonical JSON of this object, and its SHA-256. */
export interface SubmissionPayload {
  formatVersion: 1;
  uuid: string;
  template: { id: string; version: string };
  terminalId: string;
  centreId: string;
  receiptNo: string;
  createdAt: string;
  priority: boolean;
  assisted: boolean;
  answers: Record<string, AnswerValue>;
  feeReduction: FeeReduction | null;
  /** Steps filled from the applicant's ID card (absent when none: older payloads stay byte-identical). */
  fromIdCard?: string[];
}

export interface SubmissionRow {
  uuid: string;
  templateId: string;
  templateVersion: string;
  /** Null once the retention purge has blanked the personal data of a delivered submission. */
  payload: SubmissionPayload | null;
  sha256: string;
  receiptNo: string;
  priority: boolean;
  createdAt: string;
}

export interface NewSubmission {
  draftId: string;
  template: { id: string; version: string };
  terminalId: string;
  centreId: string;
  priority: boolean;
  assisted: boolean;
  answers: Record<string, AnswerValue>;
  feeReduction: FeeReduction | null;
  fromIdCard?: readonly string[];
  now: Date;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The immutable `submissions` table (an UPDATE trigger refuses edits) and the matching `outbox` row. */
export class SubmissionStore {
  private readonly statements;

  constructor(private readonly db: KioskDatabase) {
    this.statements = {
      // A range on the unique receipt_no index (LIKE cannot use it and scanned every row: O(n) per filing).
      countPrefix: db.prepare(
        'SELECT COUNT(*) AS n FROM submissions WHERE receipt_no >= ? AND receipt_no < ?',
      ),
      insert: db.prepare(
        `INSERT INTO submissions (uuid, template_id, template_version, payload, sha256, receipt_no, priority,
           assisted, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      outbox: db.prepare("INSERT INTO outbox (uuid, state) VALUES (?, 'pending')"),
      deleteDraft: db.prepare('DELETE FROM drafts WHERE id = ?'),
      byUuid: db.prepare('SELECT * FROM submissions WHERE uuid = ?'),
    };
  }

  /**
   * One transaction: the submission row, its pending outbox row, and the draft deleted. Either all of it
   * is on disk when this returns, or none of it.
   */
  submit(input: NewSubmission): SubmissionRow {
    return this.db.transaction((): SubmissionRow => {
      const prefix = receiptPrefix(input.terminalId, input.now);
      const { n } = this.statements.countPrefix.get(prefix, `${prefix}\u{10FFFF}`) as { n: number };
      const fromIdCard = (input.fromIdCard ?? []).filter((id) => id in input.answers);
      const payload: SubmissionPayload = {
        formatVersion: 1,
        uuid: randomUUID(),
        template: input.template,
        terminalId: input.terminalId,
        centreId: input.centreId,
        receiptNo: receiptNumber(prefix, n + 1),
        createdAt: input.now.toISOString(),
        priority: input.priority,
        assisted: input.assisted,
        answers: input.answers,
        feeReduction: input.feeReduction,
        ...(fromIdCard.length > 0 ? { fromIdCard } : {}),
      };
      const json = canonicalJson(payload);
      const sha256 = sha256Hex(json);
      this.statements.insert.run(
        payload.uuid,
        input.template.id,
        input.template.version,
        json,
        sha256,
        payload.receiptNo,
        payload.priority ? 1 : 0,
        payload.assisted ? 1 : 0,
        payload.createdAt,
      );
      this.statements.outbox.run(payload.uuid);
      this.statements.deleteDraft.run(input.draftId);
      return {
        uuid: payload.uuid,
        templateId: input.template.id,
        templateVersion: input.template.version,
        payload,
        sha256,
        receiptNo: payload.receiptNo,
        priority: payload.priority,
        createdAt: payload.createdAt,
      };
    })();
  }

  get(uuid: string): SubmissionRow | null {
    const raw = this.statements.byUuid.get(uuid) as
      | {
          uuid: string;
          template_id: string;
          template_version: string;
          payload: string;
          sha256: string;
          receipt_no: string;
          priority: number;
          created_at: string;
        }
      | undefined;
    if (!raw) return null;
    return {
      uuid: raw.uuid,
      templateId: raw.template_id,
      templateVersion: raw.template_version,
      payload: raw.payload === '' ? null : (JSON.parse(raw.payload) as SubmissionPayload),
      sha256: raw.sha256,
      receiptNo: raw.receipt_no,
      priority: raw.priority === 1,
      createdAt: raw.created_at,
    };
  }
}
