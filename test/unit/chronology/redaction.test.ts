// The subject access redaction (issue 10, item 8): staff and witness names and third parties'
// addresses withheld wherever they appear in free text; the data subject and ordinary words kept.
import {
  chronologyCsv,
  chronologyRedactor,
  createRedactor,
  mergeChronology,
  nameParts,
  REDACTED,
} from '../../../src/policy/chronology';

const R = REDACTED;
const STAFF = ['Helen Marsh', 'Tom Ashworth', 'Mrs Okafor', 'Sarah Jane Whitfield'];
const SUBJECT = { name: 'Mark Denton', emails: ['mark.denton1978@gmail.com'] };
const redact = createRedactor(STAFF, SUBJECT);

describe('createRedactor: names in free text', () => {
  it.each([
    ['a full name in a note', 'Helen Marsh took the call.', `${R} took the call.`],
    ['any case', 'HELEN MARSH and helen marsh', `${R} and ${R}`],
    ['across a line break and spaces', 'spoke to Helen\n   Marsh', `spoke to ${R}`],
    ['a possessive', "Helen Marsh's office; Ashworth’s class", `${R}'s office; ${R}’s class`],
    ['title and surname', 'Mrs Marsh and Mr. Ashworth', `${R} and ${R}`],
    ['title and full name', 'Mrs Helen Marsh said', `${R} said`],
    ['reversed', 'Marsh, Helen (Head)', `${R} (Head)`],
    ['an initial and surname', 'H. Marsh and T Ashworth', `${R} and ${R}`],
    ['first and last without the middle name', 'Sarah Whitfield logged it', `${R} logged it`],
    ['a surname alone', 'Okafor heard it; so did ashworth.', `${R} heard it; so did ${R}.`],
    ['a first name alone', 'I passed it to Helen', `I passed it to ${R}`],
    [
      'a quoted email body',
      '> From: Tom Ashworth\n> Dear Mr Denton,',
      `> From: ${R}\n> Dear Mr Denton,`,
    ],
    ['an address', 'cc h.marsh@oakfield.sch.uk, T.Ashworth@Oakfield.sch.uk', `cc ${R}, ${R}`],
  ])('withholds %s', (_case, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps the data subject: their name, their address and the title with their surname', () => {
    expect(redact('Mark Denton (mark.denton1978@gmail.com) wrote to Mr Denton’s MP.')).toBe(
      'Mark Denton (mark.denton1978@gmail.com) wrote to Mr Denton’s MP.',
    );
  });

  it("withholds a staff member who shares the parent's surname only by first name or full name", () => {
    const r = createRedactor(['Paul Denton'], SUBJECT);
    expect(r('Paul Denton saw Mr Denton; Paul left. Denton shouted.')).toBe(
      `${R} saw Mr Denton; ${R} left. Denton shouted.`,
    );
  });

  it('keeps words inside other words and one-letter parts', () => {
    expect(redact('Okaforson and the Marshall plan; H and T.')).toBe(
      'Okaforson and the Marshall plan; H and T.',
    );
  });

  it("withholds every third-party address, but not the subject's", () => {
    expect(redact('from other.parent@example.com to mark.denton1978@gmail.com')).toBe(
      `from ${R} to mark.denton1978@gmail.com`,
    );
  });
});

describe('createRedactor: names that are ordinary words', () => {
  const r = createRedactor(['Will Bell', 'May Price'], SUBJECT);

  it('keeps the ordinary word: lower case, a sentence start, a date', () => {
    expect(r('Will you call back? He will. It may rain.')).toBe(
      'Will you call back? He will. It may rain.',
    );
    expect(r('The meeting on 3 May 2026 was in May 2026.')).toBe(
      'The meeting on 3 May 2026 was in May 2026.',
    );
    expect(r('the school bell rang; a fair price')).toBe('the school bell rang; a fair price');
  });

  it('withholds the name: capitalised mid-sentence, full names, titles', () => {
    expect(r('I told Will and May about it.')).toBe(`I told ${R} and ${R} about it.`);
    expect(r('Will Bell and Mrs Price were there; Bell left.')).toBe(
      `${R} and ${R} were there; ${R} left.`,
    );
  });
});

describe('createRedactor: shared and system accounts as authors', () => {
  it('keeps the ordinary words of "Reception" or "System Account" in the text', () => {
    const r = createRedactor(['Reception', 'System Account', 'School Office'], SUBJECT);
    expect(r('He came to reception and the school office; the system logged it.')).toBe(
      'He came to reception and the school office; the system logged it.',
    );
    expect(r('Logged by School Office; passed to Reception.')).toBe(
      `Logged by ${R}; passed to ${R}.`,
    );
  });
});

describe('nameParts', () => {
  it('drops titles, job notes and addresses', () => {
    expect(nameParts('Mrs. Helen Marsh (Headteacher) head@oakfield.sch.uk')).toEqual([
      'Helen',
      'Marsh',
    ]);
    expect(nameParts("Dr Siobhan O'Brien-Kelly")).toEqual(['Siobhan', "O'Brien-Kelly"]);
  });
});

describe('chronologyRedactor', () => {
  it('takes the names from every line and the extra ones, and the CSV uses it', () => {
    const lines = mergeChronology({
      events: [
        {
          occurredAt: '2026-03-01T09:00:00Z',
          summary: 'Shouted at Tom at the gate',
          channel: 'InPerson',
          behaviours: [],
          threat: false,
          staffInvolved: 'Tom Ashworth',
          details: 'Priya Shah, the SPOC, was told. Mark Denton said Ashworth was useless.',
        },
      ],
    });
    const options = { personName: 'Mark Denton', extraNames: ['Priya Shah'] };
    const r = chronologyRedactor(lines, options);
    expect(r(lines[0]!.details.join('\n'))).toBe(
      'Channel: In person (e.g. at the gate)\n' +
        `${R}, the SPOC, was told. Mark Denton said ${R} was useless.\nStaff involved: ${R}`,
    );
    const csv = chronologyCsv(lines, { redact: true, ...options });
    expect(csv).not.toMatch(/Tom|Ashworth|Priya|Shah/);
    expect(csv).toContain('Mark Denton said');
  });
});
