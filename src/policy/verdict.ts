// The verdict shown beside an open email (DOMAIN.md, "Matching a sender"). Pure: the restrictions,
// the unreadable records and the school's date all come in as arguments.
//
// Order of the rules, strongest first:
//   1. no From and no Sender                          -> unavailable (noSender)
//   2. From, then a differing Sender, then each Reply-To address is in an in-force restriction
//                                                     -> restricted (first match wins)
//   3. one of those addresses is in an unreadable record that might restrict, or is the same text
//      (compared as addresses are) as an `Emails` entry that is not an address, in a record that
//      might restrict or a restriction in force       -> unavailable (malformedMatch): never clear,
//      because the record for this very sender cannot be read (issue 14, item 7)
//   4. a display name names a restricted person       -> caution (never a match: names are not unique)
//   5. otherwise                                      -> clear, with a note for each written
//      warning on file and each restriction not yet started that lists one of those addresses
//      (issue 13, item 3): they restrict nothing today, but staff need their guidance
//
// Product decision on unreadable records that do NOT name this sender: the verdict is still
// `clear`. A caution on every email while one record elsewhere is broken would teach staff to
// ignore cautions; instead the pane shows a separate notice, "N restriction records could not be
// read" (see countUnreadable), and admins are told which items to correct.
import { isInForce, isReviewOverdue, restrictionState } from './activeness';
import { normalizeAddress, normalizeDisplayName } from './addresses';
import { compareLocalDates, isLocalDate } from './londonDate';
import { RESTRICTING_STATUSES } from './restrictionItem';
import type {
  CautionReason,
  ClearNote,
  EmailAddress,
  LocalDate,
  MalformedRestriction,
  MatchedOn,
  MessageParticipants,
  Restriction,
  Verdict,
} from './types';

/**
 * Lookup tables built once per load of the list and reused for every email shown. Everything is
 * indexed whatever its dates: whether a restriction is in force depends on the day, which is
 * checked at decision time on the few candidates a lookup returns.
 */
export interface RestrictionIndex {
  /** Normalised address -> restrictions that list it. */
  readonly byAddress: ReadonlyMap<string, readonly Restriction[]>;
  /** normalizeDisplayName(personName) -> restrictions for that person (comparable names only). */
  readonly byName: ReadonlyMap<string, readonly Restriction[]>;
  /**
   * Normalised address -> unreadable records that list it, as an address or as an entry that is
   * not one (entryKey), and might restrict.
   */
  readonly malformedByAddress: ReadonlyMap<string, readonly MalformedRestriction[]>;
  /** entryKey of an `Emails` entry that is not an address -> readable restrictions that hold it. */
  readonly unreadableEntryOf: ReadonlyMap<string, readonly Restriction[]>;
  /** normalizeDisplayName(personName) -> unreadable records for that person that might restrict. */
  readonly malformedByName: ReadonlyMap<string, readonly MalformedRestriction[]>;
  /** Every unreadable record, for the pane's "N records could not be read" notice. */
  readonly unreadableCount: number;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  if (key === '') return;
  const existing = map.get(key);
  if (existing === undefined) map.set(key, [value]);
  else if (!existing.includes(value)) existing.push(value);
}

function listOf<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value : [];
}

// An unreadable record whose status was read as Warning, Overturned or Ended restricts nothing
// whatever else is wrong with it; letting it make a verdict unavailable would be unfair to the
// parent and a false alarm to staff. An unreadable status might be any status, so it counts.
function mightRestrict(record: MalformedRestriction): boolean {
  return record.status === undefined || RESTRICTING_STATUSES.has(record.status);
}

/** Builds the lookup tables; O(total addresses). Call again when the list changes. */
export function buildRestrictionIndex(
  restrictions: readonly Restriction[],
  malformed: readonly MalformedRestriction[],
): RestrictionIndex {
  const byAddress = new Map<string, Restriction[]>();
  const byName = new Map<string, Restriction[]>();
  const malformedByAddress = new Map<string, MalformedRestriction[]>();
  const malformedByName = new Map<string, MalformedRestriction[]>();
  const unreadableEntryOf = new Map<string, Restriction[]>();

  for (const restriction of listOf(restrictions)) {
    if (typeof restriction !== 'object' || restriction === null) continue;
    for (const email of listOf(restriction.emails))
      addTo(byAddress, normalizeAddress(email), restriction);
    for (const entry of listOf(restriction.unreadableEntries))
      addTo(unreadableEntryOf, normalizeAddress(entry), restriction);
    addTo(byName, normalizeDisplayName(restriction.personName), restriction);
  }
  const unreadable = listOf(malformed).filter(
    (record): record is MalformedRestriction => typeof record === 'object' && record !== null,
  );
  for (const record of unreadable) {
    if (!mightRestrict(record)) continue;
    for (const email of [...listOf(record.emails), ...listOf(record.unreadableEntries)])
      addTo(malformedByAddress, normalizeAddress(email), record);
    if (record.personName !== undefined) {
      addTo(malformedByName, normalizeDisplayName(record.personName), record);
    }
  }
  return {
    byAddress,
    byName,
    malformedByAddress,
    malformedByName,
    unreadableEntryOf,
    unreadableCount: unreadable.length,
  };
}

/** How many restriction records could not be read (for the pane's separate notice). */
export function countUnreadable(malformed: readonly MalformedRestriction[]): number {
  return listOf(malformed).length;
}

interface Candidate {
  address: string;
  matchedOn: MatchedOn;
}

function addressOf(participant: EmailAddress | undefined | null): string {
  if (typeof participant !== 'object' || participant === null) return '';
  return normalizeAddress(participant.address);
}

function replyToOf(message: MessageParticipants): EmailAddress[] {
  return listOf(message.replyTo).filter(
    (entry): entry is EmailAddress => typeof entry === 'object' && entry !== null,
  );
}

/** The addresses to check, in the order that decides which match is reported. */
function candidateAddresses(message: MessageParticipants): Candidate[] {
  const from = addressOf(message.from);
  const sender = addressOf(message.sender);
  const candidates: Candidate[] = [];
  if (from !== '') candidates.push({ address: from, matchedOn: 'from' });
  if (sender !== '' && sender !== from) candidates.push({ address: sender, matchedOn: 'sender' });
  for (const replyTo of replyToOf(message)) {
    const address = addressOf(replyTo);
    if (address !== '') candidates.push({ address, matchedOn: 'replyTo' });
  }
  return candidates;
}

// Two in-force records for one address is a data mistake, but the verdict must not depend on list
// order: the most recently started decision wins, then the later end, then the lower id. Item ids
// are numbers written as text: compared as numbers, so that item 9 is lower than item 10.
const byItemId = new Intl.Collator('en', { numeric: true });
function mostRecent(a: Restriction, b: Restriction): number {
  return (
    compareLocalDates(b.startDate, a.startDate) ||
    compareLocalDates(b.endDate, a.endDate) ||
    byItemId.compare(a.id, b.id)
  );
}

function inForceFor(
  key: string,
  map: ReadonlyMap<string, readonly Restriction[]>,
  today: LocalDate,
): Restriction[] {
  return listOf(map.get(key)).filter((restriction) => isInForce(restriction, today));
}

/**
 * The restrictions in force on `today` that list this address, most recently started first (the
 * order decideVerdictIndexed reports). The one address lookup shared by the pane's verdict and the
 * send-time decision (src/policy/sendTime), so that both match the same way.
 */
export function restrictionsInForceFor(
  index: RestrictionIndex,
  address: string,
  today: LocalDate,
): Restriction[] {
  return inForceFor(normalizeAddress(address), index.byAddress, today).sort(mostRecent);
}

/**
 * True when this address is in an unreadable record that might restrict, or is the same text
 * (entryKey) as an `Emails` entry that is not an address in a restriction in force: the record for
 * this very address cannot be read, so it must never be called clear (rule 3 above).
 */
export function isUnreadableMatch(
  index: RestrictionIndex,
  address: string,
  today: LocalDate,
): boolean {
  const key = normalizeAddress(address);
  return (
    key !== '' &&
    (index.malformedByAddress.has(key) ||
      inForceFor(key, index.unreadableEntryOf, today).length > 0)
  );
}

function displayNameCautions(
  message: MessageParticipants,
  index: RestrictionIndex,
  today: LocalDate,
): CautionReason[] {
  const participants = [message.from, message.sender, ...replyToOf(message)];
  const reasons: CautionReason[] = [];
  const seen = new Set<string>();
  const add = (recordId: string, restrictedPersonName: string, displayName: string): void => {
    if (seen.has(recordId)) return;
    seen.add(recordId);
    reasons.push({ kind: 'displayNameMatch', restrictedPersonName, displayName });
  };
  for (const participant of participants) {
    if (typeof participant !== 'object' || participant === null) continue;
    const displayName = participant.displayName;
    if (typeof displayName !== 'string') continue;
    const key = normalizeDisplayName(displayName);
    if (key === '') continue;
    for (const restriction of inForceFor(key, index.byName, today)) {
      add(`r:${restriction.id}`, restriction.personName, displayName);
    }
    for (const record of listOf(index.malformedByName.get(key))) {
      add(`m:${record.id}`, record.personName ?? '', displayName);
    }
  }
  return reasons;
}

/** The verdict for one message against a prepared index, on the school's date `today`. */
export function decideVerdictIndexed(
  message: MessageParticipants,
  index: RestrictionIndex,
  today: LocalDate,
): Verdict {
  // Without a trustworthy date no restriction can be said to be in force or not: never guess clear.
  if (!isLocalDate(today)) return { kind: 'unavailable', reason: 'serviceError' };
  if (typeof message !== 'object' || message === null) {
    return { kind: 'unavailable', reason: 'noSender' };
  }
  if (addressOf(message.from) === '' && addressOf(message.sender) === '') {
    return { kind: 'unavailable', reason: 'noSender' };
  }

  const candidates = candidateAddresses(message);
  for (const { address, matchedOn } of candidates) {
    const [restriction] = restrictionsInForceFor(index, address, today);
    if (restriction !== undefined) {
      return {
        kind: 'restricted',
        restriction,
        matchedAddress: address,
        matchedOn,
        reviewOverdue: isReviewOverdue(restriction, today),
      };
    }
  }

  if (candidates.some(({ address }) => isUnreadableMatch(index, address, today))) {
    return { kind: 'unavailable', reason: 'malformedMatch' };
  }

  const reasons = displayNameCautions(message, index, today);
  if (reasons.length > 0) return { kind: 'caution', reasons };

  const notes = clearNotes(candidates, index, today);
  return notes.length > 0 ? { kind: 'clear', notes } : { kind: 'clear' };
}

/**
 * What is on file for these addresses that restricts nothing today: a written warning not past
 * its EndDate (002 §48: the parent has been told restrictions follow if the behaviour continues)
 * and a restriction whose StartDate is still to come. One note per record, in the order the
 * addresses are checked; nothing else (expired, overturned, ended records) is shown.
 */
function clearNotes(
  candidates: readonly Candidate[],
  index: RestrictionIndex,
  today: LocalDate,
): ClearNote[] {
  const notes: ClearNote[] = [];
  const seen = new Set<Restriction>();
  for (const { address } of candidates) {
    for (const r of listOf(index.byAddress.get(address))) {
      if (seen.has(r)) continue;
      seen.add(r);
      const note = clearNoteOf(r, today);
      if (note) notes.push(note);
    }
  }
  return notes;
}

function clearNoteOf(r: Restriction, today: LocalDate): ClearNote | null {
  const guidance = typeof r.staffGuidance === 'string' ? r.staffGuidance : '';
  const state = restrictionState(r, today);
  if (state === 'warningOnly') {
    const lapsed = isLocalDate(r.endDate) && compareLocalDates(today, r.endDate) > 0;
    if (lapsed || !isLocalDate(r.startDate)) return null;
    return { kind: 'warning', personName: r.personName, date: r.startDate, guidance };
  }
  if (state === 'notStarted' && isLocalDate(r.startDate)) {
    return { kind: 'startsLater', personName: r.personName, date: r.startDate, guidance };
  }
  return null;
}

/** One-off form of decideVerdictIndexed; builds the index each call (fine for a single message). */
export function decideVerdict(input: {
  message: MessageParticipants;
  restrictions: readonly Restriction[];
  malformed: readonly MalformedRestriction[];
  today: LocalDate;
}): Verdict {
  const { message, restrictions, malformed, today } = input ?? {};
  return decideVerdictIndexed(message, buildRestrictionIndex(restrictions, malformed), today);
}
