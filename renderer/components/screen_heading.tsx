import { useEffect, useRef } from 'react';
import { Text } from '../i18n/text';

/** The heading of a screen; takes focus when the screen opens so keypad and screen-reader users start there. */
export function ScreenHeading({ k, values }: { k: string; values?: Record<string, string> }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 id="screen-heading" className="screen-heading" tabIndex={-1} ref={ref}>
      <Text k={k} values={values} />
    </h2>
  );
}
