// Plain-language text of the restricted-email actions.
import { filedDetail, type MessageMark } from '../../../app/actions/restrictedActions';
import { formatInstant } from '../../text';
import { CATEGORY_LABELS, type UrgencyMatch } from '../../../policy/urgency';

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
