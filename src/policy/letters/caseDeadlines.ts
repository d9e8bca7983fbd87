// The case's deadlines once a letter has gone: the windows the letter states are counted from the
// letter's own date (values.ts), and the case must not close a window the letter still holds open.
// A letter drafted a week after the decision tells the parent a later date than the decision did;
// the case then waits for that date (the later of the two: never shorter than what the parent was
// told, never shorter than the policy's own count from the decision). 003 Model Letters 2 and 4
// (representations "within 10 school days of the date of this letter"), 000 §7.1 (appeal from
// receiving the letter), 003 Appendix 5 Level 1 (their account of events). Pure.
import { formatLongDate } from '../dates/format';
import type { CaseDeadline, DeadlineKind, RestrictionCase } from '../lifecycle/types';
import { compareLocalDates, isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';
import type { LetterWindows } from './facts';
import type { LetterTemplate } from './templates';
import { windowsFrom } from './values';

const LETTER_NOTE = 'Counted from the letter dated';

/** Which of the case's deadlines a template states, by the placeholders it uses. */
function deadlinesStatedBy(template: LetterTemplate): DeadlineKind[] {
  const text = `${template.subject}\n${template.body}`;
  const stated: DeadlineKind[] = [];
  if (/\{\{\s*representationsDeadline\b/.test(text)) stated.push('representations');
  if (/\{\{\s*(?:appealDeadline|appealRight)\b/.test(text)) stated.push('appeal');
  if (/\{\{\s*versionOfEventsDeadline\b/.test(text)) stated.push('versionOfEvents');
  return stated;
}

/**
 * The case's deadlines after a letter with this template, dated `letterDate`, has been drafted:
 * each deadline the letter states moves to the letter's date when that is later, with a note.
 * Deadlines the letter does not state, and a letter date that is not a date, change nothing.
 */
export function caseDeadlinesAfterLetter(
  c: RestrictionCase,
  template: LetterTemplate,
  letterDate: LocalDate,
  windows: LetterWindows,
): CaseDeadline[] {
  if (!isLocalDate(letterDate)) return c.deadlines;
  const stated = new Set(deadlinesStatedBy(template));
  const w = windowsFrom(letterDate, windows);
  const fromLetter: Partial<Record<DeadlineKind, LocalDate>> = {
    representations: w.representations,
    appeal: w.appeal,
    versionOfEvents: w.version,
  };
  return c.deadlines.map((d) => {
    const due = fromLetter[d.kind];
    if (!stated.has(d.kind) || due === undefined || !isLocalDate(d.due)) return d;
    if (compareLocalDates(due, d.due) <= 0) return d;
    // One note, for the letter that counts now (a redraft replaces the earlier letter's note).
    const notes = d.notes.filter((n) => !n.startsWith(LETTER_NOTE));
    return { ...d, due, notes: [...notes, `${LETTER_NOTE} ${formatLongDate(letterDate)}.`] };
  });
}
