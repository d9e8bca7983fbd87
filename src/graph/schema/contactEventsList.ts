// The Contact Events list: the Record of Evidence (policy 004; policy 002 §45, §51–52). Staff add
// items; only reviewers read them all (item-level permissions: docs/contact-events.md). Column
// internal names are a public contract. The evidence is a link and the internetMessageId, never
// the body of the email.
import { CHANNELS, INFORMED_ANSWERS } from '../../policy/events/vocabulary';
import { EVENT_LIMITS } from '../../policy/events/contactEvent';
import type { ColumnSpec, ListSchema } from './types';

const line = (
  name: string,
  displayName: string,
  description: string,
  required = false,
): ColumnSpec => ({
  name,
  displayName,
  description,
  required,
  text: { allowMultipleLines: false, maxLength: 255 },
});

const lines = (name: string, displayName: string, description: string): ColumnSpec => ({
  name,
  displayName,
  description,
  required: false,
  text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 4 },
});

export const contactEventsList: ListSchema = {
  displayName: 'Contact Events',
  description:
    'Contact Guard: the Record of Evidence. One item per contact logged by staff. Staff add and ' +
    'see their own items; reviewers read all.',
  columns: [
    line('Title', 'Summary', 'A short summary of what happened.', true),
    {
      name: 'EventKey',
      displayName: 'Event key',
      description:
        'Made on the device that recorded the event; unique, so a retried save never adds a second item.',
      required: true,
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'OccurredAt',
      displayName: 'When it happened',
      required: true,
      indexed: true,
      dateTime: { format: 'dateTime', displayAs: 'standard' },
    },
    {
      name: 'Channel',
      displayName: 'Channel',
      required: true,
      choice: { choices: [...CHANNELS], displayAs: 'dropDownMenu', allowTextEntry: false },
    },
    line('PersonName', 'Person', 'Who made the contact.'),
    {
      ...line('PersonEmail', 'Person email', "The sender's address (lower case)."),
      indexed: true,
    },
    lines(
      'Details',
      'Details',
      `What happened, in more words (at most ${EVENT_LIMITS.details} characters).`,
    ),
    lines(
      'Behaviours',
      'Type of behaviour',
      "Codes, one per line: policy 002's headings A–D and policy 004's checklist.",
    ),
    line('BehaviourOther', 'Other behaviour', 'What the "Other" behaviour was.'),
    lines('Feelings', 'How it made staff feel', 'Codes, one per line (optional).'),
    line('FeelingOther', 'Other feeling', 'What the "Other" feeling was.'),
    lines(
      'PolicyAspects',
      'Aspect of policy triggered',
      "Codes, one per line: policy 004's four harassment criteria.",
    ),
    lines(
      'StaffInvolved',
      'Staff involved',
      `Names (at most ${EVENT_LIMITS.staffInvolved} characters).`,
    ),
    line('RecordedByName', 'Recorded by', 'The signed-in member of staff who logged it.', true),
    {
      ...line(
        'RecordedByEmail',
        'Recorded by (email)',
        'Address of the member of staff who logged it.',
        true,
      ),
      indexed: true,
    },
    {
      name: 'ThreatOfViolence',
      displayName: 'Threat or physicality',
      description: 'A threat, threatening behaviour or physicality was recorded.',
      boolean: {},
    },
    {
      name: 'HeadTeacherTold',
      displayName: 'Head teacher told',
      choice: { choices: [...INFORMED_ANSWERS], displayAs: 'radioButtons', allowTextEntry: false },
    },
    {
      name: 'PoliceInformed',
      displayName: 'Police informed',
      choice: { choices: [...INFORMED_ANSWERS], displayAs: 'radioButtons', allowTextEntry: false },
    },
    lines(
      'InternetMessageId',
      'Internet message id',
      "The email's Internet message id (evidence).",
    ),
    lines('MessageLink', 'Link to the email', 'Opens the email in Outlook on the web.'),
    line('Mailbox', 'Mailbox', 'The shared mailbox the email is in, if not the recorder’s own.'),
    lines(
      'EvidenceCopy',
      'Copy of the email',
      'Only when "attach a copy" was ticked: the message as .eml (MIME text), up to 60,000 characters.',
    ),
  ],
};
