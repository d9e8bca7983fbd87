// The bank holidays of England and Wales from `date-holidays` (GB, regions ENG and WLS, type
// 'public'), which matched the gov.uk list for 2019-2027 including substitute days (e.g. 27 and 28
// December 2027) and one-off days (19 September 2022, the State Funeral; 8 May 2023, the
// Coronation). Its data is CC BY-SA. The library is large: this is the only module that imports
// it, so a page loads it lazily (`loadBankHolidayCalendar` in ./index.ts does a dynamic import).
import Holidays from 'date-holidays';
import { isLocalDate } from '../londonDate';
import type { LocalDate } from '../types';
import type { BankHolidayCalendar } from './calendar';

export interface BankHolidayOptions {
  /**
   * One-off bank holidays the library does not know yet (announced after its release), or other
   * days the school counts as closed everywhere. Not a date: ignored (reported by the settings
   * reader, not here).
   */
  extraClosures?: readonly LocalDate[];
}

const REGIONS = ['ENG', 'WLS'] as const;

/**
 * A calendar of bank holidays in England and Wales. Years are read from the library on first use
 * and kept; a day that is a holiday in either England or Wales counts (a school in either nation
 * uses its own, and the two lists have been the same since 2019).
 */
export function createBankHolidayCalendar(options: BankHolidayOptions = {}): BankHolidayCalendar {
  const regions = REGIONS.map((region) => new Holidays('GB', region));
  const byYear = new Map<number, Map<LocalDate, string>>();
  const extra = new Set((options.extraClosures ?? []).filter((d) => isLocalDate(d)));

  const yearOf = (year: number): Map<LocalDate, string> => {
    let days = byYear.get(year);
    if (days === undefined) {
      days = new Map();
      for (const calendar of regions) {
        for (const holiday of calendar.getHolidays(year)) {
          if (holiday.type !== 'public') continue;
          // `date` is the local day written `YYYY-MM-DD hh:mm:ss` in the country's zone.
          const date = holiday.date.slice(0, 10);
          if (isLocalDate(date) && !days.has(date)) days.set(date, holiday.name);
        }
      }
      byYear.set(year, days);
    }
    return days;
  };

  const nameOf = (date: LocalDate): string | undefined => {
    if (!isLocalDate(date)) return undefined;
    const name = yearOf(Number(date.slice(0, 4))).get(date);
    if (name !== undefined) return name;
    return extra.has(date) ? 'Extra closure day' : undefined;
  };
  return { isBankHoliday: (date) => nameOf(date) !== undefined, nameOf };
}
