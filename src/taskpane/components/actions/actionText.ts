// Plain-language text of the restricted-email actions (the staff member's panel, the emergency
// banner and the single point of contact's side), in one place: the components read it from here.
import { filedDetail, type MessageMark } from '../../../app/actions/restrictedActions';
import { formatInstant } from '../../text';
import { CATEGORY_LABELS, type UrgencyMatch } from '../../../policy/urgency';

export const ACTION_TEXT = {
  checking: 'Checking what has been done with this email…',
  tryAgain: 'Try again',
  fileIt: 'File it',
  filingUndone: 'Filing undone: the email is back where it was.',
  panel: 'What to do with this email',
  undoFiling: 'Undo filing',
  confirm: 'Confirm',
  cancel: 'Cancel',
  working: 'Working…',
  urgentTitle: 'Possibly urgent or safeguarding',
  spoc: 'Single point of contact',
  logNewIssue: 'Log it as a contact event (the Log contact tab) so the new issue is on the record.',
  readFirst: 'Read the email to make sure it raises no new issue. Do not acknowledge it.',
  noNewIssue: 'Read — no new issue: file without acknowledgement',
  newIssue: 'New issue raised',
} as const;

/** The button for the one action the restriction's Handling asks for. */
export function actionLabel(step: 'forward' | 'file' | 'forwardAndFile', spocName: string): string {
  switch (step) {
    case 'forward':
      return `Forward to ${spocName}`;
    case 'file':
      return ACTION_TEXT.fileIt;
    case 'forwardAndFile':
      return `Forward to ${spocName} and file it`;
  }
}

/** The confirmation for that action: it names the recipient (`spoc`: "Name (address)"). */
export function actionQuestion(
  step: 'forward' | 'file' | 'forwardAndFile',
  spoc: string,
  personName: string,
): string {
  switch (step) {
    case 'forward':
      return `Forward this email to ${spoc}? The original stays here, unchanged, and no reply is sent.`;
    case 'file':
      return `Move this email to the "${personName}" folder under Restricted correspondence? You can undo this until you open another email.`;
    case 'forwardAndFile':
      return `Forward this email to ${spoc}, then move it to the "${personName}" folder under Restricted correspondence? If the forward fails, nothing is filed.`;
  }
}

/** Someone else's forward is under way: nothing was done here. */
export function busyText(byName: string | undefined, at: string): string {
  return `${byName || 'Someone'} started forwarding this email ${formatInstant(at)}, so nothing was done here. Look again in a minute.`;
}

/** The SPOC's heading. */
export function spocHeading(personName: string): string {
  return `You are the single point of contact for ${personName}`;
}

export function forwardedText(mark: MessageMark): string {
  return `Forwarded to ${mark.detail || 'the single point of contact'} by ${mark.byName || 'a member of staff'}, ${formatInstant(mark.at)}.`;
}

export function filedText(mark: MessageMark): string {
  const path = filedDetail(mark)?.path;
  return `Filed${path ? ` in ${path}` : ''} by ${mark.byName || 'a member of staff'}, ${formatInstant(mark.at)}.`;
}

export function outcomeText(mark: MessageMark): string {
  const who = mark.byName || 'The single point of contact';
  const when = formatInstant(mark.at);
  return mark.detail === 'newIssue'
    ? `${who} recorded a new issue, ${when}. The email stays in the inbox.`
    : `${who} read it: no new issue, filed without acknowledgement, ${when}.`;
}

/** One match in plain words: the email's own words, then what they point to. */
export function matchText(match: Pick<UrgencyMatch, 'text' | 'category'>): string {
  return `"${match.text}" (${CATEGORY_LABELS[match.category]})`;
}

const AND_LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/**
 * What the banner says: which words of the email it found and what they point to, or, for a
 * forward whose text matched nothing here, that it was flagged when it was forwarded.
 */
export function urgentText(matches: readonly Pick<UrgencyMatch, 'text' | 'category'>[]): string {
  const why =
    matches.length > 0
      ? `This email says ${AND_LIST.format(matches.map(matchText))}.`
      : 'This email was flagged as possibly urgent when it was forwarded.';
  return `${why} It may be urgent or about safeguarding: follow the school's normal emergency and safeguarding procedure now, as well as the restriction. Do not wait for the single point of contact.`;
}
