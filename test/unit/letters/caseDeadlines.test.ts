// The case waits for the date its letter gave the parent (issue 14 item 3: windows are counted from
// the letter's date, not the decision's).
import {
  DEFAULT_TEMPLATES,
  caseDeadlinesAfterLetter,
  letterWindows,
} from '../../../src/policy/letters';
import { DEFAULT_LIFECYCLE_SETTINGS } from '../../../src/policy/lifecycle';
import { DATES, T, TODAY, caseAt, step } from '../lifecycle/helpers';

const WINDOWS = letterWindows(DATES, DEFAULT_LIFECYCLE_SETTINGS);
const due = (deadlines: { kind: string; due: string }[], kind: string) =>
  deadlines.find((d) => d.kind === kind)?.due;

describe('the case counts the windows its letter states from the letter’s date', () => {
  it('003 Model Letters 2 and 4: a letter dated a week after the decision moves the representations deadline to the letter’s', () => {
    const c = caseAt('provisional');
    expect(TODAY).toBe('2026-03-02');
    expect(due(c.deadlines, 'representations')).toBe('2026-03-16');
    const after = caseDeadlinesAfterLetter(
      c,
      DEFAULT_TEMPLATES.conditionsPendingReview,
      '2026-03-09',
      WINDOWS,
    );
    expect(due(after, 'representations')).toBe('2026-03-23');
    expect(after.find((d) => d.kind === 'representations')!.notes).toContain(
      'Counted from the letter dated 9 March 2026.',
    );
    // Only what the letter states moves: the review date is the decision's.
    expect(due(after, 'review')).toBe(due(c.deadlines, 'review'));
  });

  it('003 Model Letters 2 and 4: a letter dated the day of the decision, or before it, moves nothing (never shorter than the policy’s count)', () => {
    const c = caseAt('provisional');
    for (const date of ['2026-03-02', '2026-02-20']) {
      expect(
        caseDeadlinesAfterLetter(c, DEFAULT_TEMPLATES.conditionsPendingReview, date, WINDOWS),
      ).toEqual(c.deadlines);
    }
  });

  it('000 §7.1: the appeal window follows a later restriction notice, counted from receiving it', () => {
    const c = step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false });
    const before = due(c.deadlines, 'appeal');
    expect(before).toBeDefined();
    const after = caseDeadlinesAfterLetter(
      c,
      DEFAULT_TEMPLATES.restrictionNotice,
      '2026-03-09',
      WINDOWS,
    );
    expect(due(after, 'appeal')).toBe('2026-04-08'); // 20 working days over Easter, as the letter says
    const posted = caseDeadlinesAfterLetter(c, DEFAULT_TEMPLATES.restrictionNotice, '2026-03-09', {
      ...WINDOWS,
      delivery: 'post',
    });
    expect(due(posted, 'appeal')! > '2026-04-08').toBe(true);
  });

  it('003 Appendix 5 Level 1: the warning letter’s “your own account by” moves the case’s versionOfEvents deadline', () => {
    const c = caseAt('warning');
    const before = due(c.deadlines, 'versionOfEvents');
    expect(before).toBe('2026-03-16');
    const after = caseDeadlinesAfterLetter(c, DEFAULT_TEMPLATES.warning, '2026-03-04', WINDOWS);
    expect(due(after, 'versionOfEvents')).toBe('2026-03-18');
  });

  it('a letter that states no window (a school template without one) changes nothing; nor does a date that is not a date', () => {
    const c = caseAt('provisional');
    const silent = { subject: 'Hello {{personName}}', body: 'Dear {{personName}}' };
    expect(caseDeadlinesAfterLetter(c, silent, '2026-03-09', WINDOWS)).toEqual(c.deadlines);
    expect(
      caseDeadlinesAfterLetter(c, DEFAULT_TEMPLATES.conditionsPendingReview, 'next week', WINDOWS),
    ).toEqual(c.deadlines);
  });

  it('a template that states the appeal only through {{appealRight}} still moves the appeal deadline', () => {
    const c = step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false });
    const template = { subject: 'Decision', body: 'Dear {{personName}}\n{{appealRight}}' };
    expect(due(caseDeadlinesAfterLetter(c, template, '2026-03-09', WINDOWS), 'appeal')).toBe(
      '2026-04-08',
    );
  });
});
