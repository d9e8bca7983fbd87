// Plain words for the review (issue #5): what each decision is called on its button, what each
// chronology line is, and how dates and times are written (en-GB, Europe/London).
import type { ChronologyEntryKind } from '../../../app/review/types';
import type { TransitionKind } from '../../../policy/lifecycle/types';
import { formatDayOrAsIs, formatShortDateTime } from '../../../policy/dates/format';
import type { LocalDate } from '../../../policy/types';

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

/** "in 3 days", "today", "5 days late". */
export function daysText(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `in ${days} days`;
  return days === -1 ? '1 day late' : `${-days} days late`;
}
