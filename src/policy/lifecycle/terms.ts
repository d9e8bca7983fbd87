// The terms a restriction may set (the "forms a PCCR may take", policy 002 §55 and §57; policy 001
// "Imposing Restrictions" a-h; policy 000 §6.1; policy 003 Level 3 and Model Letters 2 and 4;
// policy 004's actions), and how they become the staff-facing columns of Contact Restrictions:
// the instruction, never the reasons. Pure.
import { normalizeAddress } from '../addresses';
import { readAddressEntry } from '../addressEntry';
import type { Handling } from '../types';

export const TERM_KINDS = [
  'singlePointOfContact',
  'emailOnly',
  'letterOnly',
  'phoneAtSetTimes',
  'byAppointment',
  'witnessPresent',
  'premisesConditions',
  'premisesBan',
  'readAndFiledWithoutAcknowledgement',
  'autoForwarding',
  'other',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];

/** What the reviewer sees when choosing, with the policy that offers it. */
export const TERM_LABELS: Record<TermKind, string> = {
  singlePointOfContact:
    'A single point of contact: one named member of staff or shared mailbox (002 §55, 001 e)',
  emailOnly: 'Contact by email only (000 §6.1)',
  letterOnly: 'Contact by letter only (001 b, 004, 002 §57)',
  phoneAtSetTimes: 'Phone calls only on set days and at set times (002 §57, 001 f, 000 §6.1)',
  byAppointment: 'In person by appointment only (002 §57, 001 d)',
  witnessPresent: 'A second member of staff present at any meeting (001 g, 003 Level 3, 004)',
  premisesConditions: 'Conditions on coming onto the school premises (002 §55, 003 Level 3)',
  premisesBan: 'Not permitted on the school premises (002 §55, 001 c, 003 Model Letter 4)',
  readAndFiledWithoutAcknowledgement:
    'Correspondence read to check for new issues, then filed without acknowledgement (000 §6.1, 001 h, 002 §57)',
  autoForwarding:
    "All their email forwarded automatically to one place by the school's mail system (002 §55)",
  other: 'Other (write it out)',
};

/** Terms whose detail must be written (the days and times, the conditions, the other term). */
const DETAIL_REQUIRED: ReadonlySet<TermKind> = new Set([
  'phoneAtSetTimes',
  'premisesConditions',
  'other',
]);
export const TERM_DETAIL_MAX = 500;

export interface Term {
  kind: TermKind;
  /** Free text: the days and times, the conditions, or the other term. */
  detail?: string;
}

export interface Spoc {
  name: string;
  /** A person's or a shared mailbox's address. */
  email: string;
}

export interface RestrictionTerms {
  terms: Term[];
  /** Who reads the person's correspondence (001 h: "a designated member of staff ... will read"). */
  spoc: Spoc;
  /** Extra words for staff, added after the ones the terms give. */
  staffGuidance?: string;
  /** How the person can still make urgent or statutory contact; a default is used when empty. */
  emergencyNote?: string;
}

/** Policy 002 §61-62: urgent and statutory contact is never blocked (DOMAIN.md). */
export const DEFAULT_EMERGENCY_NOTE =
  'In an emergency, or where the law requires the school to respond, contact the school office in the usual way: the normal school processes apply.';

/** Plain-language problems with the terms, or none. */
export function checkTerms(input: RestrictionTerms | undefined): string[] {
  const problems: string[] = [];
  if (input === undefined || !Array.isArray(input.terms) || input.terms.length === 0) {
    return ['Choose at least one term for the restriction.'];
  }
  const seen = new Set<TermKind>();
  for (const term of input.terms) {
    if (!(TERM_KINDS as readonly string[]).includes(term?.kind)) {
      problems.push('One of the terms is not one the policies offer.');
      continue;
    }
    if (seen.has(term.kind) && term.kind !== 'other')
      problems.push(`"${shortLabel(term.kind)}" is chosen twice.`);
    seen.add(term.kind);
    const detail = (term.detail ?? '').trim();
    if (DETAIL_REQUIRED.has(term.kind) && detail === '')
      problems.push(`Write out "${shortLabel(term.kind)}": the days, times or conditions.`);
    if (detail.length > TERM_DETAIL_MAX)
      problems.push(
        `"${shortLabel(term.kind)}" is too long: the most is ${TERM_DETAIL_MAX} characters.`,
      );
  }
  if (seen.has('emailOnly') && seen.has('letterOnly'))
    problems.push('Choose email only or letter only, not both.');
  if ((input.spoc?.name ?? '').trim() === '')
    problems.push('Name the single point of contact who reads their correspondence.');
  const spocEmail = spocEmailProblem(input.spoc?.email);
  if (spocEmail !== undefined) problems.push(spocEmail);
  return problems;
}

const SPOC_NOT_AN_ADDRESS =
  "The single point of contact's email address does not look like an address.";

/**
 * The SPOC's address is where their correspondence is forwarded and what isSpoc compares, so it
 * must be the plain address itself (issue 13 item 10): a look-alike (`bm@оakfield.sch.uk` with a
 * Cyrillic "о"), hidden characters or two addresses are refused with the entry's own plain
 * message, and `Name <address>` is not saved as it stands (the form reads it down to the address).
 */
function spocEmailProblem(email: unknown): string | undefined {
  const typed = typeof email === 'string' ? email : '';
  const entry = readAddressEntry(typed);
  if (entry.kind === 'refused' && entry.problem !== 'notAnAddress') return entry.message;
  if (entry.kind !== 'address' || entry.address !== normalizeAddress(typed))
    return SPOC_NOT_AN_ADDRESS;
  return undefined;
}

function shortLabel(kind: TermKind): string {
  return TERM_LABELS[kind].replace(/ \(.*\)$/, '');
}

/** What happens to the person's email (the Handling column). */
export function handlingFor(terms: readonly Term[]): Handling {
  const filed = terms.some((t) => t.kind === 'readAndFiledWithoutAcknowledgement');
  const forwarded = terms.some((t) => t.kind === 'autoForwarding');
  if (filed && forwarded) return 'ForwardAndFile';
  if (filed) return 'File';
  return 'Forward';
}

function detailOf(term: Term): string {
  return (term.detail ?? '').trim();
}

/**
 * The detail as the end of one of our sentences: its own closing full stops dropped, so that
 * "…meetings by appointment only." inside "…on these conditions: {detail}." is not "only.."
 * (issue 13, item 8: a letter the head teacher signs as written).
 */
function clauseOf(term: Term): string {
  return detailOf(term).replace(/[.\s]+$/, '');
}

/** One sentence per term, as the person is told it (letters) — second person. */
export function describeTermForPerson(term: Term, spoc: Spoc): string {
  switch (term.kind) {
    case 'singlePointOfContact':
      return `All contact with the school must be with ${spoc.name.trim()} only; no other member of staff will reply to you.`;
    case 'emailOnly':
      return 'You may contact the school by email only.';
    case 'letterOnly':
      return 'You may contact the school in writing by letter only.';
    case 'phoneAtSetTimes':
      return `You may telephone the school only at these times: ${clauseOf(term)}.`;
    case 'byAppointment':
      return 'You may see a member of staff in person by appointment only.';
    case 'witnessPresent':
      return 'Any meeting with a member of staff will take place with a second member of staff present, and notes may be taken.';
    case 'premisesConditions':
      return `You may come onto the school premises only on these conditions: ${clauseOf(term)}.`;
    case 'premisesBan':
      return 'You may not come onto the school premises for any reason.';
    case 'readAndFiledWithoutAcknowledgement':
      return 'Your correspondence will be read to make sure no new issue is raised, and then filed without acknowledgement.';
    case 'autoForwarding':
      return `All your emails to the school will be passed automatically to ${spoc.name.trim()}.`;
    case 'other':
      return `${clauseOf(term)}.`;
  }
}

/** The AllowedContact column: permitted channels, days and times, for staff. */
export function allowedContactText(input: RestrictionTerms): string {
  const lines: string[] = [];
  const spoc = input.spoc.name.trim();
  for (const term of input.terms) {
    if (term.kind === 'singlePointOfContact') lines.push(`Contact only with ${spoc}.`);
    else if (term.kind === 'emailOnly') lines.push('By email only.');
    else if (term.kind === 'letterOnly') lines.push('By letter only.');
    else if (term.kind === 'phoneAtSetTimes') lines.push(`Phone only at: ${clauseOf(term)}.`);
    else if (term.kind === 'byAppointment') lines.push('In person by appointment only.');
    else if (term.kind === 'premisesConditions')
      lines.push(`On the premises only on these conditions: ${clauseOf(term)}.`);
    else if (term.kind === 'premisesBan') lines.push('Not permitted on the school premises.');
  }
  return lines.join('\n');
}

/** The StaffGuidance column: what any member of staff should do or say. */
export function staffGuidanceText(input: RestrictionTerms): string {
  const spoc = input.spoc.name.trim();
  const kinds = new Set(input.terms.map((t) => t.kind));
  const lines: string[] = [`Do not reply yourself. Pass anything from this person to ${spoc}.`];
  if (kinds.has('readAndFiledWithoutAcknowledgement'))
    lines.push(
      `${spoc} reads their correspondence for new issues, then files it without acknowledgement.`,
    );
  if (kinds.has('witnessPresent'))
    lines.push('Never meet them alone: a second member of staff must be present.');
  if (kinds.has('phoneAtSetTimes'))
    lines.push('Outside the set phone times, politely say you cannot take the call and end it.');
  if (kinds.has('premisesBan'))
    lines.push('If they come onto the site, ask them to leave and tell the head teacher at once.');
  for (const term of input.terms) if (term.kind === 'other') lines.push(`${clauseOf(term)}.`);
  lines.push('Anything urgent or about a child’s safety is passed on at once, as usual.');
  const extra = (input.staffGuidance ?? '').trim();
  if (extra !== '') lines.push(extra);
  return lines.join('\n');
}

export function emergencyNoteText(input: RestrictionTerms): string {
  const note = (input.emergencyNote ?? '').trim();
  return note === '' ? DEFAULT_EMERGENCY_NOTE : note;
}

/** Whether the terms amount to a ban (policy 003 Model Letter 4) rather than conditions (Letter 2). */
export function isBan(input: RestrictionTerms): boolean {
  return input.terms.some((t) => t.kind === 'premisesBan');
}

/**
 * The terms in `after` that `before` did not set (same kind and same written detail): a variation
 * that adds any is stricter, and goes through the same provisional stage as imposing (003 Level 3).
 */
export function addedTerms(before: RestrictionTerms, after: RestrictionTerms): Term[] {
  const key = (t: Term) => `${t.kind}\n${detailOf(t)}`;
  const had = new Set(before.terms.map(key));
  return after.terms.filter((t) => !had.has(key(t)));
}
