// Plain words for logging a contact event (the form, the email's "logged" state and the "Log
// contact" view), in one place. The vocabularies (behaviours, feelings, the threat notice) are the
// policy's, in src/policy/events/vocabulary.ts; dates and times are src/policy/dates/format.ts's.
import { formatCount } from '../../../policy/dates/format';

export const EVENT_TEXT = {
  openEmailUnreadable: 'The open email could not be read. You can still log another contact.',
  // The form.
  pleaseCheck: 'Please check:',
  when: 'When it happened',
  channel: 'How the contact came',
  choose: 'Choose…',
  from: 'From:',
  who: 'Who made the contact',
  pickPerson: 'Pick a person with a restriction…',
  name: 'Name',
  email: 'Email address (if known)',
  summary: 'Summary',
  behaviours: 'Kind of behaviour',
  tickAll: '(tick all that apply)',
  otherBehaviour: 'Other behaviour',
  headTold: 'Has the head teacher been told?',
  policeInformed: 'Have the police been informed?',
  feelings: 'How it made you feel',
  feelingsOptional: '(optional: leave blank if you prefer)',
  otherFeeling: 'Other feeling',
  policyAspects: 'Which part of the policy it triggers',
  optional: '(optional)',
  staffInvolved: 'Staff involved',
  details: 'Details (optional)',
  attachCopy: 'Attach a copy of the email (.eml)',
  linkOnly: 'The record keeps a link to this email and its message id, not a copy of what it says.',
  save: 'Save',
  cancel: 'Cancel',
  yes: 'Yes',
  notYet: 'Not yet',
  // The email's "logged" state.
  openingForm: 'Opening the form…',
  checkingLogged: 'Checking whether this email is logged…',
  logEmail: 'Log this email as a contact event',
  couldNotCheck: "We couldn't check whether this email has been logged already.",
  waiting:
    'Waiting to save: the contact event is kept on this device and will be saved when Microsoft 365 can be reached.',
  tryNow: 'Try now',
  tryAgain: 'Try again',
  // The "Log contact" view.
  openEmail: 'The open email',
  otherContact: 'Another contact (phone, in person, letter…)',
  selectEmail: 'Select an email, or log another contact.',
} as const;

/** "At most 255 characters." */
export function atMostText(limit: number): string {
  return `At most ${limit} characters.`;
}

/** What is kept when "attach a copy" is ticked, and when an email is too large for it. */
export function copyKeptText(limit: number): string {
  return `A copy of the email is kept with the record, with its link and message id. An email over ${formatCount(limit)} characters (with its attachments) is too large: then only the link and message id are kept, and you are told.`;
}

/** "Recorded by Sarah Whitfield (you)." */
export function recordedByText(name: string): string {
  return `Recorded by ${name} (you).`;
}

/** "The contact event could not be saved: <why> It is kept on this device." */
export function couldNotSaveText(why: string): string {
  return `The contact event could not be saved: ${why} It is kept on this device.`;
}

/** "Contact event logged by you at 14:05." */
export function loggedByText(by: string, at: string): string {
  return `Contact event logged by ${by} at ${at}.`;
}

/** "Contact event saved at 14:05." */
export function savedAtText(at: string): string {
  return `Contact event saved at ${at}.`;
}
