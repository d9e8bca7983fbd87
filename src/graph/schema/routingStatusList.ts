// The Routing Status list: what each run of the mail-routing reconciler found and did. One item
// per run (Kind = Run: counts and a plain report) and one item per protected mailbox (Kind =
// Mailbox: its state after the last run that changed it, and the rule keys it had in step, which
// is how a rule deleted by a user is recognised as drift). No parent's name or address is written
// here: rule names hold a SPOC's (staff) address and a hash only.

import type { ListSchema } from './types';

export const ROUTING_STATUS_KINDS = ['Run', 'Mailbox'] as const;
export const ROUTING_OUTCOMES = ['InStep', 'Changed', 'Failed', 'Planned'] as const;
export type RoutingOutcome = (typeof ROUTING_OUTCOMES)[number];

export const routingStatusList: ListSchema = {
  displayName: 'Routing Status',
  description:
    'Contact Guard: reports of the mail-routing job (npm run routing), one item per run and one per protected mailbox.',
  columns: [
    {
      name: 'Title',
      displayName: 'Title',
      description: "The run's time (Run) or the mailbox address (Mailbox).",
      required: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'Kind',
      displayName: 'Kind',
      description: 'Run: one run of the job. Mailbox: one protected mailbox.',
      required: true,
      indexed: true,
      choice: {
        choices: [...ROUTING_STATUS_KINDS],
        displayAs: 'dropDownMenu',
        allowTextEntry: false,
      },
    },
    {
      name: 'RunAt',
      displayName: 'Run at',
      description: 'When the run started (UTC).',
      required: true,
      // The admin view asks for the latest run: ordering needs an index on large lists.
      indexed: true,
      dateTime: { format: 'dateTime', displayAs: 'standard' },
    },
    {
      name: 'Mode',
      displayName: 'Mode',
      description: 'plan (changed nothing) or apply.',
      required: false,
      choice: { choices: ['plan', 'apply'], displayAs: 'dropDownMenu', allowTextEntry: false },
    },
    {
      name: 'Outcome',
      displayName: 'Outcome',
      description: 'InStep, Changed, Failed or Planned (plan mode: changes needed).',
      required: false,
      choice: { choices: [...ROUTING_OUTCOMES], displayAs: 'dropDownMenu', allowTextEntry: false },
    },
    {
      name: 'InStepCount',
      displayName: 'In step',
      description: 'Run: mailboxes in step. Mailbox: rules in step.',
      required: false,
      number: { decimalPlaces: 'none', minimum: 0 },
    },
    {
      name: 'ChangedCount',
      displayName: 'Changed',
      description: 'Run: mailboxes changed. Mailbox: rules created, updated or deleted.',
      required: false,
      number: { decimalPlaces: 'none', minimum: 0 },
    },
    {
      name: 'FailedCount',
      displayName: 'Failed',
      description: 'Run: mailboxes that failed. Mailbox: changes that failed.',
      required: false,
      number: { decimalPlaces: 'none', minimum: 0 },
    },
    {
      name: 'Details',
      displayName: 'Details',
      description: 'The report in plain words: drift found and repaired, failures and why.',
      required: false,
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 10 },
    },
    {
      name: 'RuleKeys',
      displayName: 'Rule keys',
      description:
        'Mailbox: the keys of the Contact Guard rules in step after the run, one per line.',
      required: false,
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 3 },
    },
  ],
};
