// Plain-language text of the restricted-email actions.
import type { MessageMark } from '../../../graph/mail/messageMarks';
import { filedDetail } from '../../../app/actions/restrictedActions';
import { formatInstant } from '../../text';

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

export function urgentText(words: readonly string[]): string {
  return `This email mentions ${words.map((w) => `"${w}"`).join(', ')}. It may be urgent or about safeguarding: follow the school's normal emergency and safeguarding procedure now, as well as the restriction. Do not wait for the single point of contact.`;
}
