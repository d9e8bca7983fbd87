// A rule's content, fingerprint, name and size (ruleContent.ts). The fingerprint written in a rule's
// name must come out the same from the body Contact Guard sent and from the rule as Graph returns it
// (extra defaults, `@odata` annotations, other order and case), and differ as soon as someone edits
// what the rule does; otherwise every rule would look edited, or an edit would go unnoticed.
import {
  canonicalRuleContent,
  estimateRuleBytes,
  hash53,
  parseOwnedName,
  ruleFingerprint,
  ruleName,
  type RuleBody,
} from '../../../src/policy/routing';

const to = (address: string) => ({ emailAddress: { address } });

/** What Contact Guard sends for a redirect rule. */
const SENT = {
  conditions: { fromAddresses: [to('a.parent@example.org'), to('b.parent@example.org')] },
  actions: {
    redirectTo: [to('head@oakfield.sch.uk')],
    assignCategories: ['Restricted'],
    stopProcessingRules: true,
  },
};

describe('hash53 (cyrb53): the fingerprint stays the same from one version to the next', () => {
  it("gives cyrb53's published values, in base 36", () => {
    expect(hash53('a')).toBe((7929297801672961).toString(36));
    expect(hash53('b')).toBe((8684336938537663).toString(36));
    expect(hash53('revenge')).toBe((4051478007546757).toString(36).padStart(11, '0'));
  });

  it('always gives 11 characters, zero-padded when the number is small', () => {
    expect(hash53('')).toBe('0wvjl67o803');
    expect(hash53('c')).toBe('0259fwfz8om');
    for (const text of ['', 'a', 'c', 'f', 'reception@oakfield.sch.uk']) {
      expect(hash53(text)).toMatch(/^[0-9a-z]{11}$/);
    }
  });
});

describe('rule content as Graph returns it', () => {
  it('a rule read back from Graph has the fingerprint of the body sent: annotations, defaults, order, case and names ignored', () => {
    const readBack = {
      conditions: {
        '@odata.type': '#microsoft.graph.messageRulePredicates',
        fromAddresses: [
          { emailAddress: { name: 'B Parent', address: 'B.Parent@Example.org' } },
          { emailAddress: { name: 'A Parent', address: 'a.parent@example.org' } },
        ],
        sentToAddresses: [],
        bodyOrSubjectContains: null,
        isAutomaticReply: false,
        withinSizeRange: {},
        forwardTo: undefined,
      },
      actions: {
        stopProcessingRules: true,
        assignCategories: ['Restricted'],
        redirectTo: [{ emailAddress: { name: 'Head', address: 'HEAD@oakfield.sch.uk' } }],
        forwardTo: [],
        forwardAsAttachmentTo: null,
        markAsRead: false,
        delete: null,
        moveToFolder: undefined,
      },
      exceptions: null,
    };
    expect(canonicalRuleContent(readBack)).toBe(canonicalRuleContent(SENT));
    expect(ruleFingerprint(readBack)).toBe(ruleFingerprint(SENT));
    expect(canonicalRuleContent(SENT)).toBe(
      '{"c":{"fromaddresses":["a.parent@example.org","b.parent@example.org"]},' +
        '"a":{"assigncategories":["Restricted"],"redirectto":["head@oakfield.sch.uk"],"stopprocessingrules":true},' +
        '"e":{}}',
    );
  });

  it('a recipient entry without an address counts for nothing; a recipient list that is not a list is empty', () => {
    const odd = {
      conditions: {
        fromAddresses: [
          null,
          'c.parent@example.org',
          {},
          { emailAddress: null },
          { emailAddress: 'd.parent@example.org' },
          { emailAddress: { name: 'No address' } },
          { emailAddress: { address: 42 } },
          to('b.parent@example.org'),
          to('a.parent@example.org'),
        ],
      },
      actions: SENT.actions,
    };
    expect(canonicalRuleContent(odd)).toBe(canonicalRuleContent(SENT));
    expect(canonicalRuleContent({ conditions: { fromAddresses: 'a.parent@example.org' } })).toBe(
      '{"c":{"fromaddresses":[]},"a":{},"e":{}}',
    );
  });

  it('a value that is set (true, a number, a non-empty part) is kept: turning it on is an edit', () => {
    const plain = canonicalRuleContent(SENT);
    const withFlag = { ...SENT, conditions: { ...SENT.conditions, isAutomaticReply: true } };
    expect(canonicalRuleContent(withFlag)).not.toBe(plain);
    expect(canonicalRuleContent({ exceptions: { sizeLimit: 0 } })).toBe(
      '{"c":{},"a":{},"e":{"sizelimit":0}}',
    );
    expect(
      canonicalRuleContent({
        exceptions: { withinSizeRange: { minimumSize: 1, maximumSize: 100 } },
      }),
    ).toBe('{"c":{},"a":{},"e":{"withinsizerange":{"maximumSize":100,"minimumSize":1}}}');
  });

  it('inside a part, key order and @odata annotations are ignored, and a changed value is an edit', () => {
    const range = (r: Record<string, unknown>) => ({ ...SENT, exceptions: { withinSizeRange: r } });
    const sent = range({ minimumSize: 1, maximumSize: 100 });
    const readBack = range({
      '@odata.type': '#microsoft.graph.sizeRange',
      maximumSize: 100,
      minimumSize: 1,
    });
    expect(ruleFingerprint(readBack)).toBe(ruleFingerprint(sent));
    expect(ruleFingerprint(range({ minimumSize: 1, maximumSize: 200 }))).not.toBe(
      ruleFingerprint(sent),
    );
    expect(ruleFingerprint(range({ minimumSize: 1 }))).not.toBe(ruleFingerprint(sent));
  });

  it('inside a list of parts, each part is compared the same way', () => {
    const sent = { actions: { copyRules: [{ folder: 'x', keep: true }] } };
    const readBack = {
      actions: { copyRules: [{ '@odata.type': '#x', keep: true, folder: 'x' }] },
    };
    expect(canonicalRuleContent(readBack)).toBe(canonicalRuleContent(sent));
    expect(canonicalRuleContent(sent)).toBe(
      '{"c":{},"a":{"copyrules":[{"folder":"x","keep":true}]},"e":{}}',
    );
  });
});

describe('Contact Guard rule names', () => {
  it('reads back the key and fingerprint of a name it wrote, even with spaces around it', () => {
    const name = ruleName('restricted mail to head@oakfield.sch.uk', 'k1-ab', 'abcd1234');
    expect(parseOwnedName(name)).toEqual({ key: 'k1-ab', fingerprint: 'abcd1234' });
    expect(parseOwnedName(`  ${name}\n`)).toEqual({ key: 'k1-ab', fingerprint: 'abcd1234' });
  });

  it('a rule without a name (or a name that is not text) is not Contact Guard’s', () => {
    for (const name of [undefined, null, 42, {}, ['Contact Guard: x [cg k abcd1234]']]) {
      expect(parseOwnedName(name)).toBeUndefined();
    }
  });
});

describe('estimated size of a rule in the mailbox quota', () => {
  const recipients = (...addresses: string[]) => addresses.map(to);

  it('600 bytes, 2 per name character, 120 + 6 per address character per recipient, 24 + 2 per character per phrase or category', () => {
    const body: Pick<RuleBody, 'displayName' | 'conditions' | 'actions'> = {
      displayName: 'Contact Guard: x', // 16
      conditions: {
        fromAddresses: recipients('a@x.org', 'bb@x.org'), // 7, 8
        bodyOrSubjectContains: ['overdose', 'a&e'], // 8, 3
      },
      actions: {
        redirectTo: recipients('head@school.org'), // 15
        forwardAsAttachmentTo: recipients('dsl@school.org'), // 14
        assignCategories: ['Possibly urgent'], // 15
        stopProcessingRules: true,
      },
    };
    const expected =
      600 +
      2 * 16 +
      (120 + 6 * 7) +
      (120 + 6 * 8) +
      (120 + 6 * 15) +
      (120 + 6 * 14) +
      (24 + 2 * 8) +
      (24 + 2 * 3) +
      (24 + 2 * 15);
    expect(estimateRuleBytes(body)).toBe(expected);
  });

  it('a rule with only senders: no phrase, category or recipient counted', () => {
    expect(
      estimateRuleBytes({
        displayName: 'abc',
        conditions: { fromAddresses: recipients('p@x.org') },
        actions: { moveToFolder: 'f', stopProcessingRules: true },
      }),
    ).toBe(600 + 2 * 3 + 120 + 6 * 7);
  });
});
