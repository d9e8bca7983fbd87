import { dueItems } from '../../../src/policy/lifecycle';
import { T, bankHolidays, caseAt, step } from './helpers';
import { SCHOOL } from '../dates/fixtures';

describe('due and overdue', () => {
  it('lists what falls due in the next 14 days, late first', () => {
    const provisional = { ...caseAt('provisional'), id: 'p' }; // representations due 16 March
    const active = { ...caseAt('active'), id: 'a' }; // review and end 1 September 2026
    expect(dueItems([active, provisional], '2026-03-06', bankHolidays)).toEqual([
      expect.objectContaining({
        caseId: 'p',
        kind: 'representations',
        due: '2026-03-16',
        state: 'due',
        daysFromToday: 10,
        countingDaysLeft: 6,
      }),
    ]);
    // Later: the chair has not decided (late), and the appeal window (20 working days from
    // 6 March, over Easter) closes within the horizon.
    expect(dueItems([active, provisional], '2026-03-25', bankHolidays)).toEqual([
      expect.objectContaining({
        caseId: 'p',
        kind: 'chairDecision',
        due: '2026-03-16',
        state: 'late',
      }),
      expect.objectContaining({
        caseId: 'a',
        kind: 'appeal',
        due: '2026-04-07',
        state: 'due',
        countingDaysLeft: 7,
      }),
    ]);
  });

  it('a review date passed without a review is late, never silently kept', () => {
    const active = caseAt('active');
    const items = dueItems([active], '2026-09-01', bankHolidays);
    expect(items.map((i) => [i.kind, i.state])).toEqual([
      ['review', 'due'],
      ['end', 'due'],
    ]);
    const reviewLate = {
      ...active,
      restriction: { ...active.restriction!, reviewDate: '2026-06-01' },
    };
    reviewLate.deadlines = reviewLate.deadlines.map((d) =>
      d.kind === 'review' ? { ...d, due: '2026-06-01' } : d,
    );
    const late = dueItems([reviewLate], '2026-06-10', bankHolidays);
    expect(late[0]).toMatchObject({
      kind: 'review',
      state: 'late',
      daysFromToday: -9,
      countingDaysLeft: 0,
    });
    // Nothing beyond the horizon.
    expect(dueItems([active], '2026-04-20', bankHolidays)).toEqual([]);
  });

  it('a restriction past its end date, and a closed representations window, are flagged', () => {
    const active = caseAt('active');
    expect(dueItems([active], '2026-09-02', bankHolidays)).toEqual([
      expect.objectContaining({ kind: 'expiredNotClosed', due: '2026-09-01', state: 'late' }),
    ]);
    const provisional = caseAt('provisional');
    expect(dueItems([provisional], '2026-03-17', bankHolidays)[0]).toMatchObject({
      kind: 'chairDecision',
      state: 'late',
    });
  });

  it('a chair’s answer past its date is late; a warning’s review date is listed', () => {
    const withReps = step(caseAt('provisional'), T.representations, '2026-03-06'); // answer by 20 March
    expect(dueItems([withReps], '2026-03-23', bankHolidays)[0]).toMatchObject({
      kind: 'chairAnswer',
      state: 'late',
    });
    const warning = caseAt('warning'); // look again on 2 September 2026
    expect(dueItems([warning], '2026-08-25', bankHolidays)).toEqual([
      expect.objectContaining({ kind: 'warningReview', due: '2026-09-02', state: 'due' }),
    ]);
    expect(
      dueItems([caseAt('ended'), caseAt('overturned'), caseAt('none')], '2026-03-06', bankHolidays),
    ).toEqual([]);
  });

  it('an in-force case without dates is flagged (no indefinite restriction)', () => {
    const broken = { ...caseAt('active'), restriction: undefined };
    expect(dueItems([broken], '2026-03-06', bankHolidays)[0]).toMatchObject({
      kind: 'noEndOrReview',
      state: 'late',
    });
  });

  it('counts school days left when the school counts them', () => {
    const provisional = caseAt('provisional');
    const [item] = dueItems([provisional], '2026-03-06', bankHolidays, 14, {
      school: SCHOOL,
      counting: 'schoolDays',
    });
    expect(item?.countingDaysLeft).toBe(6);
  });
});
