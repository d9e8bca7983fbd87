// The weekly chart's data and labels (issue 13: a labelled chart with axis and counts): bar heights
// as shares of a whole-number axis, a few evenly spaced week dates that never collide, the year
// where the chart spans two, counts above the bars while they fit, and the summary sentence.
import {
  COUNTS_ON_BARS_UP_TO,
  MAX_WEEK_LABELS,
  tickStep,
  weeklyChartModel,
} from '../../../src/ui/review/weeklyChartModel';
import { addDays } from '../../../src/policy/londonDate';

const weeks = (first: string, counts: number[]) =>
  counts.map((count, i) => ({ weekStart: addDays(first, 7 * i), count }));

describe('weeklyChartModel', () => {
  it('draws nothing without weeks', () => {
    expect(weeklyChartModel([])).toBeNull();
  });

  it('scales the bars to a whole-number axis from 0, with every count above its bar', () => {
    const m = weeklyChartModel(weeks('2026-11-09', [3, 0, 1, 2]))!;
    expect(m.yTicks).toEqual([0, 1, 2, 3]);
    expect(m.top).toBe(3);
    expect(m.bars.map((b) => b.heightPct)).toEqual([100, 0, (1 / 3) * 100, (2 / 3) * 100]);
    // A week without contacts has no "0" written on the axis line.
    expect(m.bars.map((b) => b.countShown)).toEqual([true, false, true, true]);
    expect(m.total).toBe(6);
    expect(m.summary).toBe(
      'Contacts per week: 6 contacts in 4 weeks, at most 3 in the week of 9 November 2026.',
    );
  });

  it('a single contact still has an axis up to 1', () => {
    const m = weeklyChartModel(weeks('2026-11-23', [1]))!;
    expect(m.yTicks).toEqual([0, 1]);
    expect(m.bars[0]).toMatchObject({ heightPct: 100, label: '23 Nov', labelSpan: 1 });
  });

  it('ticks in steps of 1, 2 or 5 × 10ⁿ, at most five intervals', () => {
    expect([1, 4, 5, 6, 9, 12, 23, 48].map(tickStep)).toEqual([1, 1, 1, 2, 2, 5, 5, 10]);
    const m = weeklyChartModel(weeks('2026-01-05', [12, 7]))!;
    expect(m.yTicks).toEqual([0, 5, 10, 15]);
    expect(m.bars[0]!.heightPct).toBe(80);
  });

  it('labels at most six weeks, evenly spaced, each spanning the weeks up to the next', () => {
    const m = weeklyChartModel(
      weeks(
        '2026-01-05',
        Array.from({ length: 20 }, () => 1),
      ),
    )!;
    const labelled = m.bars.filter((b) => b.label !== undefined);
    expect(labelled.length).toBeLessThanOrEqual(MAX_WEEK_LABELS);
    expect(labelled.map((b) => b.weekStart)).toEqual([
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
      '2026-03-30',
      '2026-04-27',
    ]);
    expect(labelled.map((b) => b.labelSpan)).toEqual([4, 4, 4, 4, 4]);
    expect(m.bars.filter((b) => b.label === undefined).every((b) => b.labelSpan === 0)).toBe(true);
    // Spans cover every bar exactly once.
    expect(labelled.reduce((n, b) => n + b.labelSpan, 0)).toBe(20);
  });

  it('writes the year on the first date and where it changes, only when the chart spans two', () => {
    const m = weeklyChartModel(weeks('2026-11-02', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]))!;
    const labels = m.bars.flatMap((b) => (b.label ? [b.label] : []));
    expect(labels).toEqual(['2 Nov 2026', '16 Nov', '30 Nov', '14 Dec', '28 Dec', '11 Jan 2027']);
    const oneYear = weeklyChartModel(weeks('2026-03-02', [1, 2]))!;
    expect(oneYear.bars.map((b) => b.label)).toEqual(['2 Mar', '9 Mar']);
  });

  it('beyond sixteen weeks only the busiest bar carries its count (the rest would collide)', () => {
    const counts = Array.from({ length: COUNTS_ON_BARS_UP_TO + 1 }, (_, i) => (i === 7 ? 4 : 1));
    const m = weeklyChartModel(weeks('2026-01-05', counts))!;
    expect(m.bars.filter((b) => b.countShown).map((b) => b.count)).toEqual([4]);
    const fits = weeklyChartModel(weeks('2026-01-05', counts.slice(1)))!;
    expect(fits.bars.every((b) => b.countShown)).toBe(true);
  });
});
