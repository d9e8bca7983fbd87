// Writing a day to a SharePoint date-only column through Graph. SharePoint keeps local midnight in
// the site's regional time zone and cuts an instant to its local day, and Graph does not say which
// zone the site is in. Noon UTC of the day is that same calendar day in every zone from UTC-12 to
// UTC+11, so it lands on the intended day in any school's site; read back with readSharePointDate
// (src/policy/londonDate.ts), which takes the nearest UTC midnight.
import type { LocalDate } from '../policy/types';

/** The value to send for `date` in a date-only column. */
export function dateOnlyValue(date: LocalDate): string {
  return `${date}T12:00:00Z`;
}
