// Every date and time the product shows comes from src/policy/dates/format.ts (issue #11), in
// en-GB words and on London's clock: a school runs on school time, so a restriction's day, when an
// email was forwarded and who changed a case when read the same on a laptop left on another zone.
// These run in the machine's zone (UTC in CI: not London's clock in summer) and again with the
// device in New York (scripts/variants.mjs, "device-zone-new-york").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  formatCount,
  formatDayMonthTime,
  formatDayOrAsIs,
  formatDayTime,
  formatLongDate,
  formatShortDateTime,
  formatTime,
  formatTimeOrDayMonthTime,
  formatShortDay,
  formatWeekdayDate,
  formatWeekdayDateTime,
} from '../../../src/policy/dates/format';

const at = (iso: string) => new Date(iso);

describe('days', () => {
  it('writes a day in words, the same day in every zone', () => {
    expect(formatLongDate('2026-03-03')).toBe('3 March 2026');
    expect(formatLongDate('2026-01-01')).toBe('1 January 2026');
    expect(formatLongDate('2026-12-31')).toBe('31 December 2026');
    // The days the clocks change are still themselves.
    expect(formatLongDate('2026-03-29')).toBe('29 March 2026');
    expect(formatWeekdayDate('2026-10-25')).toBe('Sunday 25 October 2026');
  });

  it("a chart's short day, with the year when asked; refuses what is not a day", () => {
    expect(formatShortDay('2026-11-09')).toBe('9 Nov');
    expect(formatShortDay('2027-01-04', true)).toBe('4 Jan 2027');
    expect(() => formatShortDay('2026-02-30')).toThrow(RangeError);
  });

  it('shows a stored value that is not a day as it is, and nothing as nothing', () => {
    expect(formatDayOrAsIs('2026-12-01')).toBe('1 December 2026');
    expect(formatDayOrAsIs('2026-02-30')).toBe('2026-02-30');
    expect(formatDayOrAsIs('next term')).toBe('next term');
    expect(formatDayOrAsIs(undefined)).toBe('');
  });
});

describe('instants on London’s clock', () => {
  it('writes each shape the product shows (GMT and BST)', () => {
    expect(formatTime(at('2026-03-03T14:05:00Z'))).toBe('14:05');
    expect(formatTime(at('2026-07-01T08:30:00Z'))).toBe('09:30');
    expect(formatDayMonthTime(at('2026-11-03T14:05:00Z'))).toBe('3 Nov, 14:05');
    expect(formatShortDateTime(at('2026-03-03T14:05:00Z'))).toBe('3 Mar 2026, 14:05');
    expect(formatShortDateTime(at('2026-07-01T08:30:00Z'))).toBe('1 Jul 2026, 09:30');
    // conflictMessage's "Changed by Helen Marsh at 14:05 on 3 March 2026".
    expect(formatDayTime(at('2026-03-03T14:05:00Z'))).toBe('14:05 on 3 March 2026');
    expect(formatWeekdayDateTime(at('2025-06-03T08:14:00Z'))).toBe('Tuesday 3 June 2025 at 09:14');
  });

  it('writes midnight as 00, never 24', () => {
    expect(formatTime(at('2026-01-10T00:05:00Z'))).toBe('00:05');
    expect(formatDayTime(at('2026-06-30T23:05:00Z'))).toBe('00:05 on 1 July 2026');
  });

  it('moves with the clocks: forward at 01:00 UTC on 29 March 2026, back on 25 October', () => {
    expect(formatTime(at('2026-03-29T00:59:00Z'))).toBe('00:59');
    expect(formatTime(at('2026-03-29T01:00:00Z'))).toBe('02:00');
    expect(formatWeekdayDateTime(at('2026-03-29T01:00:00Z'))).toBe('Sunday 29 March 2026 at 02:00');
    // 01:30 shows twice in October: once in BST (00:30 UTC), once in GMT (01:30 UTC).
    expect(formatTime(at('2026-10-25T00:30:00Z'))).toBe('01:30');
    expect(formatTime(at('2026-10-25T01:30:00Z'))).toBe('01:30');
    expect(formatTime(at('2026-10-25T02:00:00Z'))).toBe('02:00');
    // Late evening UTC in summer is the next London day; in winter it is not.
    expect(formatShortDateTime(at('2026-03-28T23:30:00Z'))).toBe('28 Mar 2026, 23:30');
    expect(formatShortDateTime(at('2026-06-30T23:30:00Z'))).toBe('1 Jul 2026, 00:30');
  });

  it('says only the time for the same London day as now, the day too otherwise', () => {
    const now = at('2026-07-01T10:00:00Z'); // 11:00 on 1 July in London
    expect(formatTimeOrDayMonthTime(at('2026-07-01T08:30:00Z'), now)).toBe('09:30');
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: today, though the UTC day differs.
    expect(formatTimeOrDayMonthTime(at('2026-06-30T23:30:00Z'), now)).toBe('00:30');
    // 23:30 UTC on 1 July is 00:30 on 2 July in London: not today, though the UTC day is.
    expect(formatTimeOrDayMonthTime(at('2026-07-01T23:30:00Z'), now)).toBe('2 Jul, 00:30');
    expect(formatTimeOrDayMonthTime(at('2026-11-03T14:05:00Z'), now)).toBe('3 Nov, 14:05');
  });

  it('gives London’s answer whatever the device’s zone is', () => {
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const london = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const onDevice = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const summer = at('2026-07-01T08:30:00Z');
    expect(formatTime(summer)).toBe(london.format(summer));
    // On a device that is not on London's clock (this run's UTC, New York in the variant), a
    // formatter without the zone would have said another time.
    if (device !== 'Europe/London') expect(onDevice.format(summer)).not.toBe(formatTime(summer));
  });

  it('refuses an invalid Date rather than print "Invalid Date"', () => {
    const bad = new Date(Number.NaN);
    for (const f of [
      formatTime,
      formatDayMonthTime,
      formatShortDateTime,
      formatDayTime,
      formatWeekdayDateTime,
      (d: Date) => formatTimeOrDayMonthTime(d, new Date()),
    ]) {
      expect(() => f(bad)).toThrow(RangeError);
    }
  });
});

describe('counts', () => {
  it('groups thousands as en-GB does', () => {
    expect(formatCount(60_000)).toBe('60,000');
    expect(formatCount(999)).toBe('999');
  });
});

describe('one place', () => {
  // A formatter elsewhere would pick its own zone or words (the device's, by default).
  const ALLOWED = ['src/policy/dates/format.ts'];

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('no file but format.ts builds a date, time or number formatter', () => {
    const root = join(__dirname, '../../..');
    const offenders = sources(join(root, 'src'))
      .map((path) => relative(root, path).split('\\').join('/'))
      .filter((path) => !ALLOWED.some((allowed) => path.startsWith(allowed)))
      .filter((path) =>
        /Intl\.(DateTimeFormat|NumberFormat)|\.toLocale(Date|Time)?String\(/.test(
          readFileSync(join(root, path), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
