// The compose pane's service (issue 12): the same send-time verdict the OnMessageSend handler
// gives (decideSend, on the pane's restriction index), and the two ways on from a stop.
//
// - "Send to the SPOC instead": each restricted recipient is replaced, on its own line, by the
//   restriction's single point of contact (002 §55, §57; 000 §6.1); the SPOC is not added twice and
//   the other recipients stay. Then the email is sent (Mailbox 1.15) only when a fresh check says it
//   may go; otherwise the user presses Send.
// - "Send anyway, with a reason": the reason is recorded in the append-only Audit list first
//   (002 §45, §66: every action under the policy is recorded), and only then is the session-data
//   marker set that lets the OnMessageSend handler pass this item (sendAnyway.ts). No record, no
//   marker: a failed audit write sets nothing and sends nothing.
//
// The audit entry's `what` holds names and the reason, never an email address (addresses typed
// into the reason are replaced), cut to the column's 255 characters.
import type { AuditEntry } from '../../graph/repositories/auditRepository';
import type {
  ComposeAccess,
  ComposeField,
  ComposeRecipient,
  ComposeState,
  SignedInUser,
} from '../../host/mailHost';
import { normalizeAddress, sameAddress } from '../../policy/addresses';
import type { UnavailableReason } from '../../policy/types';
import {
  checkedClearMarker,
  decideSend,
  sendAnywayMarkerFor,
  type RestrictedRecipient,
  type SendDecision,
  type SendUncheckedReason,
  type UncheckedRecipient,
} from '../../policy/sendTime';
import { clip } from '../../policy/sendTime/message';
import { SEND_ANYWAY_SESSION_KEY } from '../../launchevent/names';
import type { PreparedIndex } from '../senderCheck';

/** A clear check on a list read this recently marks the recipients as checked (see check()). */
export const CHECKED_CLEAR_FRESH_MS = 5 * 60_000;

/** The Audit list's `Title` column length. */
export const AUDIT_WHAT_LIMIT = 255;

const FIELDS: readonly ComposeField[] = ['to', 'cc', 'bcc'];

/** Anything that looks like an email address, in free text. */
const ADDRESS_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/gu;

/** Why the recipients could not be checked (never said to be clear). */
export type ComposeUncheckedReason =
  | SendUncheckedReason
  /** The restrictions list could not be read (sign-in, network, list missing...). */
  | { list: UnavailableReason }
  /** Outlook would not give the recipients. */
  | 'recipientsUnreadable';

export type ComposeCheck =
  /**
   * Checked: no recipient is under a restriction for this sender. `groups` names distribution
   * lists and contact groups whose members could not be checked (never called clear).
   */
  | { kind: 'clear'; refreshedAt?: string; groups?: string[] }
  | {
      kind: 'stop';
      restricted: RestrictedRecipient[];
      unchecked: UncheckedRecipient[];
      /** True when every restricted recipient has a SPOC address to send to instead. */
      canSendToSpoc: boolean;
      refreshedAt?: string;
    }
  | { kind: 'unchecked'; reason: ComposeUncheckedReason };

export type ComposeActionResult =
  /** The email was sent. */
  | { kind: 'sent' }
  /**
   * Done, and the user presses Send: the pane may not send here (before Mailbox 1.15), sending
   * failed (`sendFailed`), or a fresh check still stops the email (`stillStopped`).
   */
  | { kind: 'pressSend'; sendFailed?: boolean; stillStopped?: boolean }
  /** Nothing was stopped any more when the action ran (the recipients changed meanwhile). */
  | { kind: 'nothingToDo' }
  /** The reason was empty. */
  | { kind: 'reasonMissing' }
  /**
   * A step failed: `read` (recipients or restrictions), `recipients` (a line could not be
   * changed), `audit` (nothing was marked or sent), `marker` (recorded, but Outlook would stop
   * the email again).
   */
  | { kind: 'failed'; step: 'read' | 'recipients' | 'audit' | 'marker' };

/** What the guard needs of the restrictions (SenderCheck gives it). */
export interface ComposeRestrictions {
  restrictionIndex(opts?: { forceRefresh?: boolean }): Promise<PreparedIndex>;
}

export interface ComposeAuditLog {
  append(entry: AuditEntry): Promise<void>;
}

export interface ComposeGuardDeps {
  compose: ComposeAccess;
  restrictions: ComposeRestrictions;
  audit: () => Promise<ComposeAuditLog>;
  user: () => SignedInUser;
  now?: () => Date;
  newKey?: () => string;
}

type Decided =
  | { kind: 'decided'; decision: SendDecision; state: ComposeState; refreshedAt?: string }
  | { kind: 'unchecked'; reason: ComposeUncheckedReason };

function hasSpocAddress(r: RestrictedRecipient): boolean {
  const spoc = normalizeAddress(r.spocEmail);
  return /^[^@\s]+@[^@\s]+$/u.test(spoc);
}

/** The sender as decideSend sees it: the user, and the From mailbox when it is another one. */
function senderOf(user: SignedInUser, state: ComposeState) {
  const from = state.from?.address ?? '';
  return from !== '' && !sameAddress(from, user.emailAddress)
    ? { userAddress: user.emailAddress, sharedMailboxAddress: from }
    : { userAddress: user.emailAddress };
}

/**
 * The recipient lines with each restricted address replaced by its SPOC, each line without
 * repeats, and a SPOC not added where it is already a recipient. Only changed lines are returned.
 */
export function spocReplacement(
  state: ComposeState,
  restricted: readonly RestrictedRecipient[],
): Partial<Record<ComposeField, ComposeRecipient[]>> {
  const spocFor = new Map<string, RestrictedRecipient>();
  for (const r of restricted) spocFor.set(normalizeAddress(r.address), r);
  // Addresses already on the email (other than those being replaced), across all lines.
  const present = new Set<string>();
  for (const field of FIELDS) {
    for (const r of state[field]) {
      const key = normalizeAddress(r.address);
      if (key && !spocFor.has(key)) present.add(key);
    }
  }
  const changed: Partial<Record<ComposeField, ComposeRecipient[]>> = {};
  for (const field of FIELDS) {
    const line: ComposeRecipient[] = [];
    const inLine = new Set<string>();
    let touched = false;
    for (const recipient of state[field]) {
      const key = normalizeAddress(recipient.address);
      const restriction = key ? spocFor.get(key) : undefined;
      if (!restriction) {
        if (key && inLine.has(key)) {
          touched = true;
          continue;
        }
        if (key) inLine.add(key);
        line.push(recipient);
        continue;
      }
      touched = true;
      const spoc = normalizeAddress(restriction.spocEmail);
      if (inLine.has(spoc) || present.has(spoc)) continue;
      inLine.add(spoc);
      present.add(spoc);
      line.push(
        restriction.spocName.trim()
          ? { address: restriction.spocEmail.trim(), displayName: restriction.spocName.trim() }
          : { address: restriction.spocEmail.trim() },
      );
    }
    if (touched) changed[field] = line;
  }
  return changed;
}

/** The audit entry's description: names and the reason, no address, at most 255 characters. */
export function sentAnywayWhat(
  decision: Extract<SendDecision, { kind: 'stop' }>,
  reason: string,
): string {
  const noAddress = (text: string) =>
    text.replace(ADDRESS_IN_TEXT, '[address]').replace(/\s+/gu, ' ').trim();
  const people = decision.restricted.map((r) => {
    const who = noAddress(r.personName) || 'a restricted person';
    const spoc = noAddress(r.spocName) || 'the named contact';
    return `${who} (SPOC ${spoc})`;
  });
  const unreadable = decision.unchecked.length;
  const parts: string[] = [];
  // "Chose to send", not "Sent": the entry is written before the user presses Send (the pane
  // never sends itself), and the email may still be changed or discarded.
  if (people.length > 0)
    parts.push(`Chose to send anyway to ${people.join(', ')}, against a restriction`);
  if (unreadable > 0) {
    const records = `${unreadable} recipient(s) named in a restriction record that cannot be read`;
    parts.push(people.length > 0 ? `and to ${records}` : `Chose to send anyway to ${records}`);
  }
  return clip(`${parts.join(' ')}: ${noAddress(reason)}`, AUDIT_WHAT_LIMIT);
}

export class ComposeGuard {
  private readonly now: () => Date;
  private readonly newKey: () => string;
  /** The audit key of a reason not yet followed by its marker, reused when the user tries again. */
  private pending: { signature: string; key: string } | null = null;

  constructor(private readonly deps: ComposeGuardDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newKey = deps.newKey ?? (() => globalThis.crypto.randomUUID());
  }

  /** Called when the recipients change (to check again). */
  onChanged(listener: () => void): () => void {
    return this.deps.compose.onChanged(listener);
  }

  /** True when the pane can send the email itself (Mailbox 1.15). */
  get canSend(): boolean {
    return this.deps.compose.canSend;
  }

  async check(opts: { forceRefresh?: boolean } = {}): Promise<ComposeCheck> {
    const decided = await this.decide(opts);
    if (decided.kind === 'unchecked') return decided;
    const { decision, refreshedAt, state } = decided;
    const at = refreshedAt ? { refreshedAt } : {};
    switch (decision.kind) {
      case 'send': {
        await this.markCheckedClear(state, refreshedAt);
        const groups = FIELDS.flatMap((field) =>
          state[field].filter((r) => r.isGroup).map((r) => r.displayName?.trim() || r.address),
        );
        return { kind: 'clear', ...at, ...(groups.length > 0 ? { groups } : {}) };
      }
      case 'sendUnchecked':
        return { kind: 'unchecked', reason: decision.reason };
      case 'stop':
        return {
          kind: 'stop',
          restricted: decision.restricted,
          unchecked: decision.unchecked,
          canSendToSpoc:
            decision.restricted.length > 0 && decision.restricted.every(hasSpocAddress),
          ...at,
        };
    }
  }

  /** Replaces each restricted recipient by its SPOC, then sends when a fresh check allows it. */
  async sendToSpoc(): Promise<ComposeActionResult> {
    const decided = await this.decide({});
    if (decided.kind === 'unchecked') return { kind: 'failed', step: 'read' };
    const { decision, state } = decided;
    if (decision.kind !== 'stop' || decision.restricted.length === 0)
      return { kind: 'nothingToDo' };
    if (!decision.restricted.every(hasSpocAddress)) return { kind: 'failed', step: 'recipients' };
    const changed = spocReplacement(state, decision.restricted);
    try {
      for (const field of FIELDS) {
        const line = changed[field];
        if (line) await this.deps.compose.setRecipients(field, line);
      }
    } catch {
      return { kind: 'failed', step: 'recipients' };
    }
    const after = await this.decide({});
    if (after.kind !== 'decided' || after.decision.kind !== 'send') {
      return {
        kind: 'pressSend',
        stillStopped: after.kind === 'decided' && after.decision.kind === 'stop',
      };
    }
    return this.sendIfPossible();
  }

  /** Records the reason, then marks the item for the OnMessageSend handler, then sends. */
  async sendAnyway(reason: string): Promise<ComposeActionResult> {
    const given = typeof reason === 'string' ? reason.trim() : '';
    if (given === '') return { kind: 'reasonMissing' };
    const decided = await this.decide({});
    if (decided.kind === 'unchecked') return { kind: 'failed', step: 'read' };
    const { decision } = decided;
    if (decision.kind !== 'stop') return { kind: 'nothingToDo' };

    const signature = JSON.stringify([
      given,
      [...decision.restricted, ...decision.unchecked]
        .map((r) => normalizeAddress(r.address))
        .sort(),
    ]);
    if (this.pending?.signature !== signature) {
      this.pending = { signature, key: `SentAnyway:${this.newKey()}` };
    }
    const key = this.pending.key;
    const at = this.now().toISOString();
    const user = this.deps.user();
    try {
      const audit = await this.deps.audit();
      await audit.append({
        key,
        action: 'SentAnyway',
        what: sentAnywayWhat(decision, given),
        actorName: user.displayName,
        actorEmail: user.emailAddress,
        at,
        target: key.slice('SentAnyway:'.length),
      });
    } catch {
      return { kind: 'failed', step: 'audit' };
    }
    try {
      const marker = sendAnywayMarkerFor(decision, key, at);
      await this.deps.compose.setSessionData(SEND_ANYWAY_SESSION_KEY, JSON.stringify(marker));
    } catch {
      return { kind: 'failed', step: 'marker' };
    }
    this.pending = null;
    return this.sendIfPossible();
  }

  /**
   * Clear on a fresh read: leave a marker naming these recipients, so that the OnMessageSend
   * handler, deciding from an older copy (a restriction ended since), does not stop what the
   * policy allows with no way past. Only for a list read in the last five minutes; a later change
   * of recipients is checked again (the marker covers only these addresses). Best effort.
   */
  private async markCheckedClear(
    state: ComposeState,
    refreshedAt: string | undefined,
  ): Promise<void> {
    const readAt = refreshedAt ? Date.parse(refreshedAt) : NaN;
    if (!Number.isFinite(readAt) || this.now().getTime() - readAt > CHECKED_CLEAR_FRESH_MS) return;
    const addresses = FIELDS.flatMap((field) => state[field].map((r) => r.address));
    if (addresses.length === 0) return;
    try {
      const marker = checkedClearMarker(addresses, this.now().toISOString());
      await this.deps.compose.setSessionData(SEND_ANYWAY_SESSION_KEY, JSON.stringify(marker));
    } catch {
      // Without it the handler decides from its own copy, as before.
    }
  }

  private async sendIfPossible(): Promise<ComposeActionResult> {
    if (!this.deps.compose.canSend) return { kind: 'pressSend' };
    try {
      await this.deps.compose.send();
      return { kind: 'sent' };
    } catch {
      return { kind: 'pressSend', sendFailed: true };
    }
  }

  private async decide(opts: { forceRefresh?: boolean }): Promise<Decided> {
    let state: ComposeState;
    try {
      state = await this.deps.compose.read();
    } catch {
      return { kind: 'unchecked', reason: 'recipientsUnreadable' };
    }
    let prepared: PreparedIndex;
    try {
      prepared = await this.deps.restrictions.restrictionIndex(opts);
    } catch {
      return { kind: 'unchecked', reason: { list: 'serviceError' } };
    }
    if (prepared.kind === 'unavailable')
      return { kind: 'unchecked', reason: { list: prepared.reason } };
    const decision = decideSend({
      recipients: state,
      sender: senderOf(this.deps.user(), state),
      index: prepared.index,
      today: prepared.today,
    });
    return {
      kind: 'decided',
      decision,
      state,
      ...(prepared.refreshedAt ? { refreshedAt: prepared.refreshedAt } : {}),
    };
  }
}
