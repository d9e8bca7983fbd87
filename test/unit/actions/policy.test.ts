// The pure rules of acting on restricted correspondence.
import {
  checkSpocAddress,
  coverNote,
  decideClaim,
  detectUrgency,
  filingPath,
  findForwardHeader,
  findForwardMarker,
  formatForwardHeader,
  forwardMarkerLine,
  isSpoc,
  looksForwarded,
  parseClaim,
  parseForwardHeader,
  personFolderName,
  primaryActionFor,
  CLAIM_HONOURED_MS,
} from '../../../src/policy/mailActions';
import { defaultConfig } from '../../../src/config/appConfig';

const KEYWORDS = defaultConfig.mail.urgentKeywords;

// detectUrgency itself: test/unit/policy/urgency (the lexicon, its contexts, the school's words).
describe('detectUrgency, as the mail actions use it', () => {
  test("the school's list is empty by default: the built-in lexicon does the work", () => {
    expect(KEYWORDS).toEqual([]);
    expect(detectUrgency('Urgent: Aoife not well — please call', '', KEYWORDS).matched).toEqual([
      'Urgent',
    ]);
  });
});

describe('checkSpocAddress', () => {
  const domains = ['oakfield.sch.uk'];
  test("accepts the tenant's verified domains exactly, any case; a subdomain only when verified itself", () => {
    expect(checkSpocAddress(' Business.Manager@OAKFIELD.sch.uk ', domains)).toEqual({
      ok: true,
      address: 'business.manager@oakfield.sch.uk',
    });
    expect(checkSpocAddress('office@staff.oakfield.sch.uk', domains)).toEqual({
      ok: false,
      problem: 'outsideSchool',
    });
    expect(
      checkSpocAddress('office@staff.oakfield.sch.uk', [...domains, 'staff.oakfield.sch.uk']).ok,
    ).toBe(true);
  });
  test('refuses missing, invalid and outside addresses', () => {
    expect(checkSpocAddress('', domains)).toEqual({ ok: false, problem: 'missing' });
    expect(checkSpocAddress(undefined, domains)).toEqual({ ok: false, problem: 'missing' });
    expect(checkSpocAddress('Priya Shah', domains)).toEqual({ ok: false, problem: 'invalid' });
    expect(checkSpocAddress('priya@gmail.com', domains)).toEqual({
      ok: false,
      problem: 'outsideSchool',
    });
    expect(checkSpocAddress('x@evil-oakfield.sch.uk', domains)).toEqual({
      ok: false,
      problem: 'outsideSchool',
    });
    expect(checkSpocAddress('x@oakfield.sch.uk.evil.com', domains)).toEqual({
      ok: false,
      problem: 'outsideSchool',
    });
    expect(checkSpocAddress('office@oakfield.sch.uk', [])).toEqual({
      ok: false,
      problem: 'outsideSchool',
    });
  });
  test('isSpoc: the user or the open mailbox is the SPOC', () => {
    expect(
      isSpoc('office@oakfield.sch.uk', 'reception@oakfield.sch.uk', 'OFFICE@oakfield.sch.uk'),
    ).toBe(true);
    expect(isSpoc('head@oakfield.sch.uk', 'Head@oakfield.sch.uk', undefined)).toBe(true);
    expect(isSpoc('head@oakfield.sch.uk', 'reception@oakfield.sch.uk', undefined)).toBe(false);
    expect(isSpoc('', '', undefined)).toBe(false);
  });
});

describe('folders', () => {
  test('a folder per person, safe and never empty', () => {
    expect(personFolderName("  Siobhan   O'Brien ")).toBe("Siobhan O'Brien");
    expect(personFolderName('A/B\\C')).toBe('A-B-C');
    expect(personFolderName('\u0000\t')).toBe('Unnamed person');
    expect(personFolderName('...hidden')).toBe('hidden');
    expect(personFolderName('x'.repeat(300))).toHaveLength(120);
    expect(filingPath('Restricted correspondence', 'Mark Denton')).toEqual([
      'Restricted correspondence',
      'Mark Denton',
    ]);
    expect(filingPath('  ', 'Mark Denton')[0]).toBe('Restricted correspondence');
  });
});

describe('cover note', () => {
  const base = {
    personName: 'Mark Denton',
    senderAddress: 'mark.denton1978@gmail.com',
    receivedAt: '2025-06-03T08:14:00Z',
    mailbox: 'reception@oakfield.sch.uk',
    forwardedBy: { name: 'Sarah Whitfield', address: 'reception@oakfield.sch.uk' },
    at: new Date('2025-06-03T09:30:00Z'),
    spocName: 'Priya Shah',
    urgentWords: [] as string[],
  };
  test('says who, when (London time), from where and by whom; no reasons; no urgent words when not urgent', () => {
    const note = coverNote(base);
    expect(note).toContain(
      'Mark Denton (mark.denton1978@gmail.com) is under a contact restriction',
    );
    expect(note).toContain('Tuesday 3 June 2025 at 09:14');
    expect(note).toContain(
      'forwarded from that mailbox by Sarah Whitfield (reception@oakfield.sch.uk) on Tuesday 3 June 2025 at 10:30',
    );
    expect(detectUrgency('', note, KEYWORDS).urgent).toBe(false);
  });
  test('an urgent email: the flag comes first', () => {
    const note = coverNote({ ...base, urgentWords: ['unwell'] });
    expect(note.split('\n')[0]).toMatch(
      /^POSSIBLY URGENT OR SAFEGUARDING: this email mentions "unwell"/,
    );
  });
});

describe('forward header', () => {
  test('round trip, with apostrophes and separators in the name', () => {
    const value = {
      key: 'k;1',
      restrictionId: '2',
      personName: "Siobhan O'Brien; x=y",
      urgent: true,
    };
    expect(parseForwardHeader(formatForwardHeader(value))).toEqual(value);
    expect(
      findForwardHeader([{ name: 'x-contactguard-forward', value: formatForwardHeader(value) }]),
    ).toEqual(value);
  });
  test('anything else is not ours', () => {
    expect(parseForwardHeader('v=2; key=a; person=b')).toBeUndefined();
    expect(parseForwardHeader('v=1; key=; person=b')).toBeUndefined();
    expect(parseForwardHeader('v=1; key=a; person=%E0%A4%A')).toBeUndefined();
    expect(findForwardHeader([{ name: 'X-Other', value: 'v=1; key=a; person=b' }])).toBeUndefined();
    expect(findForwardHeader(undefined)).toBeUndefined();
  });
  test('the cover note carries the same value on its own line, found in plain text too', () => {
    const value = { key: 'k 1', restrictionId: '7', personName: "Siobhan O'Brien", urgent: false };
    const older = { ...value, key: 'older' };
    const body = `Forwarded by Contact Guard.\n\n${forwardMarkerLine(value)}\n\nFrom: x\n${forwardMarkerLine(older)}`;
    expect(findForwardMarker(body)).toEqual(value);
    // HTML reduced to text: line breaks have become single spaces.
    expect(findForwardMarker(body.replace(/\n+/g, ' '))).toEqual(value);
    expect(findForwardMarker('Contact Guard reference: v=2; key=a; person=b')).toBeUndefined();
    expect(findForwardMarker('no marker here')).toBeUndefined();
    expect(findForwardMarker(undefined)).toBeUndefined();
  });
  test('forwards are recognised by subject first', () => {
    expect(looksForwarded('FW: x')).toBe(true);
    expect(looksForwarded('Fwd: x')).toBe(true);
    expect(looksForwarded('RE: FW: x')).toBe(false);
  });
});

describe('claims', () => {
  const now = new Date('2025-06-03T10:00:00Z');
  const mine = { token: 't-mine', key: 'k-mine' };
  const claim = (over: object) => ({
    key: 'k-other',
    token: 't-other',
    byName: 'Tom',
    byAddress: 't@x',
    at: now.toISOString(),
    ...over,
  });
  test('no claim: claim with our key; our own claim: go on with its key', () => {
    expect(decideClaim(undefined, mine, now)).toEqual({ kind: 'claim', key: 'k-mine' });
    expect(decideClaim(claim({ token: 't-mine', key: 'k-1' }), mine, now)).toEqual({
      kind: 'ours',
      key: 'k-1',
    });
  });
  test("someone else's live claim is honoured, even the same person's other window", () => {
    expect(decideClaim(claim({}), mine, now).kind).toBe('busy');
    expect(
      decideClaim(claim({ at: new Date(now.getTime() + 60_000).toISOString() }), mine, now).kind,
    ).toBe('busy');
  });
  test('a stale or released claim is taken over, keeping its key', () => {
    const old = new Date(now.getTime() - CLAIM_HONOURED_MS - 1).toISOString();
    expect(decideClaim(claim({ at: old }), mine, now)).toEqual({
      kind: 'takeOver',
      key: 'k-other',
    });
    expect(decideClaim(claim({ released: true }), mine, now)).toEqual({
      kind: 'takeOver',
      key: 'k-other',
    });
    expect(decideClaim(claim({ at: 'garbage' }), mine, now)).toEqual({
      kind: 'takeOver',
      key: 'k-other',
    });
  });
  test('parseClaim reads only well-formed claims', () => {
    expect(parseClaim(JSON.stringify(claim({ released: true })))).toMatchObject({
      released: true,
      token: 't-other',
    });
    expect(parseClaim(JSON.stringify(claim({ sent: true })))).toMatchObject({ sent: true });
    expect(parseClaim(JSON.stringify(claim({ sent: 'yes' })))).not.toHaveProperty('sent');
    expect(parseClaim('{')).toBeUndefined();
    expect(parseClaim(JSON.stringify({ at: 'x' }))).toBeUndefined();
    expect(parseClaim(42)).toBeUndefined();
  });
  test('the handling gives the primary action', () => {
    expect(primaryActionFor('Forward')).toBe('forward');
    expect(primaryActionFor('File')).toBe('file');
    expect(primaryActionFor('ForwardAndFile')).toBe('forwardAndFile');
  });
});
