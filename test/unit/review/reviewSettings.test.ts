// The review's settings from the Settings list: defaults, plain problems, conflict wording.
import { readReviewSettings } from '../../../src/app/review/reviewSettings';
import { conflictMessage } from '../../../src/app/review/reviewService';
import { DEFAULT_HINT_THRESHOLDS } from '../../../src/policy/hints';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../../src/policy/lifecycle';

it('keeps every default when nothing is set', () => {
  const s = readReviewSettings(new Map());
  expect(s.thresholds).toEqual(DEFAULT_HINT_THRESHOLDS);
  expect(s.lifecycle).toEqual(DEFAULT_LIFECYCLE_SETTINGS);
  expect(s.counting).toBe('workingDays');
  expect(s.school).toBeUndefined();
  expect(s.problems).toEqual([]);
});

it('reads thresholds, counting, closures, lifecycle choices and names', () => {
  const s = readReviewSettings(
    new Map([
      ['HintVolumeEvents', '6'],
      ['deadlinecounting', 'schoolDays'],
      ['ExtraClosureDays', '2027-06-04\nnot a date'],
      ['ChairConfirms', 'no'],
      ['AppealDays', 'none'],
      ['LetterDelivery', 'post'],
      ['SchoolName', 'Oakfield Primary School'],
    ]),
  );
  expect(s.thresholds.volumeEvents).toBe(6);
  expect(s.counting).toBe('schoolDays');
  expect(s.extraClosures).toEqual(['2027-06-04']);
  expect(s.lifecycle).toMatchObject({
    chairConfirms: false,
    appealDays: null,
    letterDelivery: 'post',
  });
  expect(s.letterSchool.name).toBe('Oakfield Primary School');
  expect(s.problems).toEqual(['ExtraClosureDays: an entry is not a YYYY-MM-DD date.']);
});

it('refuses unusable term dates and templates with plain problems', () => {
  const s = readReviewSettings(
    new Map([
      ['TermDates', '{not json'],
      ['LetterTemplate:warning', 'Subject {{nope}}\n\nBody'],
    ]),
  );
  expect(s.school).toBeUndefined();
  expect(s.templates.warning).toBeUndefined();
  expect(s.problems.join(' ')).toMatch(/TermDates is not valid JSON/);
  expect(s.problems.join(' ')).toMatch(/warning letter template is not used/);
});

it('words a conflict with who and when, in London time', () => {
  expect(conflictMessage('Helen Marsh', '2026-07-01T13:05:00Z')).toBe(
    'Changed by Helen Marsh at 14:05 on 1 July 2026 — reload and try again',
  );
  expect(conflictMessage(undefined, undefined)).toBe(
    'Changed by someone else — reload and try again',
  );
});

it('002 §10, 003 Level 3, 004: reads who may impose and extend, how long a warning counts, the longest term', () => {
  const s = readReviewSettings(
    new Map([
      ['WhoMayImpose', 'headTeacher, SeniorLeader'],
      ['WhoMayExtend', 'governingBoard'],
      ['WarningValidMonths', '6'],
      ['LongestTermMonths', '6'],
    ]),
  );
  expect(s.lifecycle).toMatchObject({
    imposers: ['headTeacher', 'seniorLeader'],
    extenders: ['governingBoard'],
    warningValidMonths: 6,
    longestTermMonths: 6,
  });
  expect(s.problems).toEqual([]);
});

it('keeps the strictest defaults when the lifecycle rules are unusable, and says why', () => {
  const s = readReviewSettings(
    new Map([
      ['WhoMayImpose', 'headTeacher, caretaker'],
      ['WhoMayExtend', ' , '],
      ['WarningValidMonths', '0'],
      ['LongestTermMonths', '36'],
    ]),
  );
  expect(s.lifecycle).toEqual(DEFAULT_LIFECYCLE_SETTINGS);
  expect(s.problems).toEqual([
    'WarningValidMonths must be a number of months (1 to 36).',
    'LongestTermMonths must be a number of months (3 to 24).',
    'WhoMayImpose must list roles from: headTeacher, seniorLeader, chairOfGovernors, governingBoard, appealPanel.',
    'WhoMayExtend must list roles from: headTeacher, seniorLeader, chairOfGovernors, governingBoard, appealPanel.',
  ]);
});

describe('issue 14 items 6 and 7: what the records make due, per school', () => {
  it('defaults: 12 months (002 §50), the chair told of letters (002 §49), escalation (002 §63)', () => {
    expect(readReviewSettings(new Map()).recordsDue).toEqual({
      longestTermMonths: 12,
      notifyChairOfLetters: true,
      escalation: true,
      notifyLocalAreaGroup: false,
    });
  });

  it('004 Actions: a 004 school keeps the chair of the Local Area Group informed (NotifyLocalAreaGroup)', () => {
    const s = readReviewSettings(new Map([['NotifyLocalAreaGroup', 'yes']]));
    expect(s.recordsDue.notifyLocalAreaGroup).toBe(true);
    expect(readReviewSettings(new Map([['NotifyLocalAreaGroup', 'often']])).problems).toEqual([
      'NotifyLocalAreaGroup must be yes or no.',
    ]);
  });

  it('a 001 school sets 6 months; a school without 002 §49 or §63 turns them off', () => {
    const s = readReviewSettings(
      new Map([
        ['LongestTermMonths', '6'],
        ['NotifyChairOfLetters', 'no'],
        ['EscalationToCouncil', 'No'],
      ]),
    );
    expect(s.recordsDue).toEqual({
      longestTermMonths: 6,
      notifyChairOfLetters: false,
      escalation: false,
      notifyLocalAreaGroup: false,
    });
    expect(s.problems).toEqual([]);
  });

  it('an unusable value keeps the default and is reported in plain words', () => {
    const s = readReviewSettings(
      new Map([
        ['LongestTermMonths', 'forever'],
        ['NotifyChairOfLetters', 'sometimes'],
        ['EscalationToCouncil', 'maybe'],
      ]),
    );
    expect(s.recordsDue).toEqual({
      longestTermMonths: 12,
      notifyChairOfLetters: true,
      escalation: true,
      notifyLocalAreaGroup: false,
    });
    expect(s.problems).toEqual([
      'LongestTermMonths must be a number of months (3 to 24).',
      'NotifyChairOfLetters must be yes or no.',
      'EscalationToCouncil must be yes or no.',
    ]);
    expect(readReviewSettings(new Map([['LongestTermMonths', '0']])).problems).toHaveLength(1);
    expect(readReviewSettings(new Map([['LongestTermMonths', '25']])).problems).toHaveLength(1);
  });
});

it('003 Model Letters 4-5 and 002 §61 as school settings: the ban letters’ rights, on unless turned off', () => {
  expect(readReviewSettings(new Map()).letterPolicy).toEqual({
    progressMeeting: true,
    statutoryExceptions: true,
    policyTitle: 'policy on managing contact with parents and visitors',
  });
  const s = readReviewSettings(
    new Map([
      ['LetterProgressMeeting', 'no'],
      ['LetterStatutoryExceptions', 'maybe'],
      ['LetterPolicyTitle', 'Parent Partnership Policy'],
    ]),
  );
  expect(s.letterPolicy).toEqual({
    progressMeeting: false,
    statutoryExceptions: true,
    policyTitle: 'Parent Partnership Policy',
  });
  expect(s.problems).toEqual(['LetterStatutoryExceptions must be yes or no.']);
});
