// A head teacher's decision, planned and saved (issue #5): the pure lifecycle validates it
// (applyTransition), with the school's settings and date rules; the preview the form shows and the
// save run the same plan, so the dates the reviewer is shown are the dates saved.
//
// Write order of a decision (docs/review.md "Write order"), so that a failure half-way is safe and
// a retry completes it:
//   1. Restriction Cases item (If-Match): the new case AND a `pending` note of what is still to do
//      (the Contact Restrictions change and the audit entry). This is the commit point: the
//      decision, with its reasons, is recorded before anything else changes.
//   2. Contact Restrictions item: PATCH with If-Match, or create (a lost create is found again
//      through the indexed Status column, never made twice). The item id goes into the case.
//   3. Audit entry (unique key from the transition's operationKey: a retry adds none).
//   4. Restriction Cases item again: `pending` cleared.
// Whatever step fails, the case still says what is pending, and the next load of the case (or the
// next decision on it) finishes steps 2-4 before anything else. Staff never see a restriction the
// case does not hold; at worst they see the previous state until the pending steps complete.
import type { GraphCalls } from '../../graph/graphCalls';
import { AuditRepository } from '../../graph/repositories/auditRepository';
import {
  CasesRepository,
  ChangedByOtherError,
  personKeyOf,
  type CaseEnvelope,
  type PendingSync,
  type StoredCase,
} from '../../graph/repositories/casesRepository';
import { RestrictionsRepository } from '../../graph/repositories/restrictionsRepository';
import {
  applyTransition,
  availableTransitions as allowedTransitions,
  newCase,
  staffListChange,
  type DueItem,
  type RestrictionCase,
  type Transition,
  type TransitionKind,
  type TransitionResult,
} from '../../policy/lifecycle';
import { recordNotice as withNotice } from '../../policy/lifecycle/recordsDue';
import { todayInLondon } from '../../policy/londonDate';
import { personFromKey } from '../../policy/people';
import type { AppConfig } from '../../config/appConfig';
import { failureOutcome } from './outcomes';
import type { ReviewContext } from './reviewContext';
import type { ReviewQueries } from './reviewQueries';
import type { SeenCases } from './seenCases';
import type { CaseDetailsView, TransitionOutcome } from './types';

const NOT_FINISHED =
  'The decision is recorded, but the staff list could not be updated yet. It is finished automatically the next time this person is opened.';

/** What a decision would do to the case as the reviewer saw it. */
interface DecisionPlan {
  stored: StoredCase | undefined;
  current: RestrictionCase;
  result: TransitionResult;
}

export class Decisions {
  private readonly cases: CasesRepository;
  private readonly staffItems: RestrictionsRepository;
  private readonly audit: AuditRepository;

  constructor(
    calls: GraphCalls,
    sharePoint: AppConfig['sharePoint'],
    private readonly context: ReviewContext,
    private readonly seen: SeenCases,
    private readonly queries: ReviewQueries,
  ) {
    this.cases = new CasesRepository(calls, sharePoint);
    this.staffItems = new RestrictionsRepository(calls, sharePoint);
    this.audit = new AuditRepository(calls, sharePoint);
  }

  // ---------- reading a case ----------

  /** The person's stored case, pending steps completed first. */
  async load(personKey: string): Promise<StoredCase | undefined> {
    let stored = await this.cases.byPersonKey(personKey);
    if (stored?.pending) {
      try {
        stored = await this.complete(stored);
      } catch {
        // Left pending: tried again on the next load. The case itself is still right.
      }
    }
    if (stored) this.seen.remember(stored);
    return stored;
  }

  async caseFor(personKey: string): Promise<RestrictionCase | undefined> {
    const stored = await this.load(personKey);
    const itemId = stored?.case.restrictionItemId;
    if (itemId) {
      const item = await this.staffItems.read(itemId);
      if (item) this.seen.rememberItemTag(itemId, item.eTag);
    }
    return stored?.case;
  }

  availableTransitions(c: RestrictionCase | undefined): TransitionKind[] {
    return allowedTransitions(c ?? newCase({ name: '', emails: [] }), this.context.today());
  }

  async caseDetails(personKey: string): Promise<CaseDetailsView> {
    const stored = await this.load(personKey);
    return stored?.details ?? { fairness: {}, letterFacts: {} };
  }

  /** A new case for someone with none yet: who they are, from the lists that name them. */
  private async freshCase(personKey: string): Promise<RestrictionCase> {
    const known = await this.queries.person(personKey);
    const person = known ?? personFromKey(personKey);
    const fresh = newCase({ name: person.name, emails: person.emails });
    if (known?.restriction) fresh.restrictionItemId = known.restriction.itemId;
    return fresh;
  }

  // ---------- the plan (preview and save) ----------

  /**
   * The decision on `current`, with the school's settings and date rules, by the signed-in
   * reviewer, now. The preview and the save both call this.
   */
  private async decide(
    current: RestrictionCase,
    transition: Transition,
    operationKey: string,
  ): Promise<TransitionResult> {
    const settings = await this.context.settings();
    const rules = await this.context.dateRules(settings);
    const now = this.context.now();
    const user = this.context.reviewer();
    return applyTransition(current, transition, {
      today: todayInLondon(now),
      now,
      recordedBy: { name: user.displayName, email: user.emailAddress },
      dates: rules,
      settings: settings.lifecycle,
      operationKey,
    });
  }

  /** What a decision would do, without writing anything (the form's deadline preview). */
  async preview(personKey: string, transition: Transition): Promise<TransitionResult> {
    let stored = this.seen.case(personKey);
    if (!stored && !this.seen.knownToHaveNone(personKey)) {
      stored = await this.cases.byPersonKey(personKey);
      if (!stored) this.seen.rememberNone(personKey);
    }
    const current = stored?.case ?? (await this.freshCase(personKey));
    return this.decide(current, transition, 'preview');
  }

  private async plan(personKey: string, transition: Transition): Promise<DecisionPlan> {
    // The case as the reviewer saw it (its ETag guards the save); loaded now if never seen.
    let stored = this.seen.case(personKey);
    if (!stored) stored = await this.load(personKey);
    else if (stored.pending) stored = await this.complete(stored);
    const current = stored?.case ?? (await this.freshCase(personKey));
    const result = await this.decide(current, transition, this.context.newKey());
    return { stored, current, result };
  }

  // ---------- the save ----------

  /** Applies a decision: Restriction Cases + Contact Restrictions (+ Audit), with If-Match. */
  async apply(personKey: string, transition: Transition): Promise<TransitionOutcome> {
    try {
      return await this.applyOnce(personKey, transition);
    } catch (e) {
      return failureOutcome(e);
    }
  }

  private async applyOnce(personKey: string, transition: Transition): Promise<TransitionOutcome> {
    const { stored, current, result } = await this.plan(personKey, transition);
    if (!result.ok) {
      const message = [result.message, ...result.problems.filter((p) => p !== result.message)]
        .join(' ')
        .trim();
      return { ok: false, kind: 'refused', message };
    }
    // A warning never reaches the list all staff read (issue 14, item 7; 002 §51).
    const listChange = staffListChange(result.listChange);
    // The staff item must not have changed since it was read either (If-Match on both lists).
    const itemId = current.restrictionItemId;
    if (listChange && itemId && listChange.action === 'update') {
      const item = await this.staffItems.read(itemId);
      const seenTag = this.seen.itemTag(itemId);
      if (item && seenTag && item.eTag !== seenTag) throw await this.staffItems.changedBy(itemId);
      if (item) this.seen.rememberItemTag(itemId, item.eTag);
    }
    const pending: PendingSync = { listChange, audit: result.audit };
    const envelope: CaseEnvelope = {
      pending,
      ...(stored?.letters ? { letters: stored.letters } : {}),
    };
    // 1. The commit point.
    const saved = stored
      ? await this.cases.update(stored, result.case, envelope)
      : await this.cases.create(personKeyOf(result.case.person), result.case, envelope);
    this.seen.remember(saved);
    // 2-4.
    try {
      const done = await this.complete(saved);
      return { ok: true, case: done.case };
    } catch (e) {
      if (e instanceof ChangedByOtherError) throw e;
      return { ok: false, kind: 'failed', message: NOT_FINISHED };
    }
  }

  /** Steps 2-4 of the write order for a case with a pending note. */
  async complete(stored: StoredCase): Promise<StoredCase> {
    const pending = stored.pending;
    if (!pending) return stored;
    let c = stored.case;
    let current = stored;
    const change = pending.listChange;
    if (change && !pending.listDone) {
      let itemId = c.restrictionItemId;
      if (itemId) {
        const tag = this.seen.itemTag(itemId) ?? (await this.staffItems.read(itemId))?.eTag ?? '*';
        await this.staffItems.update(itemId, tag, change.fields);
        this.seen.forgetItemTag(itemId);
      } else {
        itemId =
          (await this.staffItems.findCreated(change.fields, personKeyOf(c.person))) ??
          (await this.staffItems.create(change.fields));
        c = { ...c, restrictionItemId: itemId };
      }
      current = await this.cases.update(current, c, {
        pending: { ...pending, listDone: true },
        ...(current.letters ? { letters: current.letters } : {}),
      });
      this.seen.remember(current);
    }
    await this.audit.append({ ...pending.audit, target: pending.audit.target ?? stored.itemId });
    current = await this.cases.update(current, c, {
      ...(current.letters ? { letters: current.letters } : {}),
    });
    this.seen.remember(current);
    return current;
  }

  // ---------- the other saves on a case ----------

  /**
   * 002 §49, 004 Actions: records in the case that the chair (of governors, or of the Local Area
   * Group) was told of a decision, today, by the signed-in reviewer; with If-Match.
   */
  async recordNotice(
    caseId: string,
    notice: NonNullable<DueItem['notice']>,
  ): Promise<TransitionOutcome> {
    try {
      const { cases: stored } = await this.cases.all();
      const current = stored.find((s) => s.itemId === caseId);
      if (!current) return { ok: false, kind: 'refused', message: 'That case is no longer there.' };
      const today = this.context.today();
      const result = withNotice(
        current.case,
        { ...notice, toldOn: today, recordedBy: this.context.reviewer().displayName },
        today,
      );
      if (!result.ok) return { ok: false, kind: 'refused', message: result.problem };
      const saved = await this.cases.update(current, result.case, {
        ...(current.pending ? { pending: current.pending } : {}),
        ...(current.letters ? { letters: current.letters } : {}),
      });
      this.seen.remember(saved);
      return { ok: true, case: saved.case };
    } catch (e) {
      return failureOutcome(e);
    }
  }

  /** Saves the fairness duties and letter facts (a case at stage "none" is made when needed). */
  async saveCaseDetails(personKey: string, details: CaseDetailsView): Promise<TransitionOutcome> {
    try {
      let stored = this.seen.case(personKey) ?? (await this.load(personKey));
      // Fairness comes before any decision: a case at stage "none" holds it until then.
      stored ??= await this.cases.create(personKey, await this.freshCase(personKey), {});
      const saved = await this.cases.saveDetails(stored, details);
      this.seen.remember(saved);
      return { ok: true, case: saved.case };
    } catch (e) {
      return failureOutcome(e);
    }
  }
}
