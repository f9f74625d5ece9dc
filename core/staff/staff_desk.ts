import type { StaffSubmission } from '../../common/contract/staff_methods';
import type { LocalizedText } from '../../common/forms/template_schema';
import type { CoreDeps } from '../core_deps';
import type { FormsService } from '../forms/forms_service';
import { type DeskMarks, startDeskMarks } from './desk_marks';
import { StaffQueries, type StaffRow } from './staff_queries';

/** What the staff handlers share: the queries, the desk's marks, the audit under the staff's name. */
export interface StaffDesk {
  queries: StaffQueries;
  marks: DeskMarks;
  audit(action: string, subject?: string): void;
  titleOf(templateId: string, version: string): LocalizedText;
  view(row: StaffRow): StaffSubmission;
}

export interface StaffDeskOptions {
  /** How often the desk's marks (handled, review states) are fetched from the hub (0: only when staff list). */
  handledPollMs?: number;
}

/** Who the audit names for staff actions: `<staff id>@<terminal>`, an identifier, never a person's name. */
export function staffActorOf(deps: CoreDeps): string {
  return `${deps.config?.staff?.id ?? 'staff'}@${deps.config?.terminalId ?? 'unprovisioned'}`
    .toLowerCase()
    .slice(0, 64);
}

export function startStaffDesk(
  deps: CoreDeps,
  forms: FormsService,
  options: StaffDeskOptions = {},
): StaffDesk {
  const queries = new StaffQueries(deps.db);
  const actor = staffActorOf(deps);
  const titleOf = (templateId: string, version: string): LocalizedText =>
    forms.registry.get(templateId, version)?.title ?? { 'zh-CN': templateId, en: templateId };
  return {
    queries,
    marks: startDeskMarks(deps, queries, {
      pollMs: options.handledPollMs ?? 5 * 60_000,
    }),
    audit: (action, subject = '') => void deps.audit.record(actor, action, subject),
    titleOf,
    view: ({ templateVersion, ...rest }) => ({ ...rest, title: titleOf(rest.templateId, templateVersion) }),
  };
}
