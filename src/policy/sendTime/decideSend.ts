// The send-time decision (issue 12, first step): may this outgoing email go, or does Outlook stop
// it with a Smart Alert? Pure; the OnMessageSend handler (not built yet) calls it with the
// recipients, the sender, the prepared restriction index and the school's date.
//
// Rules, each from the policies (docs/policies.md, "Send time"):
//   1. Bad input (no index, no real date, no sender, a recipient list missing, or an entry that
//      cannot be read and no other recipient to stop for) -> sendUnchecked:
//      never throws, never says clear. Send mode is SoftBlock (DOMAIN, platform facts), so that an
//      outage of Contact Guard never stops a school's mail; a decision that cannot be made is
//      treated as that outage.
//   2. A To, Cc or Bcc address in a restriction in force -> stop, unless the sender is that
//      restriction's single point of contact or sends from the SPOC's shared mailbox: "all
//      correspondence goes to one named member of staff or one shared mailbox ... no other member
//      of staff replies" (002 §55, §57; 000 §6.1; 001 Imposing Restrictions e). The address lookup
//      is verdict.ts's (restrictionsInForceFor), shared with the pane: whole address, any case,
//      `<>` and mailto: removed (DOMAIN, "Matching a sender").
//   3. A recipient address named by a restriction record that cannot be read (or equal to an
//      `Emails` entry that is not an address) -> stop with "we could not check" wording. Decision:
//      the record for this very address exists and might restrict, so letting it go silently
//      would say "clear" falsely (DOMAIN: "an empty filtered result must never be read as no
//      restriction"; verdict.ts rule 3). It is not an outage: the list was read. The stop only
//      asks the user to check before sending; it blocks nothing for good (SoftBlock, and "send
//      anyway" in the handler), so it never closes the emergency or statutory line that 002
//      §61–62 keep open. Unreadable records that name no recipient stop nothing (as in the pane).
//      The SPOC is not exempt here: an unreadable record has no readable SPOC.
//   4. A display name alone never stops: names are not unique (DOMAIN, "Matching a sender").
//      Display names are not consulted at all.
//   5. Otherwise -> send.
import { normalizeAddress, sameAddress } from '../addresses';
import { isLocalDate } from '../londonDate';
import type { Restriction } from '../types';
import { isUnreadableMatch, restrictionsInForceFor } from '../verdict';
import { sendTimeMessage } from './message';
import type {
  OutgoingRecipient,
  OutgoingSender,
  RecipientField,
  RestrictedRecipient,
  SendCheckInput,
  SendDecision,
  UncheckedRecipient,
} from './types';

const FIELDS: readonly RecipientField[] = ['to', 'cc', 'bcc'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isIndex(value: unknown): value is SendCheckInput['index'] {
  return (
    isObject(value) &&
    value.byAddress instanceof Map &&
    value.malformedByAddress instanceof Map &&
    value.unreadableEntryOf instanceof Map
  );
}

/** The sender's own addresses (the user, and the shared mailbox sent from), normalised. */
function senderAddresses(sender: unknown): string[] | undefined {
  if (!isObject(sender)) return undefined;
  const user = typeof sender.userAddress === 'string' ? normalizeAddress(sender.userAddress) : '';
  if (user === '') return undefined;
  const shared =
    typeof sender.sharedMailboxAddress === 'string'
      ? normalizeAddress(sender.sharedMailboxAddress)
      : '';
  return shared === '' ? [user] : [user, shared];
}

/** True when the sender is this restriction's SPOC, or sends from the SPOC's (shared) mailbox. */
function isSpocOf(restriction: Restriction, sender: readonly string[]): boolean {
  return sender.some((address) => sameAddress(address, restriction.spocEmail));
}

interface ReadRecipient {
  address: string;
  field: RecipientField;
}

/**
 * Every readable recipient in order To, Cc, Bcc, and whether any entry could not be read.
 * Undefined when a list itself is missing (Outlook always gives all three).
 */
function readRecipients(
  recipients: unknown,
): { all: ReadRecipient[]; incomplete: boolean } | undefined {
  if (!isObject(recipients)) return undefined;
  const all: ReadRecipient[] = [];
  let incomplete = false;
  for (const field of FIELDS) {
    const list: unknown = recipients[field];
    if (!Array.isArray(list)) return undefined;
    for (const entry of list as unknown[]) {
      const address = isObject(entry) ? (entry as Partial<OutgoingRecipient>).address : undefined;
      if (typeof address !== 'string' || normalizeAddress(address) === '') incomplete = true;
      else all.push({ address: address.trim(), field });
    }
  }
  return { all, incomplete };
}

/** The send-time verdict for an outgoing email. Never throws. */
export function decideSend(input: SendCheckInput): SendDecision {
  try {
    return decide(input);
  } catch {
    // Nothing above should throw; if a getter or a proxy does, the mail goes and nothing is said.
    return { kind: 'sendUnchecked', reason: 'badRecipients' };
  }
}

function decide(input: SendCheckInput): SendDecision {
  if (!isObject(input) || !isIndex(input.index)) {
    return { kind: 'sendUnchecked', reason: 'noRestrictionList' };
  }
  const { index, today } = input;
  if (!isLocalDate(today)) return { kind: 'sendUnchecked', reason: 'noDate' };
  const sender = senderAddresses(input.sender as OutgoingSender | undefined);
  if (sender === undefined) return { kind: 'sendUnchecked', reason: 'noSender' };
  const read = readRecipients(input.recipients);
  if (read === undefined) return { kind: 'sendUnchecked', reason: 'badRecipients' };

  const restricted: RestrictedRecipient[] = [];
  const unchecked: UncheckedRecipient[] = [];
  const seen = new Set<string>();
  for (const { address, field } of read.all) {
    const key = normalizeAddress(address);
    // The same person on To and Cc is named once, on the first line they are on.
    if (seen.has(key)) continue;
    seen.add(key);
    const inForce = restrictionsInForceFor(index, key, today);
    if (inForce.length > 0) {
      // Two records in force for one address is a data mistake: the sender must be the SPOC of
      // each, and the most recently started one is named (verdict.ts's order).
      if (inForce.every((restriction) => isSpocOf(restriction, sender))) continue;
      const [named] = inForce.filter((restriction) => !isSpocOf(restriction, sender));
      if (named === undefined) continue;
      restricted.push({
        address,
        field,
        personName: named.personName,
        spocName: named.spocName,
        spocEmail: named.spocEmail,
      });
    } else if (isUnreadableMatch(index, key, today)) {
      unchecked.push({ address, field });
    }
  }
  if (restricted.length === 0 && unchecked.length === 0) {
    // A recipient that could not be read was not checked: never call the email clear.
    return read.incomplete ? { kind: 'sendUnchecked', reason: 'badRecipients' } : { kind: 'send' };
  }
  // Those found are stopped even when another entry could not be read: what is said is true.
  return { kind: 'stop', restricted, unchecked, message: sendTimeMessage(restricted, unchecked) };
}
