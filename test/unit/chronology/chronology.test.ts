// The chronology's pure rules: time order across sources, heading filter, Monday weeks in London
// across the clock changes, CSV quoting (RFC 4180, formula injection) and redaction of staff and
// witness names (policy 003 Appendix 5).
import {
  chronologyCsv,
  csvField,
  filterByHeading,
  mergeChronology,
  redactNames,
  REDACTED,
  splitNames,
  weekStartOf,
  weeklyCounts,
  withoutItemReference,
} from '../../../src/policy/chronology';
import { decision, event } from './fixtures';

describe('mergeChronology', () => {
  it("never shows the audit's list item reference (issue 13: no internal ids)", () => {
    const what =
      'Forwarded restricted correspondence to the single point of contact (restriction 17)';
    expect(withoutItemReference(what)).toBe(
      'Forwarded restricted correspondence to the single point of contact',
    );
    expect(withoutItemReference('Restriction (restriction imposed) kept')).toBe(
      'Restriction (restriction imposed) kept',
    );
    const [line] = mergeChronology({
      events: [],
      audit: [{ at: '2026-03-03T12:00:00Z', action: 'Forwarded', what, actorName: 'Sarah' }],
    });
    expect(line!.title).toBe('Forwarded restricted correspondence to the single point of contact');
    expect(chronologyCsv([line!], { redact: false })).not.toMatch(/restriction 17/);
  });

  it('puts events, mail actions, decisions and letters into one time order', () => {
    const lines = mergeChronology({
      events: [event('2026-03-05T09:00:00Z'), event('2026-03-01T09:00:00Z')],
      audit: [
        {
          at: '2026-03-03T12:00:00Z',
          action: 'Forwarded',
          what: 'Forwarded restricted correspondence',
          actorName: 'Sarah Whitfield',
        },
        { at: '2026-03-04T12:00:00Z', action: 'Filed', what: 'Filed', actorName: 'Priya Shah' },
        { at: '2026-03-04T13:00:00Z', action: 'SpocOutcome', what: 'No new issue', actorName: 'P' },
        { at: '2026-03-04T14:00:00Z', action: 'EventLogged', what: 'ignored', actorName: 'X' },
      ],
      decisions: [
        decision,
        { ...decision, transition: 'review', recordedAt: '2026-03-06T08:00:00Z' },
      ],
      letters: [
        {
          at: '2026-03-02T11:00:00Z',
          subject: 'Your contact with the school',
          kindLabel: 'Notice',
          draftedBy: 'Helen Marsh',
        },
      ],
    });
    expect(lines.map((l) => l.kind)).toEqual([
      'event',
      'decision',
      'letter',
      'forwarded',
      'filed',
      'spocOutcome',
      'event',
      'review',
    ]);
    expect(lines[1]!.details.join('\n')).toContain('Why: It continued after the warning.');
  });

  it('keeps a stable order for the same instant and drops lines with no date', () => {
    const lines = mergeChronology({
      events: [event('2026-03-01T09:00:00Z', { summary: 'a' }), event('not a date')],
      decisions: [{ ...decision, recordedAt: '2026-03-01T09:00:00Z' }],
    });
    expect(lines.map((l) => l.kind)).toEqual(['event', 'decision']);
  });

  it('filters by heading, and keeps everything when no heading is chosen', () => {
    const lines = mergeChronology({
      events: [
        event('2026-03-01T09:00:00Z', { behaviours: ['Threatening'], threat: true }),
        event('2026-03-02T09:00:00Z', { behaviours: ['Tone'] }),
      ],
    });
    expect(filterByHeading(lines, ['Threatening']).map((l) => l.threat)).toEqual([true]);
    expect(filterByHeading(lines, [])).toHaveLength(2);
  });
});

describe('weeks', () => {
  it('starts weeks on Monday in London, across the clock changes', () => {
    // Sunday 29 March 2026, 23:30 BST is still Sunday in London (22:30Z).
    expect(weekStartOf('2026-03-29T22:30:00Z')).toBe('2026-03-23');
    // Sunday 29 March 2026 23:30Z is Monday 00:30 BST: a new week.
    expect(weekStartOf('2026-03-29T23:30:00Z')).toBe('2026-03-30');
    // Sunday 25 October 2026 23:30Z is still Sunday in GMT.
    expect(weekStartOf('2026-10-25T23:30:00Z')).toBe('2026-10-19');
  });

  it('counts contacts per week with empty weeks as zero, up to the current week', () => {
    const lines = mergeChronology({
      events: [
        event('2026-03-02T09:00:00Z'),
        event('2026-03-03T09:00:00Z'),
        event('2026-03-17T09:00:00Z'),
      ],
      decisions: [decision],
    });
    expect(weeklyCounts(lines, new Date('2026-03-25T12:00:00Z'))).toEqual([
      { weekStart: '2026-03-02', count: 2 },
      { weekStart: '2026-03-09', count: 0 },
      { weekStart: '2026-03-16', count: 1 },
      { weekStart: '2026-03-23', count: 0 },
    ]);
    expect(weeklyCounts([], new Date())).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+44 20')).toBe("'+44 20");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('\n=1')).toBe(`"'\n=1"`);
    expect(csvField('＝1+1')).toBe("'＝1+1");
  });

  it('writes a header and one row per line, London dates and times, CRLF', () => {
    const lines = mergeChronology({
      events: [event('2026-06-01T23:30:00Z', { summary: 'Late, "angry" email' })],
    });
    const csv = chronologyCsv(lines, { redact: false });
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(
      'Date,Time,Kind,What,Behaviour,Details,Threat,Link,Created by,Created,Changed by,Changed,Authorship check',
    );
    expect(rows[1]).toMatch(/^2026-06-02,00:30,Contact,"Late, ""angry"" email",/);
    expect(rows[2]).toBe('');
  });

  it('redacts the names of staff and witnesses everywhere, and keeps the person', () => {
    const lines = mergeChronology({
      events: [
        event('2026-03-01T09:00:00Z', {
          summary: 'Shouted at Tom Ashworth at the gate',
          staffInvolved: 'Tom Ashworth; Sarah Whitfield',
          recordedByName: 'Sarah Whitfield',
          details: 'Mark Denton said Tom Ashworth was useless.',
        }),
      ],
      decisions: [decision],
    });
    const csv = chronologyCsv(lines, { redact: true, personName: 'Mark Denton' });
    expect(csv).not.toMatch(/Tom Ashworth|Sarah Whitfield|Helen Marsh/);
    expect(csv).toContain('Mark Denton said [name withheld] was useless.');
    const open = chronologyCsv(lines, { redact: false });
    expect(open).toContain('Tom Ashworth');
  });

  it('redacts whole names only, any case, longest first', () => {
    expect(redactNames('Ann and Anna met ANN SMITH', ['Ann', 'Ann Smith'])).toBe(
      `${REDACTED} and Anna met ${REDACTED}`,
    );
    expect(splitNames('Tom Ashworth, Sarah Whitfield and Priya Shah\nX')).toEqual([
      'Tom Ashworth',
      'Sarah Whitfield',
      'Priya Shah',
    ]);
  });
});
