import type { ReactNode } from 'react';

/** The message next to a field saying what is wrong and how to fix it. Referenced by the field's aria-describedby. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true" className="field-error__icon">
        !
      </span>{' '}
      {children}
    </p>
  );
}

/** The id of a field's error message, so fields and the error summary agree. */
export function errorIdOf(fieldId: string): string {
  return `${fieldId}-error`;
}
