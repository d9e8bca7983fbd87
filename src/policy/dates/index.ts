// Dates for the life of a restriction: bank holidays, the school's term dates, working-day
// deadlines, durations and review dates. The rules take the calendars as parameters; the
// bank-holiday data (date-holidays, large) is only loaded through `loadBankHolidayCalendar`.
import type { LocalDate } from '../types';
import type { BankHolidayCalendar } from './calendar';

export * from './calendar';
export * from './schoolCalendar';
export * from './deadlines';
export * from './periods';
export * from './format';
export * from './londonInput';

/**
 * The bank holidays of England and Wales, loaded on demand (a dynamic import: the review page
 * pays for the library's data, the sender check never does).
 */
export async function loadBankHolidayCalendar(
  options: { extraClosures?: readonly LocalDate[] } = {},
): Promise<BankHolidayCalendar> {
  const { createBankHolidayCalendar } = await import('./bankHolidays');
  return createBankHolidayCalendar(options);
}
