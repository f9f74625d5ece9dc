import { pickText } from '../../common/content/pick_text';
import type { StaffSubmission } from '../../common/contract/staff_methods';
import { visibleSteps } from '../../common/forms/form_logic';
import { answerText } from '../../common/print/answer_text';
import { valueWordsFor } from '../../common/print/print_catalogs';
import type { CoreDeps } from '../core_deps';
import type { FormsService } from '../forms/forms_service';
import { sampleOptionProvider } from '../forms/option_sources';
import { PinLock, settingsPinLockStore } from '../pins/pin_lock';
import { STAFF_IDLE_LOCK_MS, StaffSession } from '../pins/staff_session';
import type { PrintService } from '../printing/print_service';
import type { Handlers } from '../rpc/dispatcher';
import type { SyncService } from '../sync/sync_service';
import { pullHandled } from './handled_pull';
import { localDay, StaffQueries, type StaffRow, sinceLocalMidnight } from './staff_queries';

type StaffMethod =
  | 'staff.unlock'
  | 'staff.lock'
  | 'staff.status'
  | 'staff.list_submissions'
  | 'staff.open_submission'
  | 'staff.print'
  | 'staff.mark_handled'
  | 'staff.send_now'
  | 'staff.counts'
  | 'staff.find_draft'
  | 'staff.assist_draft';

export interface StaffServices {
  forms: FormsService;
  print: PrintService;
  sync: SyncService;
  idleLockMs?: number;
  /** How often the handled marks of the desk page are fetched from the hub (0: only when staff list). */
  handledPollMs?: number;
}

export interface StaffService {
  handlers: Pick<Handlers, StaffMethod>;
  session: StaffSession;
  close(): void;
}

const LOCKED = { ok: false as const, reason: 'locked' as const };
/** How long opening the list waits for the hub's handled marks (the pull itself goes on in the background). */
const LIST_PULL_WAIT_MS = 1500;

/**
 * Staff mode of the terminal: staff PIN, this terminal's submissions with their delivery state, print and
 * reprint, handled marks (also from the hub's desk page), send now, counts, kept drafts finished with the
 * visitor (assisted). Every staff action is audited with identifiers only (staff, terminal, uuid).
 */
export function startStaff(deps: CoreDeps, services: StaffServices): StaffService {
  const { forms, print, sync } = services;
  const session = new StaffSession(
    deps.config?.staff?.pinHash ?? null,
    new PinLock(settingsPinLockStore(deps.db, 'staff'), deps.now),
    deps.now,
    services.idleLockMs ?? STAFF_IDLE_LOCK_MS,
  );
  const queries = new StaffQueries(deps.db);
  const actor = `${deps.config?.staff?.id ?? 'staff'}@${deps.config?.terminalId ?? 'unprovisioned'}`
    .toLowerCase()
    .slice(0, 64);
  const audit = (action: string, subject = '') => deps.audit.record(actor, action, subject);

  const config = deps.config;
  const hub = deps.hub;
  const pull = () =>
    config?.hubToken && hub
      ? pullHandled(deps.db, queries, {
          hub,
          identity: deps.hubIdentity,
          token: config.hubToken,
          appVersion: deps.appVersion,
        })
      : Promise.resolve(null);
  const pollMs = services.handledPollMs ?? 5 * 60_000;
  const timer = config?.hubToken && hub && pollMs > 0 ? setInterval(() => void pull(), pollMs) : null;
  timer?.unref();

  const titleOf = (row: StaffRow) =>
    forms.registry.get(row.templateId, row.templateVersion)?.title ?? {
      'zh-CN': row.templateId,
      en: row.templateId,
    };
  const view = (row: StaffRow): StaffSubmission => {
    const { templateVersion: _version, ...rest } = row;
    return { ...rest, title: titleOf(row) };
  };

  const handlers: Pick<Handlers, StaffMethod> = {
    'staff.unlock': async ({ pin }) => {
      const outcome = await session.unlock(pin);
      if (outcome.ok) audit('staff.unlock');
      else if (outcome.reason !== 'not_configured') audit('staff.pin_wrong');
      return outcome;
    },
    'staff.lock': () => {
      if (session.isUnlocked()) audit('staff.lock');
      session.lock();
      return { ok: true };
    },
    'staff.status': () => ({ unlocked: session.isUnlocked(), configured: session.configured }),
    'staff.list_submissions': async ({ days }) => {
      if (!session.touch()) return LOCKED;
      // Fresh handled marks from the desk page, but never more than a moment's wait when the hub is slow.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        pull(),
        new Promise((resolve) => (timer = setTimeout(resolve, LIST_PULL_WAIT_MS))),
      ]);
      clearTimeout(timer);
      return { ok: true, items: queries.list(sinceLocalMidnight(deps.now(), days)).map(view) };
    },
    'staff.open_submission': ({ uuid, language }) => {
      if (!session.touch()) return LOCKED;
      const row = queries.get(uuid);
      const submission = row && forms.submissions.get(uuid);
      const template = row && forms.registry.get(row.templateId, row.templateVersion);
      if (!row || !submission) return { ok: false, reason: 'not_found' };
      audit('staff.view', uuid);
      const answers = submission.payload?.answers ?? {};
      const words = valueWordsFor(language);
      const rows = template
        ? visibleSteps(template, answers)
            .filter((step) => answers[step.id] !== undefined)
            .map((step) => {
              const value = answers[step.id]!;
              const options =
                step.field.type === 'single_choice' && step.field.optionsSource
                  ? sampleOptionProvider(step.field.optionsSource).options
                  : [];
              return {
                stepId: step.id,
                label: pickText(step.label, language).text,
                text: answerText(step, value, language, words, options),
              };
            })
        : [];
      return { ok: true, submission: view(row), answers: rows };
    },
    'staff.print': async ({ uuid, document, language }) => {
      if (!session.touch()) return LOCKED;
      audit(`staff.print_${document}`, uuid);
      return document === 'application'
        ? print.printApplication(uuid, language)
        : print.printReceipt(uuid, language);
    },
    'staff.mark_handled': ({ uuid }) => {
      if (!session.touch()) return LOCKED;
      const at = deps.now();
      if (!queries.markHandled(uuid, at)) return { ok: false, reason: 'not_found' };
      audit('staff.mark_handled', uuid);
      return { ok: true, handledAt: at.toISOString() };
    },
    'staff.send_now': async () => {
      if (!session.touch()) return LOCKED;
      audit('staff.send_now');
      const round = sync.sendNow();
      if (!round) {
        const state = sync.status().state;
        return { ok: false, reason: state === 'hub_not_trusted' ? state : 'not_configured' };
      }
      const result = await round;
      if (sync.worker?.blocked) return { ok: false, reason: 'blocked' };
      if (result.failure?.kind === 'retry')
        return { ok: false, reason: sync.status().hubIdentityMismatch ? 'hub_identity_mismatch' : 'offline' };
      void pull();
      return { ok: true, delivered: result.delivered, pending: sync.queue.counts().pending };
    },
    'staff.counts': ({ days }) => {
      if (!session.touch()) return LOCKED;
      const byDay = new Map<string, Map<string, { row: StaffRow; count: number }>>();
      for (const row of queries.list(sinceLocalMidnight(deps.now(), days))) {
        const day = localDay(row.createdAt);
        const services = byDay.get(day) ?? new Map<string, { row: StaffRow; count: number }>();
        const entry = services.get(row.templateId) ?? { row, count: 0 };
        entry.count += 1;
        services.set(row.templateId, entry);
        byDay.set(day, services);
      }
      return {
        ok: true,
        days: [...byDay].map(([date, services]) => ({
          date,
          services: [...services.values()].map(({ row, count }) => ({
            templateId: row.templateId,
            title: titleOf(row),
            count,
          })),
        })),
      };
    },
    'staff.find_draft': ({ code }) => {
      if (!session.touch()) return LOCKED;
      const found = forms.resumeDraft(code);
      if (!found.ok) return found;
      const { draft } = found;
      audit('staff.find_draft', draft.draftId);
      const stored = forms.drafts.get(draft.draftId);
      return {
        ok: true,
        draftId: draft.draftId,
        templateId: draft.template.id,
        title: forms.registry.get(draft.template.id, draft.template.version)?.title ?? {
          'zh-CN': draft.template.id,
          en: draft.template.id,
        },
        currentStep: draft.currentStep,
        answered: Object.keys(draft.answers).length,
        updatedAt: stored?.updatedAt ?? '',
      };
    },
    'staff.assist_draft': ({ draftId }) => {
      if (!session.touch()) return LOCKED;
      if (!queries.markAssisted(draftId)) return { ok: false, reason: 'draft_not_found' };
      audit('staff.assist', draftId);
      return { ok: true };
    },
  };
  return {
    handlers,
    session,
    close: () => {
      if (timer) clearInterval(timer);
    },
  };
}
