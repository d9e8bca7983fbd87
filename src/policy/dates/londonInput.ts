// The value of a date-and-time field (<input type="datetime-local">) read and written in London
// time. The browser gives such a field no zone: a value is a wall-clock time, and the product's
// only wall clock is the school's. Staff record when a contact happened in school time, so
// "09:30 on 1 July" typed on a laptop left on New York's (or UTC's) zone is 08:30Z, never 13:30Z
// or 09:30Z; and the time the field first shows is London's, not the device's.
// Pure: date-fns/tz for the zone's rules, no clock read here.
import { TZDate } from '@date-fns/tz';
import { SCHOOL_TIME_ZONE, isLocalDate, londonInstantOf } from '../londonDate';

// `YYYY-MM-DDTHH:mm`, maybe with seconds and milliseconds (browsers add them when a step allows).
const INPUT_SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * An instant (ISO text) as a datetime-local value in London: `2026-07-01T08:30:00Z` →
 * `2026-07-01T09:30`. Empty for text that is not an instant (the field then shows nothing).
 */
export function londonInputValue(iso: string): string {
  // Already a wall-clock value (one the form could not read as a time): shown as it was typed.
  if (INPUT_SHAPE.test(iso.trim())) return iso.trim().slice(0, 16);
  const instant = new Date(iso);
  if (iso.trim() === '' || Number.isNaN(instant.getTime())) return '';
  const london = new TZDate(instant.getTime(), SCHOOL_TIME_ZONE);
  return (
    `${pad(london.getFullYear(), 4)}-${pad(london.getMonth() + 1)}-${pad(london.getDate())}` +
    `T${pad(london.getHours())}:${pad(london.getMinutes())}`
  );
}

/**
 * A datetime-local value, a time on London's clock, as the instant it names (ISO, UTC):
 * `2026-07-01T09:30` → `2026-07-01T08:30:00.000Z`. On the night the clocks go forward, a time
 * that never showed (01:30 on the last Sunday of March) is the instant an hour on (02:30 BST, the
 * same instant as 01:30 GMT); on the night they go back, a time that showed twice (01:30 on the
 * last Sunday of October) is the second, GMT one. Anything else (empty, half typed, 30 February)
 * is given back unchanged, for the form's rules to name it as not a date and time.
 */
export function instantFromLondonInput(value: string): string {
  const match = INPUT_SHAPE.exec(value.trim());
  if (!match) return value;
  const [, y, mo, d, h, mi, s, ms] = match;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s ?? '0');
  if (!isLocalDate(`${y}-${mo}-${d}`) || hours > 23 || minutes > 59 || seconds > 59) return value;
  const time = [hours, minutes, seconds, Number((ms ?? '0').padEnd(3, '0'))];
  return londonInstantOf(`${y}-${mo}-${d}`, time).toISOString();
}
