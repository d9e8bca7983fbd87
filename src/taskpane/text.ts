// Plain words for the sender check (the verdict, the restriction's details, when the restrictions
// were read), in one place. Staff read these in a hurry: short, direct, no jargon. Dates and times
// are src/policy/dates/format.ts's; the other features' words are beside their components
// (components/actions/actionText.ts, components/events/eventText.ts, ../ui/review/reviewText.ts,
// views/adminText.ts).
import { formatDayOrAsIs, formatTimeOrDayMonthTime } from '../policy/dates/format';
import type {
  CautionReason,
  ClearNote,
  Handling,
  LocalDate,
  MatchedOn,
  UnavailableReason,
} from '../policy/types';

export const SENDER_CHECK_TEXT = {
  emailUnreadable: 'This email could not be read. Its sender has not been checked.',
  // The actions' code is loaded after the verdict (its own chunk): its failure is said here.
  actionsUnloadable: 'What can be done with this email could not be loaded.',
  selectEmail: 'Select an email to check its sender.',
  noSender: 'No sender',
  noSubject: '(no subject)',
  checking: 'Checking the sender…',
  // "Do not reply" is said once, here: the rest of the restricted verdict says what to do instead.
  restrictedTitle: 'Restricted sender — do not reply',
  spocInstruction:
    'You are the single point of contact: read it, then say below whether it raises a new issue.',
  restrictedNote:
    "Only the single point of contact answers this person. If the email raises an emergency or a safeguarding concern, follow the school's usual procedure as well.",
  details: 'Details',
  // The single point of contact opening an email Contact Guard forwarded to them (issue 13, item 2).
  forwardedNote:
    'Forwarded to you under their contact restriction. Read it to make sure it raises no new issue, then choose below. Do not acknowledge it.',
  // An email that looks forwarded whose own status could not be read: it may be restricted
  // correspondence, so never the sender's "clear" in its place (issue 13, item 2).
  forwardUncheckableTitle: 'Cannot check this email',
  forwardUncheckableNote: 'Until the check works, do not assume this email is clear.',
  forwardUncheckable:
    'It could not be checked whether this is restricted correspondence forwarded to you.',
  forwardRereadFailed:
    'This email could not be read again, so what is shown here may be out of date.',
  cautionTitle: 'Check before replying',
  cautionNote:
    'The address itself is not restricted. If you are unsure, ask the office manager or the head teacher before replying.',
  clearTitle: 'No contact restriction',
  clearNote: 'This sender is not under a contact restriction. Reply as usual.',
  warningTitle: 'No contact restriction — warning on file',
  startsLaterTitle: 'No contact restriction yet',
  guidance: 'Guidance for staff',
  unavailableTitle: 'Cannot check this sender',
  unavailableNote: 'Until the check works, do not assume the sender is clear.',
  tryAgain: 'Try again',
  person: 'Person',
  spoc: 'Single point of contact',
  whatToDo: 'What staff should do',
  contactAllowed: 'Contact allowed',
  emergencies: 'Emergencies and statutory contact',
  ends: 'Ends',
  review: 'Review',
  reviewOverdue: 'review overdue',
  provisional:
    'This restriction is provisional until the chair of governors confirms it. It applies now.',
  tellSomeone: 'Tell the head teacher or the office manager so it can be corrected.',
  notYetRead: 'Restrictions not yet read',
  refresh: 'Refresh',
} as const;

export function cautionText(reason: CautionReason): string {
  switch (reason.kind) {
    case 'displayNameMatch':
      return `The sender's name "${reason.displayName}" matches ${reason.restrictedPersonName}, who is under a contact restriction, but the address is different. It may be the same person writing from a new address.`;
    case 'incompleteRecords':
      return `${reason.count} restriction record(s) could not be read.`;
  }
}

/** The words either side of the matched address (shown in bold between them). */
export function matchedAddressText(
  matchedOn: MatchedOn,
  personName: string,
): { before: string; after: string } {
  return {
    before: `The ${matchedOnText[matchedOn]} `,
    after: ` belongs to ${personName}, who is under a contact restriction.`,
  };
}

/** The single point of contact as "Name (address)", or the address alone. */
export function spocText(spocName: string, spocEmail: string): string {
  return spocName ? `${spocName} (${spocEmail})` : spocEmail;
}

/** "1 restriction record is incomplete and was skipped." */
export function skippedText(count: number): string {
  return count === 1
    ? '1 restriction record is incomplete and was skipped.'
    : `${count} restriction records are incomplete and were skipped.`;
}

/** "Restrictions updated 14:05". */
export function refreshedText(refreshedAt: string): string {
  return `Restrictions updated ${formatInstant(refreshedAt)}`;
}

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

/** The one line of what to do instead of replying (the heading has said "do not reply"). */
export function handlingInstruction(handling: Handling, spocName: string): string {
  switch (handling) {
    case 'Forward':
      return `Forward this email to ${spocName}.`;
    case 'File':
      return 'File this email without acknowledgement.';
    case 'ForwardAndFile':
      return `Forward this email to ${spocName}, then file it.`;
  }
}

/**
 * "Single point of contact: Priya Shah", the restricted verdict's second line: the name only, to
 * keep the top short at 320 px (the address is in the confirmation and under Details).
 */
export function spocLine(spocName: string, spocEmail: string): string {
  return `${SENDER_CHECK_TEXT.spoc}: ${spocName || spocEmail}`;
}

/** The forwarded-restricted verdict's heading (the SPOC's side). */
export function forwardedTitle(personName: string): string {
  return `Restricted correspondence from ${personName}`;
}

/** A note on a clear verdict: a warning on file, or a restriction that starts later. */
export function clearNoteText(note: ClearNote): string {
  const day = formatLocalDate(note.date);
  // "The guidance below" only when there is some: an item without StaffGuidance shows none.
  const guided = note.guidance.trim() !== '';
  if (note.kind === 'warning')
    return `${note.personName} was given a written warning on ${day}. Nothing is restricted: reply as usual${guided ? ', and follow the guidance below' : ''}.`;
  return `A contact restriction for ${note.personName} starts on ${day}. Until then, reply as usual; from that day, ${guided ? 'follow the guidance below' : 'the restriction applies'}.`;
}

/** What the one live region says when a verdict arrives: its heading and one line, no more. */
export function verdictAnnouncement(title: string, line: string): string {
  return line ? `${title}. ${line}` : title;
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
