import { pickText } from '../../common/content/pick_text';
import { visibleSteps } from '../../common/forms/form_logic';
import { isPersonalField } from '../../common/forms/personal_fields';
import { answerText } from '../../common/print/answer_text';
import { valueWordsFor } from '../../common/print/print_catalogs';
import type { CoreDeps } from '../core_deps';
import type { FormsService } from '../forms/forms_service';
import type { Handlers } from '../rpc/dispatcher';
import type { StaffDesk } from './staff_desk';
import { localDay, type StaffRow, sinceLocalMidnight } from './staff_queries';

/** How long opening the list waits for the hub's handled marks (the pull itself goes on in the background). */
const LIST_PULL_WAIT_MS = 1500;

/** What staff see: this terminal's submissions with their delivery state, one with its answers, counts. */
export function staffViewHandlers(
  deps: CoreDeps,
  forms: FormsService,
  desk: StaffDesk,
): Pick<Handlers, 'staff.list_submissions' | 'staff.open_submission' | 'staff.counts'> {
  const { queries } = desk;
  return {
    'staff.list_submissions': async ({ days }) => {
      // Fresh marks from the hub's desk (handled, review states), never more than a moment's wait for a slow hub.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        desk.marks.pull(),
        new Promise((resolve) => (timer = setTimeout(resolve, LIST_PULL_WAIT_MS))),
      ]);
      clearTimeout(timer);
      return { ok: true, items: queries.list(sinceLocalMidnight(deps.now(), days)).map(desk.view) };
    },
    'staff.open_submission': ({ uuid, language }) => {
      const row = queries.get(uuid);
      const submission = row && forms.submissions.get(uuid);
      const template = row && forms.registry.get(row.templateId, row.templateVersion);
      if (!row || !submission) return { ok: false, reason: 'not_found' };
      desk.audit('staff.view', uuid);
      const answers = submission.payload?.answers ?? {};
      const fromIdCard = new Set(submission.payload?.fromIdCard ?? []);
      const words = valueWordsFor(language);
      const rows = template
        ? visibleSteps(template, answers)
            .filter((step) => answers[step.id] !== undefined)
            .map((step) => {
              const value = answers[step.id]!;
              const options =
                step.field.type === 'single_choice' && step.field.optionsSource
                  ? forms.options(step.field.optionsSource).options
                  : [];
              return {
                stepId: step.id,
                label: pickText(step.label, language).text,
                text: answerText(step, value, language, words, options),
                personal: isPersonalField(step.field),
                fromIdCard: fromIdCard.has(step.id),
              };
            })
        : [];
      return { ok: true, submission: desk.view(row), answers: rows };
    },
    'staff.counts': ({ days }) => {
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
            title: desk.titleOf(row.templateId, row.templateVersion),
            count,
          })),
        })),
      };
    },
  };
}
