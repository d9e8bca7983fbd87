// The sender check: composes the on-device restrictions cache with the pure verdict rules.
// Verdicts are answered from memory so that switching emails costs no round trip; a copy older
// than the trust limit is refreshed before it is believed, and a failed refresh gives
// "cannot check", never "clear".
import type { LocalDate, MessageParticipants, UnavailableReason, Verdict } from '../policy/types';
import {
  buildRestrictionIndex,
  decideVerdictIndexed,
  type RestrictionIndex,
} from '../policy/verdict';
import { todayInLondon } from '../policy/londonDate';
import type { RestrictionsSnapshot } from '../cache/restrictionsCache';
import { toGraphAccessError, type GraphAccessError } from '../graph/errors';

/** What the check needs from the cache (RestrictionsCache implements it). */
export interface RestrictionsSource {
  current(): RestrictionsSnapshot | null;
  load(): Promise<RestrictionsSnapshot | null>;
  refresh(): Promise<RestrictionsSnapshot>;
}

export interface SenderCheckResult {
  verdict: Verdict;
  /** When the restrictions this verdict used were read from SharePoint (ISO). */
  refreshedAt?: string;
  /** How many restriction records could not be read (shown as a warning, no details). */
  unreadableCount: number;
  /** How many restrictions were checked against. */
  restrictionCount: number;
}

/** The restrictions as decideSend reads them, or why they cannot be had. */
export type PreparedIndex =
  | { kind: 'ready'; index: RestrictionIndex; today: LocalDate; refreshedAt?: string }
  | { kind: 'unavailable'; reason: UnavailableReason };

export interface SenderCheckOptions {
  trustMs: number;
  backgroundRefreshMs: number;
  now?: () => Date;
}

export class SenderCheck {
  private indexed: { snapshot: RestrictionsSnapshot; index: RestrictionIndex } | null = null;
  private readonly listeners = new Set<() => void>();
  private background: Promise<void> | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly source: RestrictionsSource,
    private readonly options: SenderCheckOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Called after a background refresh brings a new copy, so the pane can re-check its email. */
  onRestrictionsUpdated(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Answers from the cached copy when it can be trusted; otherwise refreshes first. */
  async check(
    message: MessageParticipants,
    opts: { forceRefresh?: boolean } = {},
  ): Promise<SenderCheckResult> {
    const found = await this.trustedSnapshot(opts);
    if ('unavailable' in found) return unavailable(found.unavailable);
    return this.evaluate(message, found.snapshot);
  }

  /**
   * The restriction index and the school's date, under the same trust rules as `check` (the
   * compose pane decides with decideSend on them, issue 12).
   */
  async restrictionIndex(opts: { forceRefresh?: boolean } = {}): Promise<PreparedIndex> {
    const found = await this.trustedSnapshot(opts);
    if ('unavailable' in found) return { kind: 'unavailable', reason: found.unavailable };
    return {
      kind: 'ready',
      index: this.indexOf(found.snapshot),
      today: todayInLondon(this.now()),
      refreshedAt: found.snapshot.refreshedAt,
    };
  }

  private async trustedSnapshot(opts: {
    forceRefresh?: boolean;
  }): Promise<{ snapshot: RestrictionsSnapshot } | { unavailable: UnavailableReason }> {
    let snapshot = this.source.current() ?? (await this.loadQuietly());
    const age = snapshot ? this.ageMs(snapshot) : Infinity;
    if (!snapshot || age > this.options.trustMs || opts.forceRefresh) {
      try {
        snapshot = await this.source.refresh();
      } catch (error) {
        return { unavailable: reasonFor(toGraphAccessError(error)) };
      }
    } else if (age > this.options.backgroundRefreshMs) {
      this.refreshInBackground();
    }
    return { snapshot };
  }

  private indexOf(snapshot: RestrictionsSnapshot): RestrictionIndex {
    if (this.indexed?.snapshot !== snapshot) {
      this.indexed = {
        snapshot,
        index: buildRestrictionIndex(snapshot.restrictions, snapshot.malformed),
      };
    }
    return this.indexed.index;
  }

  /** Starts a background refresh when the copy is old enough to be worth it. */
  refreshIfDue(): void {
    const snapshot = this.source.current();
    if (snapshot && this.ageMs(snapshot) > this.options.backgroundRefreshMs)
      this.refreshInBackground();
  }

  private evaluate(
    message: MessageParticipants,
    snapshot: RestrictionsSnapshot,
  ): SenderCheckResult {
    const verdict = decideVerdictIndexed(
      message,
      this.indexOf(snapshot),
      todayInLondon(this.now()),
    );
    return {
      verdict,
      refreshedAt: snapshot.refreshedAt,
      unreadableCount: snapshot.malformed.length,
      restrictionCount: snapshot.restrictions.length,
    };
  }

  private refreshInBackground(): void {
    if (this.background) return;
    this.background = this.source
      .refresh()
      .then(() => this.listeners.forEach((l) => l()))
      // A failed background refresh keeps the trusted copy; once that copy passes the trust
      // limit, the next check refreshes in the foreground and reports the failure.
      .catch(() => undefined)
      .finally(() => {
        this.background = null;
      });
  }

  private async loadQuietly(): Promise<RestrictionsSnapshot | null> {
    try {
      return await this.source.load();
    } catch {
      return null; // an unreadable device cache is treated as empty: the list is read afresh
    }
  }

  private ageMs(snapshot: RestrictionsSnapshot): number {
    const at = Date.parse(snapshot.refreshedAt);
    return Number.isNaN(at) ? Infinity : this.now().getTime() - at;
  }
}

function unavailable(reason: UnavailableReason): SenderCheckResult {
  return { verdict: { kind: 'unavailable', reason }, unreadableCount: 0, restrictionCount: 0 };
}

export function reasonFor(error: GraphAccessError): UnavailableReason {
  switch (error.kind) {
    case 'signedOut':
      return 'signedOut';
    case 'wrongAccount':
      return 'wrongAccount';
    case 'offline':
      return 'offline';
    case 'throttled':
      return 'throttled';
    case 'notFound':
      return 'listMissing';
    case 'forbidden':
      return 'forbidden';
    default:
      return 'serviceError';
  }
}
