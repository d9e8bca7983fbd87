// The review's reads (issue #5): everyone with contact events, ranked; what falls due; one
// person's chronology. Reads go through indexed columns with paging (docs/review.md
// "Performance"); who each event is about is the policy core's PeopleIndex (src/policy/people),
// and the ranking its rankSenders. Nothing here writes.
//
// Reuse: the look-back window's events are reused for `cacheMs` (60 s by default). The people index
// the list was ranked with is kept until the list is read again, so that a person opened from the
// list is the person the list showed (their name, the addresses their events joined) however long
// the reviewer spends on them; the list itself (flaggedSenders) always reads the cases and the
// staff list afresh and replaces the index, so a reload after a decision shows it. Opened before
// any list was read, a person is found from the cases and the staff list (one small read each,
// then kept the same way), else from their own events (see person()).
import type { GraphCalls } from '../../graph/graphCalls';
import { CasesRepository, type StoredCase } from '../../graph/repositories/casesRepository';
import {
  AuditQueries,
  EventsQueries,
  type ReviewEvent,
} from '../../graph/repositories/eventsQueries';
import { RestrictionsRepository } from '../../graph/repositories/restrictionsRepository';
import {
  chronologyCsv,
  mergeChronology,
  weeklyCounts,
  type ChronologyAuditInput,
  type ItemAuthorship,
} from '../../policy/chronology';
import { rankSenders } from '../../policy/hints';
import {
  dueItems,
  effectiveStage,
  STAGE_LABELS,
  type DueItem,
  type RestrictionCase,
} from '../../policy/lifecycle';
import {
  chairNotificationsDue,
  escalationsDue,
  listItemsDue,
  localAreaGroupNotificationsDue,
  policeReportsDue,
} from '../../policy/lifecycle/recordsDue';
import { LETTER_LABELS, type LetterKind } from '../../policy/letters';
import { addDays, readSharePointDate } from '../../policy/londonDate';
import {
  isNameKey,
  PeopleIndex,
  personFromKey,
  senderActivities,
  type ReviewPerson,
  type StaffListEntry,
} from '../../policy/people';
import { parseRestrictionItems } from '../../policy/restrictionItem';
import type { Restriction } from '../../policy/types';
import type { AppConfig } from '../../config/appConfig';
import { chronologyRedaction } from './redaction';
import type { ReviewContext } from './reviewContext';
import type { SeenCases } from './seenCases';
import type { Chronology, FlaggedSender } from './types';

/** Counters for the bench and tests: Graph requests made by the last call of each kind. */
export interface ReviewStats {
  flaggedRequests: number;
  windowEvents: number;
  chronologyRequests: number;
  chronologyEvents: number;
}

/** The Contact Restrictions list as the review reads it, once, with the policy core's parser. */
interface StaffList {
  /** Every item, readable or not, as people (an unreadable one still names someone). */
  entries: StaffListEntry[];
  /** The readable items, as the sender check reads them (for the flags on hand-edited items). */
  restrictions: Restriction[];
  requests: number;
}

export class ReviewQueries {
  readonly stats: ReviewStats = {
    flaggedRequests: 0,
    windowEvents: 0,
    chronologyRequests: 0,
    chronologyEvents: 0,
  };
  private readonly cases: CasesRepository;
  private readonly staffItems: RestrictionsRepository;
  private readonly events: EventsQueries;
  private readonly audit: AuditQueries;
  private windowCache?: { at: number; from: number; events: ReviewEvent[] };
  /** The people index of the last list read (or of the cases and staff list), until the next. */
  private peopleCache?: PeopleIndex;
  /** People known only from their own events, found when no list named them (see person()). */
  private readonly fromEvents = new Map<string, ReviewPerson | undefined>();

  constructor(
    calls: GraphCalls,
    sharePoint: AppConfig['sharePoint'],
    private readonly context: ReviewContext,
    private readonly seen: SeenCases,
  ) {
    this.cases = new CasesRepository(calls, sharePoint);
    this.staffItems = new RestrictionsRepository(calls, sharePoint);
    this.events = new EventsQueries(calls, sharePoint);
    this.audit = new AuditQueries(calls, sharePoint);
  }

  // ---------- shared reads ----------

  private async staffList(): Promise<StaffList> {
    const { items, requests } = await this.staffItems.readAll();
    const { restrictions, malformed } = parseRestrictionItems(items);
    const fieldsById = new Map(items.map((item) => [item.id, item.fields]));
    const entries: StaffListEntry[] = [
      ...restrictions.map((r) => ({
        itemId: r.id,
        name: r.personName,
        emails: r.emails,
        status: r.status,
        ...(r.reviewDate ? { reviewDate: r.reviewDate } : {}),
      })),
      ...malformed.map((m) => {
        const reviewDate = readSharePointDate(fieldsById.get(m.id)?.ReviewDate);
        return {
          itemId: m.id,
          name: m.personName ?? '',
          emails: m.emails,
          status: m.status ?? ('' as const),
          ...(reviewDate ? { reviewDate } : {}),
        };
      }),
    ];
    // The list's order, whichever parse result an item fell into (the first item naming an
    // address keys its person).
    const order = new Map(items.map((item, i) => [item.id, i]));
    entries.sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
    return { entries, restrictions, requests };
  }

  /** The look-back window's events (reused for `cacheMs`), and the requests it took. */
  private async windowEvents(days: number): Promise<{ events: ReviewEvent[]; requests: number }> {
    const now = this.context.now();
    // Whole London days: from midnight UTC of the first day, a day early (summaries count by day).
    const from = Date.parse(`${addDays(this.context.today(), -days)}T00:00:00Z`);
    const c = this.windowCache;
    if (c && this.context.fresh(c.at) && c.from <= from) return { events: c.events, requests: 0 };
    const page = await this.events.since(new Date(from), now);
    this.windowCache = { at: now.getTime(), from, events: page.events };
    return { events: page.events, requests: page.requests };
  }

  private async lookbackDays(): Promise<number> {
    return Math.max(90, (await this.context.settings()).thresholds.lookbackDays);
  }

  /**
   * Everyone the review knows of, and the requests it took: the index that ranked the list the
   * reviewer is looking at; before any list was read, the cases and the staff list alone (two small
   * reads; the look-back window's thousands of events are not read to open one person).
   */
  private async people(): Promise<{ people: PeopleIndex; requests: number }> {
    if (this.peopleCache) return { people: this.peopleCache, requests: 0 };
    const [{ cases: stored }, staff] = await Promise.all([this.cases.all(), this.staffList()]);
    const people = new PeopleIndex(
      stored.map((s) => ({ key: s.personKey, case: s.case })),
      staff.entries,
    );
    this.peopleCache = people;
    return { people, requests: 1 + staff.requests };
  }

  /** Someone the index knows by this key, or by the address or name it holds, unless that is a case. */
  private known(people: PeopleIndex, personKey: string): ReviewPerson | undefined {
    const byKey = people.get(personKey);
    if (byKey) return byKey;
    // A second address, or a name written differently, finds its person; never someone with a
    // case (their case is found by its own key, and a new case must not copy them).
    const key = people.keyFor(
      isNameKey(personKey)
        ? { personName: personFromKey(personKey).name }
        : { personEmail: personKey },
    );
    const other = key === undefined ? undefined : people.get(key);
    return other && !other.case ? other : undefined;
  }

  /**
   * Who a key stands for, for a new case: the person the index knows; else, for someone no list
   * names, the name their own contact events were recorded under (their address's events, or the
   * look-back window's for a name); undefined when nothing names them.
   */
  async person(personKey: string): Promise<ReviewPerson | undefined> {
    const known = this.known((await this.people()).people, personKey);
    if (known) return known;
    if (this.fromEvents.has(personKey)) return this.fromEvents.get(personKey);
    const events = isNameKey(personKey)
      ? (await this.windowEvents(await this.lookbackDays())).events.filter(
          (e) =>
            !e.personEmail && e.personName?.trim().toLowerCase() === personFromKey(personKey).name,
        )
      : (await this.events.forEmails([personKey])).events;
    const name = events
      .filter((e) => e.personName?.trim())
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))[0]
      ?.personName?.trim();
    const found: ReviewPerson | undefined = name
      ? { key: personKey, name, emails: personFromKey(personKey).emails }
      : undefined;
    this.fromEvents.set(personKey, found);
    return found;
  }

  // ---------- the list ----------

  async flaggedSenders(): Promise<FlaggedSender[]> {
    this.stats.flaggedRequests = 0;
    const today = this.context.today();
    // Settings first only for the window and the rules; the two small lists are read meanwhile.
    const settingsRead = this.context.settings();
    const [settings, { cases: stored }, staff, window, rules] = await Promise.all([
      settingsRead,
      this.cases.all(),
      this.staffList(),
      settingsRead.then((s) => this.windowEvents(Math.max(90, s.thresholds.lookbackDays))),
      settingsRead.then((s) => this.context.dateRules(s)),
    ]);
    this.stats.flaggedRequests += 2 + staff.requests + window.requests; // + cases and settings
    this.stats.windowEvents = window.events.length;
    for (const s of stored) this.seen.remember(s);
    const storedByKey = new Map(stored.map((s) => [s.personKey, s]));
    const people = new PeopleIndex(
      stored.map((s) => ({ key: s.personKey, case: s.case })),
      staff.entries,
    );
    const eventsOf = people.fileEvents(window.events);
    this.peopleCache = people;
    this.fromEvents.clear();
    const activities = senderActivities(people, eventsOf, today);
    const ranked = rankSenders(activities, today, settings.thresholds);
    const byKey = new Map(activities.map((a) => [a.key, a]));
    return ranked.map((summary) => {
      const p = people.get(summary.key)!;
      const sender: FlaggedSender = {
        personKey: p.key,
        personName: p.name,
        emails: p.emails,
        activity: byKey.get(p.key)!,
        summary,
      };
      const s = storedByKey.get(p.key);
      if (s) {
        const due = dueItems([s.case], today, rules.bankHolidays, 14, {
          ...(rules.school ? { school: rules.school } : {}),
          counting: rules.counting,
        });
        const next = due.find((d) => d.state === 'due')?.due ?? due[0]?.due;
        sender.caseSummary = {
          caseId: s.itemId,
          stageLabel: STAGE_LABELS[effectiveStage(s.case, today)],
          ...(next ? { nextDue: next } : {}),
          overdue: due.some((d) => d.state === 'late'),
        };
      }
      return sender;
    });
  }

  async dueAndOverdue(): Promise<DueItem[]> {
    const settings = await this.context.settings();
    const [{ cases: stored }, rules, window, staff] = await Promise.all([
      this.cases.all(),
      this.context.dateRules(settings),
      this.windowEvents(Math.max(90, settings.thresholds.lookbackDays)),
      this.staffList(),
    ]);
    for (const s of stored) this.seen.remember(s);
    const today = this.context.today();
    const cases = stored.map((s) => s.case);
    // What the records make due (issue 14, items 6 and 7), each citing its paragraph.
    const records = [
      ...policeReportsDue(window.events, today),
      ...chairNotificationsDue(cases, today, settings.recordsDue),
      ...localAreaGroupNotificationsDue(cases, today, settings.recordsDue),
      ...escalationsDue(cases, window.events, today, settings.recordsDue),
      ...listItemsDue(staff.restrictions, today, settings.recordsDue),
    ];
    return dueItems(cases, today, rules.bankHolidays, 14, {
      ...(rules.school ? { school: rules.school } : {}),
      counting: rules.counting,
      records,
    });
  }

  // ---------- one person ----------

  async chronology(personKey: string): Promise<Chronology> {
    this.stats.chronologyRequests = 0;
    // The settings (usually cached) and the case are independent: one round trip, not two.
    const [lookbackDays, stored, people] = await Promise.all([
      this.lookbackDays(),
      this.cases.byPersonKey(personKey),
      this.people(),
    ]);
    this.stats.chronologyRequests += 1 + people.requests;
    const known = this.known(people.people, personKey);
    if (stored) this.seen.remember(stored);
    // Someone known only by name whom the index does not know (yet): the name the key holds.
    const name =
      stored?.case.person.name ??
      known?.name ??
      (isNameKey(personKey) ? personFromKey(personKey).name : '');
    const emails = [
      ...new Set([
        ...(stored?.case.person.emails ?? []).map((e) => e.toLowerCase()),
        ...(known?.emails ?? []),
        ...(!isNameKey(personKey) ? [personKey] : []),
      ]),
    ];
    const byAddress = await this.events.forEmails(emails);
    this.stats.chronologyRequests += byAddress.requests;
    // Events recorded without an address (phone, in person) are matched by name in the window.
    const window = name ? await this.windowEvents(lookbackDays) : { events: [], requests: 0 };
    this.stats.chronologyRequests += window.requests;
    const byName = window.events.filter(
      (e) => !e.personEmail && e.personName?.toLowerCase() === name.toLowerCase(),
    );
    const seen = new Set<string>();
    const events = [...byAddress.events, ...byName].filter((e) =>
      seen.has(e.itemId) ? false : (seen.add(e.itemId), true),
    );
    this.stats.chronologyEvents = events.length;
    const [audit, decisionAuthorship] = await Promise.all([
      this.mailAuditFor(stored?.case, events),
      this.decisionAuthorship(stored),
    ]);
    const entries = mergeChronology({
      events,
      audit,
      decisions: stored?.case.history ?? [],
      decisionAuthorship,
      letters: (stored?.letters ?? []).map((l) => ({
        at: l.draftedAt,
        subject: l.subject,
        kindLabel: LETTER_LABELS[l.kind as LetterKind] ?? l.kind,
        draftedBy: l.draftedBy,
        ...(l.printed ? { printed: true } : {}),
      })),
    });
    const spoc = stored?.case.restriction?.terms.spoc?.name?.trim();
    return {
      personKey,
      // A name key's person is shown as their events recorded them ("Tom Vale", not "tom vale").
      personName: stored || known ? name : (byName[0]?.personName?.trim() ?? name),
      personEmails: emails,
      otherStaffNames: spoc ? [spoc] : [],
      entries,
      perWeek: weeklyCounts(entries, this.context.now()),
    };
  }

  /** CSV of the chronology; redact = replace staff and witness names (policy 003 Appendix 5). */
  async exportCsv(personKey: string, options: { redact: boolean }): Promise<string> {
    const c = await this.chronology(personKey);
    return chronologyCsv(c.entries, { redact: options.redact, ...chronologyRedaction(c) });
  }

  /** SharePoint's record of who wrote each decision's audit entry (this case's only). */
  private async decisionAuthorship(
    stored: StoredCase | undefined,
  ): Promise<{ at: string; authorship: ItemAuthorship }[]> {
    const history = stored?.case.history ?? [];
    const first = history.map((h) => h.recordedAt).sort()[0];
    if (!stored || !first || Number.isNaN(Date.parse(first))) return [];
    const entries = await this.audit.decisionsSince(new Date(Date.parse(first) - 1000));
    this.stats.chronologyRequests += 1;
    return entries
      .filter((e) => e.target === undefined || e.target === stored.itemId)
      .map((e) => ({ at: e.at, authorship: e.authorship }));
  }

  /** Forwarded / filed / SPOC outcome entries about this person (see docs/review.md). */
  private async mailAuditFor(
    c: RestrictionCase | undefined,
    events: readonly ReviewEvent[],
  ): Promise<ChronologyAuditInput[]> {
    const itemId = c?.restrictionItemId;
    const messageIds = new Set(
      events.map((e) => e.internetMessageId).filter((x): x is string => !!x),
    );
    if (!itemId && messageIds.size === 0) return [];
    const starts = [
      ...events.map((e) => e.occurredAt),
      ...(c?.history ?? []).map((h) => h.recordedAt),
    ].sort();
    const from = starts[0]
      ? new Date(starts[0])
      : new Date(this.context.now().getTime() - 365 * 86_400_000);
    const entries = await this.audit.mailActionsSince(from);
    this.stats.chronologyRequests += 1;
    const marker = itemId ? `(restriction ${itemId})` : undefined;
    for (const e of entries)
      if (e.action === 'Forwarded' && marker && e.what.includes(marker) && e.internetMessageId)
        messageIds.add(e.internetMessageId);
    return entries
      .filter(
        (e) =>
          (e.action === 'Forwarded' && marker !== undefined && e.what.includes(marker)) ||
          (e.internetMessageId !== undefined && messageIds.has(e.internetMessageId)),
      )
      .map((e) => ({
        at: e.at,
        action: e.action,
        what: e.what,
        actorName: e.actorName,
        ...(e.actorEmail ? { actorEmail: e.actorEmail } : {}),
        ...(e.authorship ? { authorship: e.authorship } : {}),
      }));
  }
}
