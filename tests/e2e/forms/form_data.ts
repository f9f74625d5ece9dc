import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openKioskDataDb } from '../../support/kiosk_database';

/** GB 11643 check character of the first 17 digits of a resident ID number. */
export function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

/** A made-up applicant (Baotou Kundulun district region code, born 1985-06-12, male: odd 17th digit). */
export const APPLICANT = {
  name: '李明',
  birthDigits: '19850612',
  birthDate: '1985-06-12',
  residentId: withCheckDigit('15020319850612003'),
  phone: '13912345678',
  changedPhone: '13800000000',
  address: '包头市昆都仑区钢铁大街1号2单元301室',
  description: '公司拖欠我三个月工资，我想要回工资。',
};

export interface SubmissionRow {
  uuid: string;
  template_id: string;
  payload: string;
  sha256: string;
  receipt_no: string;
  priority: number;
}

/** The dev host's database, opened read-only as a staff tool would. */
export function readSubmissions(dataDir: string): SubmissionRow[] {
  const db = openKioskDataDb(dataDir, { readonly: true });
  try {
    return db
      .prepare('SELECT uuid, template_id, payload, sha256, receipt_no, priority FROM submissions')
      .all() as SubmissionRow[];
  } finally {
    db.close();
  }
}

export function readDraftAnswers(dataDir: string): Record<string, unknown>[] {
  const db = openKioskDataDb(dataDir, { readonly: true });
  try {
    return (db.prepare('SELECT answers FROM drafts').all() as { answers: string }[]).map((row) =>
      JSON.parse(row.answers),
    );
  } finally {
    db.close();
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Text of every PDF in the print spool, by file name. */
export function spooledTexts(dataDir: string): Map<string, string> {
  const folder = path.join(dataDir, 'print');
  const texts = new Map<string, string>();
  if (!fs.existsSync(folder)) return texts;
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.pdf'))) {
    texts.set(
      file,
      execFileSync('pdftotext', ['-layout', path.join(folder, file), '-'], { encoding: 'utf8' }),
    );
  }
  return texts;
}
