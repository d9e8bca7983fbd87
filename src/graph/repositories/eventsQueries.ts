// Reviewer-side reads of the Contact Events list (issue #5). Every query filters on an indexed
// column (OccurredAt, PersonEmail: src/graph/schema/contactEventsList.ts), selects only the
// columns it needs and follows @odata.nextLink pages; nothing reads the whole list on every open.
// - `since(instant)`: the flagged-senders list reads only the look-back window (90 days by
//   default), whatever the size of the list.
// - `forEmails(addresses)`: one person's chronology reads that person's events by address.
// Items a user may not read are absent (SharePoint's item-level permissions): a member of staff
// sees at most their own events here; reviewers see every event.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../../config/appConfig';
import { BEHAVIOURS, FEELINGS, INFORMED_ANSWERS } from '../../policy/events/vocabulary';
import type { Behaviour, Feeling, InformedAnswer } from '../../policy/events';
import { odataString } from '../../policy/mailActions/folders';
import { apiPathFromLink } from '../client';
import { GraphAccessError } from '../errors';
import { listItemsPath } from '../sharePoint';
import { graphGet } from '../read';

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
  recordedByName?: string;
  messageLink?: string;
  internetMessageId?: string;
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
  'MessageLink',
  'InternetMessageId',
] as const;

/** SharePoint's list view threshold: the largest page a list query may ask for. */
export const PAGE_SIZE = 5000;
/** 200 pages of 5,000 = 1,000,000 events: beyond that the chain is broken, not long. */
const MAX_PAGES = 200;
/** Graph's $filter length is limited; this many addresses per query is well inside it. */
const ADDRESSES_PER_QUERY = 15;

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
  constructor(
    private readonly client: Client,
    private readonly sharePoint: EventsQueryAddress,
  ) {}

  /**
   * Every event that occurred at or after `from` (an instant): the look-back window. Read as
   * `slices` date ranges in parallel (each a range query on the indexed column, paged on its
   * own), so the round trips overlap instead of following one nextLink chain.
   */
  async since(from: Date, slices = 2, now = new Date()): Promise<EventsPage> {
    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const span = Math.max(0, now.getTime() - from.getTime());
    const bounds = Array.from(
      { length: slices - 1 },
      (_, i) => new Date(from.getTime() + (span * (i + 1)) / slices),
    );
    const edges = [from, ...bounds];
    const filters = edges.map((start, i) => {
      const end = edges[i + 1];
      return end
        ? `fields/OccurredAt ge '${iso(start)}' and fields/OccurredAt lt '${iso(end)}'`
        : `fields/OccurredAt ge '${iso(start)}'`;
    });
    const pages = await Promise.all(filters.map((f) => this.query(f, SUMMARY_COLUMNS)));
    return {
      events: pages.flatMap((p) => p.events),
      unreadable: pages.reduce((n, p) => n + p.unreadable, 0),
      requests: pages.reduce((n, p) => n + p.requests, 0),
    };
  }

  /** Every event recorded against any of these addresses (compared lower case), at any date. */
  async forEmails(addresses: readonly string[]): Promise<EventsPage> {
    const unique = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
    const out: EventsPage = { events: [], unreadable: 0, requests: 0 };
    for (let i = 0; i < unique.length; i += ADDRESSES_PER_QUERY) {
      const chunk = unique.slice(i, i + ADDRESSES_PER_QUERY);
      const filter = chunk.map((a) => `fields/PersonEmail eq '${odataString(a)}'`).join(' or ');
      const page = await this.query(filter, CHRONOLOGY_COLUMNS);
      out.events.push(...page.events);
      out.unreadable += page.unreadable;
      out.requests += page.requests;
    }
    return out;
  }

  private async query(filter: string, columns: readonly string[]): Promise<EventsPage> {
    const base = listItemsPath(this.sharePoint, this.sharePoint.lists.events);
    let path =
      `${base}?$select=id&$expand=fields($select=${columns.join(',')})` +
      `&$filter=${encodeURIComponent(filter)}&$top=${PAGE_SIZE}`;
    const out: EventsPage = { events: [], unreadable: 0, requests: 0 };
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = await graphGet(this.client, path);
      out.requests += 1;
      const value = isRecord(body) && Array.isArray(body.value) ? body.value : [];
      for (const item of value) {
        if (!isRecord(item) || typeof item.id !== 'string' || !isRecord(item.fields)) continue;
        const event = readEventItem(item.id, item.fields);
        if (event) out.events.push(event);
        else out.unreadable += 1;
      }
      const next = isRecord(body) ? body['@odata.nextLink'] : undefined;
      if (typeof next !== 'string') return out;
      path = apiPathFromLink(next);
    }
    throw new GraphAccessError('unknown', { code: 'eventsTooManyPages' });
  }
}

export type AuditQueryAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: { audit: string };
};

/** An Audit list entry about restricted correspondence (forwarded, filed, the SPOC's outcome). */
export interface MailAuditEntry {
  action: 'Forwarded' | 'Filed' | 'FilingUndone' | 'SpocOutcome';
  what: string;
  actorName: string;
  at: string;
  internetMessageId?: string;
}

const MAIL_ACTIONS = ['Forwarded', 'Filed', 'FilingUndone', 'SpocOutcome'] as const;

/**
 * Reviewer-side reads of the Audit list: the mail actions since an instant, by the indexed Action
 * and At columns (the review links them to a person through the restriction id a forward names and
 * the email's internetMessageId).
 */
export class AuditQueries {
  constructor(
    private readonly client: Client,
    private readonly sharePoint: AuditQueryAddress,
  ) {}

  async mailActionsSince(from: Date): Promise<MailAuditEntry[]> {
    const actions = MAIL_ACTIONS.map((a) => `fields/Action eq '${a}'`).join(' or ');
    const filter = `fields/At ge '${from.toISOString().replace(/\.\d{3}Z$/, 'Z')}' and (${actions})`;
    let path =
      `${listItemsPath(this.sharePoint, this.sharePoint.lists.audit)}` +
      `?$expand=fields($select=Title,Action,ActorName,At,InternetMessageId)` +
      `&$filter=${encodeURIComponent(filter)}&$top=${PAGE_SIZE}`;
    const out: MailAuditEntry[] = [];
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = await graphGet(this.client, path);
      for (const item of isRecord(body) && Array.isArray(body.value) ? body.value : []) {
        const f = isRecord(item) && isRecord(item.fields) ? item.fields : undefined;
        if (!f) continue;
        const action = MAIL_ACTIONS.find((a) => a === f.Action);
        const at = text(f.At);
        if (!action || !at) continue;
        out.push({
          action,
          what: text(f.Title) ?? action,
          actorName: text(f.ActorName) ?? '',
          at,
          ...(text(f.InternetMessageId) ? { internetMessageId: String(f.InternetMessageId) } : {}),
        });
      }
      const next = isRecord(body) ? body['@odata.nextLink'] : undefined;
      if (typeof next !== 'string') return out;
      path = apiPathFromLink(next);
    }
    throw new GraphAccessError('unknown', { code: 'auditTooManyPages' });
  }
}
