// The values a letter is filled with, read from a case, the reviewer's letter facts and the case's
// fairness record: every date written out in words (en-GB), the terms as sentences to the person,
// and the windows counted from the LETTER's date (not the decision's). Pure.
import { addCountingDays, deemedReceipt } from '../dates/deadlines';
import { formatLongDate } from '../dates/format';
import { durationLabel } from '../dates/periods';
import {
  DEFAULT_EMERGENCY_NOTE,
  describeTermForPerson,
  emergencyNoteText,
  isBan,
} from '../lifecycle/terms';
import type { RestrictionCase } from '../lifecycle/types';
import { isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';
import {
  DEFAULT_LETTER_POLICY,
  asSentence,
  midSentence,
  type CaseFairness,
  type LetterFacts,
  type LetterPolicy,
  type LetterWindows,
} from './facts';
import { nameWords } from './fit';
import type { LetterValues } from './render';

export interface LetterSchool {
  name: string;
  headTeacherName: string;
  chairName: string;
}

/** Everything a letter needs besides the case. */
export interface LetterContext {
  /** The letter's own date (default today in Europe/London; the head teacher may set it). */
  letterDate: LocalDate;
  school: LetterSchool;
  windows: LetterWindows;
  facts?: LetterFacts;
  fairness?: CaseFairness;
  policy?: LetterPolicy;
}

/** Policy 002 §50: "The circumstances that the PCCR could be reviewed in advance of that date". */
export const REVIEW_CIRCUMSTANCES =
  'if there is new relevant information, or if unacceptable behaviour continues';

/** Policy 002 §61-62: emergency and statutory contact stays open; said once, in one paragraph. */
export const EMERGENCY_OPENING =
  'This does not stop you contacting the school in an emergency, or where the law requires the school to respond to you';

const INCIDENT_AT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

function date(value: LocalDate | undefined): string | undefined {
  return value !== undefined && isLocalDate(value) ? formatLongDate(value) : undefined;
}

function text(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** "3 March 2026 at about 10:15" (003 model warning letter: "on XXXXXX at approximately XXXX"). */
export function incidentWhen(incidentAt: string | undefined): string | undefined {
  const m = INCIDENT_AT.exec(incidentAt?.trim() ?? '');
  if (!m || !isLocalDate(m[1])) return undefined;
  return `${formatLongDate(m[1])} at about ${m[2]}:${m[3]}`;
}

/** The emergency paragraph, whole: the school's own note, or the policy's words (002 §61-62). */
export function emergencyParagraph(note: string): string {
  return note.trim() === DEFAULT_EMERGENCY_NOTE
    ? `${EMERGENCY_OPENING}: contact the school office in the usual way, and the normal school processes apply.`
    : `${EMERGENCY_OPENING}. ${asSentence(note)}`;
}

/** 000 §7.1: the appeal (from receipt of the letter), or, where the policy has none, the complaints route. */
export function appealRightSentence(
  appealDays: number | null,
  deadline: string | undefined,
): string {
  if (appealDays === null || deadline === undefined)
    return 'If you are unhappy with the way this decision was made, you may raise it through the school’s complaints procedure.';
  return `You may appeal against this decision in writing to the clerk to governors, care of the school, within ${appealDays} working days of receiving this letter, that is by ${deadline}. The appeal will be dealt with under the school’s complaints procedure.`;
}

/** A provisional decision: the appeal right is not dropped, it is announced (000 §6.4, §7.1). */
export function appealLaterSentence(appealDays: number | null): string {
  return appealDays === null
    ? 'If the chair of governors confirms my decision, the chair’s letter will tell you how the governing board will review it, and you may raise any concern about how it was made through the school’s complaints procedure.'
    : `If the chair of governors confirms my decision, the chair’s letter will tell you how the governing board will review it and how to appeal: you will then have ${appealDays} working days from receiving that letter to appeal in writing to the clerk to governors, care of the school.`;
}

/** 003 Model Letters 4 and 5. */
export const PROGRESS_MEETING =
  'You do, however, have the right to attend one meeting a year to discuss your child’s progress. The school will contact you to arrange it.';

/** What the law keeps open under a ban (002 §61), named so a parent knows. */
export const STATUTORY_EXCEPTIONS =
  'The ban does not stop the school involving you where the law requires it: child protection matters, reviews of your child’s special educational needs or education, health and care plan (EHCP), any exclusion of your child, and collecting your child. The school will arrange with you how each of these will take place.';

/** 000 §5.2, 002 §69: a named representative gets a copy; otherwise advocacy is offered. */
export function advocacySentence(
  representative: string | undefined,
  names: ReadonlySet<string> = new Set(),
): string {
  return representative === undefined
    ? 'If it would help you, you may ask an independent advocate, a support worker, a friend or a family member to help you or to act for you. Please tell us if you would like us to write to them as well.'
    : `A copy of this letter is also being sent to ${midSentence(representative, names)}, who acts for you.`;
}

/** 000 §1.1, 002 §65 and §68: the adjustments made for the person, said in the letter. */
export function adjustmentsSentence(
  adjustments: string | undefined,
  names: ReadonlySet<string> = new Set(),
): string | undefined {
  return adjustments === undefined
    ? undefined
    : `We will make these adjustments for you: ${midSentence(adjustments, names)}. Please tell us if you need anything else to read or reply to this letter.`;
}

/** The windows a letter dated `letterDate` states (each undefined when the letter has none). */
export function windowsFrom(letterDate: LocalDate, w: LetterWindows) {
  const valid = isLocalDate(letterDate);
  const representations = valid
    ? addCountingDays(letterDate, w.representationsDays, w.dates).date
    : undefined;
  const appeal =
    valid && w.appealDays !== null
      ? addCountingDays(deemedReceipt(letterDate, w.delivery, w.dates).date, w.appealDays, w.dates)
          .date
      : undefined;
  const version =
    valid && w.versionOfEventsDays !== null
      ? addCountingDays(letterDate, w.versionOfEventsDays, w.dates).date
      : undefined;
  return { representations, appeal, version };
}

/** Everything a letter about this case can say, as of its date. Missing facts stay missing. */
export function letterValuesFor(c: RestrictionCase, context: LetterContext): LetterValues {
  const { letterDate, school, windows } = context;
  const facts = context.facts ?? {};
  const policy = context.policy ?? DEFAULT_LETTER_POLICY;
  const representative = text(context.fairness?.representative);
  const due = windowsFrom(letterDate, windows);
  const effect = text(facts.effectOnStaffAndPupils);
  const explanation = text(facts.parentExplanation);
  // The names known in the case keep their capitals inside a sentence (fit.ts, THE CASE RULE).
  const names = nameWords([
    c.person.name,
    school.name,
    school.headTeacherName,
    school.chairName,
    c.restriction?.terms.spoc.name,
  ]);
  const values: LetterValues = {
    schoolName: school.name,
    headTeacherName: school.headTeacherName,
    chairName: school.chairName,
    personName: c.person.name,
    letterDate: date(letterDate),
    policyTitle: text(policy.policyTitle),
    representationsSentence: c.representations
      ? `I have received your letter dated ${formatLongDate(c.representations.receivedOn)}, and I have considered it carefully.`
      : 'I have not received a written response from you.',
    incidentWhen: incidentWhen(facts.incidentAt),
    reportedBy: text(facts.reportedBy),
    effectOnStaffAndPupils: effect === undefined ? undefined : asSentence(effect),
    decisionReasons: explanation === undefined ? undefined : asSentence(explanation),
    advocacy: advocacySentence(representative, names),
    adjustments: adjustmentsSentence(text(context.fairness?.adjustments), names),
  };
  const w = c.warning;
  if (w) {
    values.behaviour = midSentence(w.behaviour, names);
    values.whyUnacceptable = midSentence(w.whyUnacceptable, names);
    values.stepsTaken = asSentence(w.stepsTaken);
    values.whatFollows = asSentence(w.whatFollows);
    values.warningDate = date(w.issuedOn);
    values.versionOfEventsDeadline = date(due.version);
  }
  const r = c.restriction;
  if (r) {
    const ban = isBan(r.terms);
    values.decisionDate = date(r.imposedOn);
    values.terms = r.terms.terms.map((t) => describeTermForPerson(t, r.terms.spoc));
    values.duration = durationLabel(r.duration);
    values.startDate = date(r.startDate);
    values.endDate = date(r.endDate);
    values.reviewDate = date(r.reviewDate);
    values.reviewCircumstances = REVIEW_CIRCUMSTANCES;
    values.emergencyContact = emergencyParagraph(emergencyNoteText(r.terms));
    values.spocName = r.terms.spoc.name;
    values.representationsDeadline = date(due.representations);
    values.appealDeadline = date(due.appeal);
    values.appealRight = appealRightSentence(windows.appealDays, date(due.appeal));
    values.appealLater = appealLaterSentence(windows.appealDays);
    values.progressMeeting = ban && policy.progressMeeting ? PROGRESS_MEETING : undefined;
    values.statutoryExceptions =
      ban && policy.statutoryExceptions ? STATUTORY_EXCEPTIONS : undefined;
  }
  return values;
}
