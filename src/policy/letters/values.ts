// The values a letter is filled with, read from a case: every date written out in words (en-GB),
// the terms as sentences to the person, and the windows the decision set. Pure.
import { formatLongDate } from '../dates/format';
import { durationLabel } from '../dates/periods';
import { describeTermForPerson, emergencyNoteText } from '../lifecycle/terms';
import type { CaseDeadline, RestrictionCase } from '../lifecycle/types';
import { isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';
import type { LetterValues } from './render';

export interface LetterSchool {
  name: string;
  headTeacherName: string;
  chairName: string;
}

/** Policy 002 §50: "The circumstances that the PCCR could be reviewed in advance of that date". */
export const REVIEW_CIRCUMSTANCES =
  'if there is new relevant information, or if unacceptable behaviour continues';

function date(value: LocalDate | undefined): string | undefined {
  return value !== undefined && isLocalDate(value) ? formatLongDate(value) : undefined;
}

function due(deadlines: readonly CaseDeadline[], kind: CaseDeadline['kind']): string | undefined {
  return date(deadlines.find((d) => d.kind === kind)?.due);
}

/** Everything a letter about this case can say, as of `letterDate`. Missing facts stay missing. */
export function letterValuesFor(
  c: RestrictionCase,
  letterDate: LocalDate,
  school: LetterSchool,
): LetterValues {
  const values: LetterValues = {
    schoolName: school.name,
    headTeacherName: school.headTeacherName,
    chairName: school.chairName,
    personName: c.person.name,
    letterDate: date(letterDate),
    representationsSentence: c.representations
      ? `I have received your letter dated ${formatLongDate(c.representations.receivedOn)}, and I have considered it carefully.`
      : 'I have not received a written response from you.',
  };
  const w = c.warning;
  if (w) {
    values.behaviour = w.behaviour;
    values.whyUnacceptable = w.whyUnacceptable;
    values.stepsTaken = w.stepsTaken;
    values.whatFollows = w.whatFollows;
    values.warningDate = date(w.issuedOn);
    values.versionOfEventsDeadline = due(c.deadlines, 'versionOfEvents');
  }
  const r = c.restriction;
  if (r) {
    const imposed = [...c.history].reverse().find((h) => h.transition === 'impose');
    values.decisionReasons = imposed?.reasons;
    values.decisionDate = date(r.imposedOn);
    values.terms = r.terms.terms.map((t) => describeTermForPerson(t, r.terms.spoc));
    values.duration = durationLabel(r.duration);
    values.startDate = date(r.startDate);
    values.endDate = date(r.endDate);
    values.reviewDate = date(r.reviewDate);
    values.reviewCircumstances = REVIEW_CIRCUMSTANCES;
    values.emergencyContact = emergencyNoteText(r.terms);
    values.spocName = r.terms.spoc.name;
    values.representationsDeadline = due(c.deadlines, 'representations');
    values.appealDeadline = due(c.deadlines, 'appeal');
  }
  return values;
}
