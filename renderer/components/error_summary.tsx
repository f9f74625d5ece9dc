import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../a11y/kit_context';
import { Text } from '../i18n/text';

export interface FormError {
  fieldId: string;
  message: ReactNode;
}

/**
 * At the top of a form after a failed "next": says how many problems there are, takes focus, is announced in
 * the assertive live region (and spoken), and lists each problem as a button that moves focus to its field.
 */
export function ErrorSummary({ errors }: { errors: readonly FormError[] }) {
  const ref = useRef<HTMLElement>(null);
  const announcer = useAnnounce();
  const { t } = useTranslation();
  const count = errors.length;

  useEffect(() => {
    if (count === 0) return;
    ref.current?.focus();
    const texts = [...(ref.current?.querySelectorAll('.error-summary__item') ?? [])].map(
      (item) => item.textContent,
    );
    announcer.assertive([t('errors.summary_title', { count }), ...texts].join(' '));
  }, [count, announcer, t]);

  if (count === 0) return null;
  return (
    <section
      className="error-summary"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
      data-announce="screen"
    >
      <h3 id="error-summary-title" className="error-summary__title">
        <Text k="errors.summary_title" values={{ count }} />
      </h3>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.fieldId}>
            <button
              type="button"
              className="error-summary__item"
              onClick={() => document.getElementById(error.fieldId)?.focus()}
            >
              {error.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
