// Calendar helpers of the seed (`$today±N` is a day in London, where the demo school is) and
// Graph's instant format. Date-only column values follow the site's own zone: siteDates.ts.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in London at an instant, as `YYYY-MM-DD`. */
export function londonDateOf(instant: Date): string {
  return londonDay.format(instant);
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
