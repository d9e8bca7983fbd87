// The review's counted words (issue 13: "1 working days left"): every count goes through one
// plural helper (en-GB plural rules), and the sentences built from counts use it.
import {
  countText,
  daysText,
  dueWhenText,
  entriesCountText,
  letterDatedText,
  reviewOverdueText,
  weeklySummaryText,
} from '../../../src/ui/review/reviewText';

describe('countText', () => {
  it('uses the singular for exactly one and the plural for everything else, zero included', () => {
    expect(countText(1, 'working day', 'working days')).toBe('1 working day');
    expect(countText(2, 'working day', 'working days')).toBe('2 working days');
    expect(countText(0, 'entry', 'entries')).toBe('0 entries');
    expect(countText(21, 'week', 'weeks')).toBe('21 weeks'); // not "21 week" (a rule of other languages)
  });

  it('writes the number as en-GB does', () => {
    expect(countText(1200, 'contact', 'contacts')).toBe('1,200 contacts');
  });
});

describe('sentences with counts', () => {
  it('days ahead and days late', () => {
    expect(daysText(0)).toBe('today');
    expect(daysText(1)).toBe('tomorrow');
    expect(daysText(3)).toBe('in 3 days');
    expect(daysText(-1)).toBe('1 day late');
    expect(daysText(-14)).toBe('14 days late');
  });

  it('working days left: "1 working day left", never "1 working days left"', () => {
    const item = { due: '2026-12-04', daysFromToday: 1, state: 'due' as const };
    expect(dueWhenText({ ...item, countingDaysLeft: 1 })).toBe(
      '4 December 2026 (tomorrow, 1 working day left)',
    );
    expect(dueWhenText({ ...item, daysFromToday: 4, countingDaysLeft: 2 })).toBe(
      '4 December 2026 (in 4 days, 2 working days left)',
    );
    // Late or today: no days left to count.
    expect(dueWhenText({ ...item, daysFromToday: -2, state: 'late', countingDaysLeft: 0 })).toBe(
      '4 December 2026 (2 days late)',
    );
  });

  it('entries shown', () => {
    expect(entriesCountText(1, 1)).toBe('1 entry, oldest first.');
    expect(entriesCountText(3, 3)).toBe('3 entries, oldest first.');
    expect(entriesCountText(1, 3)).toBe('1 of 3 entries, oldest first.');
    expect(entriesCountText(0, 1)).toBe('0 of 1 entry, oldest first.');
  });

  it('the weekly chart summary', () => {
    expect(weeklySummaryText(1, 1, { count: 1, weekStart: '2026-11-23' })).toBe(
      'Contacts per week: 1 contact in 1 week, at most 1 in the week of 23 November 2026.',
    );
    expect(weeklySummaryText(5, 3, { count: 3, weekStart: '2026-11-09' })).toBe(
      'Contacts per week: 5 contacts in 3 weeks, at most 3 in the week of 9 November 2026.',
    );
  });

  it("the letter's date in words, whatever the date box shows", () => {
    expect(letterDatedText('2026-12-03')).toBe(
      'Dated 3 December 2026. Representations and appeal windows are counted from this date.',
    );
  });

  it('an overdue review names its date', () => {
    expect(reviewOverdueText('2026-11-23')).toBe(
      'The review was due by 23 November 2026. Record a review, or extend, vary or end the restriction.',
    );
  });
});
