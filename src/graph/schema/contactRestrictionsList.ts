// The Contact Restrictions list: readable by all staff, so it holds the instruction (who, until
// when, what to do) and never the reasons or evidence (DOMAIN.md, "Data"). Column internal names
// are a public contract shared with SharePoint pages and Power Automate: see docs/lists.md, and
// change them only with a migration.

import { HANDLINGS, RESTRICTION_STATUSES } from '../../policy/types';
import type { ListSchema, TextColumnSpec } from './types';

/** SharePoint's limit for a single line of text. */
const SINGLE_LINE_MAX = 255;

function multiLinePlainText(
  name: string,
  displayName: string,
  description: string,
  required: boolean,
): TextColumnSpec {
  return {
    name,
    displayName,
    description,
    required,
    // Plain text, not rich text: the add-in shows these values as text and must never receive HTML.
    text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 },
  };
}

export const contactRestrictionsList: ListSchema = {
  displayName: 'Contact Restrictions',
  description:
    'Contact Guard: one item per person whose contact with the school is restricted. ' +
    'Readable by all staff: the instruction only, never the reasons or evidence.',
  columns: [
    {
      name: 'Title',
      displayName: 'Title',
      description: "The restricted person's display name.",
      required: true,
      text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX },
    },
    multiLinePlainText(
      'Emails',
      'Email addresses',
      'Every email address the person uses, one per line (";" or "," also accepted).',
      true,
    ),
    {
      name: 'Status',
      displayName: 'Status',
      description:
        'Only Provisional, Active and Extended restrict contact, between the start and end dates.',
      required: true,
      // The add-in filters on Status; unindexed filters fail on lists over 5,000 items.
      indexed: true,
      choice: {
        choices: [...RESTRICTION_STATUSES],
        displayAs: 'dropDownMenu',
        allowTextEntry: false,
      },
    },
    {
      name: 'StartDate',
      displayName: 'Start date',
      description: 'First day the restriction applies.',
      required: true,
      dateTime: { format: 'dateOnly', displayAs: 'standard' },
    },
    {
      name: 'EndDate',
      displayName: 'End date',
      // No policy allows an indefinite restriction, so an end date is always required.
      description: 'Last day the restriction applies, inclusive (Europe/London).',
      required: true,
      dateTime: { format: 'dateOnly', displayAs: 'standard' },
    },
    {
      name: 'ReviewDate',
      displayName: 'Review date',
      description: 'When reviewers must look at the restriction again.',
      required: false,
      dateTime: { format: 'dateOnly', displayAs: 'standard' },
    },
    {
      name: 'Handling',
      displayName: 'Email handling',
      description:
        "What happens to the person's email: Forward to the single point of contact, File " +
        'without acknowledgement, or ForwardAndFile.',
      required: true,
      choice: { choices: [...HANDLINGS], displayAs: 'dropDownMenu', allowTextEntry: false },
    },
    {
      name: 'SpocName',
      displayName: 'Single point of contact',
      description: 'Name of the member of staff or shared mailbox that handles all contact.',
      required: false,
      text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX },
    },
    {
      name: 'SpocEmail',
      displayName: 'Single point of contact email',
      // Forwarding needs an address; without one the restriction cannot be carried out.
      description: 'Address that restricted email is forwarded to (a person or a shared mailbox).',
      required: true,
      text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX },
    },
    multiLinePlainText(
      'AllowedContact',
      'Allowed contact',
      'Permitted channels, days and times of contact.',
      false,
    ),
    multiLinePlainText(
      'StaffGuidance',
      'Guidance for staff',
      'What any member of staff should do or say.',
      false,
    ),
    multiLinePlainText(
      'EmergencyNote',
      'Emergency and statutory contact',
      'How the person can still make urgent contact or contact the law requires a response to.',
      false,
    ),
  ],
};
