// Exchange Online lets an app have at most 4 requests in flight against one mailbox; the fifth is
// refused with 429 ApplicationThrottled "Application is over its MailboxConcurrency limit."
// (learn.microsoft.com/graph/throttling-limits#outlook-service-limits). Requests inside a JSON
// batch count one by one: a parallel batch with more than 4 requests to one mailbox gets 429s on
// the requests past the fourth (reported: learn.microsoft.com/answers/questions/734143 and
// /1660054). The limit is per app and mailbox; the service cannot tell apps apart, so every caller
// of a mailbox shares its 4 slots, which is what staff using the same add-in on the office mailbox
// get in Microsoft 365 too.
import { GraphError } from './graphErrors';

export const MAILBOX_CONCURRENCY_LIMIT = 4;

/** Path segments after /me or /users/{id} that reach the Outlook service. */
const OUTLOOK_RESOURCES = new Set([
  'messages',
  'mailfolders',
  'outlook',
  'mailboxsettings',
  'sendmail',
  'translateexchangeids',
  'inferenceclassification',
]);

/**
 * The mailbox (lower-case address or id as given) a request acts on through the Outlook service,
 * or undefined when it does not reach a mailbox (SharePoint, directory reads, $batch itself).
 */
export function mailboxOfRequest(
  segments: readonly string[],
  meAddress: string,
): string | undefined {
  const root = (segments[0] ?? '').toLowerCase();
  const resourceAt = root === 'me' ? 1 : root === 'users' ? 2 : -1;
  if (resourceAt < 0) return undefined;
  const resource = (segments[resourceAt] ?? '').toLowerCase().replace(/\(.*$/, '');
  if (!OUTLOOK_RESOURCES.has(resource)) return undefined;
  return root === 'me' ? meAddress.toLowerCase() : (segments[1] ?? '').toLowerCase();
}

export function mailboxConcurrencyError(retryAfterSeconds: number): GraphError {
  return new GraphError(
    429,
    'ApplicationThrottled',
    'Application is over its MailboxConcurrency limit.',
    {
      'Retry-After': String(retryAfterSeconds),
    },
  );
}

/** Slots per mailbox: a request takes one for as long as the service works on it. */
export class MailboxSlots {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit = MAILBOX_CONCURRENCY_LIMIT) {}

  /** Takes a slot, or returns false when the mailbox already has `limit` requests in flight. */
  tryTake(mailbox: string): boolean {
    const n = this.inFlight.get(mailbox) ?? 0;
    if (n >= this.limit) return false;
    this.inFlight.set(mailbox, n + 1);
    return true;
  }

  release(mailbox: string): void {
    const n = (this.inFlight.get(mailbox) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(mailbox);
    else this.inFlight.set(mailbox, n);
  }

  /** In flight now (for tests and the dev controls). */
  count(mailbox: string): number {
    return this.inFlight.get(mailbox) ?? 0;
  }
}
