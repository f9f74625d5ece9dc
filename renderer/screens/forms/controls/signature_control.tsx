import { type PointerEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskButton } from '../../../components/kiosk_button';

const WIDTH = 600;
const HEIGHT = 200;
/** An ✕ across the box: the mark of a visitor who confirms without drawing (as on paper, witnessed by staff). */
export const MARK_SIGNATURE = 'M 220 40 L 380 160 M 380 40 L 220 160';

/**
 * Signature: draw with a finger in the box, or — for visitors who cannot draw (no sight, limited hand
 * control, keypad only) — confirm with one press, which records a mark; staff witness it on the printed
 * application. The value is SVG path data either way.
 */
export function SignatureControl({
  id,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
}) {
  const { t } = useTranslation('forms_ui');
  const drawing = useRef(false);

  function point(event: PointerEvent<SVGSVGElement>): string {
    const box = event.currentTarget.getBoundingClientRect();
    const x = Math.round(((event.clientX - box.left) / Math.max(1, box.width)) * WIDTH);
    const y = Math.round(((event.clientY - box.top) / Math.max(1, box.height)) * HEIGHT);
    return `${Math.min(WIDTH, Math.max(0, x))} ${Math.min(HEIGHT, Math.max(0, y))}`;
  }

  return (
    <div className="signature" id={id}>
      <svg
        className="signature__pad"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t(value ? 'signature.pad_signed' : 'signature.pad_empty')}
        aria-describedby={describedBy}
        onPointerDown={(event) => {
          drawing.current = true;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          onChange(`${value ? `${value} ` : ''}M ${point(event)}`);
        }}
        onPointerMove={(event) => {
          if (drawing.current && value.length < 19_000) onChange(`${value} L ${point(event)}`);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      >
        <path d={value || undefined} className="signature__ink" />
      </svg>
      <div className="forms-actions">
        <KioskButton
          variant="primary"
          onPress={() => onChange(MARK_SIGNATURE)}
          pressed={value === MARK_SIGNATURE}
        >
          {t('signature.confirm_with_mark')}
        </KioskButton>
        <KioskButton onPress={() => onChange('')}>{t('signature.clear')}</KioskButton>
      </div>
    </div>
  );
}
