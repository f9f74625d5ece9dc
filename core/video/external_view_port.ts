/** How an external service ended: normally or closed by the kiosk (`ended`), or by failing (`error`). */
export type ExternalOutcome = 'ended' | 'error';

export interface ExternalViewTarget {
  url: string;
  /** Every origin the view may show (the page's own included). */
  allowedOrigins: string[];
}

/**
 * The Electron shell's restricted view for a contracted web video service. The dev host has none (a plain
 * browser cannot give a foreign page its own locked-down session), so there the core reports
 * `not_available_in_dev_host`.
 */
export interface ExternalViewPort {
  open(
    target: ExternalViewTarget,
    onClosed: (outcome: ExternalOutcome) => void,
  ): Promise<{ ok: true } | { ok: false; reason: 'failed_to_start' }>;
  close(): void;
}
