import { useEffect } from 'react';
import type { Language } from '../../common/languages';
import { call } from '../rpc/api';
import { notify, request } from './core_method';
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

/** The terminal's own problems staff must act on (`locked` when staff mode closed meanwhile). */
export function useStaffAlerts() {
  return useCoreQuery(() => call('staff.alerts', {}), []);
}

export const unlockStaff = request('staff.unlock');
export const staffStatus = request('staff.status');
/** Leaving staff mode (the core also locks it after its own timeout). */
export const lockStaff = notify('staff.lock');
export const findDraft = request('staff.find_draft');
export const assistDraft = request('staff.assist_draft');
export const startAssisted = request('staff.start_assisted');
export const sendOutboxNow = request('staff.send_now');
export const printForStaff = request('staff.print');
export const markSubmissionHandled = request('staff.mark_handled');

/**
 * While staff mode is open, asks the core every `everyMs` whether it still is (the core locks it after its idle
 * time, or another path locked it) and calls `onLocked` when not, or when the core cannot be asked.
 */
export function useStaffLockWatch(open: boolean, everyMs: number, onLocked: () => void): void {
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => {
      void staffStatus({})
        .then((status) => {
          if (!status.unlocked) onLocked();
        })
        .catch(() => onLocked());
    }, everyMs);
    return () => clearInterval(timer);
  }, [open, everyMs, onLocked]);
}
