// Redaction, message links and authorship, pinned on their edges: exactly what staff see (the
// chronology unredacted) versus what a subject access reviewer sees (003 App. 5: statements by
// adults may be redacted), which links open, and which authorship claims are flagged (issue 10).
import {
  authorNames,
  claimMatches,
  createRedactor,
  entryAuthor,
  nameParts,
  REDACTED,
  sameIdentity,
} from '../../../src/policy/chronology';
import { safeMessageLink } from '../../../src/policy/chronology/messageLink';

const R = REDACTED;
const SUBJECT = { name: 'Mark Denton', emails: ['mark.denton1978@gmail.com'] };

describe('nameParts: the parts of a staff name that are matched', () => {
  it('leaves out bracketed notes, addresses and titles, and trims punctuation off each part', () => {
    expect(nameParts('Helen(Head)Marsh')).toEqual(['Helen', 'Marsh']);
    expect(nameParts('Helen<h.marsh@oakfield.sch.uk>Marsh')).toEqual(['Helen', 'Marsh']);
    expect(nameParts('--Helen Marsh!!')).toEqual(['Helen', 'Marsh']);
    expect(nameParts('Mr. Tom Ashworth')).toEqual(['Tom', 'Ashworth']);
    // Only a whole title is a title: a dotted part is a name part.
    expect(nameParts('D.r Okafor')).toEqual(['D.r', 'Okafor']);
  });
});

describe('createRedactor: what the SAR reviewer sees (003 App. 5)', () => {
  it('matches name parts literally: dots and apostrophes are text, straight and curly alike', () => {
    const redact = createRedactor(['Jean.Luc Picard', 'Siobhan O’Brien']);
    expect(redact("Jean.Luc and JeanXLuc met O'Brien and O’Brien")).toBe(
      `${R} and JeanXLuc met ${R} and ${R}`,
    );
  });

  it('withholds a surname with an initial as one name, and never an initial alone', () => {
    const redact = createRedactor(['J Okafor']);
    expect(redact('J Okafor rang; J is a class; Mrs Okafor wrote')).toBe(
      `J ${R} rang; J is a class; ${R} wrote`,
    );
  });

  it('withholds nothing for a name made only of initials or a title', () => {
    const redact = createRedactor(['J', 'Mrs', 'A. B.']);
    const text = 'J and A. B. said the value was undefined; Mrs wrote.';
    expect(redact(text)).toBe(text);
  });

  it('matches a name mixing an ordinary word and a surname in any case', () => {
    const redact = createRedactor(['Will Okafor']);
    expect(redact('will okafor rang; WILL OKAFOR wrote')).toBe(`${R} rang; ${R} wrote`);
  });

  it('a one-word ordinary name is withheld only mid-sentence, capitalised (Will you call?)', () => {
    const redact = createRedactor(['Will']);
    expect(redact('Will you call? I told Will. Then Will rang, and will ring. Mr will came.')).toBe(
      `Will you call? I told ${R}. Then ${R} rang, and will ring. ${R} came.`,
    );
  });

  it('withholds a three-part name without the middle name, as one redaction', () => {
    const redact = createRedactor(['Sarah Jane Whitfield']);
    expect(redact('Sarah Whitfield logged it; sarah jane whitfield agreed')).toBe(
      `${R} logged it; ${R} agreed`,
    );
  });

  it('withholds an all-ordinary name by initial and surname, and by title in any case', () => {
    const redact = createRedactor(['Will Bell']);
    expect(redact('I spoke to W. Bell, then MRS BELL and mrs bell.')).toBe(
      `I spoke to ${R}, then ${R} and ${R}.`,
    );
    expect(redact('Will Bell and Will Bell')).toBe(`${R} and ${R}`);
  });

  it('a form shared by two names is matched in any case when either name allows it', () => {
    const redact = createRedactor(['Will Okafor Bell', 'Will Bell']);
    expect(redact('I rang bell, will and W. BELL')).toBe(`I rang ${R} and ${R}`);
  });

  it('withholds title and surname as one redaction', () => {
    const redact = createRedactor(['Grace Okafor']);
    expect(redact('Mrs Okafor and okafor and Okafor')).toBe(`${R} and ${R} and ${R}`);
  });

  it('keeps an ordinary-word name at a sentence or quote start and beside a number', () => {
    const redact = createRedactor(['May Bell', 'Will Price']);
    expect(redact('We rang. Will said no.')).toBe('We rang. Will said no.');
    expect(redact('Room 4, and I told Will about room 5')).toBe(
      `Room 4, and I told ${R} about room 5`,
    );
    expect(redact('Friday 3  May, as agreed')).toBe('Friday 3  May, as agreed');
    expect(redact('on 3 May then')).toBe('on 3 May then');
    expect(redact('since May  2026')).toBe('since May  2026');
    expect(redact('saw May 2026')).toBe('saw May 2026');
    expect(redact('I told May about it')).toBe(`I told ${R} about it`);
  });

  it('withholds the longer name first, so no part of a name is left showing', () => {
    const redact = createRedactor(['Jo Smith', 'Amy Smith-Jones', 'Kim Lee-Park', 'Al Lee']);
    expect(redact('Mrs Smith-Jones and Mr Lee-Park; Smith-Jones and Lee-Park; Smith and Lee')).toBe(
      `${R} and ${R}; ${R} and ${R}; ${R} and ${R}`,
    );
  });

  it('withholds every occurrence of a surname in any case', () => {
    const redact = createRedactor(['Tom Ashworth']);
    expect(redact('Ashworth, then ashworth, then ASHWORTH')).toBe(`${R}, then ${R}, then ${R}`);
    expect(redact('helen')).toBe('helen');
  });

  it('keeps the data subject, even when listed among the names or written with spaces', () => {
    for (const names of [
      ['Mark Denton', 'Helen Marsh'],
      [' Mark Denton', 'Helen Marsh'],
    ]) {
      const redact = createRedactor(names, { name: ' Mark Denton ', emails: SUBJECT.emails });
      expect(redact('Mark Denton rang Helen Marsh; mark denton wrote')).toBe(
        `Mark Denton rang ${R}; mark denton wrote`,
      );
    }
    const redact = createRedactor(['Paul Denton', 'J Okafor'], SUBJECT);
    expect(redact('Paul Denton rang Mark Denton; J Okafor; Mark')).toBe(
      `${R} rang Mark Denton; J ${R}; Mark`,
    );
  });

  it("keeps the subject's own address, spaces and case aside; withholds every other", () => {
    const redact = createRedactor(['Helen Marsh'], {
      name: 'Mark Denton',
      emails: [' Mark.Denton1978@gmail.com '],
    });
    expect(redact('from mark.denton1978@gmail.com to head@oakfield.sch.uk')).toBe(
      `from mark.denton1978@gmail.com to ${R}`,
    );
  });

  it('passes empty and missing text through, and a stray placeholder never becomes a redaction', () => {
    const redact = createRedactor(['Helen Marsh'], SUBJECT);
    expect(redact('')).toBe('');
    expect(redact(undefined as unknown as string)).toBeUndefined();
    expect(redact('note \uE000 end')).toBe('note  end');
  });
});

describe('safeMessageLink: what opens as a link', () => {
  const HOST = 'outlook.office365.com';
  it('accepts a link up to 4096 characters, and refuses a longer one', () => {
    const base = `https://${HOST}/owa/?ItemID=`;
    const at = base + 'A'.repeat(4096 - base.length);
    expect(safeMessageLink(at)).toBe(at);
    expect(safeMessageLink(at + 'A')).toBeUndefined();
  });

  it('refuses a host the URL parser reads differently or cannot read', () => {
    expect(safeMessageLink('https://outlook%2eoffice.com/', ['outlook%2eoffice.com'])).toBe(
      undefined,
    );
    expect(safeMessageLink('https://[::1/', ['[::1'])).toBeUndefined();
    expect(safeMessageLink('https://example.org/', ['example.org'])).toBe('https://example.org/');
  });
});

describe('authorship: who reviewers are told made an entry', () => {
  it('compares one-word or short names in any case and spacing, and never by letters alone', () => {
    expect(claimMatches({ name: 'reception' }, { displayName: 'Reception' })).toBe(true);
    expect(claimMatches({ name: 'J  Okafor' }, { displayName: 'j okafor' })).toBe(true);
    expect(claimMatches({ name: 'J Okafor' }, { displayName: 'Jo Kafor' })).toBe(false);
    expect(claimMatches({ name: 'Strauß' }, { displayName: 'STRAUSS' })).toBe(false);
  });

  it('has nothing to compare when only one side has a name and only the other an address', () => {
    expect(claimMatches({ email: 'a@oakfield.sch.uk' }, { displayName: 'Sarah' })).toBeUndefined();
    expect(claimMatches({ name: 'Sarah' }, { email: 'a@oakfield.sch.uk' })).toBeUndefined();
  });

  it('identifies accounts by id when both have one, else by address, else by name', () => {
    const e = 'head@oakfield.sch.uk';
    expect(sameIdentity({ id: '1', email: e }, { id: '2', email: e })).toBe(false);
    expect(sameIdentity({ id: '1', email: e }, { email: e })).toBe(true);
    expect(sameIdentity({ email: e, displayName: 'X Y' }, { email: e, displayName: 'Z W' })).toBe(
      true,
    );
    expect(sameIdentity({ email: e, displayName: 'Helen' }, { displayName: 'Helen' })).toBe(true);
    expect(
      sameIdentity({ email: e, displayName: 'Helen' }, { email: 'x@y.uk', displayName: 'Helen' }),
    ).toBe(false);
  });

  it('shows exactly the author, the times given, and the trimmed names', () => {
    expect(
      entryAuthor({ createdBy: { displayName: '  ', email: 'a@oakfield.sch.uk' } }),
    ).toStrictEqual({ createdBy: 'a@oakfield.sch.uk' });
    expect(
      entryAuthor(
        {
          createdBy: { id: '1', displayName: 'Helen' },
          modifiedBy: { id: '2', displayName: 'Tom' },
        },
        { name: '  Sarah  ' },
      ),
    ).toStrictEqual({ createdBy: 'Helen', changedBy: 'Tom', recordedAs: 'Sarah' });
  });

  it('names only real accounts for redaction', () => {
    expect(authorNames({ createdBy: 'Helen' })).toStrictEqual(['Helen']);
    expect(authorNames({ createdBy: '', changedBy: 'an unknown account' })).toStrictEqual([]);
  });
});
