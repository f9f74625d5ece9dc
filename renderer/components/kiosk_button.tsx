import type { ReactNode, Ref } from 'react';

interface KioskButtonProps {
  children: ReactNode;
  onPress: () => void;
  variant?: 'primary' | 'secondary' | 'danger';
  pressed?: boolean;
  /** For a button that shows and hides a region (`aria-expanded`), with the region's id (`aria-controls`). */
  expanded?: boolean;
  controls?: string;
  lang?: string;
  describedBy?: string;
  disabled?: boolean;
  id?: string;
  className?: string;
  /** Accessible name when the children are not text (an icon). */
  label?: string;
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * The kiosk's button: ≥ 60×60 px, visible focus ring. Native button click semantics give exactly the kiosk's
 * touch rule: it activates on release, and not at all when the finger or pointer slides off before release
 * (e2e-tested); Enter on the keypad activates it too.
 */
export function KioskButton({
  children,
  onPress,
  variant = 'secondary',
  pressed,
  expanded,
  controls,
  lang,
  describedBy,
  disabled,
  id,
  className,
  label,
  buttonRef,
}: KioskButtonProps) {
  return (
    <button
      type="button"
      id={id}
      ref={buttonRef}
      className={`kiosk-button kiosk-button--${variant}${className ? ` ${className}` : ''}`}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-describedby={describedBy}
      aria-label={label}
      lang={lang}
      disabled={disabled}
      onClick={onPress}
    >
      {children}
    </button>
  );
}
