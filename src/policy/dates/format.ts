// Dates in words, as letters and the review page show them (en-GB): "13 March 2026".
import { isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
const weekdayDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function asUtcNoon(date: LocalDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(12);
  return instant;
}

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
