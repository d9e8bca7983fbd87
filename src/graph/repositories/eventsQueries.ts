// Reviewer-side reads of the Contact Events list (issue #5). Every query filters on an indexed
// column (OccurredAt, PersonEmail: src/graph/schema/contactEventsList.ts), selects only the
// columns it needs and follows @odata.nextLink pages; nothing reads the whole list on every open.
// No query may cross SharePoint's list view threshold (issue 9): on a list of more than 5,000
// items, the indexed condition a query starts with must match at most 5,000 items, and `or` is
// not guaranteed an index (docs/review.md "Performance").
// - `since(instant)`: the flagged-senders list reads only the look-back window (90 days by
//   default) as week-long OccurredAt ranges in parallel; a range SharePoint refuses as over the
//   threshold is split in two and read again.
// - `forEmails(addresses)`: one person's chronology reads that person's events, one `eq` query
//   per address (in parallel), never an `or` across them.
// Items a user may not read are absent (SharePoint's item-level permissions): a member of staff
// sees at most their own events here; reviewers see every event.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../../config/appConfig';
import { BEHAVIOURS, FEELINGS, INFORMED_ANSWERS } from '../../policy/events/vocabulary';
import type { Behaviour, Feeling, InformedAnswer } from '../../policy/events';
import { odataString } from '../../policy/mailActions/folders';
import { GraphAccessError } from '../errors';
import { listItemsPath } from '../sharePoint';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import type { ItemAuthorship } from '../../policy/chronology/authorship';
import { AUTHORSHIP_SELECT, readItemAuthorship } from './itemAuthorship';

export type EventsQueryAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: { events: string };
};

/** One contact event as the review reads it (columns: docs/contact-events.md). */
export interface ReviewEvent {
  itemId: string;
  occurredAt: string;
  summary: string;
  channel: string;
  personName?: string;
  /** Lower case. */
  personEmail?: string;
  behaviours: Behaviour[];
  feelings: Feeling[];
  threat: boolean;
  headTeacherTold?: InformedAnswer;
  policeInformed?: InformedAnswer;
  // Chronology only (not selected for the flagged-senders window):
  details?: string;
  staffInvolved?: string;
  /** Client-written claims: compared with `authorship`, never believed as the author. */
  recordedByName?: string;
  recordedByEmail?: string;
  messageLink?: string;
  internetMessageId?: string;
  /** SharePoint's own createdBy/createdDateTime/lastModifiedBy of the item (every query). */
  authorship?: ItemAuthorship;
}

/** Columns the flagged-senders list needs: small pages even with thousands of events. */
export const SUMMARY_COLUMNS = [
  'Title',
  'OccurredAt',
  'Channel',
  'PersonName',
  'PersonEmail',
  'Behaviours',
  'Feelings',
  'ThreatOfViolence',
  'HeadTeacherTold',
  'PoliceInformed',
] as const;
export const CHRONOLOGY_COLUMNS = [
  ...SUMMARY_COLUMNS,
  'Details',
  'StaffInvolved',
  'RecordedByName',
  'RecordedByEmail',
  'MessageLink',
  'InternetMessageId',
] as const;

/** SharePoint's list view threshold: the largest page a list query may ask for. */
export const PAGE_SIZE = 5000;
/** 200 pages of 5,000 = 1,000,000 events: beyond that the chain is broken, not long. */
const MAX_PAGES = 200;
/** The look-back window is read in ranges this long (a school logs far fewer than 5,000 a week). */
export const SLICE_MS = 7 * 86_400_000;
/**
 * A range refused as over the threshold is halved at most this many times: 8 for Graph's own
 * refusal (7 days → 40 minutes), 3 for a bare 500, which may be another fault.
 */
const MAX_SPLITS = 8;
const MAX_SPLITS_ON_500 = 3;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function codes<T extends string>(value: unknown, vocabulary: readonly T[]): T[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/[\n;,]/)
    .map((s) => s.trim())
    .filter((s): s is T => (vocabulary as readonly string[]).includes(s));
}

function informed(value: unknown): InformedAnswer | undefined {
  return typeof value === 'string' && (INFORMED_ANSWERS as readonly string[]).includes(value)
    ? (value as InformedAnswer)
    : undefined;
}

/** An item's fields as a ReviewEvent; undefined when it has no usable date (counted by the caller). */
export function readEventItem(id: string, f: Record<string, unknown>): ReviewEvent | undefined {
  const at = text(f.OccurredAt);
  if (at === undefined || Number.isNaN(Date.parse(at))) return undefined;
  const event: ReviewEvent = {
    itemId: id,
    occurredAt: new Date(at).toISOString(),
    summary: text(f.Title) ?? '',
    channel: text(f.Channel) ?? 'Other',
    behaviours: codes(f.Behaviours, BEHAVIOURS),
    feelings: codes(f.Feelings, FEELINGS),
    threat: f.ThreatOfViolence === true,
  };
  const put = <K extends keyof ReviewEvent>(key: K, value: ReviewEvent[K] | undefined) => {
    if (value !== undefined) event[key] = value;
  };
  put('personName', text(f.PersonName)?.trim());
  put('personEmail', text(f.PersonEmail)?.trim().toLowerCase());
  put('headTeacherTold', informed(f.HeadTeacherTold));
  put('policeInformed', informed(f.PoliceInformed));
  put('details', text(f.Details));
  put('staffInvolved', text(f.StaffInvolved));
  put('recordedByName', text(f.RecordedByName));
  put('recordedByEmail', text(f.RecordedByEmail));
  put('messageLink', text(f.MessageLink));
  put('internetMessageId', text(f.InternetMessageId));
  return event;
}

export interface EventsPage {
  events: ReviewEvent[];
  /** Items skipped because they had no readable OccurredAt. */
  unreadable: number;
  /** Graph requests made (for the bench). */
  requests: number;
}

export class EventsQueries {
  private readonly calls: GraphCalls;

  constructor(
    client: Client | GraphCalls,
    private readonly sharePoint: EventsQueryAddress,
  ) {
    this.calls = graphCallsOf(client);
  }

  /**
   * Every event that occurred at or after `from` (an instant): the look-back window, read as
   * week-long ranges of the indexed OccurredAt column in parallel (the last one open-ended, for
   * events logged after `now`), each paged on its own, so the round trips overlap and no range
   * comes near the list view threshold.
   */
  async since(from: Date, now = new Date()): Promise<EventsPage> {
    const edges: number[] = [from.getTime()];
    while (edges[edges.length - 1]! + SLICE_MS < now.getTime())
      edges.push(edges[edges.length - 1]! + SLICE_MS);
    const pages = await Promise.all(edges.map((start, i) => this.range(start, edges[i + 1], 0)));
    return mergePages(pages);
  }

  /** Events in [start, end) (end undefined: open-ended), halving the range if SharePoint refuses it. */
  private async range(start: number, end: number | undefined, depth: number): Promise<EventsPage> {
    const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const filter =
      `fields/OccurredAt ge '${iso(start)}'` +
      (end === undefined ? '' : ` and fields/OccurredAt lt '${iso(end)}'`);
    try {
      return await this.query(filter, SUMMARY_COLUMNS);
    } catch (e) {
      if (!isThresholdRefusal(e)) throw e;
      const limit = (e as GraphAccessError).status === 500 ? MAX_SPLITS_ON_500 : MAX_SPLITS;
      if (depth >= limit) throw e;
      // An open-ended range is split at the newest week's end: what lies beyond is the future.
      const stop = end ?? start + SLICE_MS;
      const middle = start + Math.floor((stop - start) / 2);
      const halves = await Promise.all([
        this.range(start, middle, depth + 1),
        this.range(middle, end, depth + 1),
      ]);
      return mergePages(halves, 1);
    }
  }

  /** Every event recorded against any of these addresses (compared lower case), at any date. */
  async forEmails(addresses: readonly string[]): Promise<EventsPage> {
    const unique = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
    const pages = await Promise.all(
      unique.map((a) =>
        this.query(`fields/PersonEmail eq '${odataString(a)}'`, CHRONOLOGY_COLUMNS),
      ),
    );
    return mergePages(pages);
  }

  private async query(filter: string, columns: readonly string[]): Promise<EventsPage> {
    const base = listItemsPath(this.sharePoint, this.sharePoint.lists.events);
    const path =
      `${base}?$select=${AUTHORSHIP_SELECT}&$expand=fields($select=${columns.join(',')})` +
      `&$filter=${encodeURIComponent(filter)}&$top=${PAGE_SIZE}`;
    const out: EventsPage = { events: [], unreadable: 0, requests: 0 };
    for await (const page of this.calls.pages<unknown>(path, { maxPages: MAX_PAGES })) {
      out.requests += 1;
      for (const item of page.value) {
        if (!isRecord(item) || typeof item.id !== 'string' || !isRecord(item.fields)) continue;
        const event = readEventItem(item.id, item.fields);
        if (!event) {
          out.unreadable += 1;
          continue;
        }
        const authorship = readItemAuthorship(item);
        if (Object.keys(authorship).length > 0) event.authorship = authorship;
        out.events.push(event);
      }
    }
    return out;
  }
}

function mergePages(pages: EventsPage[], extraRequests = 0): EventsPage {
  return {
    events: pages.flatMap((p) => p.events),
    unreadable: pages.reduce((n, p) => n + p.unreadable, 0),
    requests: pages.reduce((n, p) => n + p.requests, extraRequests),
  };
}

/**
 * SharePoint's list view threshold refusal through Graph: 400 notSupported (tooManyResources), or
 * SharePoint's own 500 SPQueryThrottledException passed through (its code is not an identifier,
 * so only the status is left: a 500 is taken as one, and the split is bounded).
 */
export function isThresholdRefusal(e: unknown): boolean {
  if (!(e instanceof GraphAccessError)) return false;
  return (e.status === 400 && e.code === 'notSupported') || e.status === 500;
}

export type AuditQueryAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: { audit: string };
};

/** An Audit list entry about restricted correspondence (forwarded, filed, the SPOC's outcome). */
export interface MailAuditEntry {
  action: 'Forwarded' | 'Filed' | 'FilingUndone' | 'SpocOutcome';
  what: string;
  /** Client-written claims (ActorName, ActorEmail): compared with `authorship`. */
  actorName: string;
  actorEmail?: string;
  at: string;
  internetMessageId?: string;
  /** SharePoint's own createdBy/createdDateTime of the audit item. */
  authorship?: ItemAuthorship;
}

const MAIL_ACTIONS = ['Forwarded', 'Filed', 'FilingUndone', 'SpocOutcome'] as const;

/** A decision's audit entry: when, about which case item, who the client says, who SharePoint says. */
export interface DecisionAuditEntry {
  at: string;
  target?: string;
  actorName: string;
  actorEmail?: string;
  authorship: ItemAuthorship;
}

/**
 * Reviewer-side reads of the Audit list: the mail actions since an instant, by the indexed Action
 * and At columns (the review links them to a person through the restriction id a forward names and
 * the email's internetMessageId).
 */
export class AuditQueries {
  private readonly calls: GraphCalls;

  constructor(
    client: Client | GraphCalls,
    private readonly sharePoint: AuditQueryAddress,
  ) {
    this.calls = graphCallsOf(client);
  }

  /**
   * The RestrictionChanged entries since an instant: each decision's audit entry, created with the
   * deciding reviewer's token, so its createdBy is SharePoint's word on who recorded the decision
   * (the case item holds every decision in one JSON column the client wrote).
   */
  async decisionsSince(from: Date): Promise<DecisionAuditEntry[]> {
    const filter =
      `fields/At ge '${from.toISOString().replace(/\.\d{3}Z$/, 'Z')}'` +
      ` and fields/Action eq 'RestrictionChanged'`;
    const path =
      `${listItemsPath(this.sharePoint, this.sharePoint.lists.audit)}` +
      `?$select=${AUTHORSHIP_SELECT}` +
      `&$expand=fields($select=Action,ActorName,ActorEmail,At,Target)` +
      `&$filter=${encodeURIComponent(filter)}&$top=${PAGE_SIZE}`;
    const out: DecisionAuditEntry[] = [];
    for await (const page of this.calls.pages<unknown>(path, { maxPages: MAX_PAGES })) {
      for (const item of page.value) {
        if (!isRecord(item) || !isRecord(item.fields)) continue;
        const f = item.fields;
        const at = text(f.At);
        if (f.Action !== 'RestrictionChanged' || !at || Number.isNaN(Date.parse(at))) continue;
        out.push({
          at,
          actorName: text(f.ActorName) ?? '',
          ...(text(f.ActorEmail) ? { actorEmail: String(f.ActorEmail) } : {}),
          ...(text(f.Target) ? { target: String(f.Target) } : {}),
          authorship: readItemAuthorship(item),
        });
      }
    }
    return out;
  }

  async mailActionsSince(from: Date): Promise<MailAuditEntry[]> {
    const actions = MAIL_ACTIONS.map((a) => `fields/Action eq '${a}'`).join(' or ');
    const filter = `fields/At ge '${from.toISOString().replace(/\.\d{3}Z$/, 'Z')}' and (${actions})`;
    const path =
      `${listItemsPath(this.sharePoint, this.sharePoint.lists.audit)}` +
      `?$select=${AUTHORSHIP_SELECT}` +
      `&$expand=fields($select=Title,Action,ActorName,ActorEmail,At,InternetMessageId)` +
      `&$filter=${encodeURIComponent(filter)}&$top=${PAGE_SIZE}`;
    const out: MailAuditEntry[] = [];
    for await (const page of this.calls.pages<unknown>(path, { maxPages: MAX_PAGES })) {
      for (const item of page.value) {
        if (!isRecord(item) || !isRecord(item.fields)) continue;
        const f = item.fields;
        const action = MAIL_ACTIONS.find((a) => a === f.Action);
        const authorship = readItemAuthorship(item);
        const at = text(f.At);
        if (!action || !at) continue;
        out.push({
          action,
          what: text(f.Title) ?? action,
          actorName: text(f.ActorName) ?? '',
          ...(text(f.ActorEmail) ? { actorEmail: String(f.ActorEmail) } : {}),
          at,
          ...(text(f.InternetMessageId) ? { internetMessageId: String(f.InternetMessageId) } : {}),
          ...(Object.keys(authorship).length > 0 ? { authorship } : {}),
        });
      }
    }
    return out;
  }
}
