import { addDays } from '../../../src/policy/londonDate';
import type {
  MalformedRestriction,
  MessageParticipants,
  Restriction,
  Verdict,
} from '../../../src/policy/types';
import {
  buildRestrictionIndex,
  countUnreadable,
  decideVerdict,
  decideVerdictIndexed,
} from '../../../src/policy/verdict';
import { GARBAGE_CASES, TODAY, restriction } from './fixtures';

const yesterday = addDays(TODAY, -1);
const tomorrow = addDays(TODAY, 1);
const RESTRICTED = "o'brien@school-parent.org";
const CLEAR = 'someone.else@example.org';

function verdictFor(
  message: MessageParticipants,
  restrictions: Restriction[] = [restriction()],
  malformed: MalformedRestriction[] = [],
): Verdict {
  return decideVerdict({ message, restrictions, malformed, today: TODAY });
}

function from(address: string, displayName?: string): MessageParticipants {
  return { from: { address, displayName } };
}

describe('decideVerdict: address matches', () => {
  it('restricts a sender whose From address is in force, reporting what matched', () => {
    const verdict = verdictFor(from(RESTRICTED));
    expect(verdict).toEqual({
      kind: 'restricted',
      restriction: restriction(),
      matchedAddress: RESTRICTED,
      matchedOn: 'from',
      reviewOverdue: false,
    });
  });

  it.each([
    ['upper case', "O'BRIEN@SCHOOL-PARENT.ORG"],
    ['mixed case', "O'Brien@School-Parent.org"],
    ['surrounding spaces', `  ${RESTRICTED} `],
    ['angle brackets', `<${RESTRICTED}>`],
  ])('matches whatever the %s', (_label, address) => {
    expect(verdictFor(from(address))).toMatchObject({
      kind: 'restricted',
      matchedAddress: RESTRICTED,
    });
  });

  it('matches only the whole address', () => {
    for (const address of ['brien@school-parent.org', `${RESTRICTED}.uk`, `x${RESTRICTED}`]) {
      expect(verdictFor(from(address)).kind).toBe('clear');
    }
  });

  it('matches any of a person’s several addresses', () => {
    const person = restriction({ emails: ['mary@home.example', 'mary@work.example', RESTRICTED] });
    for (const address of person.emails) {
      expect(verdictFor(from(address), [person])).toMatchObject({
        kind: 'restricted',
        matchedAddress: address,
      });
    }
  });

  it('matches a restriction whose stored addresses were not normalised', () => {
    const person = restriction({ emails: ["  O'Brien@School-Parent.ORG "] });
    expect(verdictFor(from(RESTRICTED), [person]).kind).toBe('restricted');
  });

  it('restricts on a differing Sender (sent on behalf of) when From is clear', () => {
    expect(verdictFor({ from: { address: CLEAR }, sender: { address: RESTRICTED } })).toMatchObject(
      {
        kind: 'restricted',
        matchedOn: 'sender',
        matchedAddress: RESTRICTED,
      },
    );
  });

  it('checks Sender even when From is missing', () => {
    expect(verdictFor({ sender: { address: RESTRICTED } })).toMatchObject({ matchedOn: 'sender' });
  });

  it('restricts on a Reply-To address when From is clear', () => {
    const message = {
      from: { address: CLEAR },
      replyTo: [{ address: 'another@example.org' }, { address: RESTRICTED }],
    };
    expect(verdictFor(message)).toMatchObject({
      kind: 'restricted',
      matchedOn: 'replyTo',
      matchedAddress: RESTRICTED,
    });
  });

  it('reports From before Sender before Reply-To when several match', () => {
    const a = restriction({ id: 'a', emails: ['a@x.org'] });
    const b = restriction({ id: 'b', emails: ['b@x.org'] });
    const c = restriction({ id: 'c', emails: ['c@x.org'] });
    const all = [c, b, a];
    const message = {
      from: { address: 'a@x.org' },
      sender: { address: 'b@x.org' },
      replyTo: [{ address: 'c@x.org' }],
    };
    expect(verdictFor(message, all)).toMatchObject({ matchedOn: 'from', restriction: { id: 'a' } });
    expect(verdictFor({ ...message, from: { address: CLEAR } }, all)).toMatchObject({
      matchedOn: 'sender',
      restriction: { id: 'b' },
    });
  });

  it('reports matchedOn from when Sender is the same address as From', () => {
    const message = {
      from: { address: RESTRICTED },
      sender: { address: RESTRICTED.toUpperCase() },
    };
    expect(verdictFor(message)).toMatchObject({ matchedOn: 'from' });
  });

  it('flags a restriction past its review date, still restricting', () => {
    const overdue = restriction({ reviewDate: yesterday });
    expect(verdictFor(from(RESTRICTED), [overdue])).toMatchObject({
      kind: 'restricted',
      reviewOverdue: true,
    });
  });

  it('picks the most recently started of two in-force records, whatever the list order', () => {
    const older = restriction({ id: 'older', startDate: '2026-01-01' });
    const newer = restriction({ id: 'newer', startDate: '2026-04-01', status: 'Extended' });
    expect(verdictFor(from(RESTRICTED), [older, newer])).toMatchObject({
      restriction: { id: 'newer' },
    });
    expect(verdictFor(from(RESTRICTED), [newer, older])).toMatchObject({
      restriction: { id: 'newer' },
    });
  });

  it('uses the in-force record when an ended one lists the same address', () => {
    const ended = restriction({ id: 'old', status: 'Ended', startDate: '2026-04-01' });
    const active = restriction({ id: 'current' });
    expect(verdictFor(from(RESTRICTED), [ended, active])).toMatchObject({
      restriction: { id: 'current' },
    });
  });
});

describe('decideVerdict: restrictions that do not apply today', () => {
  it.each<[string, Partial<Restriction>, Verdict['kind']]>([
    ['expired: EndDate yesterday', { endDate: yesterday }, 'clear'],
    ['overturned', { status: 'Overturned' }, 'clear'],
    ['ended', { status: 'Ended' }, 'clear'],
    ['warning only', { status: 'Warning' }, 'clear'],
    ['future start', { startDate: tomorrow }, 'clear'],
    ['EndDate today: still in force', { endDate: TODAY }, 'restricted'],
    ['StartDate today: in force', { startDate: TODAY }, 'restricted'],
    ['provisional', { status: 'Provisional' }, 'restricted'],
    ['extended', { status: 'Extended' }, 'restricted'],
  ])('%s -> %s', (_label, overrides, expected) => {
    // The display name matches too: a restriction that does not apply must not even caution.
    expect(verdictFor(from(RESTRICTED, "Mary O'Brien"), [restriction(overrides)]).kind).toBe(
      expected,
    );
  });
});

describe('decideVerdict: display names', () => {
  it('cautions when only the display name matches an in-force restriction', () => {
    expect(verdictFor(from(CLEAR, "O'Brien, Mary"))).toEqual({
      kind: 'caution',
      reasons: [
        {
          kind: 'displayNameMatch',
          restrictedPersonName: "Mary O'Brien",
          displayName: "O'Brien, Mary",
        },
      ],
    });
  });

  it('checks the display names of Sender and Reply-To too', () => {
    expect(
      verdictFor({
        from: { address: CLEAR },
        sender: { address: 'x@y.org', displayName: "Mrs Mary O'Brien" },
      }).kind,
    ).toBe('caution');
    expect(
      verdictFor({
        from: { address: CLEAR, displayName: 'School Office' },
        replyTo: [{ address: 'x@y.org', displayName: "MARY O'BRIEN" }],
      }).kind,
    ).toBe('caution');
  });

  it('reports each restricted person once', () => {
    const message = {
      from: { address: CLEAR, displayName: "Mary O'Brien" },
      replyTo: [{ address: 'x@y.org', displayName: "mary o'brien" }],
    };
    const verdict = verdictFor(message);
    expect(verdict.kind === 'caution' && verdict.reasons).toHaveLength(1);
  });

  it('does not caution on a one-word name', () => {
    const sam = restriction({ personName: 'Sam' });
    expect(verdictFor(from(CLEAR, 'Sam'), [sam]).kind).toBe('clear');
  });

  it('prefers an address match over a display-name caution', () => {
    const other = restriction({ id: 'other', personName: 'Alex Jones', emails: ['alex@x.org'] });
    expect(verdictFor(from(RESTRICTED, 'Alex Jones'), [restriction(), other])).toMatchObject({
      kind: 'restricted',
      restriction: { id: '1' },
    });
  });
});

describe('decideVerdict: unreadable records', () => {
  const broken: MalformedRestriction = {
    id: '9',
    problems: ['EndDate is missing'],
    emails: ['broken@example.org'],
    personName: 'Pat Broken',
    status: 'Active',
  };

  it('is unavailable, never clear, when the sender is in a malformed record', () => {
    expect(verdictFor(from('Broken@Example.org'), [], [broken])).toEqual({
      kind: 'unavailable',
      reason: 'malformedMatch',
    });
  });

  it('is unavailable when a Reply-To address is in a malformed record', () => {
    expect(
      verdictFor(
        { from: { address: CLEAR }, replyTo: [{ address: 'broken@example.org' }] },
        [],
        [broken],
      ),
    ).toEqual({ kind: 'unavailable', reason: 'malformedMatch' });
  });

  it('treats a malformed record whose status was unreadable as possibly restricting', () => {
    const { status: _status, ...noStatus } = broken;
    expect(verdictFor(from('broken@example.org'), [], [noStatus]).kind).toBe('unavailable');
  });

  it.each(['Warning', 'Overturned', 'Ended'] as const)(
    'ignores a malformed record whose status is %s: it restricts nothing',
    (status) => {
      expect(verdictFor(from('broken@example.org'), [], [{ ...broken, status }]).kind).toBe(
        'clear',
      );
    },
  );

  it('still restricts when the sender is also in a readable in-force record', () => {
    const both = { ...broken, emails: [RESTRICTED] };
    expect(verdictFor(from(RESTRICTED), [restriction()], [both]).kind).toBe('restricted');
  });

  it('is clear when malformed records do not name this sender (the pane shows a count)', () => {
    expect(verdictFor(from(CLEAR), [restriction()], [broken])).toEqual({ kind: 'clear' });
    expect(countUnreadable([broken, { ...broken, id: '10' }])).toBe(2);
  });

  it('cautions when a display name matches a malformed record that might restrict', () => {
    expect(verdictFor(from(CLEAR, 'Broken, Pat'), [], [broken])).toEqual({
      kind: 'caution',
      reasons: [
        {
          kind: 'displayNameMatch',
          restrictedPersonName: 'Pat Broken',
          displayName: 'Broken, Pat',
        },
      ],
    });
  });
});

describe('decideVerdict: no sender and garbage', () => {
  it.each<[string, MessageParticipants]>([
    ['nothing at all', {}],
    ['only Reply-To', { replyTo: [{ address: RESTRICTED }] }],
    ['empty From address', { from: { address: '  ' } }],
    ['display name without address', { from: { address: '', displayName: "Mary O'Brien" } }],
  ])('%s -> unavailable noSender', (_label, message) => {
    expect(verdictFor(message)).toEqual({ kind: 'unavailable', reason: 'noSender' });
  });

  it('never guesses clear without a valid today', () => {
    for (const today of ['', 'today', '2026-02-30', undefined]) {
      expect(
        decideVerdict({
          message: from(CLEAR),
          restrictions: [],
          malformed: [],
          today: today as string,
        }),
      ).toEqual({ kind: 'unavailable', reason: 'serviceError' });
    }
  });

  it.each(GARBAGE_CASES)('never throws with %s anywhere', (_label, value) => {
    const junk = value as never;
    const attempts: Array<() => unknown> = [
      () => decideVerdict(junk),
      () => decideVerdict({ message: junk, restrictions: [], malformed: [], today: TODAY }),
      () =>
        decideVerdict({
          message: from(RESTRICTED),
          restrictions: junk,
          malformed: junk,
          today: TODAY,
        }),
      () =>
        decideVerdict({
          message: { from: junk, sender: junk, replyTo: junk },
          restrictions: [restriction()],
          malformed: [],
          today: TODAY,
        }),
      () =>
        decideVerdict({
          message: { from: { address: junk, displayName: junk }, replyTo: [junk] },
          restrictions: [restriction()],
          malformed: [],
          today: TODAY,
        }),
      () =>
        decideVerdict({
          message: from(RESTRICTED),
          restrictions: [junk, restriction({ emails: junk, personName: junk })],
          malformed: [junk],
          today: TODAY,
        }),
    ];
    for (const attempt of attempts) expect(attempt).not.toThrow();
  });
});

describe('buildRestrictionIndex and decideVerdictIndexed', () => {
  it('indexes by normalised address and name, and counts unreadable records', () => {
    const index = buildRestrictionIndex(
      [restriction({ emails: ["O'Brien@School-Parent.org", 'second@x.org'] })],
      [
        { id: 'm1', problems: ['Status is missing'], emails: ['m@x.org'] },
        { id: 'm2', problems: ['StartDate is missing'], emails: ['e@x.org'], status: 'Ended' },
      ],
    );
    expect([...index.byAddress.keys()].sort()).toEqual([RESTRICTED, 'second@x.org']);
    expect([...index.byName.keys()]).toEqual(['mary obrien']);
    expect([...index.malformedByAddress.keys()]).toEqual(['m@x.org']);
    expect(index.unreadableCount).toBe(2);
  });

  it('gives the same verdicts as decideVerdict over a few hundred restrictions, one index reused', () => {
    const restrictions = Array.from({ length: 300 }, (_, i) =>
      restriction({
        id: String(i),
        personName: `Parent Number${i}`,
        emails: [`parent${i}@home.example`, `p${i}@work.example`],
        status: i % 3 === 0 ? 'Ended' : 'Active',
      }),
    );
    const index = buildRestrictionIndex(restrictions, []);
    for (const i of [0, 1, 2, 150, 299]) {
      const message = from(`P${i}@Work.example`);
      const indexed = decideVerdictIndexed(message, index, TODAY);
      expect(indexed).toEqual(verdictFor(message, restrictions));
      expect(indexed.kind).toBe(i % 3 === 0 ? 'clear' : 'restricted');
    }
  });

  it('decides on the day given: the same index restricts today and clears after the end', () => {
    const index = buildRestrictionIndex([restriction({ endDate: TODAY })], []);
    expect(decideVerdictIndexed(from(RESTRICTED), index, TODAY).kind).toBe('restricted');
    expect(decideVerdictIndexed(from(RESTRICTED), index, tomorrow).kind).toBe('clear');
  });
});
