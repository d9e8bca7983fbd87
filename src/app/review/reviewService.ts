// The head teacher's review over Graph (issue #5): flagged senders, one person's chronology, the
// life of a restriction, what falls due, and letters as Outlook drafts. Implements ReviewService
// (./types.ts). Reads go through indexed columns with paging (docs/review.md "Performance");
// decisions are validated by the pure lifecycle (applyTransition) and written with If-Match.
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
import type { AppConfig } from '../../config/appConfig';
import { toGraphAccessError } from '../../graph/errors';
import type { GraphCalls } from '../../graph/graphCalls';
import { createLetterDraft } from '../../graph/mail/drafts';
import { AuditRepository } from '../../graph/repositories/auditRepository';
import {
  CasesRepository,
  ChangedByOtherError,
  personKeyOf,
  type CaseEnvelope,
  type PendingSync,
  type StoredCase,
} from '../../graph/repositories/casesRepository';
import {
  AuditQueries,
  EventsQueries,
  type ReviewEvent,
} from '../../graph/repositories/eventsQueries';
import {
  RestrictionsRepository,
  VERDICT_COLUMNS,
} from '../../graph/repositories/restrictionsRepository';
import { SettingsRepository } from '../../graph/repositories/settingsRepository';
import { listItemsPath } from '../../graph/sharePoint';
import {
  chronologyCsv,
  mergeChronology,
  weeklyCounts,
  type ChronologyAuditInput,
  type ItemAuthorship,
} from '../../policy/chronology';
import type { BankHolidayCalendar, DateRules } from '../../policy/dates';
import { loadBankHolidayCalendar } from '../../policy/dates';
import { rankSenders, type HintEvent, type SenderActivity } from '../../policy/hints';
import {
  applyTransition,
  availableTransitions as allowedTransitions,
  dueItems,
  effectiveStage,
  newCase,
  STAGE_LABELS,
  staffListChange,
  type CaseDeadline,
  type DueItem,
  type RestrictionCase,
  type Stage,
  type Transition,
  type TransitionKind,
} from '../../policy/lifecycle';
import {
  DEFAULT_TEMPLATES,
  LETTER_LABELS,
  caseDeadlinesAfterLetter,
  letterFor,
  letterWindows,
  type LetterKind,
} from '../../policy/letters';
import {
  addDays,
  compareLocalDates,
  isLocalDate,
  readSharePointDate,
  todayInLondon,
} from '../../policy/londonDate';
import {
  chairNotificationsDue,
  escalationsDue,
  listItemsDue,
  localAreaGroupNotificationsDue,
  policeReportsDue,
  recordNotice as withNotice,
} from '../../policy/lifecycle/recordsDue';
import { parseRestrictionItems } from '../../policy/restrictionItem';
import type { LocalDate, Restriction } from '../../policy/types';
import { chronologyRedaction } from './redaction';
import { readReviewSettings, type ReviewSettings } from './reviewSettings';
import type {
  CaseDetailsView,
  Chronology,
  FlaggedSender,
  LetterDraftResult,
  ReviewService,
  TransitionOutcome,
} from './types';

type Reviewer = { displayName: string; emailAddress: string };

export interface ReviewServiceDeps {
  /** The one Graph call surface (built where the client is). */
  client: GraphCalls;
  /** The configuration (its sharePoint part is used), or the sharePoint part alone. */
  config?: Pick<AppConfig, 'sharePoint'>;
  sharePoint?: AppConfig['sharePoint'];
  /** The signed-in reviewer (or a function giving them). */
  user: Reviewer | (() => Reviewer);
  now?: () => Date;
  /** A new unique key per decision attempt (the audit entry's key). */
  newKey?: () => string;
  /** Bank holidays (default: date-holidays, loaded on demand by a dynamic import). */
  loadBankHolidays?: (extraClosures: LocalDate[]) => Promise<BankHolidayCalendar>;
  /** How long read settings and the look-back window are reused (default 60 s). */
  cacheMs?: number;
}

/** Counters for the bench and tests: Graph requests made by the last call of each kind. */
export interface ReviewStats {
  flaggedRequests: number;
  windowEvents: number;
  chronologyRequests: number;
  chronologyEvents: number;
}

interface Person {
  key: string;
  name: string;
  emails: string[];
  stored?: StoredCase;
  /** The Contact Restrictions item for this person, when there is one and no case names it. */
  restriction?: { itemId: string; status: string; reviewDate?: LocalDate };
}

const STATUS_STAGE: Record<string, Stage> = {
  Warning: 'warning',
  Provisional: 'provisional',
  Active: 'active',
  Extended: 'extended',
  Overturned: 'overturned',
  Ended: 'ended',
};
const RESTRICTING: ReadonlySet<Stage> = new Set(['provisional', 'active', 'extended']);
/** How far ahead a letter may be dated (a letter written on Friday for Monday's post). */
const MAX_LETTER_DAYS_AHEAD = 14;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitEmails(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(/[\n;,]/)
        .map((s) => s.trim().toLowerCase())
        .filter((s) => s.includes('@'))
    : [];
}

function nameKey(name: string): string {
  return `name:${name.trim().toLowerCase()}`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hourCycle: 'h23',
});

/** "Changed by Helen Marsh at 14:05 on 3 March 2026 — reload and try again". */
export function conflictMessage(changedBy?: string, changedAt?: string): string {
  const at = changedAt && !Number.isNaN(Date.parse(changedAt)) ? new Date(changedAt) : undefined;
  const when = at
    ? (() => {
        const p = Object.fromEntries(timeFormat.formatToParts(at).map((x) => [x.type, x.value]));
        return ` at ${p.hour}:${p.minute} on ${p.day} ${p.month} ${p.year}`;
      })()
    : '';
  return `Changed by ${changedBy ?? 'someone else'}${when} — reload and try again`;
}

/** A save refused because someone else changed the case first: who and when, in plain words. */
function conflictOutcome(e: ChangedByOtherError) {
  return {
    ok: false as const,
    kind: 'conflict' as const,
    message: conflictMessage(e.changedBy, e.changedAt),
    ...(e.changedBy ? { changedBy: e.changedBy } : {}),
    ...(e.changedAt ? { changedAt: e.changedAt } : {}),
  };
}

/** The first email address in a representative's details, for the draft's copy (000 §5.2). */
export function representativeAddress(text: string): string | undefined {
  return /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(text)?.[0];
}

export class GraphReviewService implements ReviewService {
  private readonly cases: CasesRepository;
  private readonly items: RestrictionsRepository;
  private readonly events: EventsQueries;
  private readonly auditQueries: AuditQueries;
  private readonly audit: AuditRepository;
  private readonly settingsRepo: SettingsRepository;
  private readonly now: () => Date;
  private readonly newKey: () => string;
  private readonly cacheMs: number;
  private settingsCache?: { at: number; value: ReviewSettings };
  private holidays?: { key: string; value: Promise<BankHolidayCalendar> };
  private windowCache?: { at: number; from: number; events: ReviewEvent[] };
  /** Cases as last loaded (ETags for If-Match), by person key. */
  private readonly loaded = new Map<string, StoredCase>();
  /** Restriction item ETags as last read, by item id. */
  private readonly itemTags = new Map<string, string>();
  /** People seen by the last flagged-senders read (names and addresses for new cases). */
  private people = new Map<string, Person>();
  readonly stats: ReviewStats = {
    flaggedRequests: 0,
    windowEvents: 0,
    chronologyRequests: 0,
    chronologyEvents: 0,
  };

  private readonly sharePoint: AppConfig['sharePoint'];
  private readonly calls: GraphCalls;

  constructor(private readonly deps: ReviewServiceDeps) {
    const sp = deps.sharePoint ?? deps.config?.sharePoint;
    if (!sp) throw new Error('The review service needs the SharePoint configuration.');
    this.sharePoint = sp;
    this.calls = deps.client;
    this.cases = new CasesRepository(this.calls, sp);
    this.items = new RestrictionsRepository(this.calls, sp);
    this.events = new EventsQueries(this.calls, sp);
    this.auditQueries = new AuditQueries(this.calls, sp);
    this.audit = new AuditRepository(this.calls, sp);
    this.settingsRepo = new SettingsRepository(this.calls, sp);
    this.now = deps.now ?? (() => new Date());
    this.newKey = deps.newKey ?? (() => globalThis.crypto.randomUUID());
    this.cacheMs = deps.cacheMs ?? 60_000;
  }

  private reviewer(): Reviewer {
    const u = this.deps.user;
    return typeof u === 'function' ? u() : u;
  }

  private today(): LocalDate {
    return todayInLondon(this.now());
  }

  // ---------- settings and dates ----------

  async settings(): Promise<ReviewSettings> {
    const t = this.now().getTime();
    if (this.settingsCache && t - this.settingsCache.at < this.cacheMs)
      return this.settingsCache.value;
    const value = readReviewSettings(await this.settingsRepo.readMap());
    this.settingsCache = { at: t, value };
    return value;
  }

  private async dateRules(settings: ReviewSettings): Promise<DateRules> {
    const key = settings.extraClosures.join(',');
    if (!this.holidays || this.holidays.key !== key) {
      const load =
        this.deps.loadBankHolidays ??
        ((extraClosures: LocalDate[]) => loadBankHolidayCalendar({ extraClosures }));
      this.holidays = { key, value: load(settings.extraClosures) };
    }
    return {
      bankHolidays: await this.holidays.value,
      ...(settings.school ? { school: settings.school } : {}),
      counting: settings.counting,
    };
  }

  // ---------- people ----------

  /** Every Contact Restrictions item (a small list; reviewers read it whole). */
  private async restrictionItems(): Promise<
    { itemId: string; name: string; emails: string[]; status: string; reviewDate?: LocalDate }[]
  > {
    const out: {
      itemId: string;
      name: string;
      emails: string[];
      status: string;
      reviewDate?: LocalDate;
    }[] = [];
    const path = `${listItemsPath(this.sharePoint, this.sharePoint.lists.restrictions)}?$expand=fields($select=Title,Emails,Status,ReviewDate)&$top=999`;
    // At most 100 pages are read (page 101 is never asked for).
    let pages = 0;
    for await (const page of this.calls.pages<unknown>(path, { maxPages: 101 })) {
      this.stats.flaggedRequests += 1;
      for (const item of page.value) {
        if (!isRecord(item) || typeof item.id !== 'string' || !isRecord(item.fields)) continue;
        const f = item.fields;
        const reviewDate = readSharePointDate(f.ReviewDate);
        out.push({
          itemId: item.id,
          name: typeof f.Title === 'string' ? f.Title.trim() : '',
          emails: splitEmails(f.Emails),
          status: typeof f.Status === 'string' ? f.Status : '',
          ...(reviewDate ? { reviewDate } : {}),
        });
      }
      pages += 1;
      if (pages >= 100) break;
    }
    return out;
  }

  private buildPeople(
    stored: readonly StoredCase[],
    restrictions: Awaited<ReturnType<GraphReviewService['restrictionItems']>>,
  ): { people: Map<string, Person>; byEmail: Map<string, string>; byName: Map<string, string> } {
    const people = new Map<string, Person>();
    const byEmail = new Map<string, string>();
    const byName = new Map<string, string>();
    const index = (p: Person) => {
      for (const e of p.emails) if (!byEmail.has(e)) byEmail.set(e, p.key);
      if (p.name && !byName.has(p.name.toLowerCase())) byName.set(p.name.toLowerCase(), p.key);
    };
    const caseItemIds = new Set<string>();
    for (const s of stored) {
      const p: Person = {
        key: s.personKey,
        name: s.case.person.name,
        emails: s.case.person.emails.map((e) => e.toLowerCase()),
        stored: s,
      };
      if (s.case.restrictionItemId) caseItemIds.add(s.case.restrictionItemId);
      people.set(p.key, p);
      index(p);
    }
    for (const r of restrictions) {
      if (caseItemIds.has(r.itemId)) continue;
      const known = r.emails.map((e) => byEmail.get(e)).find((k) => k !== undefined);
      if (known) continue; // the person's case speaks for them
      const key = r.emails[0] ?? nameKey(r.name);
      const p: Person = {
        key,
        name: r.name,
        emails: r.emails,
        restriction: {
          itemId: r.itemId,
          status: r.status,
          ...(r.reviewDate ? { reviewDate: r.reviewDate } : {}),
        },
      };
      people.set(key, p);
      index(p);
    }
    return { people, byEmail, byName };
  }

  private personFor(
    e: Pick<ReviewEvent, 'personEmail' | 'personName'>,
    byEmail: Map<string, string>,
    byName: Map<string, string>,
  ): string | undefined {
    if (e.personEmail && byEmail.has(e.personEmail)) return byEmail.get(e.personEmail);
    const name = e.personName?.trim().toLowerCase();
    if (name && byName.has(name)) return byName.get(name);
    if (e.personEmail) return e.personEmail;
    if (name) return nameKey(name);
    return undefined;
  }

  /** The look-back window's events (reused for `cacheMs`). */
  private async windowEvents(days: number): Promise<ReviewEvent[]> {
    const now = this.now();
    // Whole London days: from midnight UTC of the first day, a day early (summaries count by day).
    const from = Date.parse(`${addDays(this.today(), -days)}T00:00:00Z`);
    const c = this.windowCache;
    if (c && now.getTime() - c.at < this.cacheMs && c.from <= from) return c.events;
    const page = await this.events.since(new Date(from), now);
    this.stats.flaggedRequests += page.requests;
    this.windowCache = { at: now.getTime(), from, events: page.events };
    return page.events;
  }

  private stageOf(p: Person, today: LocalDate): Stage {
    if (p.stored) return effectiveStage(p.stored.case, today);
    return (p.restriction && STATUS_STAGE[p.restriction.status]) || 'none';
  }

  private reviewOverdue(p: Person, today: LocalDate): boolean {
    const stage = this.stageOf(p, today);
    if (!RESTRICTING.has(stage)) return false;
    const review = p.stored?.case.restriction?.reviewDate ?? p.restriction?.reviewDate;
    return review !== undefined && compareLocalDates(review, today) < 0;
  }

  // ---------- ReviewService ----------

  async flaggedSenders(): Promise<FlaggedSender[]> {
    this.stats.flaggedRequests = 0;
    const today = this.today();
    // Settings first only for the window and the rules; the two small lists are read meanwhile.
    const settingsRead = this.settings();
    const [settings, { cases: stored }, restrictions, events, rules] = await Promise.all([
      settingsRead,
      this.cases.all(),
      this.restrictionItems(),
      settingsRead.then((s) => this.windowEvents(Math.max(90, s.thresholds.lookbackDays))),
      settingsRead.then((s) => this.dateRules(s)),
    ]);
    this.stats.flaggedRequests += 2; // the cases and settings reads
    this.stats.windowEvents = events.length;
    for (const s of stored) this.remember(s);
    const { people, byEmail, byName } = this.buildPeople(stored, restrictions);
    const eventsOf = new Map<string, HintEvent[]>();
    for (const e of events) {
      const key = this.personFor(e, byEmail, byName);
      if (!key) continue;
      if (!people.has(key)) {
        const p: Person = {
          key,
          name: e.personName ?? e.personEmail ?? '',
          emails: e.personEmail ? [e.personEmail] : [],
        };
        people.set(key, p);
        if (e.personEmail) byEmail.set(e.personEmail, key);
        if (p.name) byName.set(p.name.toLowerCase(), key);
      } else if (e.personEmail) {
        const p = people.get(key)!;
        if (!p.emails.includes(e.personEmail) && !p.stored) p.emails.push(e.personEmail);
      }
      const list = eventsOf.get(key) ?? [];
      list.push({
        occurredAt: e.occurredAt,
        behaviours: e.behaviours,
        feelings: e.feelings,
        // The answers count wherever they were given: stalking asks them without being a
        // threat of violence (002 §33).
        ...(e.threat || e.headTeacherTold || e.policeInformed
          ? {
              threat: {
                ...(e.headTeacherTold ? { headTeacherTold: e.headTeacherTold } : {}),
                ...(e.policeInformed ? { policeInformed: e.policeInformed } : {}),
              },
            }
          : {}),
        matter: e.summary,
      });
      eventsOf.set(key, list);
    }
    this.people = people;
    const activities: SenderActivity[] = [...people.values()].map((p) => {
      const warnedOn = p.stored?.case.warning?.issuedOn;
      return {
        key: p.key,
        name: p.name,
        stage: this.stageOf(p, today),
        events: eventsOf.get(p.key) ?? [],
        ...(warnedOn ? { warnedOn } : {}),
        reviewOverdue: this.reviewOverdue(p, today),
      };
    });
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
      if (p.stored) {
        const c = p.stored.case;
        const due = dueItems([c], today, rules.bankHolidays, 14, {
          ...(rules.school ? { school: rules.school } : {}),
          counting: rules.counting,
        });
        const next = due.find((d) => d.state === 'due')?.due ?? due[0]?.due;
        sender.caseSummary = {
          caseId: p.stored.itemId,
          stageLabel: STAGE_LABELS[effectiveStage(c, today)],
          ...(next ? { nextDue: next } : {}),
          overdue: due.some((d) => d.state === 'late'),
        };
      }
      return sender;
    });
  }

  private remember(s: StoredCase): void {
    this.loaded.set(s.personKey, s);
  }

  /** The person's stored case, pending steps completed first. */
  private async loadCase(personKey: string): Promise<StoredCase | undefined> {
    let stored = await this.cases.byPersonKey(personKey);
    if (stored?.pending) {
      try {
        stored = await this.complete(stored);
      } catch {
        // Left pending: tried again on the next load. The case itself is still right.
      }
    }
    if (stored) this.remember(stored);
    return stored;
  }

  async caseFor(personKey: string): Promise<RestrictionCase | undefined> {
    const stored = await this.loadCase(personKey);
    const itemId = stored?.case.restrictionItemId;
    if (itemId) {
      const item = await this.items.read(itemId);
      if (item) this.itemTags.set(itemId, item.eTag);
    }
    return stored?.case;
  }

  availableTransitions(c: RestrictionCase | undefined): TransitionKind[] {
    return allowedTransitions(c ?? newCase({ name: '', emails: [] }), this.today());
  }

  /** Who a new case is about: from the last flagged-senders read, else the key itself. */
  private async personForNewCase(personKey: string): Promise<Person> {
    let p = this.people.get(personKey);
    if (!p) {
      const restrictions = await this.restrictionItems();
      const r = restrictions.find(
        (x) => x.emails.includes(personKey) || nameKey(x.name) === personKey,
      );
      p = r
        ? {
            key: personKey,
            name: r.name,
            emails: r.emails,
            restriction: { itemId: r.itemId, status: r.status },
          }
        : {
            key: personKey,
            name: personKey.startsWith('name:') ? personKey.slice(5) : personKey,
            emails: personKey.startsWith('name:') ? [] : [personKey],
          };
    }
    return p;
  }

  async apply(personKey: string, transition: Transition): Promise<TransitionOutcome> {
    try {
      return await this.applyOnce(personKey, transition);
    } catch (e) {
      if (e instanceof ChangedByOtherError) return conflictOutcome(e);
      const error = toGraphAccessError(e);
      return { ok: false, kind: 'failed', message: error.message };
    }
  }

  private async applyOnce(personKey: string, transition: Transition): Promise<TransitionOutcome> {
    const settings = await this.settings();
    const rules = await this.dateRules(settings);
    // The case as the reviewer saw it (its ETag guards the save); loaded now if never seen.
    let stored = this.loaded.get(personKey);
    if (!stored) stored = await this.loadCase(personKey);
    else if (stored.pending) stored = await this.complete(stored);
    let current: RestrictionCase;
    if (stored) current = stored.case;
    else {
      const p = await this.personForNewCase(personKey);
      current = newCase({ name: p.name, emails: p.emails });
      if (p.restriction) current.restrictionItemId = p.restriction.itemId;
    }
    const now = this.now();
    const user = this.reviewer();
    const result = applyTransition(current, transition, {
      today: todayInLondon(now),
      now,
      recordedBy: { name: user.displayName, email: user.emailAddress },
      dates: rules,
      settings: settings.lifecycle,
      operationKey: this.newKey(),
    });
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
      const item = await this.items.read(itemId);
      const seen = this.itemTags.get(itemId);
      if (item && seen && item.eTag !== seen) throw await this.items.changedBy(itemId);
      if (item) this.itemTags.set(itemId, item.eTag);
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
    this.remember(saved);
    // 2-4.
    try {
      const done = await this.complete(saved);
      return { ok: true, case: done.case };
    } catch (e) {
      if (e instanceof ChangedByOtherError) throw e;
      return {
        ok: false,
        kind: 'failed',
        message:
          'The decision is recorded, but the staff list could not be updated yet. It is finished automatically the next time this person is opened.',
      };
    }
  }

  /** Steps 2-4 of the write order for a case with a pending note. */
  private async complete(stored: StoredCase): Promise<StoredCase> {
    const pending = stored.pending;
    if (!pending) return stored;
    let c = stored.case;
    let current = stored;
    const change = pending.listChange;
    if (change && !pending.listDone) {
      let itemId = c.restrictionItemId;
      if (itemId) {
        const tag = this.itemTags.get(itemId) ?? (await this.items.read(itemId))?.eTag ?? '*';
        await this.items.update(itemId, tag, change.fields);
        this.itemTags.delete(itemId);
      } else {
        itemId =
          (await this.items.findCreated(change.fields, personKeyOf(c.person))) ??
          (await this.items.create(change.fields));
        c = { ...c, restrictionItemId: itemId };
      }
      current = await this.cases.update(current, c, {
        pending: { ...pending, listDone: true },
        ...(current.letters ? { letters: current.letters } : {}),
      });
      this.remember(current);
    }
    await this.audit.append({ ...pending.audit, target: pending.audit.target ?? stored.itemId });
    current = await this.cases.update(current, c, {
      ...(current.letters ? { letters: current.letters } : {}),
    });
    this.remember(current);
    return current;
  }

  async dueAndOverdue(): Promise<DueItem[]> {
    const settings = await this.settings();
    const [{ cases: stored }, rules, events, listItems] = await Promise.all([
      this.cases.all(),
      this.dateRules(settings),
      this.windowEvents(Math.max(90, settings.thresholds.lookbackDays)),
      this.restrictionRecords(),
    ]);
    for (const s of stored) this.remember(s);
    const today = this.today();
    const cases = stored.map((s) => s.case);
    // What the records make due (issue 14, items 6 and 7), each citing its paragraph.
    const records = [
      ...policeReportsDue(events, today),
      ...chairNotificationsDue(cases, today, settings.recordsDue),
      ...localAreaGroupNotificationsDue(cases, today, settings.recordsDue),
      ...escalationsDue(cases, events, today, settings.recordsDue),
      ...listItemsDue(listItems, today, settings.recordsDue),
    ];
    return dueItems(cases, today, rules.bankHolidays, 14, {
      ...(rules.school ? { school: rules.school } : {}),
      counting: rules.counting,
      records,
    });
  }

  /**
   * The Contact Restrictions items as the sender check reads them (the verdict's columns, parsed
   * the same way), for the flags on hand-edited items. Unreadable items are the sender check's
   * notice; here only readable ones are judged.
   */
  private async restrictionRecords(): Promise<Restriction[]> {
    const path = `${listItemsPath(this.sharePoint, this.sharePoint.lists.restrictions)}?$expand=fields($select=${VERDICT_COLUMNS.join(',')})&$top=999`;
    const items: { id: string; fields: Record<string, unknown> }[] = [];
    for await (const page of this.calls.pages<unknown>(path, { maxPages: 100 })) {
      for (const item of page.value) {
        if (isRecord(item) && typeof item.id === 'string' && isRecord(item.fields))
          items.push({ id: item.id, fields: item.fields });
      }
    }
    return parseRestrictionItems(items).restrictions;
  }

  async chronology(personKey: string): Promise<Chronology> {
    this.stats.chronologyRequests = 0;
    // The settings (usually cached) and the case are independent: one round trip, not two.
    const [settings, stored] = await Promise.all([
      this.settings(),
      this.cases.byPersonKey(personKey),
    ]);
    this.stats.chronologyRequests += 1;
    if (stored) this.remember(stored);
    const known = this.people.get(personKey);
    const name = stored?.case.person.name ?? known?.name ?? '';
    const emails = [
      ...new Set([
        ...(stored?.case.person.emails ?? []).map((e) => e.toLowerCase()),
        ...(known?.emails ?? []),
        ...(!personKey.startsWith('name:') ? [personKey] : []),
      ]),
    ];
    const byAddress = await this.events.forEmails(emails);
    this.stats.chronologyRequests += byAddress.requests;
    // Events recorded without an address (phone, in person) are matched by name in the window.
    const before = this.stats.flaggedRequests;
    const window = name
      ? (await this.windowEvents(Math.max(90, settings.thresholds.lookbackDays))).filter(
          (e) => !e.personEmail && e.personName?.toLowerCase() === name.toLowerCase(),
        )
      : [];
    this.stats.chronologyRequests += this.stats.flaggedRequests - before;
    const seen = new Set<string>();
    const events = [...byAddress.events, ...window].filter((e) =>
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
      personName: name,
      personEmails: emails,
      otherStaffNames: spoc ? [spoc] : [],
      entries,
      perWeek: weeklyCounts(entries, this.now()),
    };
  }

  /** SharePoint's record of who wrote each decision's audit entry (this case's only). */
  private async decisionAuthorship(
    stored: StoredCase | undefined,
  ): Promise<{ at: string; authorship: ItemAuthorship }[]> {
    const history = stored?.case.history ?? [];
    const first = history.map((h) => h.recordedAt).sort()[0];
    if (!stored || !first || Number.isNaN(Date.parse(first))) return [];
    const entries = await this.auditQueries.decisionsSince(new Date(Date.parse(first) - 1000));
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
      : new Date(this.now().getTime() - 365 * 86_400_000);
    const entries = await this.auditQueries.mailActionsSince(from);
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

  async recordNotice(
    caseId: string,
    notice: NonNullable<DueItem['notice']>,
  ): Promise<TransitionOutcome> {
    try {
      const { cases: stored } = await this.cases.all();
      const current = stored.find((s) => s.itemId === caseId);
      if (!current) return { ok: false, kind: 'refused', message: 'That case is no longer there.' };
      const today = this.today();
      const result = withNotice(
        current.case,
        { ...notice, toldOn: today, recordedBy: this.reviewer().displayName },
        today,
      );
      if (!result.ok) return { ok: false, kind: 'refused', message: result.problem };
      const saved = await this.cases.update(current, result.case, {
        ...(current.pending ? { pending: current.pending } : {}),
        ...(current.letters ? { letters: current.letters } : {}),
      });
      this.remember(saved);
      return { ok: true, case: saved.case };
    } catch (e) {
      if (e instanceof ChangedByOtherError) return conflictOutcome(e);
      return { ok: false, kind: 'failed', message: toGraphAccessError(e).message };
    }
  }

  async caseDetails(personKey: string): Promise<CaseDetailsView> {
    const stored = await this.loadCase(personKey);
    return stored?.details ?? { fairness: {}, letterFacts: {} };
  }

  async saveCaseDetails(personKey: string, details: CaseDetailsView): Promise<TransitionOutcome> {
    try {
      let stored = this.loaded.get(personKey) ?? (await this.loadCase(personKey));
      if (!stored) {
        // Fairness comes before any decision: a case at stage "none" holds it until then.
        const p = await this.personForNewCase(personKey);
        const fresh = newCase({ name: p.name, emails: p.emails });
        if (p.restriction) fresh.restrictionItemId = p.restriction.itemId;
        stored = await this.cases.create(personKey, fresh, {});
      }
      const saved = await this.cases.saveDetails(stored, details);
      this.remember(saved);
      return { ok: true, case: saved.case };
    } catch (e) {
      if (e instanceof ChangedByOtherError) return conflictOutcome(e);
      return { ok: false, kind: 'failed', message: toGraphAccessError(e).message };
    }
  }

  private async letter(personKey: string, kind: LetterKind, letterDate?: LocalDate) {
    const settings = await this.settings();
    const stored = await this.loadCase(personKey);
    if (!stored) throw new Error('There is no case for this person yet: record a decision first.');
    const date = letterDate ?? this.today();
    if (!isLocalDate(date)) throw new Error('The letter’s date is not a date.');
    // A letter dated far ahead would hold the case's windows open for nothing if it is never sent.
    if (compareLocalDates(date, addDays(this.today(), MAX_LETTER_DAYS_AHEAD)) > 0)
      throw new Error(
        `The letter’s date is more than ${MAX_LETTER_DAYS_AHEAD} days ahead: date it the day it is sent.`,
      );
    const rules = await this.dateRules(settings);
    const windows = letterWindows(rules, settings.lifecycle);
    const template = settings.templates[kind] ?? DEFAULT_TEMPLATES[kind];
    const result = letterFor(kind, stored.case, {
      letterDate: date,
      school: settings.letterSchool,
      windows,
      policy: settings.letterPolicy,
      ...(stored.details
        ? { facts: stored.details.letterFacts, fairness: stored.details.fairness }
        : {}),
      template,
    });
    if (!result.ok)
      throw new Error(`This letter cannot be written yet: ${result.problems.join(' ')}`);
    // The case waits for the dates this letter gives the parent (counted from its own date).
    const deadlinesAfter = (c: RestrictionCase) =>
      caseDeadlinesAfterLetter(c, template, date, windows);
    return { stored, letter: result.letter, deadlinesAfter };
  }

  async letterPreview(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ subject: string; bodyHtml: string }> {
    const { letter } = await this.letter(personKey, kind, letterDate);
    return { subject: letter.subject, bodyHtml: letter.bodyHtml };
  }

  async draftLetter(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<LetterDraftResult> {
    const { stored, letter, deadlinesAfter } = await this.letter(personKey, kind, letterDate);
    const person = stored.case.person;
    const address = person.emails[0];
    if (!address) throw new Error('The person has no email address to address the letter to.');
    const representative = stored.details?.fairness.representative;
    const repAddress = representative ? representativeAddress(representative) : undefined;
    const draft = await createLetterDraft(this.calls, {
      to: [{ name: person.name, address }],
      ...(repAddress ? { cc: [{ name: repAddress, address: repAddress }] } : {}),
      subject: letter.subject,
      bodyHtml: letter.bodyHtml,
    });
    const recorded = await this.recordLetter(personKey, stored, kind, letter.subject, {
      deadlinesAfter,
      printed: false,
    });
    return {
      draftId: draft.id,
      ...(draft.webLink ? { webLink: draft.webLink } : {}),
      subject: letter.subject,
      recorded,
    };
  }

  async recordLetterPrinted(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ recorded: boolean }> {
    const { stored, letter, deadlinesAfter } = await this.letter(personKey, kind, letterDate);
    const recorded = await this.recordLetter(personKey, stored, kind, letter.subject, {
      deadlinesAfter,
      printed: true,
    });
    return { recorded };
  }

  /**
   * Records a letter in the case (for the chronology) and moves the windows it states to its date;
   * a clash with another save is read again once. False when it could not be saved.
   */
  private async recordLetter(
    personKey: string,
    stored: StoredCase,
    kind: LetterKind,
    subject: string,
    how: { deadlinesAfter: (c: RestrictionCase) => CaseDeadline[]; printed: boolean },
  ): Promise<boolean> {
    const record = {
      kind,
      subject,
      draftedAt: this.now().toISOString(),
      draftedBy: this.reviewer().displayName,
      ...(how.printed ? { printed: true } : {}),
    };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const latest = attempt === 0 ? stored : await this.cases.byPersonKey(personKey);
      if (!latest) return false;
      try {
        const saved = await this.cases.update(
          latest,
          { ...latest.case, deadlines: how.deadlinesAfter(latest.case) },
          {
            ...(latest.pending ? { pending: latest.pending } : {}),
            letters: [...(latest.letters ?? []), record],
          },
        );
        this.remember(saved);
        return true;
      } catch (e) {
        if (!(e instanceof ChangedByOtherError)) return false;
      }
    }
    return false;
  }

  async exportCsv(personKey: string, options: { redact: boolean }): Promise<string> {
    const c = await this.chronology(personKey);
    return chronologyCsv(c.entries, { redact: options.redact, ...chronologyRedaction(c) });
  }
}

export function createReviewService(deps: ReviewServiceDeps): GraphReviewService {
  return new GraphReviewService(deps);
}
