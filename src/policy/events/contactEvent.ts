// The contact event model and the form's rules: pure, no I/O ("now" is a parameter).
import { isEmailAddress, normalizeAddress } from '../addresses';
import { readAddressEntry } from '../addressEntry';
import {
  BEHAVIOURS,
  CHANNELS,
  FEELINGS,
  INFORMED_ANSWERS,
  POLICY_ASPECTS,
  type Behaviour,
  type Channel,
  type Feeling,
  type InformedAnswer,
  type PolicyAspect,
} from './vocabulary';

/** Column limits of the Contact Events list (single-line text: SharePoint's 255). */
export const EVENT_LIMITS = {
  summary: 255,
  personName: 255,
  personEmail: 255,
  behaviourOther: 255,
  feelingOther: 255,
  /** Multi-line columns: our own limits, documented in docs/contact-events.md. */
  details: 4000,
  staffInvolved: 1000,
} as const;

/** A clock skew allowance: a time a minute ahead of this device is not "the future". */
const FUTURE_TOLERANCE_MS = 60_000;

export interface Person {
  name?: string;
  email?: string;
}

export interface Evidence {
  /** Shared or delegated mailbox the email lives in; undefined = the recorder's own. */
  mailbox?: string;
  messageId: string;
  internetMessageId?: string;
  webLink?: string;
  /** The user ticked "attach a copy". */
  attachCopy: boolean;
}

/** What the form holds: strings as typed, before validation. */
export interface ContactEventDraft {
  occurredAt: string;
  channel: Channel | '';
  summary: string;
  details: string;
  person: Person;
  behaviours: Behaviour[];
  behaviourOther: string;
  feelings: Feeling[];
  feelingOther: string;
  policyAspects: PolicyAspect[];
  staffInvolved: string;
  evidence?: Evidence;
  headTeacherTold: InformedAnswer | '';
  policeInformed: InformedAnswer | '';
}

export interface Recorder {
  name: string;
  email: string;
}

/** A valid event, ready to save. */
export interface ContactEvent {
  /** Made on the device; unique in the list (EventKey): a retried save never makes a second item. */
  key: string;
  occurredAt: string;
  channel: Channel;
  summary: string;
  details?: string;
  person: Person;
  behaviours: Behaviour[];
  behaviourOther?: string;
  feelings: Feeling[];
  feelingOther?: string;
  policyAspects: PolicyAspect[];
  staffInvolved?: string;
  recordedBy: Recorder;
  evidence?: Evidence;
  /** Present when a threat or physicality was ticked. */
  threat?: { headTeacherTold: InformedAnswer; policeInformed: InformedAnswer };
  /** When the user pressed Save (ISO). */
  recordedAt: string;
}

export type EventField =
  | 'occurredAt'
  | 'channel'
  | 'summary'
  | 'details'
  | 'person'
  /** The email address typed for a contact not by email (beside its own box in the form). */
  | 'personEmail'
  | 'behaviours'
  | 'behaviourOther'
  | 'feelings'
  | 'feelingOther'
  | 'policyAspects'
  | 'staffInvolved'
  | 'headTeacherTold'
  | 'policeInformed'
  | 'recordedBy';

export interface FieldProblem {
  field: EventField;
  message: string;
}

export type ValidationResult =
  { ok: true; event: ContactEvent } | { ok: false; problems: FieldProblem[] };

/**
 * Behaviour the policies say is reported to the head teacher and the police: a threat, physicality
 * (violence used), stalking (002 §33 "always the case if physical violence is used or threatened,
 * or stalking behaviour is exhibited"; 000 §2.3; 002 §41).
 */
export const REPORTED_BEHAVIOURS: readonly Behaviour[] = ['Threatening', 'Physicality', 'Stalking'];

/**
 * True when the policies' duty to tell the head teacher and the police applies. Decided by what
 * the person did (behaviours) only: a member of staff who felt threatened has not thereby
 * recorded a threat (004's form asks the two apart; 002 §39 versus §33).
 */
export function involvesThreat(draft: Pick<ContactEventDraft, 'behaviours'>): boolean {
  return draft.behaviours.some((b) => REPORTED_BEHAVIOURS.includes(b));
}

/** The ThreatOfViolence column: a threat made or physical violence, not stalking alone. */
export function isThreatOfViolence(behaviours: readonly Behaviour[]): boolean {
  return behaviours.includes('Threatening') || behaviours.includes('Physicality');
}

/** Text that looks like HTML or script. It is stored and shown as text, never interpreted. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*\/?\s*[a-z!][^>]*>|javascript:|&#?\w+;/i.test(text);
}

export function emptyDraft(init: Partial<ContactEventDraft> = {}): ContactEventDraft {
  return {
    occurredAt: '',
    channel: '',
    summary: '',
    details: '',
    person: {},
    behaviours: [],
    behaviourOther: '',
    feelings: [],
    feelingOther: '',
    policyAspects: [],
    staffInvolved: '',
    headTeacherTold: '',
    policeInformed: '',
    ...init,
  };
}

function tooLong(label: string, limit: number, length: number): string {
  return `${label} is too long: ${length} characters, the most is ${limit}. Shorten it; nothing is cut off for you.`;
}

/**
 * Checks the form. Every problem is named in plain words; nothing is truncated or altered
 * (text is trimmed at the ends only; HTML-looking text is kept exactly, as text).
 */
export function validateEventDraft(
  draft: ContactEventDraft,
  ctx: { now: Date; key: string; recorder: Recorder },
): ValidationResult {
  const problems: FieldProblem[] = [];
  const add = (field: EventField, message: string) => problems.push({ field, message });
  const limit = (field: EventField, label: string, value: string, max: number) => {
    if (value.length > max) add(field, tooLong(label, max, value.length));
  };

  const occurred = draft.occurredAt.trim() === '' ? NaN : Date.parse(draft.occurredAt);
  if (draft.occurredAt.trim() === '') add('occurredAt', 'Say when it happened.');
  else if (Number.isNaN(occurred)) add('occurredAt', 'When it happened is not a date and time.');
  else if (occurred > ctx.now.getTime() + FUTURE_TOLERANCE_MS)
    add('occurredAt', 'When it happened cannot be in the future.');

  if (!CHANNELS.includes(draft.channel as Channel))
    add('channel', 'Choose how the contact came (email, phone, ...).');

  const summary = draft.summary.trim();
  if (summary === '') add('summary', 'Write a short summary of what happened.');
  limit('summary', 'The summary', summary, EVENT_LIMITS.summary);
  const details = draft.details.trim();
  limit('details', 'The details', details, EVENT_LIMITS.details);

  const personEmailRaw = (draft.person.email ?? '').trim();
  // A typed (or pasted) address is read as the address it stands for, `Name <address>` and
  // full-width forms included, and a look-alike is refused (src/policy/addressEntry.ts). The open
  // email's sender is taken as the host gives it: a spoofed look-alike sender must still be
  // loggable as evidence.
  const typed = draft.evidence ? undefined : readAddressEntry(personEmailRaw);
  const personName =
    (draft.person.name ?? '').trim() || (typed?.kind === 'address' && typed.name) || '';
  if (personName === '' && personEmailRaw === '')
    add('person', 'Say who made the contact: pick a person, or type a name or an email address.');
  limit('person', "The person's name", personName, EVENT_LIMITS.personName);
  const emailField: EventField = typed ? 'personEmail' : 'person';
  limit(emailField, "The person's email address", personEmailRaw, EVENT_LIMITS.personEmail);
  const notAnAddress =
    "The person's email address does not look like an address (name@example.org).";
  if (typed?.kind === 'refused')
    add(emailField, typed.problem === 'notAnAddress' ? notAnAddress : typed.message);
  else if (!typed && personEmailRaw !== '' && !isEmailAddress(personEmailRaw))
    add(emailField, notAnAddress);
  const personEmail = typed?.kind === 'address' ? typed.address : normalizeAddress(personEmailRaw);

  const behaviours = BEHAVIOURS.filter((b) => draft.behaviours.includes(b));
  if (behaviours.length === 0) add('behaviours', 'Tick at least one kind of behaviour.');
  const behaviourOther = draft.behaviourOther.trim();
  if (behaviours.includes('Other') && behaviourOther === '')
    add('behaviourOther', 'You ticked "Other" behaviour: say what it was.');
  limit('behaviourOther', 'The other behaviour', behaviourOther, EVENT_LIMITS.behaviourOther);

  const feelings = FEELINGS.filter((f) => draft.feelings.includes(f));
  const feelingOther = draft.feelingOther.trim();
  if (feelings.includes('Other') && feelingOther === '')
    add('feelingOther', 'You ticked "Other" for how it made you feel: say how, or untick it.');
  limit('feelingOther', 'The other feeling', feelingOther, EVENT_LIMITS.feelingOther);

  const policyAspects = POLICY_ASPECTS.filter((a) => draft.policyAspects.includes(a));
  const staffInvolved = draft.staffInvolved.trim();
  limit('staffInvolved', 'Staff involved', staffInvolved, EVENT_LIMITS.staffInvolved);

  const threat = involvesThreat(draft);
  if (threat) {
    if (!INFORMED_ANSWERS.includes(draft.headTeacherTold as InformedAnswer))
      add('headTeacherTold', 'Say whether the head teacher has been told.');
    if (!INFORMED_ANSWERS.includes(draft.policeInformed as InformedAnswer))
      add('policeInformed', 'Say whether the police have been informed.');
  }
  if (ctx.recorder.email.trim() === '')
    add('recordedBy', 'You are not signed in, so the event cannot say who recorded it.');

  if (problems.length) return { ok: false, problems };
  const person: Person = {};
  if (personName) person.name = personName;
  if (personEmail) person.email = personEmail;
  const event: ContactEvent = {
    key: ctx.key,
    occurredAt: new Date(occurred).toISOString(),
    channel: draft.channel as Channel,
    summary,
    person,
    behaviours,
    feelings,
    policyAspects,
    recordedBy: { name: ctx.recorder.name, email: normalizeAddress(ctx.recorder.email) },
    recordedAt: ctx.now.toISOString(),
  };
  if (details) event.details = details;
  if (behaviours.includes('Other')) event.behaviourOther = behaviourOther;
  if (feelings.includes('Other')) event.feelingOther = feelingOther;
  if (staffInvolved) event.staffInvolved = staffInvolved;
  if (draft.evidence) event.evidence = { ...draft.evidence };
  if (threat)
    event.threat = {
      headTeacherTold: draft.headTeacherTold as InformedAnswer,
      policeInformed: draft.policeInformed as InformedAnswer,
    };
  return { ok: true, event };
}

/** The Contact Events list item's fields for an event (column internal names: docs/contact-events.md). */
export function eventListFields(event: ContactEvent): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    Title: event.summary,
    EventKey: event.key,
    OccurredAt: event.occurredAt,
    Channel: event.channel,
    Behaviours: event.behaviours.join('\n'),
    Feelings: event.feelings.join('\n'),
    PolicyAspects: event.policyAspects.join('\n'),
    RecordedByName: event.recordedBy.name,
    RecordedByEmail: event.recordedBy.email,
    ThreatOfViolence: isThreatOfViolence(event.behaviours),
  };
  const put = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') fields[name] = value;
  };
  put('PersonName', event.person.name);
  put('PersonEmail', event.person.email);
  put('Details', event.details);
  put('BehaviourOther', event.behaviourOther);
  put('FeelingOther', event.feelingOther);
  put('StaffInvolved', event.staffInvolved);
  put('HeadTeacherTold', event.threat?.headTeacherTold);
  put('PoliceInformed', event.threat?.policeInformed);
  put('InternetMessageId', event.evidence?.internetMessageId);
  put('MessageLink', event.evidence?.webLink);
  put('Mailbox', event.evidence?.mailbox);
  return fields;
}
