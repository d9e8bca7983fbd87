// Dates the way SharePoint keeps them for one site: a date-only column holds the UTC instant of
// local midnight in the site's regional time zone (Site settings > Regional settings), and a value
// written as an instant is cut to its calendar day in that zone. Through Graph the stored instant
// comes back as UTC, so a site in London returns 2 June as 1 June 23:00Z in summer time and a site
// in New York returns it as 2 June 04:00Z (README.md, behaviour 8).
import { toGraphInstant } from './londonDates';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The seed's default: the schools this service stands in for are in England. */
export const DEFAULT_SITE_TIME_ZONE = 'Europe/London';

/** Throws when `zone` is not an IANA time zone the runtime knows. */
export function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    throw new Error(`'${zone}' is not an IANA time zone`);
  }
  return zone;
}

export class SiteDates {
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-GB', {
      timeZone: checkTimeZone(timeZone),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  private parts(instant: Date): Record<string, number> {
    const out: Record<string, number> = {};
    for (const p of this.format.formatToParts(instant)) {
      if (p.type !== 'literal') out[p.type] = Number(p.value);
    }
    return out;
  }

  /** Minutes the zone is ahead of UTC at this instant (negative west of Greenwich). */
  offsetMinutes(instant: Date): number {
    const p = this.parts(instant);
    const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
    return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
  }

  /** The calendar day in the site's zone at an instant, as `YYYY-MM-DD`. */
  dateOf(instant: Date): string {
    const p = this.parts(instant);
    const pad = (n: number | undefined, w = 2) => String(n ?? 0).padStart(w, '0');
    return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  }

  /** `YYYY-MM-DD` → the instant the day starts in the site's zone. */
  midnightUtc(dateOnly: string): Date {
    const m = DATE_ONLY.exec(dateOnly);
    if (!m) throw new Error('not a YYYY-MM-DD date');
    const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    // The offset at local midnight can differ from the one at UTC midnight (a clock change in
    // between): correct once with the offset at the first guess.
    let guess = utcMidnight - this.offsetMinutes(new Date(utcMidnight)) * 60000;
    guess = utcMidnight - this.offsetMinutes(new Date(guess)) * 60000;
    return new Date(guess);
  }

  /** What a date-only column stores for a value meaning this instant: its day's local midnight. */
  dateOnlyInstant(instant: Date): Date {
    return this.midnightUtc(this.dateOf(instant));
  }

  /**
   * Reads a value written to a date column: `YYYY-MM-DD` (the site's local midnight) or any ISO
   * instant. Returns null when it is neither.
   */
  parse(value: string): Date | null {
    if (DATE_ONLY.test(value)) return this.midnightUtc(value);
    if (!INSTANT.test(value)) return null;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }

  /**
   * `parse` as epoch milliseconds. Stored values are in Graph's own form (`…T…Z`, 20 characters),
   * read without a regular expression or a Date: a query on a large list compares every item.
   */
  timeOf(value: string): number | null {
    if (value.length === 20 && value[10] === 'T' && value[19] === 'Z') {
      const t = Date.parse(value);
      if (!Number.isNaN(t)) return t;
    }
    return this.parse(value)?.getTime() ?? null;
  }

  /** Graph's form of what a date-only column keeps for this value. */
  storedDateOnly(d: Date): string {
    return toGraphInstant(this.dateOnlyInstant(d));
  }
}
