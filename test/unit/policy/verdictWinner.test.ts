// Which record the verdict shows when two in-force records list the same address (a data mistake a
// school can make by adding a new decision without ending the old one). The verdict must not
// depend on list order: the latest decision is the one that stands (002 §50: each decision letter
// sets the action, its duration and its review; a later decision replaces the earlier one).
import type { Restriction, Verdict } from '../../../src/policy/types';
import { decideVerdict } from '../../../src/policy/verdict';
import { TODAY, restriction } from './fixtures';

const RESTRICTED = "o'brien@school-parent.org";

function winner(records: Restriction[]): string | undefined {
  const verdict: Verdict = decideVerdict({
    message: { from: { address: RESTRICTED } },
    restrictions: records,
    malformed: [],
    today: TODAY,
  });
  return verdict.kind === 'restricted' ? verdict.restriction.id : undefined;
}

/** The winner in both list orders; a rule that depends on order gives two different ids. */
function winnerBothOrders(
  a: Restriction,
  b: Restriction,
): [string | undefined, string | undefined] {
  return [winner([a, b]), winner([b, a])];
}

describe('two in-force records for one address: the verdict does not depend on list order', () => {
  it('002 §50: the most recently started decision wins, in either order', () => {
    const earlier = restriction({ id: 'earlier', startDate: '2026-02-01', handling: 'File' });
    const later = restriction({ id: 'later', startDate: '2026-04-20', handling: 'Forward' });
    expect(winnerBothOrders(earlier, later)).toEqual(['later', 'later']);
  });

  it('002 §50: started the same day, the one that ends later wins, in either order', () => {
    const shorter = restriction({ id: 'shorter', endDate: '2026-06-30' });
    const longer = restriction({ id: 'longer', endDate: '2026-12-18' });
    expect(winnerBothOrders(shorter, longer)).toEqual(['longer', 'longer']);
  });

  it('002 §50: same start and end, the lower item id wins (a fixed tie-break), in either order', () => {
    const first = restriction({ id: '12', spocName: 'Head Teacher' });
    const second = restriction({ id: '13', spocName: 'Deputy Head' });
    expect(winnerBothOrders(first, second)).toEqual(['12', '12']);
  });

  it('002 §50: item ids compare as numbers: item 9 is lower than item 10, in either order', () => {
    const nine = restriction({ id: '9' });
    const ten = restriction({ id: '10' });
    expect(winnerBothOrders(nine, ten)).toEqual(['9', '9']);
  });

  it('the winner is chosen among records in force today: a later one not yet started does not win', () => {
    const current = restriction({ id: 'current', startDate: '2026-03-01' });
    const future = restriction({ id: 'future', startDate: '2026-06-01' });
    expect(winnerBothOrders(current, future)).toEqual(['current', 'current']);
  });

  it('the review flag belongs to the winner, not to the other record', () => {
    const olderOverdue = restriction({
      id: 'old',
      startDate: '2026-01-05',
      reviewDate: '2026-04-01',
    });
    const newerOnTime = restriction({
      id: 'new',
      startDate: '2026-04-20',
      reviewDate: '2026-07-01',
    });
    for (const records of [
      [olderOverdue, newerOnTime],
      [newerOnTime, olderOverdue],
    ]) {
      expect(
        decideVerdict({
          message: { from: { address: RESTRICTED } },
          restrictions: records,
          malformed: [],
          today: TODAY,
        }),
      ).toMatchObject({ kind: 'restricted', restriction: { id: 'new' }, reviewOverdue: false });
    }
  });
});
