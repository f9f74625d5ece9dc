import fs from 'node:fs';
import path from 'node:path';
import { calculateFee } from '../../common/fees/fee_engine';
import { papersToBring } from '../../common/forms/form_logic';
import { assetsDir } from '../assets_dir';
import type { CoreDeps } from '../core_deps';
import { FEE_RULES_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { Handlers } from '../rpc/dispatcher';
import { FormsService } from './forms_service';
import { type OptionProvider, publishedOptionProvider } from './option_sources';
import { fileTemplateSource, TemplateRegistry, type TemplateSource } from './template_registry';
import type { VisitorSession } from './visitor_session';

type FormsMethod =
  | 'forms.list_templates'
  | 'forms.get_template'
  | 'forms.get_options'
  | 'forms.start_draft'
  | 'forms.get_draft'
  | 'forms.save_answer'
  | 'forms.set_current_step'
  | 'forms.attach_fee_reduction'
  | 'forms.keep_draft'
  | 'forms.resume_draft'
  | 'forms.discard_draft'
  | 'forms.open_draft'
  | 'forms.end_session'
  | 'forms.submit'
  | 'forms.get_submission_summary';

/** `assets/templates` (Electron sets `KIOSK_ASSETS_DIR` to the packaged assets). */
export function bundledTemplatesDir(): string {
  return path.join(assetsDir(), 'templates');
}

/**
 * The forms service of the core. Template sources: the bundled files; the sync downlink adds its own
 * `TemplateSource` (published templates from the `assets` table) and calls `registry.reload()`.
 */
export function startForms(
  deps: CoreDeps,
  sources: readonly TemplateSource[] = fs.existsSync(bundledTemplatesDir())
    ? [fileTemplateSource(bundledTemplatesDir())]
    : [],
  options: OptionProvider = publishedOptionProvider(deps.db, deps.logger),
): FormsService {
  return new FormsService({
    db: deps.db,
    registry: new TemplateRegistry(sources, deps.logger),
    options,
    now: deps.now,
    clock: deps.clock,
    terminal: {
      terminalId: deps.config?.terminalId ?? 'unprovisioned',
      centreId: deps.config?.centre.id ?? '',
    },
  });
}

export function formsHandlers(
  deps: CoreDeps,
  forms: FormsService,
  visitor: VisitorSession,
): Pick<Handlers, FormsMethod> {
  const audit = (action: string, subject = '') => deps.audit.record('visitor', action, subject);
  return {
    'forms.list_templates': () => ({
      templates: forms.registry.latest().map(({ id, version, category, title, description }) => ({
        id,
        version,
        category,
        title,
        description,
      })),
    }),
    'forms.get_template': ({ id, version }) => {
      const template = forms.registry.get(id, version);
      return template ? { ok: true, template } : { ok: false, reason: 'not_found' };
    },
    'forms.get_options': ({ source }) => forms.options(source),
    'forms.start_draft': ({ templateId }) => {
      if (deps.disk.low()) {
        deps.logger.warn('forms.disk_reserve', {});
        return { ok: false, reason: 'disk_full' };
      }
      const result = forms.startDraft(templateId);
      if (!result.ok) return result;
      visitor.addDraft(result.draft.draftId);
      audit('forms.start', `${result.draft.template.id}@${result.draft.template.version}`);
      return result;
    },
    'forms.get_draft': ({ draftId }) => forms.getDraft(draftId),
    // Answering in a draft makes it this visitor's latest, also when the page carried on across a restart
    // of the core (the draft id is what the page holds).
    'forms.save_answer': ({ draftId, stepId, value }) => {
      const result = forms.saveAnswer(draftId, stepId, value);
      if (result.ok) visitor.addDraft(draftId);
      return result;
    },
    'forms.set_current_step': ({ draftId, stepId }) => {
      const result = forms.setCurrentStep(draftId, stepId);
      if (result.ok) visitor.addDraft(draftId);
      return result;
    },
    'forms.attach_fee_reduction': ({ draftId, situation }) => {
      const quote = calculateFee(loadPublished(deps.db, FEE_RULES_KIND, deps.logger).value, situation);
      return quote.ok
        ? forms.attachFeeReduction(draftId, quote.value)
        : { ok: false, reason: 'invalid_input' };
    },
    'forms.keep_draft': ({ draftId }) => {
      const result = forms.keepDraft(draftId);
      if (result.ok) audit('forms.keep');
      return result;
    },
    'forms.resume_draft': ({ code }) => {
      const result = forms.resumeDraft(code, 'visitor');
      audit(result.ok ? 'forms.resume' : 'forms.resume_refused', result.ok ? '' : result.reason);
      if (result.ok) visitor.addDraft(result.draft.draftId);
      return result;
    },
    'forms.discard_draft': ({ draftId }) => {
      forms.discardDraft(draftId);
      return { ok: true };
    },
    'forms.open_draft': () => {
      const draftId = visitor.latestDraft();
      const found = draftId === null ? null : forms.getDraft(draftId);
      return found?.ok ? found : { ok: false, reason: 'none' };
    },
    'forms.end_session': () => {
      visitor.end();
      return { wiped: forms.endSession() };
    },
    'forms.submit': ({ draftId }) => {
      const result = forms.submit(draftId);
      if (!result.ok) return result;
      const { uuid, receiptNo, priority, templateId, templateVersion } = result.submission;
      visitor.addSubmission(uuid);
      audit('forms.submit', `${templateId}@${templateVersion}`);
      return { ok: true, uuid, receiptNo, priority };
    },
    'forms.get_submission_summary': ({ uuid }) => {
      const submission = forms.submissions.get(uuid);
      const template = submission && forms.registry.get(submission.templateId, submission.templateVersion);
      if (!submission || !template) return { ok: false, reason: 'not_found' };
      const papers = papersToBring(template, submission.payload?.answers ?? {});
      return {
        ok: true,
        summary: {
          uuid,
          receiptNo: submission.receiptNo,
          template: { id: template.id, version: template.version },
          title: template.title,
          nextSteps: template.receipt.nextSteps,
          createdAt: submission.createdAt,
          priority: submission.priority,
          officeName: deps.config?.centre.name ?? '',
          officePhone: deps.config?.centre.phone ?? '',
          ...(papers.length > 0 ? { papers: papers.map((item) => item.text) } : {}),
        },
      };
    },
  };
}
