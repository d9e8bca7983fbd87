// The due and overdue panel at its edges: which cases are open, which deadlines count, the
// restriction's own review date, how days are counted and the order the panel shows.
import {
  dueItems,
  type CaseDeadline,
  type RecordsDue,
  type RestrictionCase,
} from '../../../src/policy/lifecycle';
import { bankHolidays, caseAt } from './helpers';
import { SCHOOL } from '../dates/fixtures';

const kindsAndStates = (items: ReturnType<typeof dueItems>) =>
  items.map((i) => [i.kind, i.due, i.state]);

const withDeadlines = (c: RestrictionCase, deadlines: CaseDeadline[]): RestrictionCase => ({
  ...c,
  deadlines,
});

const deadline = (kind: CaseDeadline['kind'], due: string): CaseDeadline => ({
  kind,
  due,
  notes: [],
});

describe('due list: which cases are open', () => {
  it('an extended restriction is in force: its review is listed, and past its end it is to be closed', () => {
    const extended = { ...caseAt('extended'), id: 'x' }; // review 22 July, end 5 September 2026
    expect(kindsAndStates(dueItems([extended], '2026-07-10', bankHolidays))).toEqual([
      ['review', '2026-07-22', 'due'],
    ]);
    expect(dueItems([extended], '2026-09-06', bankHolidays)).toEqual([
      expect.objectContaining({
        caseId: 'x',
        kind: 'expiredNotClosed',
        due: '2026-09-05',
        state: 'late',
      }),
    ]);
  });

  it('an ended, overturned or concern case lists nothing, even with deadlines left on its record', () => {
    const left = caseAt('active').deadlines; // appeal 7 April, review and end 1 September
    const closed = [
      withDeadlines(caseAt('ended'), left),
      withDeadlines(caseAt('overturned'), left),
      withDeadlines(caseAt('concern'), left),
    ];
    expect(dueItems(closed, '2026-03-25', bankHolidays)).toEqual([]);
    expect(dueItems(closed, '2026-09-01', bankHolidays)).toEqual([]);
  });
});

describe('due list: which deadlines count', () => {
  it('a deadline whose day is not a date is not listed as late', () => {
    const active = caseAt('active');
    const damaged = withDeadlines(active, [...active.deadlines, deadline('review', '')]);
    expect(dueItems([damaged], '2026-04-20', bankHolidays)).toEqual([]);
  });

  it('a written warning’s review date is not listed once a restriction has followed', () => {
    const active = caseAt('active');
    const kept = withDeadlines(active, [
      ...active.deadlines,
      deadline('warningReview', '2026-09-02'),
    ]);
    expect(kindsAndStates(dueItems([kept], '2026-08-25', bankHolidays))).toEqual([
      ['review', '2026-09-01', 'due'],
      ['end', '2026-09-01', 'due'],
    ]);
  });

  it('003: once the chair has confirmed, a passed representations or appeal window asks nothing', () => {
    const active = caseAt('active'); // appeal window closed 7 April
    const kept = withDeadlines(active, [
      ...active.deadlines,
      deadline('representations', '2026-03-16'),
    ]);
    expect(dueItems([kept], '2026-04-20', bankHolidays)).toEqual([]);
    expect(dueItems([caseAt('active')], '2026-04-08', bankHolidays)).toEqual([]);
  });

  it('003: one decision for the chair, however many other windows have passed while it waits', () => {
    const provisional = caseAt('provisional'); // representations closed 16 March
    const leftOver = withDeadlines(provisional, [
      ...provisional.deadlines,
      deadline('versionOfEvents', '2026-03-16'),
    ]);
    expect(kindsAndStates(dueItems([leftOver], '2026-03-25', bankHolidays))).toEqual([
      ['chairDecision', '2026-03-16', 'late'],
    ]);
  });

  it('the horizon includes its last day: representations 14 days ahead are listed', () => {
    const provisional = caseAt('provisional'); // representations due 16 March
    expect(dueItems([provisional], '2026-03-02', bankHolidays)).toEqual([
      expect.objectContaining({
        kind: 'representations',
        due: '2026-03-16',
        state: 'due',
        daysFromToday: 14,
        countingDaysLeft: 10,
      }),
    ]);
    expect(dueItems([provisional], '2026-03-01', bankHolidays)).toEqual([]);
  });
});

describe("due list: the restriction's own review date decides", () => {
  const active = caseAt('active'); // review and end 1 September 2026
  const noReviewDeadline = withDeadlines(
    active,
    active.deadlines.filter((d) => d.kind !== 'review'),
  );

  it('a review date missing from the deadline list is still listed: due within the horizon', () => {
    expect(kindsAndStates(dueItems([noReviewDeadline], '2026-08-25', bankHolidays))).toEqual([
      ['end', '2026-09-01', 'due'],
      ['review', '2026-09-01', 'due'],
    ]);
    // On the last day of the horizon, and on the day itself (due, not yet late).
    expect(kindsAndStates(dueItems([noReviewDeadline], '2026-08-18', bankHolidays))).toEqual([
      ['end', '2026-09-01', 'due'],
      ['review', '2026-09-01', 'due'],
    ]);
    const onTheDay = dueItems([noReviewDeadline], '2026-09-01', bankHolidays);
    expect(onTheDay.find((i) => i.kind === 'review')).toEqual({
      personName: "Mary O'Brien",
      kind: 'review',
      due: '2026-09-01',
      state: 'due',
      daysFromToday: 0,
      countingDaysLeft: 0,
      label: 'Review due',
    });
    // Beyond the horizon: nothing.
    expect(dueItems([noReviewDeadline], '2026-08-17', bankHolidays)).toEqual([]);
    expect(dueItems([noReviewDeadline], '2026-04-20', bankHolidays)).toEqual([]);
  });

  it('DOMAIN.md (fair to the parent): a review date passed without a review is late, never silently kept', () => {
    const reviewEarlier = {
      ...noReviewDeadline,
      restriction: { ...active.restriction!, reviewDate: '2026-06-01' },
    };
    expect(dueItems([reviewEarlier], '2026-06-10', bankHolidays)).toEqual([
      expect.objectContaining({
        kind: 'review',
        due: '2026-06-01',
        state: 'late',
        daysFromToday: -9,
      }),
    ]);
  });

  it('a review deadline already listed is not listed twice', () => {
    const onlyReview = withDeadlines(
      active,
      active.deadlines.filter((d) => d.kind === 'review'),
    );
    expect(kindsAndStates(dueItems([onlyReview], '2026-08-25', bankHolidays))).toEqual([
      ['review', '2026-09-01', 'due'],
    ]);
  });

  it('a restriction left on a case that is only a written warning is not listed for review', () => {
    const warningRecord = {
      ...caseAt('active'),
      stage: 'warning' as const,
      deadlines: [],
    };
    expect(dueItems([warningRecord], '2026-08-25', bankHolidays)).toEqual([]);
  });
});

describe('due list: days counted and records carried', () => {
  const record = (over: Partial<RecordsDue>): RecordsDue => ({
    kind: 'notifyChair',
    personName: 'Mary',
    due: '2026-03-20',
    state: 'due',
    ...over,
  });

  it('calendar days are counted across months of different lengths', () => {
    const [item] = dueItems([], '2026-02-25', bankHolidays, 14, {
      records: [record({ due: '2026-03-05' })],
    });
    expect(item).toMatchObject({ daysFromToday: 8, countingDaysLeft: 6 });
  });

  it('working days by default, even where term dates are entered; school days when the school counts them', () => {
    // 25 March to 8 April 2026: the Easter holidays from 28 March, Good Friday and Easter Monday.
    const records = [record({ due: '2026-04-08' })];
    const [working] = dueItems([], '2026-03-25', bankHolidays, 14, {
      school: SCHOOL,
      records,
    });
    expect(working).toMatchObject({ daysFromToday: 14, countingDaysLeft: 8 });
    const [school] = dueItems([], '2026-03-25', bankHolidays, 14, {
      school: SCHOOL,
      counting: 'schoolDays',
      records,
    });
    expect(school).toMatchObject({ daysFromToday: 14, countingDaysLeft: 2 });
  });

  it('002 §49: a reminder to tell the chair keeps whom and which decision, for the reviewer to record', () => {
    const [item] = dueItems([], '2026-03-20', bankHolidays, 14, {
      records: [
        record({
          caseId: 'c1',
          since: '2026-03-02',
          notice: { to: 'chairOfGovernors', decision: 1 },
        }),
      ],
    });
    expect(item).toEqual({
      caseId: 'c1',
      personName: 'Mary',
      kind: 'notifyChair',
      due: '2026-03-20',
      state: 'due',
      daysFromToday: 0,
      countingDaysLeft: 0,
      label:
        'A letter went to the parent: the head teacher notifies the chair of governors (002 §49)',
      since: '2026-03-02',
      notice: { to: 'chairOfGovernors', decision: 1 },
    });
  });

  it('late first, oldest first; then due by date; the same day by name', () => {
    const items = dueItems([], '2026-03-20', bankHolidays, 14, {
      records: [
        record({ personName: 'Adams', due: '2026-03-20', state: 'due' }),
        record({
          kind: 'noReviewDate',
          personName: 'Zed',
          due: '2026-03-20',
          state: 'late',
        }),
        record({
          kind: 'reportToPolice',
          personName: 'Young',
          due: '2026-03-12',
          state: 'late',
        }),
        record({
          kind: 'reportToPolice',
          personName: 'Brown',
          due: '2026-03-12',
          state: 'late',
        }),
        record({
          kind: 'reportToPolice',
          personName: 'Clark',
          due: '2026-03-10',
          state: 'late',
        }),
        record({ personName: 'Evans', due: '2026-03-25', state: 'due' }),
        record({ personName: 'Abbot', due: '2026-03-27', state: 'due' }),
      ],
    });
    const expected = [
      ['Clark', 'late', '2026-03-10'],
      ['Brown', 'late', '2026-03-12'],
      ['Young', 'late', '2026-03-12'],
      ['Zed', 'late', '2026-03-20'],
      ['Adams', 'due', '2026-03-20'],
      ['Evans', 'due', '2026-03-25'],
      ['Abbot', 'due', '2026-03-27'],
    ];
    expect(items.map((i) => [i.personName, i.state, i.due])).toEqual(expected);
    // The same order, whatever order the records come in.
    const again = dueItems([], '2026-03-20', bankHolidays, 14, {
      records: expected.map(([personName, state, due]) =>
        record({ personName, state: state as RecordsDue['state'], due }),
      ),
    });
    expect(again.map((i) => [i.personName, i.state, i.due])).toEqual(expected);
  });
});
