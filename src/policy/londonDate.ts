// Calendar days in the school's time zone. Restrictions start and end on school days in England,
// whatever zone the member of staff's computer is set to, so every "today" is a London date.
// Pure: the current instant is always a parameter, never read here.
// (Dates and times in words are src/policy/dates/format.ts's; this file only counts days.)
import { TZDate, tzOffset } from '@date-fns/tz';
import type { LocalDate } from './types';

export const SCHOOL_TIME_ZONE = 'Europe/London';

const LOCAL_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A date-time as Graph writes it: `2026-06-01T23:00:00Z`, maybe with fractions or an offset.
const DATE_TIME_SHAPE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isRealCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0); // day 0 of the next month: the last day of this one
  return day <= probe.getUTCDate();
}

/** True for a real calendar day written `YYYY-MM-DD` (so `2026-02-30` is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_SHAPE.exec(value);
  if (!match) return false;
  return isRealCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The calendar day in Europe/London at which an instant falls. Throws RangeError on an invalid Date. */
export function londonDateOf(instant: Date): LocalDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('londonDateOf needs a valid Date');
  }
  // The instant's wall clock in London (date-fns/tz reads the zone's rules from Intl).
  const london = new TZDate(instant.getTime(), SCHOOL_TIME_ZONE);
  return formatLocalDate(london.getFullYear(), london.getMonth() + 1, london.getDate());
}

/**
 * The instant at which London's clock shows `time` (hours, minutes, seconds, ms) on `date`.
 * On the night the clocks go forward a time that never shows (01:30) is the instant an hour on
 * (02:30 BST, the same instant as 01:30 GMT); on the night they go back a time that shows twice
 * is the second (GMT) one. The same answer on every device: the offset is London's, read by
 * date-fns/tz (never the device's zone). Throws RangeError on a bad date or time.
 */
export function londonInstantOf(date: LocalDate, time: readonly number[] = []): Date {
  const [hours = 0, minutes = 0, seconds = 0, ms = 0] = time;
  if (
    !isLocalDate(date) ||
    ![hours, minutes, seconds, ms].every(Number.isInteger) ||
    hours < 0 ||
    hours > 23 ||
    minutes < 0 ||
    minutes > 59 ||
    seconds < 0 ||
    seconds > 59 ||
    ms < 0 ||
    ms > 999
  ) {
    throw new RangeError('londonInstantOf needs a YYYY-MM-DD date and a time of day');
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(year, month - 1, day);
  asUtc.setUTCHours(hours, minutes, seconds, ms);
  // London's offset (0 or +60 minutes) at the wall time read as UTC; if the instant that gives
  // has another offset, the wall time is in or next to a change-over and that offset applies.
  const first = tzOffset(SCHOOL_TIME_ZONE, asUtc);
  const guess = asUtc.getTime() - first * 60_000;
  const second = tzOffset(SCHOOL_TIME_ZONE, new Date(guess));
  return new Date(second === first ? guess : asUtc.getTime() - second * 60_000);
}

/** Today's date at the school, for an instant the caller read from its clock. */
export function todayInLondon(now: Date): LocalDate {
  return londonDateOf(now);
}

function offsetMinutes(designator: string | undefined): number {
  if (designator === undefined || designator.toUpperCase() === 'Z') return 0;
  const sign = designator.startsWith('-') ? -1 : 1;
  const digits = designator.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function readDateTime(text: string): LocalDate | undefined {
  const match = DATE_TIME_SHAPE.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? '0');
  if (!isRealCalendarDay(year, month, day) || hours > 23 || minutes > 59 || seconds > 59) {
    return undefined;
  }
  // Without a zone the time is a wall-clock time; the only zone this product has is the school's,
  // so its date part is already the London date.
  if (zone === undefined) return formatLocalDate(year, month, day);
  const offset = offsetMinutes(zone);
  if (Math.abs(offset) > 18 * 60) return undefined;
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  const milliseconds = Math.floor(Number(`0.${fraction ?? '0'}`) * 1000);
  instant.setUTCHours(hours, minutes - offset, seconds, milliseconds);
  if (Number.isNaN(instant.getTime())) return undefined;
  const local = dateOnlyDayOf(instant);
  return isLocalDate(local) ? local : undefined;
}

const HALF_DAY_MS = 12 * 3_600_000;

/**
 * The day a date-only instant stands for, whatever the site's zone: SharePoint stores local
 * midnight, which is within 12 hours of that day's UTC midnight for every zone from UTC-12 to
 * UTC+12, so the nearest UTC midnight names the day (12:00Z itself, our own write, is that day).
 */
function dateOnlyDayOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + HALF_DAY_MS - 1000).toISOString().slice(0, 10);
}

/**
 * Reads a SharePoint date-only column. Graph sends these as the UTC instant of midnight in the
 * site's regional time zone, which Graph does not tell us: `2026-06-01T23:00:00Z` is 2 June in a
 * London site (midnight BST), `2026-06-02T04:00:00Z` 2 June in a New York one and
 * `2026-06-02T00:00:00Z` 2 June in a UTC one. The day is the one whose UTC midnight is nearest.
 * A plain `YYYY-MM-DD` is taken as it is, and a valid Date as the London day it falls in. Anything
 * else (empty, a number, nonsense, 30 February) gives undefined.
 */
export function readSharePointDate(value: unknown): LocalDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : londonDateOf(value);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (isLocalDate(text)) return text;
  return readDateTime(text);
}

/** Negative when `a` is earlier than `b`, zero when the same day, positive when later. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  // `YYYY-MM-DD` sorts as text in calendar order; no Date needed.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The day `days` calendar days after `date` (before, when negative). Throws RangeError on a bad date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!isLocalDate(date) || !Number.isInteger(days)) {
    throw new RangeError('addDays needs a YYYY-MM-DD date and a whole number of days');
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // Calendar arithmetic in UTC, where every day has 24 hours: no clock change can skip a day.
  const moved = new Date(0);
  moved.setUTCFullYear(year, month - 1, day + days);
  return formatLocalDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}
