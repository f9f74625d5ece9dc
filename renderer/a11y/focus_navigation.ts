/**
 * Arrow-key focus movement: among visible, enabled controls of the active scope (the open modal dialog, else
 * the page), in reading order (document order), wrapping at the ends so focus is never stuck.
 */
const FOCUSABLE = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The open modal dialog that owns focus, or the whole document. */
export function activeScope(doc: Document): ParentNode {
  const dialogs = doc.querySelectorAll<HTMLElement>('[aria-modal="true"]');
  return dialogs[dialogs.length - 1] ?? doc.body;
}

function isUsable(element: HTMLElement, hasLayout: boolean): boolean {
  if ((element as HTMLButtonElement).disabled) return false;
  if (element.closest('[hidden],[inert],[aria-hidden="true"]')) return false;
  // Skip what is not rendered (display:none, visibility:hidden). jsdom has no layout: there, trust the DOM.
  if (!hasLayout) return true;
  return element.getClientRects().length > 0 && element.checkVisibility({ visibilityProperty: true });
}

export function focusableControls(scope: ParentNode, doc: Document = document): HTMLElement[] {
  const hasLayout = doc.documentElement.getClientRects().length > 0;
  return [...scope.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) =>
    isUsable(element, hasLayout),
  );
}

function targetIndex(controls: HTMLElement[], current: Element | null, direction: 1 | -1): number {
  const count = controls.length;
  const index = current ? controls.indexOf(current as HTMLElement) : -1;
  if (index >= 0) return (index + direction + count) % count;
  // Focus is on a heading or outside the controls: go to the next/previous control in reading order.
  const following = current
    ? controls.findIndex(
        (control) => current.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING,
      )
    : 0;
  if (direction === 1) return Math.max(following, 0);
  return following <= 0 ? count - 1 : following - 1;
}

/** Moves focus one control forward or back from the focused element; returns the newly focused control. */
export function moveFocus(doc: Document, direction: 1 | -1): HTMLElement | null {
  const controls = focusableControls(activeScope(doc), doc);
  if (controls.length === 0) return null;
  const target = controls[targetIndex(controls, doc.activeElement, direction)]!;
  target.focus();
  return target;
}
