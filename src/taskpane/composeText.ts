// Plain words for the compose pane (issue 12): the recipients' check on an email being written and
// the two ways on from a stop. Staff read these in a hurry: short, direct, no jargon. Never "clear"
// when the check could not be made.
import type { ComposeUncheckedReason } from '../app/compose/composeGuard';
import type { RecipientField } from '../policy/sendTime';
import { unavailableText } from './text';

export const COMPOSE_TEXT = {
  heading: 'Recipients check',
  checking: 'Checking the recipients…',
  clearTitle: 'No recipient is under a contact restriction',
  clearNote: 'You can send this email as usual.',
  groupsTitle: 'No named recipient is under a contact restriction',
  groupsNote: (groups: string) =>
    `The members of ${groups} cannot be checked here. If a parent under a restriction may be in it, check with the office before sending.`,
  stopTitle: 'A recipient is under a contact restriction',
  stopTitleMany: 'Recipients are under a contact restriction',
  stopNote:
    'Contact with this person goes through the single point of contact. Send the email to them instead, or send anyway only if the allowed contact covers this.',
  uncheckedTitle: 'The recipients could not be checked',
  uncheckedNote: 'Until the check works, do not assume the recipients are clear.',
  unreadableRecordTitle: 'Check with the office before sending',
  person: 'Person',
  spoc: 'Single point of contact',
  restrictedListLabel: 'Recipients under a contact restriction',
  uncheckedListLabel: 'Recipients that could not be checked',
  unreadableRecord: 'a restriction record for this address cannot be read.',
  noSpoc:
    'A restriction has no single point of contact address, so the email cannot be sent to them instead. Ask the office.',
  sendToSpoc: 'Send to the SPOC instead',
  sendAnyway: 'Send anyway, with a reason',
  reasonLabel: 'Why must this email go to them?',
  reasonHint: 'Recorded in the school’s audit log with your name. Do not include email addresses.',
  reasonMissing: 'Give a reason before sending anyway.',
  recordAndSend: 'Record the reason and send',
  recordOnly: 'Record the reason',
  cancel: 'Cancel',
  working: 'Working…',
  tryAgain: 'Try again',
  sent: 'The email was sent.',
  changedPressSend: 'The recipients were changed. Check them, then press Send.',
  changedStillStopped:
    'The recipients were changed, but another recipient still needs attention. Check them before pressing Send.',
  recordedPressSend:
    'Your reason was recorded. Press Send again: Contact Guard will let this email go.',
  sendFailed: 'Outlook did not send the email. Press Send.',
  nothingToDo: 'The recipients have changed since the check: look at the check again.',
  failedRead:
    'The recipients or the restrictions could not be read just now, so nothing was changed. Try again.',
  failedRecipients: 'Outlook did not change the recipients. Nothing was sent. Try again.',
  failedAudit:
    'Your reason could not be recorded, so the email was not sent and Outlook will still stop it. Your reason is kept below: try again.',
  failedMarker:
    'Your reason was recorded, but Outlook could not be told to let this email go, so it will still stop it. Try again; if it keeps failing, ask the office.',
} as const;

const FIELD_LABEL: Record<RecipientField, string> = { to: 'To', cc: 'Cc', bcc: 'Bcc' };

export function fieldLabel(field: RecipientField): string {
  return FIELD_LABEL[field];
}

/** Why the recipients could not be checked, in the user's words. */
export function composeUncheckedText(reason: ComposeUncheckedReason): string {
  if (typeof reason === 'object') return unavailableText[reason.list];
  switch (reason) {
    case 'noRestrictionList':
      return 'The restrictions have not been read yet.';
    case 'noDate':
      return "Today's date could not be worked out, so no restriction can be said to apply.";
    case 'noSender':
      return 'Your own email address could not be read, so Contact Guard cannot tell whether you are the single point of contact.';
    case 'badRecipients':
      return 'A recipient could not be read as an email address.';
    case 'recipientsUnreadable':
      return 'Outlook did not give Contact Guard the recipients of this email.';
  }
}
