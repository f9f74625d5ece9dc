import type { HubChannel, HubIdentityMismatch } from '../../common/contract/sync_methods';
import type { Logger } from '../../node_shared/logger';

/**
 * Remembers that a connection met a server that is not the pinned hub (another certificate: a hijacked
 * address, an interception proxy, a captive portal). Staff and technicians see it until a connection to
 * the real hub succeeds again. Nothing was sent on the refused connection.
 */
export class HubIdentityWatch {
  private last: HubIdentityMismatch | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  mismatch(channel: HubChannel): void {
    if (this.last?.channel !== channel) this.logger.warn('hub.identity_mismatch', { channel });
    this.last = { channel, at: this.now().toISOString() };
  }

  verified(): void {
    this.last = null;
  }

  current(): HubIdentityMismatch | null {
    return this.last;
  }
}
