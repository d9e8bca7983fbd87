// The contact event form's "When it happened" field, read and written in London time (issue #11).
// Staff record when a contact happened in school time (docs/contact-events.md: "when", defaulting
// to the email's received time): the Record of Evidence, the chronology and the policies' windows
// all count London days and hours. The field used to be read in the device's zone, so a school
// laptop left on UTC (or New York) recorded "09:30 on 1 July" an hour (or five) late. These answers
// hold whatever zone the process runs in: `npm test` runs this file again with the device in New
// York (scripts/variants.mjs, "device-zone-new-york"), and the main run's UTC is not London's clock
// in summer either.
import { instantFromLondonInput, londonInputValue } from '../../../src/policy/dates/londonInput';
import { londonInstantOf } from '../../../src/policy/londonDate';

describe('a time typed in the form is London time', () => {
  it.each([
    // The case: 09:30 on 1 July (BST) is 08:30 UTC, on any device.
    ['a summer morning (BST)', '2026-07-01T09:30', '2026-07-01T08:30:00.000Z'],
    ['a winter morning (GMT)', '2026-01-15T09:30', '2026-01-15T09:30:00.000Z'],
    [
      'just after midnight in summer: the day before in UTC',
      '2026-07-01T00:30',
      '2026-06-30T23:30:00.000Z',
    ],
    ['with seconds', '2026-07-01T09:30:15', '2026-07-01T08:30:15.000Z'],
    ['with seconds and a fraction', '2026-07-01T09:30:15.5', '2026-07-01T08:30:15.500Z'],
    ['spaces around it', ' 2026-07-01T09:30 ', '2026-07-01T08:30:00.000Z'],
    // Clocks go forward at 01:00 UTC on 29 March 2026: 00:59 GMT, then 02:00 BST.
    ['the last minute of GMT in March', '2026-03-29T00:59', '2026-03-29T00:59:00.000Z'],
    [
      'a time that never showed in March: an hour on',
      '2026-03-29T01:30',
      '2026-03-29T01:30:00.000Z',
    ],
    ['the first minute of BST', '2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
    // Clocks go back at 01:00 UTC on 25 October 2026: 01:00-01:59 shows twice.
    ['the last hour before the change in October', '2026-10-25T00:59', '2026-10-24T23:59:00.000Z'],
    [
      'a time that showed twice in October: the second (GMT)',
      '2026-10-25T01:30',
      '2026-10-25T01:30:00.000Z',
    ],
    ['after the change in October', '2026-10-25T02:00', '2026-10-25T02:00:00.000Z'],
  ])('%s: %j -> %s', (_label, typed, instant) => {
    expect(instantFromLondonInput(typed)).toBe(instant);
  });

  it.each([
    ['empty', ''],
    ['a day only', '2026-07-01'],
    ['30 February', '2026-02-30T10:00'],
    ['hour 24', '2026-07-01T24:00'],
    ['minute 60', '2026-07-01T09:60'],
    ['words', 'next Tuesday'],
    ['an instant with a zone (not what the field gives)', '2026-07-01T09:30Z'],
  ])('%s (%j) is given back unchanged, for the form to refuse', (_label, typed) => {
    expect(instantFromLondonInput(typed)).toBe(typed);
  });
});

describe('the field shows an instant on London’s clock', () => {
  it.each([
    // The default "now" (or the email's received time) is shown as London reads it.
    ['a summer instant', '2026-07-01T08:30:00.000Z', '2026-07-01T09:30'],
    ['a winter instant', '2026-01-15T09:30:00Z', '2026-01-15T09:30'],
    ['late evening UTC in summer: the next London day', '2026-06-30T23:30:00Z', '2026-07-01T00:30'],
    ['an offset instant', '2026-07-01T10:30:00+02:00', '2026-07-01T09:30'],
    ['just before the clocks go forward', '2026-03-29T00:59:00Z', '2026-03-29T00:59'],
    ['just after the clocks go forward', '2026-03-29T01:00:00Z', '2026-03-29T02:00'],
    ['01:30 BST on the night the clocks go back', '2026-10-25T00:30:00Z', '2026-10-25T01:30'],
    ['01:30 GMT on the same night', '2026-10-25T01:30:00Z', '2026-10-25T01:30'],
  ])('%s: %s -> %j', (_label, iso, shown) => {
    expect(londonInputValue(iso)).toBe(shown);
  });

  it('shows nothing for something that is not an instant, and a typed value as it was typed', () => {
    expect(londonInputValue('')).toBe('');
    expect(londonInputValue('nonsense')).toBe('');
    expect(londonInputValue('2026-02-30T10:00')).toBe('2026-02-30T10:00');
  });

  it('gives back every instant it shows across both change-over nights (but the hour shown twice)', () => {
    for (const night of ['2026-03-28T22:00:00Z', '2026-10-24T22:00:00Z']) {
      const start = Date.parse(night);
      for (let minutes = 0; minutes <= 6 * 60; minutes += 15) {
        const iso = new Date(start + minutes * 60_000).toISOString();
        const back = instantFromLondonInput(londonInputValue(iso));
        // 00:00-00:59 UTC on 25 October is 01:00-01:59 BST, which shows again at 01:00 GMT: the
        // field reads such a time as the GMT one (an hour later).
        const shownTwice = iso >= '2026-10-25T00:00' && iso < '2026-10-25T01:00';
        expect(back).toBe(shownTwice ? new Date(Date.parse(iso) + 3_600_000).toISOString() : iso);
      }
    }
  });
});

describe('the instant London’s clock shows a day and time', () => {
  it('is midnight GMT in winter and 23:00 UTC the day before in summer', () => {
    expect(londonInstantOf('2026-01-10').toISOString()).toBe('2026-01-10T00:00:00.000Z');
    expect(londonInstantOf('2026-07-10').toISOString()).toBe('2026-07-09T23:00:00.000Z');
    expect(londonInstantOf('2026-07-10', [9, 30, 15, 250]).toISOString()).toBe(
      '2026-07-10T08:30:15.250Z',
    );
  });

  it.each([
    ['not a day', '2026-02-30', []],
    ['hour 24', '2026-07-01', [24]],
    ['minute 60', '2026-07-01', [9, 60]],
    ['a negative hour', '2026-07-01', [-1]],
    ['a fraction of an hour', '2026-07-01', [9.5]],
    ['ms 1000', '2026-07-01', [9, 0, 0, 1000]],
  ])('refuses %s', (_label, day, time) => {
    expect(() => londonInstantOf(day, time)).toThrow(RangeError);
  });
});
