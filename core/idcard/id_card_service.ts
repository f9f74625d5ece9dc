import type { KioskConfig } from '../../common/config_schema';
import type { CardFailure } from '../../common/contract/idcard_methods';
import type { Logger } from '../../node_shared/logger';
import type { AuditLog } from '../audit_log';
import type { DeviceStatus } from '../diagnostics/device_ports';
import type { EventBus } from '../event_bus';
import type { FormsService } from '../forms/forms_service';
import { cardValues } from './card_values';
import type { IdCardReader, ReaderEvent, ReaderFailure, ReaderProbe } from './id_card_reader';

/** A forgotten "place your card" screen stops listening after this long: no card fills a stale draft. */
export const ARM_TTL_MS = 5 * 60_000;
/** How long the technician's test waits for a card. */
export const TEST_WAIT_MS = 15_000;

export interface IdCardServiceOptions {
  reader: IdCardReader | null;
  /** Which adapter and where, for the technician (from the provisioning file). */
  adapter: NonNullable<KioskConfig['idCardReader']>['adapter'] | null;
  forms: FormsService;
  events: EventBus;
  logger: Logger;
  audit: AuditLog;
  /** Mongolian is one of this terminal's languages: a 蒙古族 card gets the offer. */
  offersMongolian: boolean;
  now: () => Date;
  armTtlMs?: number;
  testWaitMs?: number;
}

export type TestOutcome = 'read' | 'no_card' | CardFailure;

/** The last six of a card's ID number, for a status lookup; or why there is none. */
export type FactorRead =
  | { ok: true; six: string }
  | { ok: false; reason: 'no_reader' | 'no_card' | CardFailure };

/** Where a card read goes: a draft's card steps, or (status lookup) the last six to one waiting caller. */
type Target =
  | { kind: 'draft'; draftId: string; holder: string }
  | { kind: 'factor'; done: (read: FactorRead) => void };

export type ArmResult =
  | { ok: true; ready: boolean }
  | { ok: false; reason: 'no_reader' | 'no_card_steps' | 'draft_not_found' };

function visitorFailure(reason: ReaderFailure): CardFailure {
  return reason === 'timeout' || reason === 'unplugged' ? 'reader_unavailable' : reason;
}

/**
 * The ID card reader in the core. It reads only while armed, and a card's text goes to one place: the card
 * steps of the draft that armed it (`FormsService.fillFromIdCard`), or — for a status lookup — the last six
 * of the ID number to the core's own lookup (`readFactor`). The screen learns which steps were filled
 * (`idcard.state`), never the values by another way; logs and the audit get event names and timings only.
 */
export class IdCardService {
  private target: Target | null = null;
  private expiry: ReturnType<typeof setTimeout> | null = null;
  private testing = false;

  constructor(private readonly opts: IdCardServiceOptions) {}

  get configured(): boolean {
    return this.opts.reader !== null;
  }

  arm(draftId: string, holder: string): ArmResult {
    const reader = this.opts.reader;
    if (!reader) return { ok: false, reason: 'no_reader' };
    const draft = this.opts.forms.getDraft(draftId);
    if (!draft.ok) return { ok: false, reason: 'draft_not_found' };
    const template = this.opts.forms.registry.get(draft.draft.template.id, draft.draft.template.version);
    if (!template?.sections.some((s) => s.steps.some((step) => step.idCard?.holder === holder)))
      return { ok: false, reason: 'no_card_steps' };
    this.listen({ kind: 'draft', draftId, holder }, this.opts.armTtlMs ?? ARM_TTL_MS);
    return { ok: true, ready: reader.status() !== 'offline' && reader.status() !== 'degraded' };
  }

  /**
   * Waits up to `waitMs` for a card and gives the last six characters of its ID number (status lookup's
   * second factor), to the caller only: nothing is written, shown or logged. Ends with `no_card` on
   * `disarm` (the visitor went on, the session ended) or when the wait is over.
   */
  readFactor(waitMs: number): Promise<FactorRead> {
    if (!this.opts.reader) return Promise.resolve({ ok: false, reason: 'no_reader' });
    return new Promise((done) => this.listen({ kind: 'factor', done }, waitMs));
  }

  private listen(target: Target, ttlMs: number): void {
    this.disarm();
    this.target = target;
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.disarm(), ttlMs);
    this.expiry.unref();
    if (!this.testing) this.opts.reader?.watch((event) => this.onVisitorEvent(event));
  }

  disarm(): void {
    const waiting = this.target?.kind === 'factor' ? this.target : null;
    this.target = null;
    waiting?.done({ ok: false, reason: 'no_card' });
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
    if (!this.testing) this.opts.reader?.pause();
  }

  /** For the heartbeat: the reader's last known state (null: this terminal has none). */
  status(): DeviceStatus | null {
    return this.opts.reader?.status() ?? null;
  }

  /** Refreshes the state when nobody is using the reader (the heartbeat's periodic check). */
  async refresh(): Promise<void> {
    if (this.opts.reader && !this.target && !this.testing) await this.opts.reader.probe();
  }

  /**
   * The technician's test: port, SAM id and state; with `read`, one card read whose text is checked and
   * dropped (the outcome and the reader's time only).
   */
  async test(
    read: boolean,
  ): Promise<
    | { configured: false }
    | { configured: true; probe: ReaderProbe; read: { outcome: TestOutcome; readerMs: number } | null }
  > {
    const reader = this.opts.reader;
    if (!reader || !this.opts.adapter) return { configured: false };
    this.disarm();
    const probe = await reader.probe();
    if (!read) return { configured: true, probe, read: null };
    this.testing = true;
    try {
      const outcome = await new Promise<{ outcome: TestOutcome; readerMs: number }>((resolve) => {
        const timer = setTimeout(
          () => resolve({ outcome: 'no_card', readerMs: 0 }),
          this.opts.testWaitMs ?? TEST_WAIT_MS,
        );
        reader.watch((event) => {
          if (event.kind === 'read') {
            const checked = cardValues(event.card, this.opts.now());
            clearTimeout(timer);
            resolve({ outcome: checked.ok ? 'read' : checked.error, readerMs: event.readerMs });
          } else if (event.kind === 'error') {
            clearTimeout(timer);
            resolve({ outcome: visitorFailure(event.reason), readerMs: 0 });
          }
        });
      });
      this.opts.logger.info('idcard.test', { outcome: outcome.outcome, readerMs: outcome.readerMs });
      return { configured: true, probe: { ...probe, status: reader.status() }, read: outcome };
    } finally {
      reader.pause();
      this.testing = false;
    }
  }

  async close(): Promise<void> {
    this.disarm();
    await this.opts.reader?.close();
  }

  private onVisitorEvent(event: ReaderEvent): void {
    const target = this.target;
    if (!target) return;
    const { events, logger } = this.opts;
    switch (event.kind) {
      case 'placed':
        events.emit('idcard.state', { state: 'reading' });
        return;
      case 'removed':
        events.emit('idcard.state', { state: 'removed' });
        return;
      case 'error':
        logger.info('idcard.failed', { reason: event.reason });
        events.emit('idcard.state', { state: 'failed', reason: visitorFailure(event.reason) });
        return;
      case 'read':
        if (target.kind === 'draft') this.fill(target, event);
        else this.giveFactor(target, event);
    }
  }

  private giveFactor(
    target: Extract<Target, { kind: 'factor' }>,
    event: Extract<ReaderEvent, { kind: 'read' }>,
  ): void {
    const checked = cardValues(event.card, this.opts.now());
    this.opts.logger.info('idcard.factor', { outcome: checked.ok ? 'read' : checked.error });
    // the card is read once: handed over or refused, the wait is over
    this.target = null;
    this.disarm();
    target.done(
      checked.ok
        ? { ok: true, six: checked.value.values.id_number.slice(-6) }
        : { ok: false, reason: checked.error },
    );
  }

  private fill(target: Extract<Target, { kind: 'draft' }>, event: Extract<ReaderEvent, { kind: 'read' }>) {
    const { events, logger, audit, forms } = this.opts;
    // logged as the reader hands over (its time apart from the kiosk's: the bench reads both)
    logger.info('idcard.read', { readerMs: event.readerMs });
    const checked = cardValues(event.card, this.opts.now());
    if (!checked.ok) {
      logger.info('idcard.refused', { reason: checked.error });
      events.emit('idcard.state', { state: 'failed', reason: checked.error });
      return;
    }
    const filled = forms.fillFromIdCard(target.draftId, target.holder, checked.value.values);
    if (!filled.ok || filled.filled.length === 0) {
      logger.info('idcard.not_filled', {});
      events.emit('idcard.state', { state: 'failed', reason: 'unreadable' });
      return;
    }
    this.disarm();
    logger.info('idcard.filled', { steps: filled.filled.length });
    audit.record('visitor', 'idcard.read');
    events.emit('idcard.state', {
      state: 'read',
      draftId: target.draftId,
      holder: target.holder,
      filled: filled.filled,
      offerLanguage: checked.value.mongolian && this.opts.offersMongolian ? 'mn-Mong-CN' : null,
    });
  }
}
