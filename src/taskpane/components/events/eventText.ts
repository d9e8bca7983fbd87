// Plain words for logging a contact event (the form, the email's "logged" state and the "Log
// contact" view), in one place. The vocabularies (behaviours, feelings, the threat notice) are the
// policy's, in src/policy/events/vocabulary.ts; dates and times are src/policy/dates/format.ts's.
import { formatCount } from '../../../policy/dates/format';
import type { Behaviour } from '../../../policy/events';

export const EVENT_TEXT = {
  openEmailUnreadable: 'The open email could not be read. You can still log another contact.',
  // The form.
  headingEmail: 'Log this email as a contact event',
  headingOther: 'Log a contact',
  requiredNote: 'Fields marked * are needed; everything else is optional.',
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
  moreDetail: 'More detail (optional)',
  moreDetailHint:
    'How it made you feel, signs of harassment, staff involved, notes, and a copy of the email.',
  feelings: 'How it made you feel',
  feelingsOptional: '(optional: leave blank if you prefer)',
  otherFeeling: 'Other feeling',
  policyAspects: 'Signs of harassment (policy 004)',
  optional: '(optional)',
  staffInvolved: 'Staff involved',
  details: 'Notes (optional)',
  attachCopy: 'Keep a copy of the email with the record',
  linkOnly:
    'The record keeps a link to this email in the mailbox, so it can be found again, not a copy of what it says.',
  save: 'Save',
  cancel: 'Cancel',
  yes: 'Yes',
  notYet: 'Not yet',
  // The email's "logged" state.
  openingForm: 'Opening the form…',
  checkingLogged: 'Checking whether this email is logged…',
  logEmail: 'Log this email as a contact event',
  couldNotCheck: "We couldn't check whether this email has been logged already.",
  saving: 'Saving the contact event…',
  waiting:
    'Waiting to save: the contact event is kept on this device and will be saved when Microsoft 365 can be reached.',
  cancelled: 'Not logged: the form was closed without saving.',
  offlineSave:
    'Microsoft 365 cannot be reached just now. What you save is kept on this device and saved when it can be reached.',
  tryNow: 'Try now',
  tryAgain: 'Try again',
  // The "Log contact" view.
  openEmail: 'The open email',
  otherContact: 'Another contact (phone, in person, letter…)',
  selectEmail: 'Select an email, or log another contact.',
} as const;

/**
 * What policy 004's one-word behaviours mean, said beside them on the form (the list keeps the
 * policy's words: src/policy/events/vocabulary.ts). Only these four need saying.
 */
export const BEHAVIOUR_MEANINGS: Partial<Record<Behaviour, string>> = {
  Tone: 'the way it was said (rude, sarcastic, shouting)',
  Tenor: 'what it was getting at, read as a whole',
  Words: 'particular words or language used',
  Physicality: 'body language, gestures, getting too close',
};

/** "Tenor: what it was getting at, read as a whole" (or the label alone). */
export function behaviourLabel(label: string, meaning: string | undefined): string {
  return meaning ? `${label}: ${meaning}` : label;
}

/** "2 things to check:" above the list of problems, beside the Save button. */
export function problemCountText(count: number): string {
  return count === 1
    ? '1 thing to check before saving:'
    : `${count} things to check before saving:`;
}

/**
 * Under the verdict, while Microsoft 365 cannot be reached: the verdict came from the copy of the
 * restrictions kept on this device (a refresh would have failed and said "cannot check").
 */
export function offlineVerdictText(updated: string): string {
  return `Microsoft 365 cannot be reached just now, so the check above used the copy of the restrictions kept on this device (${updated}). Changes made since then are not included.`;
}

/** "At most 255 characters." */
export function atMostText(limit: number): string {
  return `At most ${limit} characters.`;
}

/** What is kept when "attach a copy" is ticked, and when an email is too large for it. */
export function copyKeptText(limit: number): string {
  return `A copy of the email, with its attachments, is kept with the record as well as the link. An email over ${formatCount(limit)} characters in all is too large to copy: then only the link is kept, and you are told.`;
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
