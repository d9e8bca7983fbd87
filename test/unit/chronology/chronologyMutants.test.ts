// What the head teacher reads in one person's chronology, line by line: the wording of each kind
// of line (contacts, mail actions, decisions and reviews, letters), the names it puts forward for
// redaction (policy 003 Appendix 5), the weekly chart's range, and every CSV column.
import {
  chronologyCsv,
  chronologyRedactor,
  filterByHeading,
  mergeChronology,
  splitNames,
  weeklyCounts,
  type ChronologyLine,
} from '../../../src/policy/chronology';
import { decision, event } from './fixtures';

const office = {
  createdBy: { displayName: 'Office Admin', email: 'office@school.example' },
  createdAt: '2026-03-02T09:05:00Z',
};

const only = (lines: ChronologyLine[]): ChronologyLine => {
  expect(lines).toHaveLength(1);
  return lines[0]!;
};

describe('splitNames: the names in a "staff involved" field', () => {
  it('gives no names for an empty field', () => {
    expect(splitNames('')).toEqual([]);
    expect(splitNames(undefined)).toEqual([]);
  });

  it('splits on "&" with or without spaces around it', () => {
    expect(splitNames('Ann Lee&Bob Hart')).toEqual(['Ann Lee', 'Bob Hart']);
    expect(splitNames('Ann Lee &Bob Hart')).toEqual(['Ann Lee', 'Bob Hart']);
    expect(splitNames('Ann Lee& Bob Hart')).toEqual(['Ann Lee', 'Bob Hart']);
    expect(splitNames('Ann Lee & Bob Hart, Cy Dunn and Di Fox')).toEqual([
      'Ann Lee',
      'Bob Hart',
      'Cy Dunn',
      'Di Fox',
    ]);
  });
});

describe('a contact line', () => {
  it('shows the channel, behaviour headings by their policy 002 §19 labels, details and staff', () => {
    const line = only(
      mergeChronology({
        events: [
          event('2026-03-02T09:00:00Z', {
            summary: 'Shouted at the gate',
            channel: 'InPerson',
            behaviours: ['AggressiveOrAbusive', 'Tone', 'SomethingNew'],
            details: 'Raised voice at pick-up.',
            staffInvolved: 'Priya Shah and Tom Reed',
            messageLink: 'https://outlook.office.com/mail/id/1',
          }),
        ],
      }),
    );
    expect(line.title).toBe('Shouted at the gate');
    expect(line.details).toEqual([
      'Channel: In person (e.g. at the gate)',
      'Behaviour: A. Aggressive or abusive behaviour; Tone; SomethingNew',
      'Raised voice at pick-up.',
      'Staff involved: Priya Shah and Tom Reed',
    ]);
    expect(line.headings).toEqual(['AggressiveOrAbusive', 'Tone', 'SomethingNew']);
    expect(line.messageLink).toBe('https://outlook.office.com/mail/id/1');
    expect(line.threat).toBeUndefined();
  });

  it('shows only the channel when nothing else was recorded, titled "Contact logged" without a summary', () => {
    const line = only(
      mergeChronology({ events: [event('2026-03-02T09:00:00Z', { summary: '' })] }),
    );
    expect(line.title).toBe('Contact logged');
    expect(line.details).toEqual(['Channel: Email']);
    expect(line.staffNames).toEqual([]);
    expect(line).not.toHaveProperty('messageLink');
  });

  it('says whether the police were informed of a threat, "not recorded" when nobody said', () => {
    const lines = mergeChronology({
      events: [
        event('2026-03-02T09:00:00Z', { threat: true }),
        event('2026-03-03T09:00:00Z', { threat: true, policeInformed: 'Yes, ref 4521' }),
        event('2026-03-04T09:00:00Z', { threat: false, policeInformed: 'Yes' }),
      ],
    });
    expect(lines.map((l) => l.details)).toEqual([
      ['Channel: Email', 'Police informed: not recorded'],
      ['Channel: Email', 'Police informed: Yes, ref 4521'],
      ['Channel: Email'],
    ]);
    expect(lines.map((l) => l.threat)).toEqual([true, true, undefined]);
  });

  it('flags a "recorded by" naming someone other than the account that created it', () => {
    const line = only(
      mergeChronology({
        events: [
          event('2026-03-02T09:00:00Z', { recordedByName: 'Helen Marsh', authorship: office }),
        ],
      }),
    );
    expect(line.author).toEqual({
      createdBy: 'Office Admin',
      createdAt: '2026-03-02T09:05:00Z',
      recordedAs: 'Helen Marsh',
    });
    expect(line.staffNames).toEqual(['Office Admin', 'Helen Marsh']);
  });

  it('puts each staff name forward for redaction once, trimmed, whatever its case', () => {
    const line = only(
      mergeChronology({
        events: [
          event('2026-03-02T09:00:00Z', {
            staffInvolved: 'Priya Shah; PRIYA SHAH',
            recordedByName: ' priya shah ',
          }),
          // No SharePoint record: the unknown account is never a name.
        ],
      }),
    );
    expect(line.staffNames).toEqual(['Priya Shah']);

    const recorder = only(
      mergeChronology({
        events: [event('2026-03-02T09:00:00Z', { recordedByName: ' Sam Patel ' })],
      }),
    );
    expect(recorder.staffNames).toEqual(['Sam Patel']);

    const blank = only(
      mergeChronology({ events: [event('2026-03-02T09:00:00Z', { recordedByName: '   ' })] }),
    );
    expect(blank.staffNames).toEqual([]);
  });
});

describe('mail actions from the Audit list', () => {
  it('shows forwarded, filed, filing undone and SPOC outcomes, and nothing else', () => {
    const at = '2026-03-04T12:00:00Z';
    const lines = mergeChronology({
      events: [],
      audit: [
        { at, action: 'SpocOutcome', what: 'No new issue', actorName: 'Priya Shah' },
        { at, action: 'FilingUndone', what: 'Filing undone', actorName: 'Priya Shah' },
        { at, action: 'EventLogged', what: 'ignored', actorName: 'X Y' },
        { at, action: 'Forwarded', what: 'Forwarded to the head', actorName: 'Sam Patel' },
      ],
    });
    // The same instant keeps forwarded, filed, SPOC outcome order.
    expect(lines).toEqual([
      {
        at,
        kind: 'forwarded',
        title: 'Forwarded to the head',
        details: [],
        headings: [],
        staffNames: ['Sam Patel'],
        author: { createdBy: 'an unknown account' },
      },
      {
        at,
        kind: 'filed',
        title: 'Filing undone',
        details: [],
        headings: [],
        staffNames: ['Priya Shah'],
        author: { createdBy: 'an unknown account' },
      },
      {
        at,
        kind: 'spocOutcome',
        title: 'No new issue',
        details: [],
        headings: [],
        staffNames: ['Priya Shah'],
        author: { createdBy: 'an unknown account' },
      },
    ]);
  });

  it("flags an actor name that is not the creating account's, and names nobody when there is none", () => {
    const lines = mergeChronology({
      events: [],
      audit: [
        {
          at: '2026-03-04T12:00:00Z',
          action: 'Filed',
          what: 'Filed',
          actorName: 'Priya Shah',
          authorship: office,
        },
        { at: '2026-03-05T12:00:00Z', action: 'Filed', what: 'Filed', actorName: '' },
      ],
    });
    expect(lines[0]!.author).toEqual({
      createdBy: 'Office Admin',
      createdAt: '2026-03-02T09:05:00Z',
      recordedAs: 'Priya Shah',
    });
    expect(lines[0]!.staffNames).toEqual(['Office Admin', 'Priya Shah']);
    expect(lines[1]!.staffNames).toEqual([]);
  });
});

describe('decisions and reviews', () => {
  it('titles a stage change "from → to", a review "Restriction reviewed", a same-stage decision by its first detail', () => {
    const lines = mergeChronology({
      events: [],
      decisions: [
        decision,
        {
          ...decision,
          transition: 'review',
          fromStage: 'active',
          toStage: 'active',
          recordedAt: '2026-03-03T10:00:00Z',
          details: ['Kept in force.'],
        },
        {
          ...decision,
          transition: 'vary',
          fromStage: 'active',
          toStage: 'active',
          recordedAt: '2026-03-04T10:00:00Z',
          details: ['Phone calls allowed on Fridays.'],
        },
        {
          ...decision,
          transition: 'vary',
          fromStage: 'active',
          toStage: 'active',
          recordedAt: '2026-03-05T10:00:00Z',
          details: [],
        },
        {
          ...decision,
          transition: 'review',
          fromStage: 'active',
          toStage: 'ended',
          recordedAt: '2026-03-06T10:00:00Z',
          details: [],
        },
      ],
    });
    expect(lines.map((l) => [l.kind, l.title])).toEqual([
      ['decision', 'Written warning → Restriction imposed, waiting for the chair of governors'],
      ['review', 'Restriction reviewed'],
      ['decision', 'Phone calls allowed on Fridays.'],
      ['decision', 'Restriction in force'],
      ['review', 'Restriction reviewed'],
    ]);
  });

  it('says who decided, in what role, when and why; the recorder is a claim without its audit entry', () => {
    const line = only(mergeChronology({ events: [], decisions: [decision] }));
    expect(line).toEqual({
      at: '2026-03-02T10:00:00Z',
      kind: 'decision',
      title: 'Written warning → Restriction imposed, waiting for the chair of governors',
      details: [
        'Decided by Helen Marsh (the head teacher) on 2 March 2026',
        'Why: It continued after the warning.',
        'Restriction imposed.',
        'Recorded by Helen Marsh (not confirmed by SharePoint)',
      ],
      headings: [],
      staffNames: ['Helen Marsh'],
    });
  });

  it('drops the "not confirmed" line when SharePoint recorded who entered the decision', () => {
    const line = only(
      mergeChronology({
        events: [],
        decisions: [
          { ...decision, recordedBy: { name: 'Sam Patel', email: 'sam@school.example' } },
        ],
        decisionAuthorship: [
          {
            at: '2026-03-02T10:00:00Z',
            authorship: { createdBy: { displayName: 'Sam Patel', email: 'sam@school.example' } },
          },
        ],
      }),
    );
    expect(line.details).toEqual([
      'Decided by Helen Marsh (the head teacher) on 2 March 2026',
      'Why: It continued after the warning.',
      'Restriction imposed.',
    ]);
    expect(line.headings).toEqual([]);
    expect(line.staffNames).toEqual(['Helen Marsh', 'Sam Patel']);
    expect(line.author).toEqual({ createdBy: 'Sam Patel' });
  });
});

describe('letters', () => {
  it('says whether a letter was drafted or printed, its kind and who did it', () => {
    const lines = mergeChronology({
      events: [],
      letters: [
        {
          at: '2026-03-02T11:00:00Z',
          subject: 'Your contact with the school',
          kindLabel: 'Notice',
          draftedBy: 'Helen Marsh',
        },
        {
          at: '2026-03-03T11:00:00Z',
          subject: 'Restriction in force',
          kindLabel: 'Restriction letter',
          draftedBy: ' Sam Patel ',
          printed: true,
        },
      ],
    });
    expect(lines).toEqual([
      {
        at: '2026-03-02T11:00:00Z',
        kind: 'letter',
        title: 'Letter drafted: Your contact with the school',
        details: ['Notice', 'Drafted by Helen Marsh'],
        headings: [],
        staffNames: ['Helen Marsh'],
      },
      {
        at: '2026-03-03T11:00:00Z',
        kind: 'letter',
        title: 'Letter printed: Restriction in force',
        details: ['Restriction letter', 'Printed by Sam Patel'],
        headings: [],
        staffNames: ['Sam Patel'],
      },
    ]);
  });
});

describe('filterByHeading', () => {
  it('keeps a line with any chosen heading, and drops lines with no heading', () => {
    const lines = mergeChronology({
      events: [
        event('2026-03-01T09:00:00Z', { summary: 'both', behaviours: ['Threatening', 'Tone'] }),
        event('2026-03-02T09:00:00Z', { summary: 'none' }),
        event('2026-03-03T09:00:00Z', { summary: 'other', behaviours: ['Words'] }),
      ],
      letters: [{ at: '2026-03-04T09:00:00Z', subject: 'x', kindLabel: 'Notice', draftedBy: 'H' }],
    });
    expect(filterByHeading(lines, ['Threatening']).map((l) => l.title)).toEqual(['both']);
  });
});

describe('weeklyCounts: the chart', () => {
  const until = new Date('2026-03-25T12:00:00Z'); // week of Monday 23 March

  it('is empty without contacts, even with other lines', () => {
    expect(weeklyCounts([{ at: '2026-03-02T10:00:00Z', kind: 'decision' }], until)).toEqual([]);
  });

  it("starts at the earliest contact's week whatever the lines' order", () => {
    expect(
      weeklyCounts(
        [
          { at: '2026-03-17T09:00:00Z', kind: 'event' },
          { at: '2026-03-03T09:00:00Z', kind: 'event' },
        ],
        until,
      ),
    ).toEqual([
      { weekStart: '2026-03-02', count: 1 },
      { weekStart: '2026-03-09', count: 0 },
      { weekStart: '2026-03-16', count: 1 },
      { weekStart: '2026-03-23', count: 0 },
    ]);
  });

  it('shows at most maxWeeks weeks, ending with the current one', () => {
    expect(weeklyCounts([{ at: '2025-01-07T09:00:00Z', kind: 'event' }], until, 3)).toEqual([
      { weekStart: '2026-03-09', count: 0 },
      { weekStart: '2026-03-16', count: 0 },
      { weekStart: '2026-03-23', count: 0 },
    ]);
  });
});

describe('chronologyRedactor: the person is kept (policy 003 Appendix 5)', () => {
  it("keeps the person's own name and address, withholds the staff member sharing the surname", () => {
    const redact = chronologyRedactor([{ staffNames: ['Tom Ashworth'] }], {
      personName: 'Karen Ashworth',
      personEmails: ['karen@home.example'],
    });
    const out = redact(
      'Karen Ashworth (karen@home.example) wrote to Tom Ashworth (tom@school.example).',
    );
    expect(out).toContain('Karen Ashworth (karen@home.example)');
    expect(out).not.toContain('Tom');
    expect(out).not.toContain('tom@school.example');
  });
});

describe('chronologyCsv: every column the reviewer sees', () => {
  it('writes behaviours, details, threat, link and the authorship check, blank where nothing applies', () => {
    const lines = mergeChronology({
      events: [
        event('2026-03-02T09:00:00Z', {
          summary: 'Threat at the gate',
          behaviours: ['Threatening', 'Tone'],
          threat: true,
          policeInformed: 'Yes',
          messageLink: 'https://outlook.office.com/mail/id/1',
          recordedByName: 'Helen Marsh',
          authorship: office,
        }),
        event('2026-03-03T09:00:00Z', {
          summary: 'Phone call',
          channel: 'Phone',
          authorship: { createdBy: { displayName: 'Office Admin' } },
        }),
      ],
      letters: [
        { at: '2026-03-04T09:00:00Z', subject: 'Notice', kindLabel: 'Notice', draftedBy: 'Helen' },
      ],
    });
    const rows = chronologyCsv(lines, { redact: false }).split('\r\n');
    expect(rows.slice(1)).toEqual([
      '2026-03-02,09:00,Contact,Threat at the gate,"Threats, or threatening behaviour; Tone","Channel: Email\n' +
        'Behaviour: Threats, or threatening behaviour; Tone\nPolice informed: Yes",yes,' +
        "https://outlook.office.com/mail/id/1,Office Admin,2026-03-02 09:05,,,Recorded by Helen Marsh but created by Office Admin's account",
      '2026-03-03,09:00,Contact,Phone call,,Channel: Phone call,,,Office Admin,,,,',
      '2026-03-04,09:00,Letter,Letter drafted: Notice,,"Notice\nDrafted by Helen",,,,,,,',
      '',
    ]);
  });
});
