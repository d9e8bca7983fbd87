// The mail actions' rules, checked where the mutation run found them unguarded: one forward per
// restricted email (the claim), what the SPOC reads (the cover note, the folder it is filed in),
// and which Contact Guard forward headers are believed.
import {
  CLAIM_HONOURED_MS,
  checkSpocAddress,
  claimValue,
  coverNote,
  decideClaim,
  filingPath,
  findForwardHeader,
  findForwardMarker,
  FORWARD_HEADER,
  FORWARD_MARKER,
  forwardMarkerLine,
  isSpoc,
  looksForwarded,
  odataString,
  parseClaim,
  parseForwardHeader,
  personFolderName,
  trustedForwardHeader,
  urgentLine,
  type ForwardClaim,
  type ForwardHeaderValue,
} from '../../../../src/policy/mailActions';

const NOW = new Date('2025-06-03T08:14:00Z');
const MINE = { token: 't-mine', key: 'k-mine' };

describe('the forward claim: one forward per restricted email', () => {
  const stored: ForwardClaim = {
    key: 'k-1',
    token: 't-other',
    byName: 'Ann Office',
    byAddress: 'office@oakfield.sch.uk',
    at: NOW.toISOString(),
  };

  it('reads back exactly the claim it wrote, so another pane can say who is forwarding', () => {
    expect(parseClaim(claimValue(stored))).toEqual(stored);
    expect(parseClaim(claimValue({ ...stored, released: true, sent: true }))).toEqual({
      ...stored,
      released: true,
      sent: true,
    });
  });

  it('is not released unless the claim says so: a fresh claim without the flag keeps others out', () => {
    const read = parseClaim(
      JSON.stringify({ key: 'k-1', token: 't-other', at: NOW.toISOString() }),
    );
    expect(read).toEqual({
      key: 'k-1',
      token: 't-other',
      byName: '',
      byAddress: '',
      at: NOW.toISOString(),
    });
    expect(read && 'released' in read).toBe(false);
    expect(decideClaim(read, MINE, NOW)).toEqual({ kind: 'busy', claim: read });
  });

  it('fills missing or malformed fields with empty text rather than trusting them', () => {
    expect(
      parseClaim(JSON.stringify({ key: 'k-1', at: 'x', token: 5, byName: 7, byAddress: null })),
    ).toEqual({ key: 'k-1', token: '', byName: '', byAddress: '', at: 'x' });
    expect(parseClaim(JSON.stringify({ key: 'k-1', at: 'x' }))).toEqual({
      key: 'k-1',
      token: '',
      byName: '',
      byAddress: '',
      at: 'x',
    });
  });

  it.each([
    ['a value that is not text', ['{"key":"k-1","at":"x"}']],
    ['text that is not JSON', '{not json'],
    ['JSON null', 'null'],
    ['a JSON number', '5'],
    ['an empty key', '{"key":"","at":"x"}'],
    ['no key', '{"at":"x"}'],
    ['no date', '{"key":"k-1"}'],
    ['a date that is not text', '{"key":"k-1","at":5}'],
  ])('ignores a stored claim that is %s (nobody holds the email)', (_what, value) => {
    expect(parseClaim(value)).toBeUndefined();
    expect(decideClaim(parseClaim(value), MINE, NOW)).toEqual({ kind: 'claim', key: 'k-mine' });
  });

  it('treats only its own attempt token as ours; another pane within its time is busy', () => {
    expect(decideClaim(stored, MINE, NOW)).toEqual({ kind: 'busy', claim: stored });
    // Two claims without tokens (older panes) are not the same attempt.
    const tokenless = { ...stored, token: '' };
    expect(decideClaim(tokenless, { token: '', key: 'k-mine' }, NOW)).toEqual({
      kind: 'busy',
      claim: tokenless,
    });
    expect(decideClaim({ ...stored, token: 't-mine' }, MINE, NOW)).toEqual({
      kind: 'ours',
      key: 'k-1',
    });
  });

  it('honours a claim for strictly less than five minutes, then takes it over keeping its key', () => {
    const at = (ms: number) => ({ ...stored, at: new Date(NOW.getTime() - ms).toISOString() });
    expect(decideClaim(at(CLAIM_HONOURED_MS - 1), MINE, NOW).kind).toBe('busy');
    expect(decideClaim(at(CLAIM_HONOURED_MS), MINE, NOW)).toEqual({ kind: 'takeOver', key: 'k-1' });
    expect(decideClaim(at(-CLAIM_HONOURED_MS), MINE, NOW)).toEqual({
      kind: 'takeOver',
      key: 'k-1',
    });
  });
});

describe('the cover note the SPOC reads', () => {
  const input = {
    personName: 'Mark Denton',
    senderAddress: 'mark@gmail.com',
    receivedAt: '2025-06-03T07:02:00Z',
    mailbox: 'office@oakfield.sch.uk',
    forwardedBy: { name: 'Ann Office', address: 'ann@oakfield.sch.uk' },
    at: NOW,
    spocName: 'Jo Head',
    urgentWords: [] as string[],
  };

  it('says who, when, from which mailbox and by whom, in school time, and nothing urgent when no words matched', () => {
    expect(coverNote(input)).toBe(
      [
        'Forwarded by Contact Guard: Mark Denton (mark@gmail.com) is under a contact restriction, and Jo Head is the single point of contact.',
        'The email arrived on Tuesday 3 June 2025 at 08:02 in the mailbox office@oakfield.sch.uk.',
        'It was forwarded from that mailbox by Ann Office (ann@oakfield.sch.uk) on Tuesday 3 June 2025 at 09:14.',
        'The original email follows, unchanged. No reply has been sent.',
      ].join('\n'),
    );
  });

  it('opens with the urgent flag, then a blank line, when the school words were found', () => {
    const note = coverNote({ ...input, urgentWords: ['knife', 'police'] });
    const lines = note.split('\n');
    expect(lines[0]).toBe(
      'POSSIBLY URGENT OR SAFEGUARDING: this email mentions "knife", "police". Read it now and follow the school\'s normal emergency and safeguarding procedure as well.',
    );
    expect(lines[0]).toBe(urgentLine(['knife', 'police']));
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^Forwarded by Contact Guard: Mark Denton/);
    expect(lines).toHaveLength(6);
  });

  it.each([
    ['unknown', undefined],
    ['unreadable', 'not a date'],
  ])('says "an unknown time" when the arrival time is %s', (_what, receivedAt) => {
    expect(coverNote({ ...input, receivedAt }).split('\n')[1]).toBe(
      'The email arrived on an unknown time in the mailbox office@oakfield.sch.uk.',
    );
  });
});

describe('where restricted correspondence is filed', () => {
  it('names the person folder safely: control characters and slashes replaced, leading dots and spaces dropped', () => {
    expect(personFolderName('Mark\u0000Denton')).toBe('Mark Denton');
    expect(personFolderName('Mark/Denton\\Jr')).toBe('Mark-Denton-Jr');
    expect(personFolderName('  ..Mark   Denton ')).toBe('Mark Denton');
    expect(personFolderName(' .Mark')).toBe('Mark');
    expect(personFolderName('J. Smith')).toBe('J. Smith');
    expect(personFolderName('Rene\u0301e')).toBe('Ren\u00e9e');
    expect(personFolderName(undefined as unknown as string)).toBe('Unnamed person');
    expect(personFolderName(' ... ')).toBe('Unnamed person');
  });

  it('caps a long name at 120 characters without a trailing or leading space', () => {
    expect(personFolderName(`${'a'.repeat(119)} b`)).toBe('a'.repeat(119));
    expect(personFolderName(`. ${'a'.repeat(130)}`)).toBe('a'.repeat(120));
  });

  it("files below the school's folder, or 'Restricted correspondence' when none is set, capped too", () => {
    expect(filingPath('Safeguarding mail', 'Mark Denton')).toEqual([
      'Safeguarding mail',
      'Mark Denton',
    ]);
    expect(filingPath('  ', 'Mark Denton')).toEqual(['Restricted correspondence', 'Mark Denton']);
    expect(filingPath(undefined as unknown as string, 'Mark')).toEqual([
      'Restricted correspondence',
      'Mark',
    ]);
    expect(filingPath('r'.repeat(130), 'Mark')[0]).toBe('r'.repeat(120));
  });

  it("doubles an apostrophe when a folder name goes in an OData filter (O'Brien)", () => {
    expect(odataString("Mary O'Brien's")).toBe("Mary O''Brien''s");
  });
});

const HEADER: ForwardHeaderValue = {
  key: 'k-1',
  restrictionId: '12',
  personName: "Mary O'Brien; Jr",
  urgent: true,
};

describe('reading the Contact Guard forward header', () => {
  it('reads back what it wrote', () => {
    expect(
      parseForwardHeader(`v=1; key=k-1; restriction=12; person=Mary%20O'Brien%3B%20Jr; urgent=1`),
    ).toEqual(HEADER);
  });

  it('tolerates spaces around names and values, and ignores parts without "="', () => {
    expect(parseForwardHeader(' v = 1 ; key = k-1 ; person = Mark ; urgent = 1 ; junk')).toEqual({
      key: 'k-1',
      restrictionId: '',
      personName: 'Mark',
      urgent: true,
    });
    expect(parseForwardHeader('v=1; key=k-1; person=Mark; keyX')?.key).toBe('k-1');
    expect(parseForwardHeader('v=1; key=k-1; person=Mark; %')?.key).toBe('k-1');
  });

  it.each([
    ['no value', undefined],
    ['no key', 'v=1; person=Mark'],
    ['no person', 'v=1; key=k-1'],
    ['an empty key and person', 'v=1; key=; person='],
    ['an empty person', 'v=1; key=k-1; person='],
    ['another version', 'v=2; key=k-1; person=Mark'],
    ['a broken %-escape', 'v=1; key=k-1; person=Mark;=%E0'],
  ])('does not understand a header with %s', (_what, raw) => {
    expect(parseForwardHeader(raw)).toBeUndefined();
  });

  it('finds the header by name, any case, skipping unreadable entries and unreadable copies', () => {
    const value = 'v=1; key=k-1; person=Mark';
    const expected = { key: 'k-1', restrictionId: '', personName: 'Mark', urgent: false };
    expect(findForwardHeader([{ name: FORWARD_HEADER.toUpperCase(), value }])).toEqual(expected);
    expect(
      findForwardHeader([
        null as unknown as { name?: unknown },
        { name: 'X-Other', value },
        { name: FORWARD_HEADER, value: 'v=2' },
        { name: FORWARD_HEADER, value },
      ]),
    ).toEqual(expected);
    expect(findForwardHeader([{ name: 'X-Other', value }])).toBeUndefined();
    expect(findForwardHeader(undefined)).toBeUndefined();
  });
});

describe('the reference line in the body (the header may not survive the forward)', () => {
  const line = forwardMarkerLine(HEADER);

  it('finds it at the very top of the body and further down', () => {
    expect(findForwardMarker(line)).toEqual(HEADER);
    expect(findForwardMarker(`Forwarded by Contact Guard.\n${line}\nDear Sir`)).toEqual(HEADER);
  });

  it('reads it whether or not a space follows the label or the semicolons', () => {
    expect(findForwardMarker(`${FORWARD_MARKER}v=1;key=k-1;person=Mark`)).toEqual({
      key: 'k-1',
      restrictionId: '',
      personName: 'Mark',
      urgent: false,
    });
  });

  it('finds nothing without the label, or when the label is not followed by a reference', () => {
    expect(
      findForwardMarker(`${'x'.repeat(FORWARD_MARKER.length - 1)}v=1; key=k-1; person=Mark`),
    ).toBeUndefined();
    expect(
      findForwardMarker(`${FORWARD_MARKER} see below v=1; key=k-1; person=Mark`),
    ).toBeUndefined();
    expect(findForwardMarker(`${FORWARD_MARKER} none`)).toBeUndefined();
    expect(findForwardMarker(undefined)).toBeUndefined();
  });
});

describe('which subjects are checked as forwards', () => {
  it.each(['FW: Letter', '  Fwd: Letter', 'fw : Letter', 'FWD:Letter'])(
    '"%s" is a forward',
    (s) => {
      expect(looksForwarded(s)).toBe(true);
    },
  );
  it.each(['RE:FW: Letter', 'Re: Fwd: Letter', 'Letter', ''])('"%s" is not', (s) => {
    expect(looksForwarded(s)).toBe(false);
  });
  it('an absent subject is not a forward', () => {
    expect(looksForwarded(undefined)).toBe(false);
  });
});

describe('trusting a forward header only from inside the school', () => {
  it('compares the school domains whole, ignoring case, spaces and a leading "@"', () => {
    expect(
      trustedForwardHeader(HEADER, { from: 'ann@oakfield.sch.uk' }, [' @Oakfield.SCH.uk ']),
    ).toBe(HEADER);
    expect(
      trustedForwardHeader(HEADER, { from: 'ann@oakfield.sch.uk' }, ['oakfield.sch.uk@']),
    ).toBeUndefined();
  });

  it('needs a "from" inside the school: a sender alone or a blank "from" is not enough; a blank "sender" is ignored', () => {
    const d = ['oakfield.sch.uk'];
    expect(trustedForwardHeader(HEADER, { from: 'ann@oakfield.sch.uk', sender: ' ' }, d)).toBe(
      HEADER,
    );
    expect(trustedForwardHeader(HEADER, { sender: 'ann@oakfield.sch.uk' }, d)).toBeUndefined();
    expect(trustedForwardHeader(HEADER, { from: ' ' }, d)).toBeUndefined();
    expect(trustedForwardHeader(HEADER, { from: 'ann@oakfield.sch.uk' }, [])).toBeUndefined();
    expect(
      trustedForwardHeader(HEADER, { from: 'ann@oakfield.sch.uk' }, [' ', '@']),
    ).toBeUndefined();
    expect(trustedForwardHeader(HEADER, {}, d)).toBeUndefined();
  });
});

describe('the SPOC address (restricted mail must not leave the school)', () => {
  it('accepts an address in a school domain listed in any case, spacing or with "@"', () => {
    expect(
      checkSpocAddress('Jo@Oakfield.sch.uk', [null as unknown as string, ' @OAKFIELD.sch.uk ']),
    ).toEqual({
      ok: true,
      address: 'jo@oakfield.sch.uk',
    });
    expect(checkSpocAddress('jo@oakfield.sch.uk', ['oakfield.sch.uk@'])).toEqual({
      ok: false,
      problem: 'outsideSchool',
    });
  });

  it('is the SPOC only when the user or the open mailbox is that address', () => {
    expect(isSpoc('jo@oakfield.sch.uk', undefined, undefined)).toBe(false);
    expect(isSpoc('jo@oakfield.sch.uk', 'ann@oakfield.sch.uk', undefined)).toBe(false);
    expect(isSpoc('jo@oakfield.sch.uk', undefined, 'JO@oakfield.sch.uk')).toBe(true);
    expect(isSpoc(undefined, 'jo@oakfield.sch.uk', 'jo@oakfield.sch.uk')).toBe(false);
  });
});
