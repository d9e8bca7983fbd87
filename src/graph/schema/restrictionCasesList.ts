// The Restriction Cases list: reviewers only (DOMAIN.md "Data" 3). One item per person: the case as
// JSON (stage, reasons, decisions, letters, deadlines) in a multi-line column, plus the indexed
// summary columns the review reads without opening every case (PersonKey, Stage, NextDue). Column
// internal names are a public contract (docs/review.md). Reasons never leave this list: the
// staff-facing Contact Restrictions item holds only the instruction.
import { STAGES } from '../../policy/lifecycle/types';
import type { ListSchema } from './types';

export const restrictionCasesList: ListSchema = {
  displayName: 'Restriction Cases',
  description:
    'Contact Guard: the decision trail behind each restriction (reasons, stage, letters, dates, ' +
    'representations, appeals, reviews). Reviewers only.',
  columns: [
    {
      name: 'Title',
      displayName: 'Person',
      description: "The person's display name.",
      required: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'PersonKey',
      displayName: 'Person key',
      description: "The person's first email address, lower case: one case per person.",
      required: true,
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'Stage',
      displayName: 'Stage',
      required: true,
      indexed: true,
      choice: { choices: [...STAGES], displayAs: 'dropDownMenu', allowTextEntry: false },
    },
    {
      name: 'NextDue',
      displayName: 'Next due',
      description: 'The earliest open deadline (review, representations, appeal...).',
      indexed: true,
      dateTime: { format: 'dateOnly', displayAs: 'standard' },
    },
    {
      name: 'Emails',
      displayName: 'Email addresses',
      description: 'Every address the person uses, one per line.',
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 3 },
    },
    {
      name: 'CaseJson',
      displayName: 'Case record',
      description:
        'The whole case as JSON, written by Contact Guard: do not edit by hand (a change here is a change to the record).',
      required: true,
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 },
    },
  ],
};
