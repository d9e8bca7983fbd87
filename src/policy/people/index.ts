// Who a person in the review is (issue #11): one key per person, whichever list names them — a
// case (Restriction Cases), a staff-list item (Contact Restrictions) or contact events — and what
// each person's activity is for the ranking (src/policy/hints). Pure: the review's read queries
// (src/app/review/reviewQueries.ts) give it what the lists hold.
//
// A person's key is their first address (lower case), or `name:<name>` for someone known only by
// name (a phone call, a visit). Addresses come from the Emails column through the policy core's own parser
// (splitAddressList in ../restrictionItem), never a second one.
import { normalizeAddress } from '../addresses';
import type { InformedAnswer } from '../events';
import type { HintEvent, SenderActivity } from '../hints';
import { effectiveStage } from '../lifecycle/machine';
import type { RestrictionCase, Stage } from '../lifecycle/types';
import { compareLocalDates } from '../londonDate';
import type { LocalDate, RestrictionStatus } from '../types';

const NAME_KEY_PREFIX = 'name:';

/** The key of someone known only by name: `name:` and the name, trimmed and lower-cased. */
export function nameKey(name: string): string {
  return `${NAME_KEY_PREFIX}${name.trim().toLowerCase()}`;
}

/** True for a key made from a name (no address is known). */
export function isNameKey(key: string): boolean {
  return key.startsWith(NAME_KEY_PREFIX);
}

/**
 * A person's key: their first address, trimmed and lower-cased, else their name's key. Stored as
 * the Restriction Cases list's PersonKey (docs/review.md), so it is computed exactly as it always
 * was: addresses reach a case already normalised (the pane and the staff list's parser), and a
 * different form would no longer find a case saved under the old one.
 */
export function personKeyOf(person: { name: string; emails: readonly string[] }): string {
  const email = person.emails.map((e) => e.trim().toLowerCase()).find((e) => e !== '');
  return email ?? nameKey(person.name);
}

/**
 * Who a key stands for when nothing else is known of them: the address itself, or the name a
 * name key was made from.
 */
export function personFromKey(key: string): { name: string; emails: string[] } {
  return isNameKey(key)
    ? { name: key.slice(NAME_KEY_PREFIX.length), emails: [] }
    : { name: key, emails: [key] };
}

/** A Contact Restrictions item as the review sees it (read by the policy core's parser). */
export interface StaffListEntry {
  itemId: string;
  name: string;
  emails: readonly string[];
  /** The Status column as written ('' when unreadable). */
  status: RestrictionStatus | '';
  reviewDate?: LocalDate;
}

/** One person in the review. */
export interface ReviewPerson {
  key: string;
  name: string;
  emails: string[];
  /** The person's case, when they have one. */
  case?: RestrictionCase;
  /** The staff-list item for this person, when there is one and no case names it. */
  restriction?: { itemId: string; status: RestrictionStatus | ''; reviewDate?: LocalDate };
}

/** The parts of a contact event that say whom it was about and what it was. */
export interface PersonEvent {
  occurredAt: string;
  summary: string;
  personName?: string;
  /** Lower case. */
  personEmail?: string;
  behaviours: HintEvent['behaviours'];
  feelings: NonNullable<HintEvent['feelings']>;
  threat: boolean;
  headTeacherTold?: InformedAnswer;
  policeInformed?: InformedAnswer;
}

/**
 * Everyone the review knows of, by key, with the look-ups that decide whom an event is about.
 * Cases speak first (a case names the person and their addresses); then staff-list items that no
 * case names; then people known only from their contact events.
 */
export class PeopleIndex {
  private readonly people = new Map<string, ReviewPerson>();
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string>();

  constructor(
    cases: readonly { key: string; case: RestrictionCase }[],
    staffList: readonly StaffListEntry[],
  ) {
    const caseItemIds = new Set<string>();
    for (const s of cases) {
      this.add({
        key: s.key,
        name: s.case.person.name,
        emails: s.case.person.emails.map((e) => normalizeAddress(e)),
        case: s.case,
      });
      if (s.case.restrictionItemId) caseItemIds.add(s.case.restrictionItemId);
    }
    for (const r of staffList) {
      if (caseItemIds.has(r.itemId)) continue;
      // The person's case speaks for them.
      if (r.emails.some((e) => this.byEmail.has(e))) continue;
      this.add({
        key: r.emails[0] ?? nameKey(r.name),
        name: r.name,
        emails: [...r.emails],
        restriction: {
          itemId: r.itemId,
          status: r.status,
          ...(r.reviewDate ? { reviewDate: r.reviewDate } : {}),
        },
      });
    }
  }

  private add(p: ReviewPerson): void {
    this.people.set(p.key, p);
    for (const e of p.emails) if (!this.byEmail.has(e)) this.byEmail.set(e, p.key);
    const name = p.name.toLowerCase();
    if (name && !this.byName.has(name)) this.byName.set(name, p.key);
  }

  get(key: string): ReviewPerson | undefined {
    return this.people.get(key);
  }

  all(): ReviewPerson[] {
    return [...this.people.values()];
  }

  /**
   * Whom an event is about: the person with its address, else the person with its name, else a
   * new key from the address or the name (undefined when it has neither).
   */
  keyFor(e: Pick<PersonEvent, 'personEmail' | 'personName'>): string | undefined {
    const byEmail = e.personEmail ? this.byEmail.get(e.personEmail) : undefined;
    if (byEmail) return byEmail;
    const name = e.personName?.trim().toLowerCase();
    const byName = name ? this.byName.get(name) : undefined;
    if (byName) return byName;
    if (e.personEmail) return e.personEmail;
    if (name) return nameKey(name);
    return undefined;
  }

  /**
   * Files each event under its person (someone new is added from the event) and returns the
   * events per key as the hints read them. An address seen on an event joins a person without a
   * case (a case's addresses are the reviewer's to change).
   */
  fileEvents(events: readonly PersonEvent[]): Map<string, HintEvent[]> {
    const eventsOf = new Map<string, HintEvent[]>();
    for (const e of events) {
      const key = this.keyFor(e);
      if (!key) continue;
      const known = this.people.get(key);
      if (!known) {
        this.add({
          key,
          name: e.personName ?? e.personEmail ?? '',
          emails: e.personEmail ? [e.personEmail] : [],
        });
      } else if (e.personEmail && !known.case && !known.emails.includes(e.personEmail)) {
        known.emails.push(e.personEmail);
        // Later events from that address (with or without a name) are the same person's.
        if (!this.byEmail.has(e.personEmail)) this.byEmail.set(e.personEmail, key);
      }
      const list = eventsOf.get(key) ?? [];
      list.push(hintEventOf(e));
      eventsOf.set(key, list);
    }
    return eventsOf;
  }
}

/** A contact event as the hints read it. */
export function hintEventOf(e: PersonEvent): HintEvent {
  return {
    occurredAt: e.occurredAt,
    behaviours: e.behaviours,
    feelings: e.feelings,
    // The answers count wherever they were given: stalking asks them without being a threat of
    // violence (002 §33).
    ...(e.threat || e.headTeacherTold || e.policeInformed
      ? {
          threat: {
            ...(e.headTeacherTold ? { headTeacherTold: e.headTeacherTold } : {}),
            ...(e.policeInformed ? { policeInformed: e.policeInformed } : {}),
          },
        }
      : {}),
    matter: e.summary,
  };
}

const STATUS_STAGE: Record<RestrictionStatus, Stage> = {
  Warning: 'warning',
  Provisional: 'provisional',
  Active: 'active',
  Extended: 'extended',
  Overturned: 'overturned',
  Ended: 'ended',
};
const RESTRICTING: ReadonlySet<Stage> = new Set(['provisional', 'active', 'extended']);

/** The person's stage today: their case's, else what the staff list says, else none. */
export function stageOf(p: ReviewPerson, today: LocalDate): Stage {
  if (p.case) return effectiveStage(p.case, today);
  return (p.restriction?.status && STATUS_STAGE[p.restriction.status]) || 'none';
}

/**
 * A restriction in force whose review date has passed: flagged to reviewers, never silently kept
 * (DOMAIN "fair to the parent"; 003 Appendix 5 Level 3; docs/policies.md DOM-overdue).
 */
export function reviewOverdue(p: ReviewPerson, today: LocalDate): boolean {
  if (!RESTRICTING.has(stageOf(p, today))) return false;
  const review = p.case?.restriction?.reviewDate ?? p.restriction?.reviewDate;
  return review !== undefined && compareLocalDates(review, today) < 0;
}

/** Everyone's activity for the ranking (rankSenders in ../hints). */
export function senderActivities(
  people: PeopleIndex,
  eventsOf: ReadonlyMap<string, readonly HintEvent[]>,
  today: LocalDate,
): SenderActivity[] {
  return people.all().map((p) => {
    const warnedOn = p.case?.warning?.issuedOn;
    return {
      key: p.key,
      name: p.name,
      stage: stageOf(p, today),
      events: eventsOf.get(p.key) ?? [],
      ...(warnedOn ? { warnedOn } : {}),
      reviewOverdue: reviewOverdue(p, today),
    };
  });
}
