// What the weekly chart draws, worked out apart from drawing it so it can be tested: the bars as
// shares of the axis, the y axis's whole-number ticks, which weeks carry a date under them (a few,
// evenly spaced, so they never collide) and which bars carry their count above them. Pure.
import { formatShortDay } from '../../policy/dates/format';
import type { LocalDate } from '../../policy/types';
import { weeklySummaryText } from './reviewText';

/** At most this many dates under the x axis, whatever the number of weeks (up to 104). */
export const MAX_WEEK_LABELS = 6;
/** Up to this many weeks every bar with contacts shows its count; beyond, only the busiest. */
export const COUNTS_ON_BARS_UP_TO = 16;

export interface WeekBar {
  weekStart: LocalDate;
  count: number;
  /** The bar's height as a percentage of the y axis (0–100). */
  heightPct: number;
  /** The date under the axis, from this bar for `labelSpan` bars; undefined: none starts here. */
  label?: string;
  labelSpan: number;
  /** The count is written above the bar. */
  countShown: boolean;
}

export interface WeeklyChartModel {
  bars: WeekBar[];
  /** The y axis's ticks, 0 first, the last one the axis's top. */
  yTicks: number[];
  top: number;
  total: number;
  /** The chart in one sentence, for assistive technology. */
  summary: string;
}

/** A step of 1, 2 or 5 × 10ⁿ giving at most 5 intervals up to `max`. */
export function tickStep(max: number): number {
  const rough = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * power >= rough) return m * power;
  return 10 * power;
}

export function weeklyChartModel(
  perWeek: readonly { weekStart: LocalDate; count: number }[],
): WeeklyChartModel | null {
  if (perWeek.length === 0) return null;
  const max = Math.max(...perWeek.map((w) => w.count));
  const step = tickStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const yTicks: number[] = [];
  for (let t = 0; t <= top; t += step) yTicks.push(t);
  const total = perWeek.reduce((sum, w) => sum + w.count, 0);
  const busiest = perWeek.reduce((a, b) => (b.count > a.count ? b : a));
  const every = Math.ceil(perWeek.length / MAX_WEEK_LABELS);
  const years = new Set(perWeek.map((w) => w.weekStart.slice(0, 4)));
  let lastYear = '';
  const bars = perWeek.map((w, i): WeekBar => {
    const labelled = i % every === 0;
    // The year is written on the first date and wherever it changes, only when the chart spans two.
    const year = w.weekStart.slice(0, 4);
    const withYear = labelled && years.size > 1 && year !== lastYear;
    if (labelled) lastYear = year;
    return {
      weekStart: w.weekStart,
      count: w.count,
      heightPct: (w.count / top) * 100,
      ...(labelled ? { label: formatShortDay(w.weekStart, withYear) } : {}),
      labelSpan: labelled ? Math.min(every, perWeek.length - i) : 0,
      countShown:
        w.count > 0 &&
        (perWeek.length <= COUNTS_ON_BARS_UP_TO || w.weekStart === busiest.weekStart),
    };
  });
  return {
    bars,
    yTicks,
    top,
    total,
    summary: weeklySummaryText(total, perWeek.length, busiest),
  };
}
