// The send-time decision (issue 12): each rule cites the policy paragraph or DOMAIN.md section it
// comes from. Policies: 002 §55, §57 (one point of contact; no other member of staff replies),
// 000 §6.1, 001 Imposing Restrictions e; 002 §61–62 (the emergency line stays open).
import { addDays } from '../../../src/policy/londonDate';
import {
  SMART_ALERT_MESSAGE_LIMIT,
  decideSend,
  indexFromSendTimeCache,
  sendTimeCacheOf,
  type OutgoingRecipient,
  type OutgoingRecipients,
  type OutgoingSender,
  type SendDecision,
} from '../../../src/policy/sendTime';
import type { MalformedRestriction, Restriction } from '../../../src/policy/types';
import { buildRestrictionIndex, type RestrictionIndex } from '../../../src/policy/verdict';
import { GARBAGE_CASES, TODAY, restriction } from '../policy/fixtures';

const PARENT = "o'brien@school-parent.org";
const OTHER_PARENT = 'j.doe@example.org';
const STAFF = 'ta@school.example.org';
const SPOC = 'head@school.example.org';
const SHARED_SPOC = 'office@school.example.org';

const staff: OutgoingSender = { userAddress: STAFF };

function recipients(parts: Partial<OutgoingRecipients> = {}): OutgoingRecipients {
  return { to: [], cc: [], bcc: [], ...parts };
}

function to(...addresses: string[]): OutgoingRecipient[] {
  return addresses.map((address) => ({ address }));
}

function decide(
  rcpt: OutgoingRecipients,
  options: {
    sender?: OutgoingSender;
    restrictions?: Restriction[];
    malformed?: MalformedRestriction[];
    today?: string;
  } = {},
): SendDecision {
  const index = buildRestrictionIndex(
    options.restrictions ?? [restriction()],
    options.malformed ?? [],
  );
  return decideSend({
    recipients: rcpt,
    sender: options.sender ?? staff,
    index,
    today: options.today ?? TODAY,
  });
}

describe('decideSend: a restricted recipient stops the send (002 §55, §57; 000 §6.1)', () => {
  it.each([
    ['to' as const, recipients({ to: to(PARENT) })],
    ['cc' as const, recipients({ to: to('colleague@school.example.org'), cc: to(PARENT) })],
    ['bcc' as const, recipients({ bcc: to(PARENT) })],
  ])('restricted in %s stops, naming the person and the SPOC (002 §55)', (field, rcpt) => {
    const decision = decide(rcpt);
    expect(decision).toMatchObject({
      kind: 'stop',
      restricted: [
        {
          address: PARENT,
          field,
          personName: "Mary O'Brien",
          spocName: 'Head Teacher',
          spocEmail: SPOC,
        },
      ],
      unchecked: [],
    });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.message).toContain("Mary O'Brien");
    expect(decision.message).toContain('Head Teacher');
    expect(decision.message).toMatch(/instead/);
    expect(decision.message).toMatch(/send anyway only if/);
  });

  it('an unrestricted recipient sends', () => {
    expect(decide(recipients({ to: to('someone.else@example.org') }))).toEqual({ kind: 'send' });
  });

  it('no recipients at all sends (nothing to check)', () => {
    expect(decide(recipients())).toEqual({ kind: 'send' });
  });

  it('the message gives the instruction only, never the reasons or guidance (002 §51)', () => {
    const decision = decide(recipients({ to: to(PARENT) }), {
      restrictions: [restriction({ staffGuidance: 'SECRET GUIDANCE', allowedContact: 'LETTERS' })],
    });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.message).not.toContain('SECRET');
    expect(decision.message).not.toContain('LETTERS');
  });
});

describe('decideSend: the single point of contact may write (002 §55, §57; 001 Imposing Restrictions e)', () => {
  it('the SPOC sending is not stopped (002 §55)', () => {
    expect(decide(recipients({ to: to(PARENT) }), { sender: { userAddress: SPOC } })).toEqual({
      kind: 'send',
    });
  });

  it('the SPOC compared as addresses are: any case, <> and mailto: (DOMAIN matching)', () => {
    const sender = { userAddress: '<MAILTO:Head@School.Example.org>' };
    expect(decide(recipients({ to: to(PARENT) }), { sender })).toEqual({ kind: 'send' });
  });

  it("sending from the SPOC's shared mailbox is not stopped (002 §55: a shared mailbox)", () => {
    const restrictions = [restriction({ spocName: 'School office', spocEmail: SHARED_SPOC })];
    const sender = { userAddress: STAFF, sharedMailboxAddress: 'Office@School.Example.org' };
    expect(decide(recipients({ to: to(PARENT) }), { sender, restrictions })).toEqual({
      kind: 'send',
    });
  });

  it("another restriction's SPOC is still stopped (002 §57: no other member of staff replies)", () => {
    const restrictions = [
      restriction(),
      restriction({ id: '2', emails: [OTHER_PARENT], personName: 'Jo Doe', spocEmail: STAFF }),
    ];
    const decision = decide(recipients({ to: to(PARENT, OTHER_PARENT) }), { restrictions });
    expect(decision).toMatchObject({ kind: 'stop', restricted: [{ address: PARENT }] });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.restricted).toHaveLength(1);
  });

  it('an empty SPOC address exempts no one (sameAddress needs a real address)', () => {
    const restrictions = [restriction({ spocEmail: '' })];
    const sender = { userAddress: STAFF, sharedMailboxAddress: '' };
    expect(decide(recipients({ to: to(PARENT) }), { sender, restrictions }).kind).toBe('stop');
  });
});

describe('decideSend: only a restriction in force stops (DOMAIN list schema; DOMAIN fair to the parent)', () => {
  it.each([
    ['not yet in force (starts tomorrow)', { startDate: addDays(TODAY, 1) }],
    ['ended yesterday (EndDate inclusive)', { endDate: addDays(TODAY, -1) }],
    ['warning-only (002 §48)', { status: 'Warning' as const }],
    ['overturned', { status: 'Overturned' as const }],
    ['ended', { status: 'Ended' as const }],
  ])('%s does not stop', (_name, overrides) => {
    const restrictions = [restriction(overrides)];
    expect(decide(recipients({ to: to(PARENT) }), { restrictions })).toEqual({ kind: 'send' });
  });

  it.each([
    ['starts today', { startDate: TODAY }],
    ['ends today', { endDate: TODAY }],
    ['provisional (003 Model Letters 2 and 4)', { status: 'Provisional' as const }],
    ['extended', { status: 'Extended' as const }],
  ])('%s stops', (_name, overrides) => {
    const restrictions = [restriction(overrides)];
    expect(decide(recipients({ to: to(PARENT) }), { restrictions }).kind).toBe('stop');
  });
});

describe('decideSend: addresses match as the pane matches them (DOMAIN, "Matching a sender")', () => {
  it.each([
    ["O'Brien@School-Parent.ORG"],
    [`<${PARENT}>`],
    [`mailto:${PARENT}`],
    [`  <MAILTO:${PARENT.toUpperCase()}>  `],
  ])('case, <> and mailto forms still match: %s', (typed) => {
    expect(decide(recipients({ to: to(typed) })).kind).toBe('stop');
  });

  it('any of a person’s several addresses matches (002 §55; DOMAIN matching)', () => {
    const restrictions = [restriction({ emails: [PARENT, 'mary.work@example.org'] })];
    expect(decide(recipients({ cc: to('mary.work@example.org') }), { restrictions }).kind).toBe(
      'stop',
    );
  });

  it('only the whole address matches', () => {
    expect(decide(recipients({ to: to(`x${PARENT}`, `${PARENT}.uk`) }))).toEqual({ kind: 'send' });
  });

  it('a display-name-only match sends: names are not unique (DOMAIN matching)', () => {
    const rcpt = recipients({
      to: [{ address: 'mary.obrien@other.example.org', displayName: "Mary O'Brien" }],
    });
    expect(decide(rcpt)).toEqual({ kind: 'send' });
  });

  it('the same person on To and Cc is named once, on the first line', () => {
    const decision = decide(recipients({ to: to(PARENT), cc: to(PARENT.toUpperCase()) }));
    expect(decision).toMatchObject({ kind: 'stop', restricted: [{ field: 'to' }] });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.restricted).toHaveLength(1);
  });
});

describe('decideSend: several restricted recipients, one message (002 §55)', () => {
  const restrictions = [
    restriction(),
    restriction({
      id: '2',
      personName: 'Jo Doe',
      emails: [OTHER_PARENT],
      spocName: 'School office',
      spocEmail: SHARED_SPOC,
    }),
  ];

  it('two restricted recipients are named in one message, each with their SPOC', () => {
    const decision = decide(recipients({ to: to(PARENT), bcc: to(OTHER_PARENT) }), {
      restrictions,
    });
    expect(decision).toMatchObject({
      kind: 'stop',
      restricted: [
        { address: PARENT, field: 'to', spocName: 'Head Teacher' },
        { address: OTHER_PARENT, field: 'bcc', spocName: 'School office' },
      ],
    });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.message).toMatch(/^2 recipients are under a contact restriction\./);
    expect(decision.message).toContain("Mary O'Brien");
    expect(decision.message).toContain('Head Teacher');
    expect(decision.message).toContain('Jo Doe');
    expect(decision.message).toContain('School office');
    expect(decision.message.length).toBeLessThanOrEqual(SMART_ALERT_MESSAGE_LIMIT);
  });
});

describe('decideSend: the Smart Alert message limit (errorMessage: 500 characters or less)', () => {
  it('many restricted recipients: at most 500 characters, "and N more", the instruction kept', () => {
    const restrictions = Array.from({ length: 12 }, (_, i) =>
      restriction({
        id: String(i + 1),
        personName: `Parent Number ${i + 1} With A Rather Long Double-Barrelled Name`,
        emails: [`parent${i + 1}@example.org`],
        spocName: `Deputy Head Teacher For Year ${i + 1}`,
      }),
    );
    const rcpt = recipients({ to: restrictions.map((r) => ({ address: r.emails[0] ?? '' })) });
    const decision = decide(rcpt, { restrictions });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.restricted).toHaveLength(12);
    expect(decision.message.length).toBeLessThanOrEqual(SMART_ALERT_MESSAGE_LIMIT);
    expect(decision.message).toMatch(/And \d+ more\./);
    expect(decision.message).toMatch(/send anyway only if the allowed contact covers this\.$/);
  });

  it('one absurdly long name is cut within its line, never mid-character', () => {
    const restrictions = [restriction({ personName: '😀'.repeat(400), spocName: 'S'.repeat(600) })];
    const decision = decide(recipients({ to: to(PARENT) }), { restrictions });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.message.length).toBeLessThanOrEqual(SMART_ALERT_MESSAGE_LIMIT);
    expect(decision.message).toContain('…');
    expect(decision.message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(decision.message).toMatch(/instead/);
  });

  it('line breaks and control characters in a name do not reach the dialog', () => {
    const restrictions = [restriction({ personName: 'Mary\r\n\tO\u0000Brien' })];
    const decision = decide(recipients({ to: to(PARENT) }), { restrictions });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    for (const character of ['\r', '\n', '\t', '\u0000']) {
      expect(decision.message).not.toContain(character);
    }
    expect(decision.message).toContain('Mary O Brien');
  });
});

describe('decideSend: unreadable records never say clear (DOMAIN; verdict rule 3; 002 §61–62)', () => {
  const broken: MalformedRestriction = {
    id: '9',
    problems: ['EndDate is missing'],
    emails: [OTHER_PARENT],
  };

  it('a recipient in an unreadable record that might restrict stops with "could not check" wording', () => {
    const decision = decide(recipients({ cc: to(OTHER_PARENT) }), { malformed: [broken] });
    expect(decision).toMatchObject({
      kind: 'stop',
      restricted: [],
      unchecked: [{ address: OTHER_PARENT, field: 'cc' }],
    });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.message).toMatch(/could not check/);
    expect(decision.message).toMatch(/Check with the office before sending\.$/);
  });

  it('an unreadable record whose status restricts nothing does not stop (DOMAIN fair to the parent)', () => {
    const decision = decide(recipients({ cc: to(OTHER_PARENT) }), {
      malformed: [{ ...broken, status: 'Ended' }],
    });
    expect(decision).toEqual({ kind: 'send' });
  });

  it('an unreadable record that names no recipient stops nothing', () => {
    expect(decide(recipients({ to: to('someone@example.org') }), { malformed: [broken] })).toEqual({
      kind: 'send',
    });
  });

  it('a recipient equal to an Emails entry that is not an address, in force, stops unchecked (002 §55)', () => {
    const restrictions = [restriction({ unreadableEntries: ['parent@school-intranet'] })];
    const decision = decide(recipients({ to: to('Parent@School-Intranet') }), { restrictions });
    expect(decision).toMatchObject({ kind: 'stop', unchecked: [{ field: 'to' }] });
  });

  it('a restricted and an unchecked recipient share one message', () => {
    const decision = decide(recipients({ to: to(PARENT), bcc: to(OTHER_PARENT) }), {
      malformed: [broken],
    });
    expect(decision).toMatchObject({
      kind: 'stop',
      restricted: [{ address: PARENT }],
      unchecked: [{ address: OTHER_PARENT }],
    });
    if (decision.kind !== 'stop') throw new Error('expected a stop');
    expect(decision.message).toContain('Head Teacher');
    expect(decision.message).toMatch(/could not check/);
  });
});

describe('decideSend: bad input never throws, lets the mail go unchecked (DOMAIN: SoftBlock, never stop mail on an outage)', () => {
  const index = buildRestrictionIndex([restriction()], []);
  const good = { recipients: recipients({ to: to(PARENT) }), sender: staff, index, today: TODAY };

  it.each(GARBAGE_CASES)('the whole input is %s', (_name, value) => {
    expect(decideSend(value as never)).toEqual({
      kind: 'sendUnchecked',
      reason: 'noRestrictionList',
    });
  });

  it.each(GARBAGE_CASES)('the index is %s', (_name, value) => {
    expect(decideSend({ ...good, index: value as never })).toEqual({
      kind: 'sendUnchecked',
      reason: 'noRestrictionList',
    });
  });

  it.each(GARBAGE_CASES)('today is %s', (_name, value) => {
    expect(decideSend({ ...good, today: value as never })).toEqual({
      kind: 'sendUnchecked',
      reason: 'noDate',
    });
  });

  it('an invalid calendar day is not a date', () => {
    expect(decideSend({ ...good, today: '2026-02-30' })).toMatchObject({ reason: 'noDate' });
  });

  it.each(GARBAGE_CASES)('the sender is %s', (_name, value) => {
    expect(decideSend({ ...good, sender: value as never })).toEqual({
      kind: 'sendUnchecked',
      reason: 'noSender',
    });
  });

  it.each(GARBAGE_CASES)('the recipients are %s', (_name, value) => {
    expect(decideSend({ ...good, recipients: value as never })).toEqual({
      kind: 'sendUnchecked',
      reason: 'badRecipients',
    });
  });

  it.each(GARBAGE_CASES)('one recipient entry is %s', (_name, value) => {
    const rcpt = { to: [value], cc: [], bcc: [] } as unknown as OutgoingRecipients;
    expect(decideSend({ ...good, recipients: rcpt })).toEqual({
      kind: 'sendUnchecked',
      reason: 'badRecipients',
    });
  });

  it('a missing Cc list is unreadable input, not an empty one', () => {
    const rcpt = { to: to('a@example.org'), bcc: [] } as unknown as OutgoingRecipients;
    expect(decideSend({ ...good, recipients: rcpt })).toMatchObject({ kind: 'sendUnchecked' });
  });

  it('an unreadable entry beside a restricted recipient: the stop for that recipient stands', () => {
    const rcpt = { to: [...to(PARENT), { address: 42 }], cc: [], bcc: [] } as never;
    expect(decideSend({ ...good, recipients: rcpt })).toMatchObject({
      kind: 'stop',
      restricted: [{ address: PARENT }],
    });
  });

  it('a throwing getter is caught', () => {
    const rcpt = {
      get to(): never {
        throw new Error('boom');
      },
      cc: [],
      bcc: [],
    };
    expect(() => decideSend({ ...good, recipients: rcpt })).not.toThrow();
    expect(decideSend({ ...good, recipients: rcpt }).kind).toBe('sendUnchecked');
  });
});

describe('the send-time cache (issue 12: decide within 1 s from cache, one matching path)', () => {
  const restrictions = [
    restriction(),
    restriction({ id: '2', emails: [OTHER_PARENT], personName: 'Jo Doe', status: 'Warning' }),
    restriction({ id: '3', emails: ['later@example.org'], startDate: addDays(TODAY, 5) }),
  ];
  const malformed: MalformedRestriction[] = [
    { id: '9', problems: ['EndDate is missing'], emails: ['broken@example.org'] },
    { id: '10', problems: ['x'], emails: ['gone@example.org'], status: 'Ended' },
  ];
  const cache = sendTimeCacheOf(restrictions, malformed);

  it('keeps only what the decision needs: no guidance, allowed contact or emergency note (002 §51)', () => {
    const text = JSON.stringify(cache);
    expect(text).not.toContain('Do not reply');
    expect(text).not.toContain('Email to the head teacher only');
    expect(text).not.toContain('emergency');
    expect(cache.restrictions.map((r) => r.id)).toEqual(['1', '3']);
    expect(cache.unreadable.map((m) => m.id)).toEqual(['9']);
  });

  it('survives JSON (OfficeRuntime.storage) and decides as the full records do', () => {
    const fromCache = indexFromSendTimeCache(JSON.parse(JSON.stringify(cache)));
    const full = buildRestrictionIndex(restrictions, malformed);
    expect(fromCache).toBeDefined();
    const cases: OutgoingRecipients[] = [
      recipients({ to: to(PARENT) }),
      recipients({ to: to(OTHER_PARENT) }),
      recipients({ cc: to('later@example.org') }),
      recipients({ bcc: to('broken@example.org') }),
      recipients({ bcc: to('gone@example.org') }),
    ];
    for (const today of [TODAY, addDays(TODAY, 5)]) {
      for (const rcpt of cases) {
        const viaCache = decideSend({
          recipients: rcpt,
          sender: staff,
          index: fromCache as RestrictionIndex,
          today,
        });
        expect(viaCache).toEqual(
          decideSend({ recipients: rcpt, sender: staff, index: full, today }),
        );
      }
    }
  });

  it.each([...GARBAGE_CASES, ['another version', { ...cache, version: 2 }]])(
    'a cache that is %s gives no index (the handler sends unchecked)',
    (_name, value) => {
      expect(indexFromSendTimeCache(value)).toBeUndefined();
    },
  );
});
