// Every date and time a person reads (and the counts), in one place (issue #11): en-GB, always in
// the school's time zone (Europe/London), whatever zone the computer showing them is set to. A
// school runs on London's clock: a restriction ends on a London day and staff say when something
// happened in school time, so a laptop left on another zone must not show another day or hour.
// Pure: Intl only, no I/O; the current instant is a parameter where a form depends on it.
// Each function is one shape the product shows; add a shape here rather than a formatter elsewhere.
import { SCHOOL_TIME_ZONE, isLocalDate, londonDateOf } from '../londonDate';
import type { LocalDate } from '../types';

// Built once: constructing an Intl formatter costs far more than using one.
const LOCALE = 'en-GB';
const longDate = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: SCHOOL_TIME_ZONE });
const weekdayDate = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: SCHOOL_TIME_ZONE,
});
const shortDay = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  timeZone: SCHOOL_TIME_ZONE,
});
const shortDayYear = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: SCHOOL_TIME_ZONE,
});
const clock = new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: SCHOOL_TIME_ZONE,
});
const dayMonthClock = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: SCHOOL_TIME_ZONE,
});
const shortDateClock = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: SCHOOL_TIME_ZONE,
});
const longDateClock = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: SCHOOL_TIME_ZONE,
});

/** A calendar day as an instant: noon UTC, which is the same day in London (12:00 or 13:00). */
function asUtcNoon(date: LocalDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(12);
  return instant;
}

function checkedInstant(instant: Date, name: string): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} needs a valid Date`);
  }
  return instant;
}

function partsOf(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
}

const count = new Intl.NumberFormat(LOCALE);

/** "60,000": a number of things, as en-GB writes it (the one number form the product shows). */
export function formatCount(value: number): string {
  return count.format(value);
}

// ---- Calendar days (`YYYY-MM-DD`) ----

/** "13 March 2026". Throws RangeError on something that is not a `YYYY-MM-DD` day. */
export function formatLongDate(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError('formatLongDate needs a YYYY-MM-DD date');
  return longDate.format(asUtcNoon(date));
}

/** "Friday 13 March 2026" (no comma, as letters in England write it). */
export function formatWeekdayDate(date: LocalDate): string {
  if (!isLocalDate(date)) throw new RangeError('formatWeekdayDate needs a YYYY-MM-DD date');
  return weekdayDate.format(asUtcNoon(date)).replace(',', '');
}

/**
 * "9 Nov", or "9 Nov 2026" with the year: a chart's axis, where a long date does not fit. Throws
 * RangeError on something that is not a `YYYY-MM-DD` day.
 */
export function formatShortDay(date: LocalDate, withYear = false): string {
  if (!isLocalDate(date)) throw new RangeError('formatShortDay needs a YYYY-MM-DD date');
  return (withYear ? shortDayYear : shortDay).format(asUtcNoon(date));
}

/**
 * "13 March 2026" for a day; anything else (a value a list item held that is not a real day) is
 * shown as it is, and nothing as an empty string: a screen never hides what was stored.
 */
export function formatDayOrAsIs(date: string | undefined): string {
  if (date === undefined) return '';
  return isLocalDate(date) ? formatLongDate(date) : String(date);
}

// ---- Instants, as the clock in London shows them ----

/** "14:05" (24-hour, London). Throws RangeError on an invalid Date. */
export function formatTime(instant: Date): string {
  return clock.format(checkedInstant(instant, 'formatTime'));
}

/** "3 Mar, 14:05" (no year: for what happened lately). Throws RangeError on an invalid Date. */
export function formatDayMonthTime(instant: Date): string {
  return dayMonthClock.format(checkedInstant(instant, 'formatDayMonthTime'));
}

/**
 * "14:05" when `instant` falls on the same London day as `now`, "3 Mar, 14:05" otherwise: when
 * something was saved, forwarded or refreshed. Throws RangeError on an invalid Date.
 */
export function formatTimeOrDayMonthTime(instant: Date, now: Date): string {
  checkedInstant(instant, 'formatTimeOrDayMonthTime');
  return londonDateOf(instant) === londonDateOf(now)
    ? formatTime(instant)
    : formatDayMonthTime(instant);
}

/** "3 Mar 2026, 14:05": the review's and the admin page's times. Throws RangeError on an invalid Date. */
export function formatShortDateTime(instant: Date): string {
  return shortDateClock.format(checkedInstant(instant, 'formatShortDateTime'));
}

/** "14:05 on 3 March 2026": who changed a case, and when. Throws RangeError on an invalid Date. */
export function formatDayTime(instant: Date): string {
  const p = partsOf(longDateClock, checkedInstant(instant, 'formatDayTime'));
  return `${p.hour}:${p.minute} on ${p.day} ${p.month} ${p.year}`;
}

/** "Tuesday 3 June 2025 at 09:14": the note above a forwarded email. Throws RangeError on an invalid Date. */
export function formatWeekdayDateTime(instant: Date): string {
  const p = partsOf(longDateClock, checkedInstant(instant, 'formatWeekdayDateTime'));
  return `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}
