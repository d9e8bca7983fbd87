// The Restriction Cases list: reviewers only (DOMAIN.md "Data" 3). One item per person: the case as
// JSON (stage, reasons, decisions, letters, deadlines) in a multi-line column, plus the indexed
// summary columns the review reads without opening every case (PersonKey, Stage, NextDue). Column
// internal names are a public contract (docs/review.md). Reasons never leave this list: the
// staff-facing Contact Restrictions item holds only the instruction. The fairness duties and the
// letter facts are here too (reviewers only), never on Contact Restrictions or the staff cache.
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
    {
      name: 'ReasonableAdjustments',
      displayName: 'Reasonable adjustments',
      description:
        'Adjustments made for the person (000 §1.1; 002 §65, §68), e.g. large print or a call to explain a letter. Shown to reviewers before any decision and named in the letters.',
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 3 },
    },
    {
      name: 'Representative',
      displayName: 'Representative or advocate',
      description:
        'Who represents or supports the person (000 §5.2; 002 §69), with how to reach them. Letters say a copy goes to them.',
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 2 },
    },
    {
      name: 'LetterFacts',
      displayName: 'Letter facts',
      description:
        "What the letters may tell the person (what to tell the parent, the incident date and time, who reported it, the effect on staff and pupils), as JSON written by Contact Guard. Reviewers' own reasons are never used in a letter.",
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 4 },
    },
  ],
};
