import { LEGAL_AID_ANSWERS, startTestCore } from './support';

/** Saves the legal-aid answers through the core, reporting each acknowledged one. */
export async function fillLegalAidSteps(dataDir: string, report: (line: object) => void): Promise<void> {
  const core = startTestCore({ dataDir });
  const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
  if (!started.ok) throw new Error('start failed');
  report({ draftId: started.draft.draftId });
  for (const [stepId, value] of LEGAL_AID_ANSWERS) {
    const saved = await core.call('forms.save_answer', { draftId: started.draft.draftId, stepId, value });
    if (!saved.ok) throw new Error(stepId);
    report({ saved: stepId });
    // Slow enough that the kill lands between answers.
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}
