// Acting on restricted correspondence (issue #4): forward it to the single point of contact, file
// it, or both, exactly once across retries, panes and people; the SPOC's two outcomes; undo of a
// filing. Composes the Graph calls (src/graph/mail/mailActions.ts), the email's marks
// (src/graph/mail/messageMarks.ts), the audit list and the pure rules (src/policy/mailActions).
// What an action is about and answers is in emailStatus.ts; its failures, in plain words, in
// actionFailures.ts; this module is the protocol.
//
// Exactly once (docs/mail-actions.md has the whole argument):
//   1. read the email (marks, claim, ETag); a `forwarded` mark means it is done: say by whom;
//   2. claim it: a PATCH with If-Match: <ETag> writing {key, who, when}; a 412 means someone
//      else wrote first: read again (their live claim means "busy": we do nothing);
//   3. unless the claim is new (nothing can carry a key made just now): the forward carrying the
//      key in Sent Items or the Outbox (send is asynchronous: the Outbox first, the Sent Items copy
//      later) means it went: skip to 5; a draft carrying it (left by an older version) is sent;
//   4. else `forward` carrying the key (one request: createForward + send);
//   5. the moment Graph accepted it (202), record on the claim that it was sent, and at the same
//      time write the audit entry (unique AuditKey: a repeat is a no-op): from then on a retry
//      never forwards again, it waits for the copy in the Outbox or Sent Items instead;
//   6. the `forwarded` mark (and category), in one PATCH.
// Round trips for a first forward: read, claim, forward, claim-sent ∥ audit, mark = 5 (plus the
// master category list the first time in a session). Every step can be repeated from 1 after any
// failure, and nothing is done twice: that is what the attempt loop here relies on. The Graph
// client never repeats forward or send by itself.
//
// Ids: the host gives the email's regular REST id (convertToRestId), which dies when the email
// moves. The first read answers its immutable id (every request asks for immutable ids), and
// every later call (claim, move, marks, categories, undo) uses that one; the pane's later calls
// with the host's id are mapped to it (`refFor`).
import type { MessageMark, MessageMarks, MessageRef } from '../../graph/mail/messageMarks';
import type { FoundForward, MailActionsGraph, MessageState } from '../../graph/mail/mailActions';
import { toGraphAccessError } from '../../graph/errors';
import type { AuditEntry } from '../../graph/repositories/auditRepository';
import type { OpenMessage, SignedInUser } from '../../host/mailHost';
import {
  ACTION_CATEGORIES,
  ATTEMPT_LIMIT_MS,
  checkSpocAddress,
  claimValue,
  coverNote,
  decideClaim,
  detectUrgency,
  filingPath,
  formatForwardHeader,
  forwardMarkerLine,
  trustedForwardHeader,
  type ForwardClaim,
} from '../../policy/mailActions';

import { ActionFailure, failureFor, SEND_AS_DENIED, SIGN_IN, TRANSIENT } from './actionFailures';
import {
  activeMark,
  idKey,
  refOf,
  type ActionTarget,
  type EmailStatus,
  type FiledDetail,
  type FileOutcome,
  type ForwardAndFileOutcome,
  type ForwardOutcome,
  type UndoToken,
} from './emailStatus';

/** A mark on an email (forwarded, filed, an outcome), as the pane shows it. */
export type { MessageMark } from '../../graph/mail/messageMarks';
// The action's vocabulary, from the modules that hold it, for the pane and the tests.
export {
  ActionFailure,
  asFailure,
  failureFor,
  problemText,
  type ActionProblem,
} from './actionFailures';
export {
  filedDetail,
  refOf,
  type ActionTarget,
  type EmailStatus,
  type FiledDetail,
  type FileOutcome,
  type ForwardAndFileOutcome,
  type ForwardOutcome,
  type UndoToken,
} from './emailStatus';

export interface ActionsConfig {
  restrictedFolderName: string;
  urgentKeywords: readonly string[];
}

/** Where audit entries go (AuditRepository implements it). */
export interface ActionAuditLog {
  append(entry: AuditEntry): Promise<void>;
}

export interface RestrictedActionsDeps {
  graph: MailActionsGraph;
  marks: MessageMarks;
  audit: ActionAuditLog;
  /** The signed-in member of staff: the actor of every action (never typed). */
  user: () => SignedInUser;
  config: ActionsConfig;
  /**
   * The tenant's verified mail domains (TenantDomains.get): a SPOC outside them is refused, and a
   * forward header is believed only from a sender inside them. Rejects when they cannot be read.
   */
  tenantDomains: () => Promise<readonly string[]>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  newKey?: () => string;
  /** Attempts of a whole action (each re-reads the email first). */
  maxAttempts?: number;
  /** Longest time one action keeps trying (well under the claim's honoured window). */
  attemptLimitMs?: number;
}

/** Looks for the sent copy of a forward whose send was accepted, before marking it anyway. */
const SENT_COPY_LOOKS = 5;
const SENT_COPY_WAIT_MS = 1_000;

/** Thrown inside an attempt to read the email again at once (someone wrote between our read and write). */
class ReadAgain extends Error {}

export class RestrictedActions {
  /** Immutable ids by "mailbox|host id", learnt at the first read of each email. */
  private readonly immutableIds = new Map<string, string>();
  /**
   * The pane's last read of each email (load), by "mailbox|host id": a forward pressed after it
   * starts from it instead of reading again (its claim carries If-Match, so a change since is a
   * 412 and a fresh read). Used once.
   */
  private readonly lastRead = new Map<string, { ref: MessageRef; state: MessageState }>();
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly newKey: () => string;
  private readonly maxAttempts: number;
  private readonly attemptLimitMs: number;

  constructor(private readonly deps: RestrictedActionsDeps) {
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.newKey = deps.newKey ?? (() => globalThis.crypto.randomUUID());
    this.maxAttempts = deps.maxAttempts ?? 6;
    this.attemptLimitMs = deps.attemptLimitMs ?? ATTEMPT_LIMIT_MS - 15_000;
  }

  /** The ref to use for an email the host names: its immutable id once read, else the host's id. */
  private refFor(message: OpenMessage): MessageRef {
    const ref = refOf(message);
    const known = this.immutableIds.get(idKey(ref));
    return known ? { mailbox: ref.mailbox, messageId: known } : ref;
  }

  /** Reads the email; remembers its immutable id and answers the ref that uses it. */
  private async read(
    message: OpenMessage | MessageRef,
    opts: { headers?: boolean } = {},
  ): Promise<{ ref: MessageRef; state: MessageState }> {
    const hostRef = 'itemId' in message ? refOf(message) : message;
    const ref = 'itemId' in message ? this.refFor(message) : message;
    const read = await this.deps.graph.readState(ref, opts);
    if (read.id && read.id !== hostRef.messageId) this.immutableIds.set(idKey(hostRef), read.id);
    const state = read.forwardHeader ? await this.believed(read) : read;
    return { ref: { mailbox: ref.mailbox, messageId: state.id || ref.messageId }, state };
  }

  /**
   * The state with its forward header kept only when the email comes from inside the school: an
   * outsider can write the header (or the marker line) too. Domains that cannot be read fail the
   * read (never "not believed": the SPOC would then be shown the forwarder's clear verdict in place
   * of restricted correspondence; issue 13, item 2).
   */
  private async believed(state: MessageState): Promise<MessageState> {
    const domains = await this.deps.tenantDomains();
    const header = trustedForwardHeader(
      state.forwardHeader,
      { from: state.from, sender: state.sender },
      domains,
    );
    const { forwardHeader: _written, ...rest } = state;
    return header ? { ...rest, forwardHeader: header } : rest;
  }

  /** The email's state for the pane: marks, urgency, and (SPOC side) the forward header. */
  async load(message: OpenMessage, opts: { headers?: boolean } = {}): Promise<EmailStatus> {
    const { ref, state } = await this.attempt(() => this.read(message, opts));
    this.lastRead.set(idKey(refOf(message)), { ref, state });
    return this.status(ref, state);
  }

  /**
   * The pane's read, when a forward may start from it: it had an ETag (so the claim is
   * conditional) and showed neither a forward nor anyone's claim (those are decided on a fresh read).
   */
  private takeLastRead(message: OpenMessage): { ref: MessageRef; state: MessageState } | undefined {
    const key = idKey(refOf(message));
    const read = this.lastRead.get(key);
    this.lastRead.delete(key);
    if (!read?.state.etag || read.state.claim) return undefined;
    if (read.state.marks.some((m) => m.kind === 'forwarded')) return undefined;
    return read;
  }

  private status(ref: MessageRef, state: MessageState): EmailStatus {
    return {
      ref,
      state,
      urgency: detectUrgency(state.subject, state.bodyText, this.deps.config.urgentKeywords),
      forwarded: activeMark(state.marks, 'forwarded'),
      filed: activeMark(state.marks, 'filed'),
      outcome: activeMark(state.marks, 'spocOutcome'),
    };
  }

  /** Forwards the email to the restriction's SPOC, once. */
  async forward(target: ActionTarget): Promise<ForwardOutcome> {
    const spoc = checkSpocAddress(target.restriction.spocEmail, await this.deps.tenantDomains());
    if (!spoc.ok) {
      throw new ActionFailure(
        spoc.problem === 'missing'
          ? 'spocMissing'
          : spoc.problem === 'invalid'
            ? 'spocInvalid'
            : 'spocOutsideSchool',
      );
    }
    const holder = { key: this.newKey(), token: this.newKey() };
    let fromPane = this.takeLastRead(target.message);
    // Contact Guard's category in the user's own master list, made while the forward goes (a
    // shared mailbox's list is not ours to touch: MessageMarks decides there).
    const category = target.message.sharedMailbox
      ? undefined
      : this.deps.marks
          .ensureMasterCategory(undefined, ACTION_CATEGORIES.forwarded)
          .catch(() => undefined);
    try {
      return await this.attempt(async () => {
        const read = fromPane;
        fromPane = undefined;
        return this.forwardStep(target, spoc.address, holder, read, category);
      });
    } catch (e) {
      await this.releaseClaim(this.refFor(target.message), holder.token);
      throw e;
    }
  }

  /**
   * After a failed attempt, gives its claim up (best effort) so that the next press, by anyone,
   * goes ahead at once, keeping the key (so a forward that did go is found, not sent again).
   */
  private async releaseClaim(ref: MessageRef, token: string): Promise<void> {
    try {
      const state = await this.deps.graph.readState(ref);
      if (state.claim?.token !== token || state.marks.some((m) => m.kind === 'forwarded')) return;
      await this.deps.graph.claim(ref, state.etag, claimValue({ ...state.claim, released: true }));
    } catch {
      // Unreachable now: the claim lapses by itself after CLAIM_HONOURED_MS.
    }
  }

  private async forwardStep(
    target: ActionTarget,
    spocAddress: string,
    holder: { key: string; token: string },
    fromPane?: { ref: MessageRef; state: MessageState },
    category?: Promise<void>,
  ): Promise<ForwardOutcome> {
    const { graph } = this.deps;
    const user = this.deps.user();
    const { ref, state } = fromPane ?? (await this.read(target.message));
    const done = state.marks.find((m) => m.kind === 'forwarded');
    if (done) return { status: 'alreadyDone', mark: done };
    const decision = decideClaim(state.claim, holder, this.now());
    if (decision.kind === 'busy')
      return { status: 'busy', byName: decision.claim.byName, at: decision.claim.at };
    holder.key = decision.key;
    let claim: ForwardClaim = state.claim ?? {
      key: holder.key,
      token: holder.token,
      byName: user.displayName,
      byAddress: user.emailAddress,
      at: this.now().toISOString(),
    };
    if (decision.kind !== 'ours') {
      claim = {
        key: holder.key,
        token: holder.token,
        byName: user.displayName,
        byAddress: user.emailAddress,
        at: this.now().toISOString(),
        ...(state.claim?.sent && state.claim.key === holder.key ? { sent: true } : {}),
      };
      if (!(await graph.claim(ref, state.etag, claimValue(claim)))) throw new ReadAgain();
    }
    const key = holder.key;
    // A key made just now is on nothing yet: no look-up. Otherwise one round trip finds the
    // forward in Sent Items, the Outbox or Drafts.
    let found = decision.kind === 'claim' ? undefined : await graph.findForward(ref.mailbox, key);
    if (claim.sent && found?.where !== 'sentitems' && found?.where !== 'outbox')
      found = await this.waitForSentCopy(ref.mailbox, key, found);
    const sent = claim.sent === true || found?.where === 'sentitems' || found?.where === 'outbox';
    const existingDraft = found?.where === 'drafts' ? found.id : undefined;
    if (!sent) {
      const urgency = detectUrgency(state.subject, state.bodyText, this.deps.config.urgentKeywords);
      const header = {
        key,
        restrictionId: target.restriction.id,
        personName: target.restriction.personName,
        urgent: urgency.urgent,
      };
      const note = coverNote({
        personName: target.restriction.personName,
        senderAddress: target.matchedAddress,
        receivedAt: state.receivedAt ?? target.message.receivedAt,
        mailbox: ref.mailbox ?? user.emailAddress,
        forwardedBy: { name: user.displayName, address: user.emailAddress },
        at: this.now(),
        spocName: target.restriction.spocName,
        urgentWords: urgency.matched,
      });
      await this.sendOrWithdraw(ref.mailbox, key, () =>
        existingDraft
          ? graph.send(ref.mailbox, existingDraft)
          : graph.forward(ref, {
              to: { name: target.restriction.spocName, address: spocAddress },
              key,
              urgent: urgency.urgent,
              header: formatForwardHeader(header),
              // The marker travels in the body: Graph may drop the custom header.
              comment: `${note}\n\n${forwardMarkerLine(header)}`,
            }),
      );
    }
    const mark: MessageMark = {
      kind: 'forwarded',
      byName: user.displayName,
      byAddress: user.emailAddress,
      at: this.now().toISOString(),
      key,
      detail: target.restriction.spocName,
    };
    const audit = this.audit(
      'Forwarded',
      key,
      `Forwarded restricted correspondence to the single point of contact (restriction ${target.restriction.id})`,
      state.internetMessageId,
    );
    // Recorded the moment Graph accepted the forward: a retry from here waits, never forwards.
    if (!sent)
      await Promise.all([graph.claim(ref, undefined, claimValue({ ...claim, sent: true })), audit]);
    else await audit;
    await category;
    await this.deps.marks.add(ref, mark, ACTION_CATEGORIES.forwarded, state);
    return { status: 'done', mark };
  }

  /**
   * Sends the forward (a draft left from an earlier try, or a new forward). Refused for want of
   * Send As (403 ErrorSendAsDenied: Exchange sent nothing and leaves the draft in Drafts), the
   * draft is deleted, best effort, so that it is never sent later with this user's cover note by
   * someone else's retry (one left behind is found by its key and reused: still sent at most
   * once), and the action stops with a message naming the missing permission.
   */
  private async sendOrWithdraw(
    mailbox: string | undefined,
    key: string,
    send: () => Promise<void>,
  ): Promise<void> {
    try {
      await send();
    } catch (e) {
      const error = toGraphAccessError(e);
      if (error.code !== SEND_AS_DENIED) throw error;
      const left = await this.deps.graph.findForward(mailbox, key).catch(() => undefined);
      if (left?.where === 'drafts')
        await this.deps.graph.deleteDraft(mailbox, left.id).catch(() => undefined);
      throw new ActionFailure('sendAsDenied', error);
    }
  }

  /**
   * The send was accepted but its copy is in neither the Outbox nor Sent Items yet (or the
   * answer naming it was lost): looks again a few times, a second apart. Never sends: what Graph
   * accepted is sent, so the caller marks it done even if the copy is still not to be seen.
   */
  private async waitForSentCopy(
    mailbox: string | undefined,
    key: string,
    first: FoundForward | undefined,
  ): Promise<FoundForward | undefined> {
    let found = first;
    for (let i = 0; i < SENT_COPY_LOOKS; i++) {
      if (found?.where === 'sentitems' || found?.where === 'outbox') return found;
      await this.sleep(SENT_COPY_WAIT_MS);
      found = await this.deps.graph.findForward(mailbox, key);
    }
    return found;
  }

  /** Files the email in the restricted-correspondence folder, in the person's subfolder. */
  async file(target: ActionTarget): Promise<FileOutcome> {
    return this.fileAs(target.message, target.restriction.personName, false);
  }

  /** Forward first; only a forward that went (now or before) is followed by filing. */
  async forwardAndFile(target: ActionTarget): Promise<ForwardAndFileOutcome> {
    const forward = await this.forward(target);
    if (forward.status === 'busy') return { forward };
    const file = await this.file(target);
    return { forward, file };
  }

  /** The SPOC: "read — no new issue": file it (in the SPOC's mailbox) and record the outcome. */
  async spocNoNewIssue(message: OpenMessage, personName: string): Promise<FileOutcome> {
    return this.fileAs(message, personName, true);
  }

  /** The SPOC: "new issue raised": keep it in the inbox, record the outcome. */
  async spocNewIssue(
    message: OpenMessage,
  ): Promise<{ status: 'done' | 'alreadyDone'; mark: MessageMark }> {
    const key = this.newKey();
    return this.attempt(async () => {
      const { ref, state } = await this.read(message);
      const existing = activeMark(state.marks, 'spocOutcome');
      if (existing) return { status: 'alreadyDone' as const, mark: existing };
      const user = this.deps.user();
      const mark: MessageMark = {
        kind: 'spocOutcome',
        byName: user.displayName,
        byAddress: user.emailAddress,
        at: this.now().toISOString(),
        key,
        detail: 'newIssue',
      };
      await this.audit(
        'SpocOutcome',
        key,
        'Single point of contact: new issue raised',
        state.internetMessageId,
      );
      await this.deps.marks.add(ref, mark, ACTION_CATEGORIES.newIssue);
      return { status: 'done' as const, mark };
    });
  }

  private async fileAs(
    message: OpenMessage,
    personName: string,
    outcome: boolean,
  ): Promise<FileOutcome> {
    const path = filingPath(this.deps.config.restrictedFolderName, personName);
    const key = this.newKey();
    let fromFolderId: string | undefined;
    return this.attempt(async () => {
      const { graph } = this.deps;
      const { ref, state } = await this.read(message);
      const existing = activeMark(state.marks, outcome ? 'spocOutcome' : 'filed');
      if (existing) {
        const filed = activeMark(state.marks, 'filed');
        return { status: 'alreadyDone' as const, mark: filed ?? existing };
      }
      fromFolderId ??= state.parentFolderId;
      let folderId: string;
      try {
        folderId = await graph.ensureFolderPath(ref.mailbox, path);
      } catch (e) {
        const error = toGraphAccessError(e);
        if (TRANSIENT.has(error.kind) || SIGN_IN.has(error.kind)) throw error;
        throw new ActionFailure('folderFailed', error);
      }
      let movedRef = ref;
      if (state.parentFolderId !== folderId) {
        const moved = await graph.move(ref, folderId);
        movedRef = { mailbox: ref.mailbox, messageId: moved.id };
      }
      const user = this.deps.user();
      const at = this.now().toISOString();
      const detail: FiledDetail = { path: path.join(' / '), fromFolderId };
      const mark: MessageMark = {
        kind: 'filed',
        byName: user.displayName,
        byAddress: user.emailAddress,
        at,
        key,
        detail: JSON.stringify(detail),
      };
      await this.audit(
        'Filed',
        key,
        `Filed restricted correspondence in ${path[0]}`,
        state.internetMessageId,
      );
      if (outcome) {
        await this.audit(
          'SpocOutcome',
          `${key}:outcome`,
          'Single point of contact: read, no new issue, filed without acknowledgement',
          state.internetMessageId,
        );
        await this.deps.marks.add(movedRef, { ...mark, kind: 'spocOutcome', detail: 'noNewIssue' });
      }
      await this.deps.marks.add(movedRef, mark, ACTION_CATEGORIES.filed);
      return {
        status: 'done' as const,
        mark,
        undo: fromFolderId
          ? {
              ref: movedRef,
              fromFolderId,
              key,
              outcome,
              internetMessageId: state.internetMessageId,
            }
          : undefined,
      };
    });
  }

  /** Puts a filed email back where it was, and records that (mark, category, audit). */
  async undoFile(token: UndoToken): Promise<void> {
    const { graph } = this.deps;
    await this.attempt(async () => {
      const { ref: read, state } = await this.read(token.ref);
      let ref = read;
      if (state.parentFolderId !== token.fromFolderId) {
        const moved = await graph.move(read, token.fromFolderId);
        ref = { mailbox: token.ref.mailbox, messageId: moved.id };
      }
      const user = this.deps.user();
      const at = this.now().toISOString();
      await this.audit(
        'FilingUndone',
        `${token.key}:undone`,
        'Filing of restricted correspondence undone',
        token.internetMessageId,
      );
      const categories = state.categories.filter(
        (c) => c.toLowerCase() !== ACTION_CATEGORIES.filed.toLowerCase(),
      );
      if (categories.length !== state.categories.length) await graph.setCategories(ref, categories);
      const base = {
        byName: user.displayName,
        byAddress: user.emailAddress,
        at,
        key: `${token.key}:undone`,
      };
      const undone: FiledDetail = { path: '', fromFolderId: token.fromFolderId, undone: true };
      await this.deps.marks.add(ref, { ...base, kind: 'filed', detail: JSON.stringify(undone) });
      if (token.outcome)
        await this.deps.marks.add(ref, { ...base, kind: 'spocOutcome', detail: 'undone' });
    });
  }

  private async audit(
    action: AuditEntry['action'],
    key: string,
    what: string,
    internetMessageId?: string,
  ): Promise<void> {
    const user = this.deps.user();
    await this.deps.audit.append({
      key: `${action}:${key}`,
      action,
      what,
      actorName: user.displayName,
      actorEmail: user.emailAddress,
      at: this.now().toISOString(),
      target: key,
      internetMessageId,
    });
  }

  /**
   * Runs a re-entrant step until it succeeds, a failure that waiting cannot fix, the attempt limit
   * or the time limit. Waits honour Retry-After; "someone wrote first" reads again at once.
   */
  private async attempt<T>(step: () => Promise<T>): Promise<T> {
    const started = this.now().getTime();
    let failures = 0;
    let rereads = 0;
    for (;;) {
      try {
        return await step();
      } catch (e) {
        if (e instanceof ReadAgain) {
          rereads += 1;
          if (rereads > 20) throw new ActionFailure('failed');
          continue;
        }
        if (e instanceof ActionFailure) throw e;
        const error = toGraphAccessError(e);
        failures += 1;
        const elapsed = this.now().getTime() - started;
        if (
          !TRANSIENT.has(error.kind) ||
          failures >= this.maxAttempts ||
          elapsed > this.attemptLimitMs
        ) {
          throw failureFor(error);
        }
        const backoff = Math.min(8_000, 500 * 2 ** (failures - 1));
        await this.sleep(Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000));
      }
    }
  }
}
