// Plain words for the review (issue #5), in one place (issue #11): what each decision is called
// on its button, what each chronology line is, the panels' headings, labels, buttons and messages,
// and the sentences they build from a case. Dates and times are src/policy/dates/format.ts's
// (en-GB, Europe/London); the policies' own names (stages, deadlines, terms) are src/policy's.
import type { ChronologyEntryKind } from '../../app/review/types';
import type { TransitionKind } from '../../policy/lifecycle/types';
import type { DueItem } from '../../policy/lifecycle/due';
import { formatCount, formatDayOrAsIs, formatShortDateTime } from '../../policy/dates/format';
import type { LocalDate } from '../../policy/types';

export const TRANSITION_BUTTONS: Record<TransitionKind, string> = {
  recordConcern: 'Record an informal concern',
  issueWarning: 'Give a written warning',
  impose: 'Impose a restriction',
  recordRepresentations: 'Record representations received',
  confirm: 'Confirm the restriction',
  overturn: 'Overturn the restriction',
  review: 'Record a review (keep it)',
  extend: 'Extend the restriction',
  vary: 'Vary the terms',
  end: 'End it',
  recordAppeal: 'Record an appeal received',
  decideAppeal: 'Record the appeal outcome',
};

export const ENTRY_KIND_LABELS: Record<ChronologyEntryKind, string> = {
  event: 'Contact',
  forwarded: 'Forwarded',
  filed: 'Filed',
  spocOutcome: 'SPOC outcome',
  decision: 'Decision',
  letter: 'Letter',
  review: 'Review',
};

export const DISCLAIMER =
  "Hints from the policies, not decisions: the decision is the head teacher's (policy 002 §44).";

/** An ISO instant as the school reads it: "3 Mar 2026, 14:05" (London time). */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatShortDateTime(d);
}

/** A London day in words; anything that is not a day is shown as it is. */
export function formatDay(date: LocalDate | undefined): string {
  return formatDayOrAsIs(date);
}

export function errorText(e: unknown): string {
  return e instanceof Error && e.message ? e.message : 'Something went wrong. Try again.';
}

// en-GB's plural rules ("one" for 1 only, "other" for everything else, 0 included), built once.
const PLURALS = new Intl.PluralRules('en-GB');

/**
 * A count with its noun in the right number: "1 working day", "2 working days", "0 entries",
 * "1,200 contacts". Every count the review shows goes through here, so no "1 days" is left.
 */
export function countText(n: number, one: string, other: string): string {
  return `${formatCount(n)} ${PLURALS.select(n) === 'one' ? one : other}`;
}

/** "in 3 days", "today", "5 days late". */
export function daysText(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${countText(days, 'day', 'days')}`;
  return `${countText(-days, 'day', 'days')} late`;
}

export const REVIEW_TEXT = {
  unloadable: 'The review could not be loaded.',
  // Decisions (ActionsPanel).
  decisions: 'Decisions',
  now: 'Now:',
  openDeadlines: 'Open deadlines',
  length: 'Length',
  from: 'From',
  ends: 'Ends',
  reviewBy: 'Review by',
  spoc: 'Single point of contact',
  termsHeading: 'Terms',
  reviewOverdue: 'Review overdue',
  changedByOther: 'Changed by someone else.',
  notSaved: 'Not saved.',
  nothingChanged: 'Nothing was changed; you can try again.',
  reload: 'Reload',
  noDecision: 'No decision can be taken at this stage.',
  decisionsNow: 'Decisions you can take now',
  // Fairness and letter details (CaseDetailsPanel).
  readingFairness: 'Reading the fairness record…',
  beforeDeciding: 'Before deciding: fairness',
  adjustmentsLead: 'Reasonable adjustments (000 §1.1; 002 §68):',
  noneRecorded: 'none recorded.',
  representativeLead: 'Representative or advocate (000 §5.2; 002 §69):',
  noRepresentative:
    'none recorded. Consider whether independent advocacy could help, and tell the person.',
  adjustments: 'Reasonable adjustments',
  adjustmentsHint: 'e.g. large print; a call to explain the letter',
  representative: 'Representative or advocate',
  representativeHint: 'Name, role and email: letters are copied to them',
  parentExplanation: 'What to tell the parent',
  parentExplanationHint: 'The letters use only this, never the reasons you record with a decision',
  incidentAt: 'Incident date and time',
  reportedBy: 'Reported by (member of staff)',
  effect: 'Effect on staff and pupils',
  saving: 'Saving…',
  save: 'Save',
  cancel: 'Cancel',
  editDetails: 'Edit fairness and letter details',
  noParentExplanation: 'No “what to tell the parent” yet: decision letters need it.',
  // Chronology (ChronologyPanel).
  openEmail: 'Open the original email',
  unsafeLink: 'Email link not opened (not an Outlook address):',
  createdBy: 'Created by',
  changedBy: 'Changed by',
  check: 'Check:',
  showHeading: 'Show heading',
  filterByHeading: 'Filter by heading',
  allEntries: 'All entries',
  redact: 'Redact staff and witness names',
  exporting: 'Exporting…',
  exportCsv: 'Export CSV',
  print: 'Print',
  threat: 'Threat',
  staffAndWitnesses: 'Staff and witnesses:',
  // The weekly chart (WeeklyChart).
  chartTitle: 'Contacts per week',
  chartYAxis: 'Contacts',
  chartXAxis: 'Week starting (Monday)',
  chartAsTable: 'Show the counts as a table',
  // Due and overdue (DuePanel).
  dueHeading: 'Due and overdue',
  overdue: 'Overdue',
  due: 'Due',
  // Flagged senders (FlaggedSenders).
  flaggedHeading: 'Flagged senders',
  noEvents: 'No contact events have been logged.',
  threatsRecorded: 'Threats recorded',
  contactsLead: 'Contacts:',
  in7Days: 'in 7 days',
  in30Days: 'in 30 days',
  in90Days: 'in 90 days',
  policeTold: 'A threat was recorded; the police were told.',
  wasDue: 'Was due',
  nextDue: 'Next due',
  // Letters (LettersPanel).
  letters: 'Letters',
  letter: 'Letter',
  letterDate: 'Date of the letter',
  letterDateHint: 'Representations and appeal windows are counted from this date.',
  enterLetterDate: 'Enter the letter’s date.',
  preparingLetter: 'Preparing the letter…',
  creatingDraft: 'Creating the draft…',
  createDraft: 'Create Outlook draft',
  draftNote:
    'The draft is addressed to the person and saved in your Drafts folder. It is never sent automatically: read it, edit it and send it yourself.',
  openInOutlook: 'Open it in Outlook',
  subject: 'Subject:',
  // The review screen (ReviewScreen).
  notRecorded: 'Not recorded:',
  reviewNotRead: 'The review could not be read:',
  tryAgain: 'Try again',
  readingReview: 'Reading the review…',
  choosePerson: 'Choose a person on the left to see their chronology, decisions and letters.',
  allFlagged: '‹ All flagged senders',
  aboutPerson: 'About this person',
  chronologyTab: 'Chronology',
  // The Review view in the pane (ReviewView).
  openFullPage: 'Open the full review page',
  readsBetterAtDesk: '(a chronology reads better at a desk).',
  loadingReview: 'Loading the review…',
  // A decision's form (TransitionForm).
  concernAbout: 'What the concern is about',
  behaviour: 'The unacceptable behaviour (002 §48)',
  whyUnacceptable: 'Why it is unacceptable',
  stepsTaken: 'The steps the school has taken',
  whatFollows: 'What follows if it happens again (a standard sentence if left empty)',
  terms: 'Terms (the forms the policies list)',
  daysAndTimes: 'Days and times',
  conditions: 'The conditions',
  otherTerms: 'Other terms, in your own words (one per line)',
  spocName: 'Single point of contact: name',
  spocEmail: 'Single point of contact: email address',
  staffGuidance: 'Extra words for staff (optional)',
  emergencyNote: 'Emergency contact arrangements (a standard note if left empty)',
  howLong: 'How long',
  review: 'Review',
  withoutWarning: 'No written warning was given: the extreme ground for restricting without one',
  withoutWarningHint: 'Policies 001, 002 §33 and 004 allow it only in extreme cases.',
  none: '(none)',
  receivedOn: 'Received on',
  parentLetterDate: "Date on the parent's letter",
  parentLetterDateHint:
    'The chair of governors answers within 10 days of this date (policy 003). Left empty, the day it was received is used.',
  appealWas: 'The appeal was',
  upheld: 'Upheld: the restriction is overturned',
  dismissed: 'Dismissed: the restriction stays',
  whoDecided: 'Who decided',
  as: 'As',
  reasons: "Why (kept in the reviewers' records only, 002 §45)",
  reasonsHint: 'Never put in a letter: letters say only “What to tell the parent”, written above.',
  saveDecision: 'Save the decision',
  workingOutDates: 'Working out the dates…',
  // review.html's own page (src/review/ReviewPage.tsx).
  pageTitle: 'Contact Guard — review',
  signingIn: 'Signing in…',
  signIn: 'Sign in',
  somethingWrong: 'Something went wrong.',
  notReviewer:
    'The review is for the head teacher and the senior leaders the school has named. Your account is not one of them, so nothing is shown here.',
  letterNotRecorded:
    'The case could not record this letter, so its windows still count from the decision: try again before you send it.',
} as const;

/** The weekly chart's summary, for assistive technology and as its title. */
export function weeklySummaryText(
  total: number,
  weeks: number,
  busiest: { count: number; weekStart: LocalDate },
): string {
  return `Contacts per week: ${countText(total, 'contact', 'contacts')} in ${countText(weeks, 'week', 'weeks')}, at most ${formatCount(busiest.count)} in the week of ${formatDay(busiest.weekStart)}.`;
}

/** A week's bar: "Week of 2 March 2026: 3". */
export function weekBarText(weekStart: LocalDate, count: number): string {
  return `Week of ${formatDay(weekStart)}: ${count}`;
}

/** The preview could not be worked out on this device. */
export function previewFailedText(error: string): string {
  return `The dates could not be worked out here (${error}); they are shown once saved.`;
}

/** "If you save this: Restriction in force." */
export function ifYouSaveText(stageLabel: string): string {
  return `If you save this: ${stageLabel}.`;
}

/** "Ends on 3 March 2026". */
export function endsOnText(day: LocalDate): string {
  return `Ends on ${formatDay(day)}`;
}

/** "Review by 3 March 2026". */
export function reviewByText(day: LocalDate): string {
  return `Review by ${formatDay(day)}`;
}

/** "Signed in as Helen Marsh". */
export function signedInAsText(name: string): string {
  return `Signed in as ${name}`;
}

/** "Reading Mark Denton…" */
export function readingPersonText(personName: string): string {
  return `Reading ${personName}…`;
}

/**
 * The letter's date in words under its date box, which shows the computer's own format (a browser
 * on US settings writes 12/03/2026 for 3 December): the date as the letter will print it.
 */
export function letterDatedText(day: LocalDate): string {
  return `Dated ${formatDay(day)}. ${REVIEW_TEXT.letterDateHint}`;
}

/** "Draft created in your Drafts folder: “<subject>”." */
export function draftCreatedText(subject: string): string {
  return `Draft created in your Drafts folder: “${subject}”.`;
}

/** "This case was changed by Helen Marsh at 3 Mar 2026, 14:05, after you opened it. …" */
export function conflictText(f: { changedBy?: string; changedAt?: string }): string {
  const who = f.changedBy ? `by ${f.changedBy}` : 'by someone else';
  const when = f.changedAt ? ` at ${formatWhen(f.changedAt)}` : '';
  return `This case was changed ${who}${when}, after you opened it. Your decision was not saved. Reload to see their change, then decide again.`;
}

/** "Saved: Restriction in force." */
export function savedText(stageLabel: string): string {
  return `Saved: ${stageLabel}.`;
}

/** The decisions panel's mark on a restriction past its review date. */
export function reviewOverdueText(reviewDate: LocalDate): string {
  return `The review was due by ${formatDay(reviewDate)}. Record a review, or extend, vary or end the restriction.`;
}

/** "Chronology: Mark Denton". */
export function chronologyHeading(personName: string): string {
  return `Chronology: ${personName}`;
}

/** The printed page's first line: when, whether names were removed, which heading only. */
export function printedText(today: LocalDate, redacted: boolean, headingShown?: string): string {
  return `Printed on ${formatDay(today)}${
    redacted ? '. Names of staff and witnesses removed (policy 003 Appendix 5).' : '.'
  }${headingShown !== undefined ? ` Only entries under "${headingShown}".` : ''}`;
}

/** "3 of 12 entries, oldest first."; "1 entry." when there is one. */
export function entriesCountText(shown: number, total: number): string {
  return shown === total
    ? `${countText(total, 'entry', 'entries')}, oldest first.`
    : `${formatCount(shown)} of ${countText(total, 'entry', 'entries')}, oldest first.`;
}

/** The button that records a reminder as done (002 §49; 004 Actions). */
export function noticeButtonText(to: NonNullable<DueItem['notice']>['to']): string {
  return to === 'chairOfGovernors'
    ? 'Record that the chair of governors was told'
    : 'Record that the chair of the Local Area Group was told';
}

/** "2 late, 3 due in the next 14 days." */
export function dueSummaryText(total: number, late: number): string {
  return total === 0
    ? 'Nothing falls due in the next 14 days and nothing is late.'
    : `${late} late, ${total - late} due in the next 14 days.`;
}

/** "Since 3 March 2026". */
export function sinceText(day: LocalDate): string {
  return `Since ${formatDay(day)}`;
}

/** "3 March 2026 (in 3 days, 2 working days left)". */
export function dueWhenText(
  item: Pick<DueItem, 'due' | 'daysFromToday' | 'state' | 'countingDaysLeft'>,
): string {
  const left =
    item.state === 'due' && item.countingDaysLeft > 0
      ? `, ${countText(item.countingDaysLeft, 'working day', 'working days')} left`
      : '';
  return `${formatDay(item.due)} (${daysText(item.daysFromToday)}${left})`;
}

/** The flagged sender's name button, for assistive technology. */
export function openPersonLabel(personName: string): string {
  return `Open ${personName}`;
}
