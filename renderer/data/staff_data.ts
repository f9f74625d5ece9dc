import type { Language } from '../../common/languages';
import { call } from '../rpc/api';
import { useCoreQuery } from './use_core_query';

const DAYS = 7;

/** This terminal's applications of the last week (`locked` when staff mode closed meanwhile). */
export function useStaffSubmissions() {
  return useCoreQuery(() => call('staff.list_submissions', { days: DAYS }), []);
}

/** Applications per day and form, the last week. */
export function useStaffCounts() {
  return useCoreQuery(() => call('staff.counts', { days: DAYS }), []);
}

/** One application with its answers in `language` (a view of personal data, audited by the core). */
export function useOpenedSubmission(uuid: string, language: Language) {
  return useCoreQuery(() => call('staff.open_submission', { uuid, language }), [uuid, language]);
}

/** The terminal's connection to the centre (shown at the top of staff mode). */
export function useSyncStatus() {
  return useCoreQuery(() => call('sync.status', {}), []);
}
