// Dates the way SharePoint stores them for a school in England: a date-only column value is the UTC
// instant of local midnight in Europe/London (so 2 June is 1 June 23:00Z in summer time).

const SCHOOL_TIME_ZONE = 'Europe/London';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsAt(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of londonParts.formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

/** Minutes London is ahead of UTC at this instant (0 in winter, 60 in summer time). */
function londonOffsetMinutes(instant: Date): number {
  const p = partsAt(instant);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60000) * 60000) / 60000);
}

export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/** `YYYY-MM-DD` → the instant of midnight in London that day. */
export function londonMidnightUtc(dateOnly: string): Date {
  const m = DATE_ONLY.exec(dateOnly);
  if (!m) throw new Error('not a YYYY-MM-DD date');
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Clocks change at 01:00 UTC, so the offset at 00:00 UTC is the offset at local midnight.
  return new Date(utcMidnight - londonOffsetMinutes(new Date(utcMidnight)) * 60000);
}

/** The calendar day in London at an instant, as `YYYY-MM-DD`. */
export function londonDateOf(instant: Date): string {
  const p = partsAt(instant);
  const pad = (n: number | undefined, w = 2) => String(n ?? 0).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Adds whole calendar days to a `YYYY-MM-DD` date. */
export function addDays(dateOnly: string, days: number): string {
  const m = DATE_ONLY.exec(dateOnly);
  if (!m) throw new Error('not a YYYY-MM-DD date');
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return d.toISOString().slice(0, 10);
}

/** Graph's instant format: second precision, `Z`. */
export function toGraphInstant(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Reads a value written to a date column: `YYYY-MM-DD` (date-only, London midnight) or any ISO
 * instant. Returns null when it is neither.
 */
export function parseColumnDate(value: string): Date | null {
  if (isDateOnly(value)) return londonMidnightUtc(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
