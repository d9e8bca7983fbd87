// The mail-flow rule script (transportRule.ts): the names, comments and problems an Exchange
// administrator reads, how a restriction too big for one 8 KB rule is split, and the clean-up line.
import {
  psCommentText,
  transportRuleScript,
  TRANSPORT_RULE_MAX_BYTES,
} from '../../../src/policy/routing';
import { TODAY, restriction } from '../policy/fixtures';

const base = {
  acceptedDomains: ['school.example.org'],
  protectedMailboxes: ['reception@school.example.org'],
  today: TODAY,
  generatedAt: '2026-05-14T09:00:00Z',
};

/** The rule names the script creates, in order. */
function createdNames(script: string): string[] {
  return [...script.matchAll(/^ {2}New-TransportRule -Name '((?:[^']|'')*)'/gm)].map((m) =>
    (m[1] ?? '').replace(/''/g, "'"),
  );
}

/** The bytes of each rule's upsert block (the text the 8 KB limit is measured on). */
function blockSizes(script: string): number[] {
  return script
    .split(/\n(?=if \()/)
    .slice(1)
    .map((b) => new TextEncoder().encode(b.split('\n$keep')[0] ?? '').length);
}

/** A parent address `length` characters before the domain (long enough to force splitting). */
const longAddress = (letter: string, length: number) => `${letter.repeat(length)}@parent.org`;

describe('transport-rule comments', () => {
  it('a comment line cannot be broken: each run of CR, LF, NEL, U+2028 or U+2029 becomes one space', () => {
    expect(psCommentText('2026-05-14\r\n\u2028Remove-TransportRule *')).toBe(
      '2026-05-14 Remove-TransportRule *',
    );
    expect(psCommentText('a\u0085b\u2029c\nd')).toBe('a b c d');
    expect(psCommentText('no break')).toBe('no break');
  });

  it('the header line keeps generatedAt and today on the comment line', () => {
    const { script } = transportRuleScript({
      ...base,
      generatedAt: '09:00\r\nRemove-TransportRule x',
      restrictions: [],
    });
    expect(script.split('\n')[0]).toBe(
      '\uFEFF# Contact Guard: Exchange Online mail-flow rules, generated 09:00 Remove-TransportRule x for 2026-05-14.',
    );
  });
});

describe('transport-rule names, comments and clean-up', () => {
  it('orders rules by restriction ID as a number (9 before 10), each redirect rule before its urgent companion', () => {
    const { script, rules } = transportRuleScript({
      ...base,
      restrictions: [
        restriction({ id: '10', emails: ['ten@parent.org'] }),
        restriction({ id: '9', emails: ['nine@parent.org'] }),
      ],
    });
    expect(rules).toBe(4);
    expect(createdNames(script)).toEqual([
      'Contact Guard restriction 9',
      'Contact Guard restriction 9 urgent',
      'Contact Guard restriction 10',
      'Contact Guard restriction 10 urgent',
    ]);
  });

  it('a restriction in one rule has no "part" in its name or comment', () => {
    const { script } = transportRuleScript({ ...base, restrictions: [restriction()] });
    expect(script).toContain(
      "-Comments 'Made by Contact Guard for restriction 1. Edit the restriction, not this rule: the next run overwrites it.'",
    );
    expect(script).toContain(
      "-Comments 'Made by Contact Guard for restriction 1: possibly urgent mail is marked high importance.",
    );
    expect(script).not.toContain('part');
  });

  it('keeps the rules it wrote and removes only other "Contact Guard restriction" rules', () => {
    const { script } = transportRuleScript({
      ...base,
      restrictions: [restriction({ id: '3' }), restriction({ id: '4', emails: ['b@parent.org'] })],
    });
    const lines = script.split('\n');
    expect(lines).toContain(
      "$keep = @('Contact Guard restriction 3','Contact Guard restriction 3 urgent','Contact Guard restriction 4','Contact Guard restriction 4 urgent')",
    );
    expect(lines).toContain(
      "Get-TransportRule | Where-Object { $_.Name -like 'Contact Guard restriction *' -and $keep -notcontains $_.Name } | ForEach-Object { Remove-TransportRule -Identity $_.Name -Confirm:$false }",
    );
    // No restriction left: everything Contact Guard made is removed.
    expect(transportRuleScript({ ...base, restrictions: [] }).script.split('\n')).toContain(
      '$keep = @()',
    );
  });
});

describe('transport-rule refusals', () => {
  it('says in plain words why a restriction has no rule or lost an address', () => {
    const { script, rules, problems } = transportRuleScript({
      ...base,
      restrictions: [
        restriction({ id: '3', spocEmail: 'someone@gmail.com' }),
        restriction({
          id: '5',
          spocEmail: 'head@school.example.org',
          emails: ['Head@School.example.org', 'parent@parent.org'],
        }),
      ],
    });
    expect(problems).toEqual([
      'Restriction 3: its single point of contact is outside the accepted domains; no rule.',
      'Restriction 5: an address that is the SPOC or a protected mailbox was left out (it would loop).',
    ]);
    // The SPOC's own address is never redirected to the SPOC (a loop).
    expect(rules).toBe(2);
    expect(script).toContain("-From @('parent@parent.org')");
    expect(script).not.toMatch(/-From @\([^)]*head@school/);
  });
});

describe('transport-rule splitting (8 KB per rule)', () => {
  it('splits into numbered parts, each named and commented "part i of n", every part under 8 KB', () => {
    const emails = ['a', 'b', 'c'].map((l) => longAddress(l, 1500));
    const { script, rules, problems } = transportRuleScript({
      ...base,
      restrictions: [restriction({ emails })],
    });
    expect(problems).toEqual([]);
    expect(rules).toBe(6);
    expect(createdNames(script)).toEqual([
      'Contact Guard restriction 1 part 1',
      'Contact Guard restriction 1 part 1 urgent',
      'Contact Guard restriction 1 part 2',
      'Contact Guard restriction 1 part 2 urgent',
      'Contact Guard restriction 1 part 3',
      'Contact Guard restriction 1 part 3 urgent',
    ]);
    expect(script).toContain(
      "-Comments 'Made by Contact Guard for restriction 1 (part 2 of 3). Edit the restriction",
    );
    expect(script).toContain(
      "-Comments 'Made by Contact Guard for restriction 1 (part 3 of 3): possibly urgent mail",
    );
    for (const size of blockSizes(script))
      expect(size).toBeLessThanOrEqual(TRANSPORT_RULE_MAX_BYTES);
    // Every address is in exactly one part, none is empty.
    expect(script).not.toContain('-From @()');
    for (const e of emails) {
      expect(script.split(`-From @('${e}')`).length - 1).toBe(4);
    }
  });

  it('an even split has no empty part', () => {
    const emails = ['a', 'b'].map((l) => longAddress(l, 1500));
    const { script, rules } = transportRuleScript({
      ...base,
      restrictions: [restriction({ emails })],
    });
    expect(rules).toBe(4);
    expect(createdNames(script)).toEqual([
      'Contact Guard restriction 1 part 1',
      'Contact Guard restriction 1 part 1 urgent',
      'Contact Guard restriction 1 part 2',
      'Contact Guard restriction 1 part 2 urgent',
    ]);
    expect(script).not.toContain('-From @()');
  });

  it('an address too long for any rule still gets its rule (one address cannot be split further)', () => {
    const { rules, script } = transportRuleScript({
      ...base,
      restrictions: [restriction({ emails: [longAddress('a', 3000)] })],
    });
    expect(rules).toBe(2);
    expect(createdNames(script)).toEqual([
      'Contact Guard restriction 1',
      'Contact Guard restriction 1 urgent',
    ]);
  });
});

describe('which restrictions get mail-flow rules', () => {
  it('Provisional, Active and Extended restrictions ending today or later; not ended, withdrawn or past ones', () => {
    const { script, rules } = transportRuleScript({
      ...base,
      restrictions: [
        restriction({ id: '1', status: 'Provisional', emails: ['p1@parent.org'] }),
        restriction({ id: '2', status: 'Active', emails: ['p2@parent.org'], endDate: TODAY }),
        restriction({ id: '3', status: 'Extended', emails: ['p3@parent.org'] }),
        restriction({ id: '4', status: 'Ended', emails: ['p4@parent.org'] }),
        restriction({
          id: '5',
          status: 'Active',
          emails: ['p5@parent.org'],
          endDate: '2026-05-13',
        }),
        restriction({ id: '6', status: 'Active', emails: ['p6@parent.org'], endDate: '' }),
      ],
    });
    expect(rules).toBe(6);
    expect(createdNames(script).filter((n) => !n.endsWith('urgent'))).toEqual([
      'Contact Guard restriction 1',
      'Contact Guard restriction 2',
      'Contact Guard restriction 3',
    ]);
    for (const gone of ['p4@', 'p5@', 'p6@']) expect(script).not.toContain(gone);
  });

  it('002 §62: each urgent phrase is its own pattern in the companion rule', () => {
    const { script } = transportRuleScript({ ...base, restrictions: [restriction()] });
    expect(script).toContain(
      "-SubjectOrBodyMatchesPatterns @('not come home','hasn''t come home','not home from school',",
    );
  });

  it('a rule of exactly 8 KB (8,192 bytes) is within the limit and is not split', () => {
    // Every character of an address adds 2 bytes to the urgent rule (in Set- and New-TransportRule)
    // and of the ID 5 bytes, so one of IDs 1 and 10 reaches 8,192 bytes exactly.
    const run = (id: string, length: number) =>
      transportRuleScript({
        ...base,
        restrictions: [restriction({ id, emails: [longAddress('a', length), 'b@parent.org'] })],
      });
    const id =
      ['1', '10'].find(
        (i) => (TRANSPORT_RULE_MAX_BYTES - Math.max(...blockSizes(run(i, 100).script))) % 2 === 0,
      ) ?? '1';
    const length =
      100 + (TRANSPORT_RULE_MAX_BYTES - Math.max(...blockSizes(run(id, 100).script))) / 2;
    const exact = run(id, length);
    expect(Math.max(...blockSizes(exact.script))).toBe(TRANSPORT_RULE_MAX_BYTES);
    expect(exact.rules).toBe(2);
    // One byte-pair more and it is split.
    expect(run(id, length + 1).rules).toBe(4);
  });
});
