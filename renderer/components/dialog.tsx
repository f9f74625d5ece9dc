import { type ReactNode, useEffect, useId, useRef } from 'react';
import { FocusScope } from 'react-aria';
import { createPortal } from 'react-dom';
import { pushDialog } from '../a11y/dialog_stack';
import { useSpeech } from '../a11y/kit_context';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  /** Called by Back (Escape/Backspace on the keypad) and by the dialog's own buttons. */
  onClose: () => void;
  children: ReactNode;
  describedBy?: string;
  /** `alertdialog` for warnings that need an answer (the idle timeout). */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog: the rest of the page is inert while it is open, focus stays inside (react-aria FocusScope)
 * and returns to the opener when it closes (after the page stops being inert), Back closes it.
 */
export function Dialog({ open, title, onClose, children, describedBy, role = 'dialog' }: DialogProps) {
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Who had focus before the dialog opened (read during render: FocusScope moves focus before effects run).
  const openerRef = useRef<Element | null>(null);
  if (open && openerRef.current === null) openerRef.current = document.activeElement;

  const speech = useSpeech();

  // biome-ignore lint/correctness/useExhaustiveDependencies: announce once per opening
  useEffect(() => {
    if (!open) return;
    // The dialog says its title and message, then the control that has focus (FocusScope focused it).
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    speech.sayRegion(
      [document.getElementById(titleId), describedBy ? document.getElementById(describedBy) : null],
      focused,
    );
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const app = document.querySelector<HTMLElement>('.app');
    app?.setAttribute('inert', '');
    const remove = pushDialog(() => closeRef.current());
    return () => {
      remove();
      app?.removeAttribute('inert');
      const opener = openerRef.current;
      openerRef.current = null;
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [open]);

  if (!open) return null;
  return createPortal(
    <div className="dialog-backdrop">
      <FocusScope contain autoFocus>
        {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog or alertdialog, both modal */}
        <div
          role={role}
          aria-modal="true"
          aria-labelledby={titleId}
          aria-describedby={describedBy}
          className="dialog"
        >
          <h2 id={titleId} className="dialog__title" data-announce="screen">
            {title}
          </h2>
          {children}
        </div>
      </FocusScope>
    </div>,
    document.body,
  );
}
