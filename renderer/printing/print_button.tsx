import '../styles/forms.css';
import { type ReactNode, useState } from 'react';
import { KioskButton } from '../components/kiosk_button';
import { type PrintFailure, PrintOutcome, type PrintState, type PrintWhat } from './print_outcome';

type PrintResult = { ok: true; jobId: string } | { ok: false; reason: PrintFailure };

/** A print button with its outcome under it; pressing again while printing does nothing. */
export function PrintButton({
  children,
  print,
  what,
  variant = 'secondary',
}: {
  children: ReactNode;
  print: () => Promise<PrintResult>;
  what: PrintWhat;
  variant?: 'primary' | 'secondary';
}) {
  const [outcome, setOutcome] = useState<PrintState>({ state: 'idle' });
  async function press() {
    if (outcome.state === 'printing') return;
    setOutcome({ state: 'printing' });
    try {
      const result = await print();
      setOutcome(result.ok ? { state: 'done' } : { state: 'failed', reason: result.reason });
    } catch {
      setOutcome({ state: 'failed', reason: 'failed' });
    }
  }
  return (
    <div className="print-button">
      <KioskButton variant={variant} onPress={() => void press()} describedBy={`print-outcome-${what}`}>
        {children}
      </KioskButton>
      <PrintOutcome outcome={outcome} what={what} />
    </div>
  );
}
