import { allSteps, type Step, type Template } from './template_schema';

/** The steps one holder's ID card fills (`idCard.holder`), in the template's order. */
export function cardSteps(template: Template, holder: string): Step[] {
  return allSteps(template).filter((step) => step.idCard?.holder === holder);
}

/**
 * The holder whose card steps begin at this step: where the form first asks for that person's identity,
 * "place your ID card" is offered before any typing. Null for every other step.
 */
export function cardHolderStartingAt(template: Template, stepId: string): string | null {
  const step = allSteps(template).find((s) => s.id === stepId);
  const holder = step?.idCard?.holder;
  if (!holder) return null;
  return cardSteps(template, holder)[0]?.id === stepId ? holder : null;
}
