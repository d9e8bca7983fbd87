// Plain words for what the pane shows. Staff read these in a hurry: short, direct, no jargon.
import { formatDayOrAsIs, formatTimeOrDayMonthTime } from '../policy/dates/format';
import type { Handling, LocalDate, MatchedOn, UnavailableReason } from '../policy/types';

export const unavailableText: Record<UnavailableReason, string> = {
  signedOut: 'You are not signed in to Microsoft 365, so the restrictions could not be read.',
  wrongAccount:
    "Contact Guard was signed in with a different account from this mailbox's, so the restrictions were not read. Sign in with your own school account.",
  offline: 'Contact Guard cannot reach Microsoft 365 just now (the network may be down).',
  throttled: 'Microsoft 365 is busy and asked Contact Guard to slow down.',
  listMissing: "The school's Contact Restrictions list was not found. Tell your IT administrator.",
  forbidden: 'Your account may not read the Contact Restrictions list. Tell your IT administrator.',
  malformedMatch:
    'This sender appears in a restriction record that cannot be read safely (incomplete, or an address typed in a way that cannot be checked). Treat this email as from a restricted person: do not reply, and ask the head teacher what to do with it.',
  noSender: 'This email has no sender address to check.',
  serviceError: 'Microsoft 365 did not answer properly (it may be busy or down).',
};

export function handlingInstruction(handling: Handling, spocName: string): string {
  switch (handling) {
    case 'Forward':
      return `Forward this email to ${spocName}. Do not reply to it.`;
    case 'File':
      return 'File this email without acknowledgement. Do not reply to it.';
    case 'ForwardAndFile':
      return `Forward this email to ${spocName}, then file it. Do not reply to it.`;
  }
}

export const matchedOnText: Record<MatchedOn, string> = {
  from: 'sender address',
  sender: '"sent on behalf of" address',
  replyTo: 'Reply-To address',
};

/** 2026-12-01 → "1 December 2026"; what is not a day is shown as it is. */
export function formatLocalDate(date: LocalDate): string {
  return formatDayOrAsIs(date);
}

/** An instant as the school reads it: "14:05" today (in London), "3 Nov, 14:05" otherwise. */
export function formatInstant(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'unknown';
  return formatTimeOrDayMonthTime(at, now);
}
