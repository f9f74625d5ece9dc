import type { ReactNode } from 'react';

interface KioskButtonProps {
  children: ReactNode;
  onPress: () => void;
  variant?: 'primary' | 'secondary';
  pressed?: boolean;
  lang?: string;
  describedBy?: string;
}

/** The kiosk's button: large target, visible focus ring, activates on release (native click semantics). */
export function KioskButton({
  children,
  onPress,
  variant = 'secondary',
  pressed,
  lang,
  describedBy,
}: KioskButtonProps) {
  return (
    <button
      type="button"
      className={`kiosk-button kiosk-button--${variant}`}
      aria-pressed={pressed}
      aria-describedby={describedBy}
      lang={lang}
      onClick={onPress}
    >
      {children}
    </button>
  );
}
