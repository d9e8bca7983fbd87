// The Restriction Cases list (reviewers only); the staff-facing Contact Restrictions item a
// decision writes is the restrictions repository's (restrictionsRepository.ts, the list's one
// owner). Every write to an existing item carries `If-Match` with
// the ETag read before the decision, so a second reviewer's save is refused (412) instead of
// silently overwriting the first; the refusal names who changed it and when (lastModifiedBy,
// lastModifiedDateTime). Dates go to SharePoint date-only columns as noon UTC of the day, which
// lands on that day whatever the site's regional time zone (dateOnlyColumns.ts), and are read back
// with readSharePointDate.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig, ListNames } from '../../config/appConfig';
import {
  STAGES,
  type LifecycleAuditEntry,
  type ListChange,
  type RestrictionCase,
} from '../../policy/lifecycle';
import type { CaseFairness, LetterFacts } from '../../policy/letters/facts';
import { compareLocalDates, isLocalDate } from '../../policy/londonDate';
import type { LocalDate } from '../../policy/types';
import { odataString } from '../../policy/mailActions/folders';
import { dateOnlyValue } from '../dateOnlyColumns';
import { GraphAccessError } from '../errors';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import { listItemPath, listItemsPath } from '../sharePoint';
import { createKeyed } from '../keyedCreate';
import { changedByOther, ChangedByOtherError, eTagOf, userName } from './itemChanges';
import { personKeyOf } from '../../policy/people';

export { ChangedByOtherError };

export type CasesListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: Pick<ListNames, 'cases' | 'restrictions'>;
};

/**
 * A decision recorded in the case but not yet carried through to Contact Restrictions and the
 * Audit list. Written with the case (the commit point) and cleared when both are done, so a
 * failure half-way is completed on the next load or retry (docs/review.md "Write order").
 */
export interface PendingSync {
  listChange: ListChange | null;
  audit: LifecycleAuditEntry;
  /** Set once the Contact Restrictions write is done. */
  listDone?: boolean;
}

/** A letter drafted from the case (kept in the case record, for the chronology). */
export interface LetterRecord {
  kind: string;
  subject: string;
  draftedAt: string;
  draftedBy: string;
  /** Printed (to be posted or handed over) rather than drafted in Outlook. */
  printed?: boolean;
}

/** What the case record holds besides the case. */
export interface CaseEnvelope {
  pending?: PendingSync;
  letters?: LetterRecord[];
}

/**
 * What reviewers write beside the decisions, in their own columns of Restriction Cases (reviewers
 * only): the fairness duties (ReasonableAdjustments, Representative) and the letter facts
 * (LetterFacts, JSON). Written only by saveDetails, so a decision's save never erases them.
 */
export interface CaseDetails {
  fairness: CaseFairness;
  letterFacts: LetterFacts;
}

export interface StoredCase extends CaseEnvelope {
  itemId: string;
  details?: CaseDetails;
  eTag: string;
  personKey: string;
  case: RestrictionCase;
  lastModifiedBy?: string;
  lastModifiedAt?: string;
}

/** A case item whose JSON could not be read: never guessed at, reported. */
export class UnreadableCaseError extends Error {
  constructor(readonly itemId: string) {
    super('A Restriction Cases item could not be read (its case record is damaged).');
    this.name = 'UnreadableCaseError';
  }
}

const CASE_FORMAT = 1;
const MAX_PAGES = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The person key of a case (src/policy/people): kept here for the list's PersonKey column. */
export { personKeyOf };

/** The earliest open deadline (or review date) of a case: the indexed NextDue column. */
export function nextDueOf(c: RestrictionCase): LocalDate | undefined {
  const days = c.deadlines.map((d) => d.due).filter((d) => isLocalDate(d));
  if (
    c.restriction &&
    (c.stage === 'provisional' || c.stage === 'active' || c.stage === 'extended')
  )
    days.push(c.restriction.reviewDate);
  if (c.stage === 'overturned' || c.stage === 'ended' || c.stage === 'none') return undefined;
  return days.sort(compareLocalDates)[0];
}

/** A `YYYY-MM-DD` day as sent to a date-only column (null stays null). */
export function sharePointDateValue(value: string | null): string | null {
  return value === null ? null : dateOnlyValue(value);
}

function parseCaseJson(itemId: string, raw: unknown): CaseEnvelope & { case: RestrictionCase } {
  let parsed: unknown;
  try {
    parsed = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    parsed = undefined;
  }
  const c = isRecord(parsed) ? parsed.case : undefined;
  if (
    !isRecord(c) ||
    !(STAGES as readonly unknown[]).includes(c.stage) ||
    !isRecord(c.person) ||
    typeof c.person.name !== 'string' ||
    !Array.isArray(c.person.emails) ||
    !Array.isArray(c.deadlines) ||
    !Array.isArray(c.history)
  ) {
    throw new UnreadableCaseError(itemId);
  }
  const pending = isRecord(parsed) && isRecord(parsed.pending) ? parsed.pending : undefined;
  const letters = isRecord(parsed) && Array.isArray(parsed.letters) ? parsed.letters : undefined;
  return {
    case: { ...(c as unknown as RestrictionCase), id: itemId },
    ...(pending ? { pending: pending as unknown as PendingSync } : {}),
    ...(letters ? { letters: letters as LetterRecord[] } : {}),
  };
}

const FACT_KEYS = [
  'parentExplanation',
  'incidentAt',
  'reportedBy',
  'effectOnStaffAndPupils',
] as const;
/** Longest text kept in a fairness or letter-facts field (a multi-line column holds far more). */
const MAX_DETAIL = 4000;

function detailText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim().slice(0, MAX_DETAIL)
    : undefined;
}

/** The details columns as read; a damaged LetterFacts is read as empty, never guessed at. */
export function readCaseDetails(fields: Record<string, unknown>): CaseDetails {
  const fairness: CaseFairness = {};
  const adjustments = detailText(fields.ReasonableAdjustments);
  const representative = detailText(fields.Representative);
  if (adjustments) fairness.adjustments = adjustments;
  if (representative) fairness.representative = representative;
  let parsed: unknown;
  try {
    parsed = typeof fields.LetterFacts === 'string' ? JSON.parse(fields.LetterFacts) : undefined;
  } catch {
    parsed = undefined;
  }
  const letterFacts: LetterFacts = {};
  if (isRecord(parsed))
    for (const key of FACT_KEYS) {
      const v = detailText(parsed[key]);
      if (v) letterFacts[key] = v;
    }
  return { fairness, letterFacts };
}

/** The details as the PATCH body: an empty field clears its column. */
export function detailsFields(details: CaseDetails): Record<string, string | null> {
  const facts: LetterFacts = {};
  for (const key of FACT_KEYS) {
    const v = detailText(details.letterFacts[key]);
    if (v) facts[key] = v;
  }
  return {
    ReasonableAdjustments: detailText(details.fairness.adjustments) ?? null,
    Representative: detailText(details.fairness.representative) ?? null,
    LetterFacts: Object.keys(facts).length ? JSON.stringify(facts) : null,
  };
}

function caseFields(personKey: string, c: RestrictionCase, envelope: CaseEnvelope) {
  const { id: _id, ...rest } = c;
  const nextDue = nextDueOf(c);
  return {
    Title: c.person.name.trim().slice(0, 255) || personKey,
    PersonKey: personKey,
    Stage: c.stage,
    NextDue: nextDue ? sharePointDateValue(nextDue) : null,
    Emails: c.person.emails.join('\n'),
    CaseJson: JSON.stringify({
      format: CASE_FORMAT,
      case: rest,
      ...(envelope.pending ? { pending: envelope.pending } : {}),
      ...(envelope.letters?.length ? { letters: envelope.letters } : {}),
    }),
  };
}

export class CasesRepository {
  private readonly calls: GraphCalls;

  constructor(
    client: Client | GraphCalls,
    private readonly sharePoint: CasesListAddress,
  ) {
    this.calls = graphCallsOf(client);
  }

  private get items(): string {
    return listItemsPath(this.sharePoint, this.sharePoint.lists.cases);
  }

  private toStored(entry: Record<string, unknown>): StoredCase {
    const id = String(entry.id);
    const fields = isRecord(entry.fields) ? entry.fields : {};
    const { case: c, pending, letters } = parseCaseJson(id, fields.CaseJson);
    const changedBy = userName(entry.lastModifiedBy);
    const at = entry.lastModifiedDateTime;
    return {
      itemId: id,
      eTag: eTagOf(entry, fields),
      personKey: typeof fields.PersonKey === 'string' ? fields.PersonKey : personKeyOf(c.person),
      case: c,
      details: readCaseDetails(fields),
      ...(pending ? { pending } : {}),
      ...(letters ? { letters } : {}),
      ...(changedBy ? { lastModifiedBy: changedBy } : {}),
      ...(typeof at === 'string' ? { lastModifiedAt: at } : {}),
    };
  }

  /** Every case (the list is small: one item per person the school has acted on), paged. */
  async all(): Promise<{ cases: StoredCase[]; unreadable: number }> {
    const cases: StoredCase[] = [];
    let unreadable = 0;
    const pages = this.calls.pages<unknown>(`${this.items}?$expand=fields&$top=999`, {
      maxPages: MAX_PAGES,
    });
    for await (const page of pages) {
      for (const entry of page.value) {
        if (!isRecord(entry) || typeof entry.id !== 'string') continue;
        try {
          cases.push(this.toStored(entry));
        } catch (e) {
          if (!(e instanceof UnreadableCaseError)) throw e;
          unreadable += 1;
        }
      }
    }
    return { cases, unreadable };
  }

  /** One person's case by the indexed PersonKey column; undefined when there is none. */
  async byPersonKey(personKey: string): Promise<StoredCase | undefined> {
    const filter = encodeURIComponent(`fields/PersonKey eq '${odataString(personKey)}'`);
    const body = await this.get(`${this.items}?$expand=fields&$filter=${filter}&$top=2`);
    const entry = (Array.isArray(body.value) ? body.value : []).find(isRecord);
    return entry ? this.toStored(entry) : undefined;
  }

  /**
   * Creates the person's case; a second create for the same PersonKey is refused (unique column).
   * After any error the key is looked up (keyedCreate.ts): the case found is ours when it holds
   * exactly what we sent (a create whose answer was lost), else another reviewer's ("changed by").
   */
  async create(personKey: string, c: RestrictionCase, envelope: CaseEnvelope): Promise<StoredCase> {
    const fields = caseFields(personKey, c, envelope);
    // Not marked safe to retry: a lost response is settled by the look-up of the unique PersonKey.
    const result = await createKeyed(this.calls, {
      itemsPath: this.items,
      keyColumn: 'PersonKey',
      key: personKey,
      fields,
    });
    const item = result.item;
    if (typeof item.id !== 'string')
      throw new GraphAccessError('unknown', { code: 'caseCreateUnreadable' });
    if (!result.created) {
      const found = isRecord(item.fields) ? item.fields : {};
      if (found.CaseJson !== fields.CaseJson) {
        throw new ChangedByOtherError(
          userName(item.lastModifiedBy),
          typeof item.lastModifiedDateTime === 'string' ? item.lastModifiedDateTime : undefined,
        );
      }
    }
    return this.toStored(item);
  }

  /** Replaces the case with If-Match: a 412 becomes ChangedByOtherError (who and when). */
  async update(
    stored: Pick<StoredCase, 'itemId' | 'eTag' | 'personKey'>,
    c: RestrictionCase,
    envelope: CaseEnvelope,
  ): Promise<StoredCase> {
    const path = `${listItemPath(this.sharePoint, this.sharePoint.lists.cases, stored.itemId)}/fields`;
    try {
      await this.calls.patch(path, caseFields(stored.personKey, c, envelope), {
        ifMatch: stored.eTag || '*',
      });
    } catch (e) {
      if (e instanceof GraphAccessError && e.kind === 'preconditionFailed')
        throw await this.changedBy(stored.itemId);
      throw e;
    }
    // The answer to a fields PATCH carries no ETag (as in Microsoft's example): the next write
    // needs one for If-Match, so it is read now, never replaced by '*'.
    const eTag = await this.currentETag(stored.itemId);
    return {
      itemId: stored.itemId,
      eTag,
      personKey: stored.personKey,
      case: { ...c, id: stored.itemId },
      ...envelope,
    };
  }

  /** Saves the fairness and letter-facts columns with If-Match (a 412 names who changed it). */
  async saveDetails(stored: StoredCase, details: CaseDetails): Promise<StoredCase> {
    const path = `${listItemPath(this.sharePoint, this.sharePoint.lists.cases, stored.itemId)}/fields`;
    try {
      await this.calls.patch(path, detailsFields(details), { ifMatch: stored.eTag || '*' });
    } catch (e) {
      if (e instanceof GraphAccessError && e.kind === 'preconditionFailed')
        throw await this.changedBy(stored.itemId);
      throw e;
    }
    const eTag = await this.currentETag(stored.itemId);
    return { ...stored, eTag, details: readCaseDetails(detailsFields(details)) };
  }

  /** The item's ETag as it is now (after our own write). */
  private async currentETag(itemId: string): Promise<string> {
    const body = await this.get(
      `${listItemPath(this.sharePoint, this.sharePoint.lists.cases, itemId)}?$select=id,eTag`,
    );
    const eTag = eTagOf(body);
    if (!eTag) throw new GraphAccessError('unknown', { code: 'caseETagMissing' });
    return eTag;
  }

  /** Who last changed a case item and when, for the "changed by" refusal. */
  changedBy(itemId: string): Promise<ChangedByOtherError> {
    return changedByOther(this.calls, this.sharePoint, this.sharePoint.lists.cases, itemId);
  }

  private async get(path: string): Promise<Record<string, unknown>> {
    const body = await this.calls.get(path);
    if (!isRecord(body)) throw new GraphAccessError('unknown', { code: 'casesPageUnreadable' });
    return body;
  }
}
