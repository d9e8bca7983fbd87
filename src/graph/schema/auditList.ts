// The Audit list: append-only. Who forwarded, filed, logged, imposed or changed what, and when.
// Staff add entries; nobody edits or deletes them; only reviewers read them (docs/contact-events.md).
import type { ListSchema } from './types';

export const AUDIT_ACTIONS = [
  'EventLogged',
  'Forwarded',
  'Filed',
  'FilingUndone',
  'SpocOutcome',
  'RestrictionChanged',
  'RoutingApplied',
  // A member of staff sent to a restricted person from the compose pane, with a reason (issue 12).
  'SentAnyway',
] as const;

export const auditList: ListSchema = {
  displayName: 'Contact Guard Audit',
  description: 'Contact Guard: append-only record of every action taken under the policy.',
  columns: [
    {
      name: 'Title',
      displayName: 'What',
      description: 'A short, plain description of the action (no personal data beyond names).',
      required: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'AuditKey',
      displayName: 'Audit key',
      description: 'Unique per action, so a retried write never adds a second entry.',
      required: true,
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'Action',
      displayName: 'Action',
      required: true,
      indexed: true,
      choice: { choices: [...AUDIT_ACTIONS], displayAs: 'dropDownMenu', allowTextEntry: false },
    },
    {
      name: 'ActorName',
      displayName: 'Who',
      required: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'ActorEmail',
      displayName: 'Who (email)',
      required: true,
      indexed: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'At',
      displayName: 'When',
      required: true,
      indexed: true,
      dateTime: { format: 'dateTime', displayAs: 'standard' },
    },
    {
      name: 'Target',
      displayName: 'Which item',
      description: 'The key of what was acted on (e.g. the contact event key).',
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'InternetMessageId',
      displayName: 'Which message',
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 2 },
    },
  ],
};
