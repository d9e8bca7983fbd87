// The routing planner, rule by rule: what the admin is told, which rules a mailbox gets and in
// what order, when a rule Contact Guard already wrote is left alone or rewritten, and the plan's
// totals (restrictions routed, rule space, folder, "nothing to do").
import {
  compactRule,
  desiredRulesFor,
  folderIdFromRules,
  isPlanEmpty,
  planMailbox,
  planRouting,
  routesBySpoc,
  ruleFingerprint,
  ruleName,
  spocAddresses,
  unreadableEntryRefusals,
  unreadableRecordRefusals,
  type CurrentMailboxState,
  type MessageRuleData,
  type RoutingSettings,
  type RuleChange,
} from '../../../src/policy/routing';
import type { Restriction } from '../../../src/policy/types';
import { TODAY, restriction } from '../policy/fixtures';

const RECEPTION = 'reception@oakfield.sch.uk';
const OFFICE = 'office@oakfield.sch.uk';
const SPOC = 'business.manager@oakfield.sch.uk';
const FOLDER = 'folder-1';

function settings(overrides: Partial<RoutingSettings> = {}): RoutingSettings {
  return {
    protectedMailboxes: [RECEPTION, OFFICE],
    acceptedDomains: ['oakfield.sch.uk'],
    folderName: 'Restricted correspondence',
    delivery: 'redirect',
    addressesPerRule: 50,
    ...overrides,
  };
}

function r(id: string, emails: string[], overrides: Partial<Restriction> = {}): Restriction {
  return restriction({ id, emails, spocEmail: SPOC, ...overrides });
}

function state(
  rules: MessageRuleData[] = [],
  mailbox = RECEPTION,
  extra: Partial<CurrentMailboxState> = {},
): CurrentMailboxState {
  return { mailbox, rules, folderId: FOLDER, ...extra };
}

/** The rules as Graph holds them once a first plan for these restrictions was applied. */
function inStepRules(restrictions: Restriction[], st = settings()): MessageRuleData[] {
  const { routes } = routesBySpoc(restrictions, st, TODAY);
  return desiredRulesFor(RECEPTION, routes, st, FOLDER).map((d, i) => ({
    id: `cg${i + 1}`,
    ...structuredClone(d.body),
    isReadOnly: false,
    hasError: false,
  }));
}

function plan(rules: MessageRuleData[], restrictions: Restriction[], st = settings()) {
  const { routes } = routesBySpoc(restrictions, st, TODAY);
  return planMailbox(state(rules), routes, st);
}

const summary = (changes: RuleChange[]) =>
  changes.map((c) =>
    c.kind === 'delete' ? `delete ${c.ruleId} ${c.reason}` : `${c.kind} ${c.rule.role} ${c.reason}`,
  );

const userRule = (sequence: number | null): MessageRuleData => ({
  id: 'user',
  displayName: 'Newsletters to a folder',
  sequence,
  isEnabled: true,
  conditions: { fromAddresses: [{ emailAddress: { address: 'news@x.org' } }] },
  actions: { moveToFolder: 'newsletters' },
});

describe('what the admin is told about restrictions routing cannot act on', () => {
  it('issue 14 item 7: an unreadable item lists every problem, or says "unreadable" when none is known', () => {
    const refusals = unreadableRecordRefusals([
      { id: '7', problems: ['EndDate is missing', 'SpocEmail is missing'], emails: [] },
      { id: '8', problems: [], emails: [], status: 'Provisional' },
    ]);
    expect(refusals.map((x) => x.message)).toEqual([
      'Restriction 7 cannot be read (EndDate is missing; SpocEmail is missing): routing cannot act on it, so mail from its addresses is neither redirected nor marked until it is corrected in SharePoint.',
      'Restriction 8 cannot be read (unreadable): routing cannot act on it, so mail from its addresses is neither redirected nor marked until it is corrected in SharePoint.',
    ]);
  });

  it('issue 14 item 7: several Emails entries that are not addresses are counted, in the plural', () => {
    const typed = { ...r('4', ['a@x.org']), unreadableEntries: ['j.smith at gmail', 'see file'] };
    expect(unreadableEntryRefusals([typed], TODAY)).toEqual([
      {
        restrictionId: '4',
        reason: 'unreadableEntry',
        message:
          'Restriction 4 has 2 entries in Emails that are not an email address: no rule can cover them, so correct them in SharePoint (its other addresses are routed).',
      },
    ]);
  });

  it('refusals say why in plain words, naming only the SPOC domain (never a parent address)', () => {
    const directory = new Map<string, string | null>([
      [SPOC, SPOC],
      ['gone@oakfield.sch.uk', null],
    ]);
    const { refusals } = routesBySpoc(
      [
        r('1', ['a@x.org'], { spocEmail: 'friend@gmail.com' }),
        r('2', ['b@x.org'], { spocEmail: '' }),
        r('3', ['c@x.org'], { spocEmail: 'gone@oakfield.sch.uk' }),
        r('4', [SPOC]),
        r('5', [RECEPTION]),
      ],
      settings(),
      TODAY,
      directory,
    );
    expect(refusals.map((x) => x.message)).toEqual([
      "Restriction 1: its single point of contact is outside the school's accepted domains (gmail.com). Mail is not forwarded outside the school: the bounce would go to the parent.",
      "Restriction 2: its single point of contact is outside the school's accepted domains (no domain). Mail is not forwarded outside the school: the bounce would go to the parent.",
      "Restriction 3: no mailbox in the school's directory has its single point of contact's address. Mail is not redirected to an address that would bounce to the parent: correct the address.",
      'Restriction 4: one of its addresses is its own single point of contact; routing it would loop.',
      'Restriction 5: one of its addresses is a protected mailbox; routing it would loop.',
    ]);
  });

  it("accepts a SPOC in any of the school's accepted domains, not only the first", () => {
    const st = settings({ acceptedDomains: ['oakfield.sch.uk', 'Oakfield-Trust.org'] });
    const { routes, refusals } = routesBySpoc(
      [r('1', ['a@x.org'], { spocEmail: 'head@oakfield-trust.org' })],
      st,
      TODAY,
    );
    expect(refusals).toEqual([]);
    expect([...routes.keys()]).toEqual(['head@oakfield-trust.org']);
  });

  it('counts as routed only the restrictions with at least one address a rule covers', () => {
    const routed = planRouting({
      restrictions: [
        r('1', ['a@x.org', 'b@x.org']),
        r('2', [SPOC, RECEPTION]), // every address would loop: nothing routed
        r('3', ['c@x.org']),
        r('4', ['d@x.org'], { status: 'Ended' }),
      ],
      settings: settings(),
      today: TODAY,
      mailboxes: [],
    });
    expect(routed.restrictionsRouted).toBe(2);
    expect(routed.refusals.map((x) => x.reason)).toEqual([
      'addressIsSpoc',
      'addressIsProtectedMailbox',
    ]);
  });

  it('lists the SPOC addresses of the restrictions in force to resolve: each once, normalised, sorted, none empty', () => {
    expect(
      spocAddresses(
        [
          r('1', ['a@x.org'], { spocEmail: 'Office@Oakfield.sch.uk' }),
          r('2', ['b@x.org']),
          r('3', ['c@x.org'], { spocEmail: ' office@oakfield.sch.uk ' }),
          r('4', ['d@x.org'], { spocEmail: '' }),
          r('5', ['e@x.org'], { spocEmail: 'head@oakfield.sch.uk', status: 'Ended' }),
        ],
        TODAY,
      ),
    ).toEqual([SPOC, OFFICE]);
    expect(spocAddresses([], TODAY)).toEqual([]);
  });
});

describe('the rules a mailbox should have', () => {
  it('destinations and senders come sorted, whatever order the restrictions were read in', () => {
    const { routes } = routesBySpoc(
      [r('1', ['z@x.org', 'b@x.org'], { spocEmail: OFFICE }), r('2', ['y@x.org', 'a@x.org'])],
      settings(),
      TODAY,
    );
    const rules = desiredRulesFor(RECEPTION, routes, settings(), FOLDER);
    expect(
      rules.map((d) => [
        d.role,
        d.spoc,
        d.body.sequence,
        d.body.conditions.fromAddresses.map((a) => a.emailAddress.address),
      ]),
    ).toEqual([
      ['urgent', SPOC, 1, ['a@x.org', 'y@x.org']],
      ['urgent', OFFICE, 2, ['b@x.org', 'z@x.org']],
      ['route', SPOC, 3, ['a@x.org', 'y@x.org']],
      ['route', OFFICE, 4, ['b@x.org', 'z@x.org']],
    ]);
  });

  it('each destination lists its own senders, even when two lists read alike end to end', () => {
    // a@x.org + b@x.org and a@x.o + rgb@x.org spell the same letters once run together.
    const { routes } = routesBySpoc(
      [r('1', ['a@x.org', 'b@x.org']), r('2', ['a@x.o', 'rgb@x.org'], { spocEmail: OFFICE })],
      settings(),
      TODAY,
    );
    const rules = desiredRulesFor(RECEPTION, routes, settings(), FOLDER);
    expect(
      rules.map((d) => [
        d.spoc,
        d.body.conditions.fromAddresses.map((a) => a.emailAddress.address),
      ]),
    ).toEqual([
      [SPOC, ['a@x.org', 'b@x.org']],
      [OFFICE, ['a@x.o', 'rgb@x.org']],
      [SPOC, ['a@x.org', 'b@x.org']],
      [OFFICE, ['a@x.o', 'rgb@x.org']],
    ]);
  });
});

describe('rules kept without their recipients (compactRule)', () => {
  it('keeps what planning needs, read-only and in-error marks included, and adds nothing the rule lacks', () => {
    expect(compactRule({ id: 'bare' })).toStrictEqual({
      id: 'bare',
      contentFingerprint: ruleFingerprint({}),
    });
    const marked: MessageRuleData = {
      id: 'x',
      displayName: 'Mine',
      sequence: 4,
      isEnabled: false,
      isReadOnly: true,
      hasError: true,
      conditions: { fromAddresses: [{ emailAddress: { address: 'a@x.org' } }] },
      actions: { moveToFolder: 'f', stopProcessingRules: true },
    };
    expect(compactRule(marked)).toStrictEqual({
      id: 'x',
      displayName: 'Mine',
      sequence: 4,
      isEnabled: false,
      isReadOnly: true,
      hasError: true,
      actions: { moveToFolder: 'f' },
      contentFingerprint: ruleFingerprint(marked),
    });
    const clear = { ...marked, isReadOnly: false, hasError: false };
    expect(compactRule(clear)).toMatchObject({ isReadOnly: false, hasError: false });
  });

  it('plans the same for a read-only rule and a rule in error once compacted', () => {
    const restrictions = [r('1', ['a@x.org'])];
    const rules = inStepRules(restrictions);
    const readOnly = [{ ...rules[0]!, isReadOnly: true }, rules[1]!];
    const inError = [rules[0]!, { ...rules[1]!, hasError: true }];
    for (const variant of [readOnly, inError]) {
      expect(plan(variant.map(compactRule), restrictions)).toEqual(plan(variant, restrictions));
    }
    expect(plan(readOnly.map(compactRule), restrictions).readOnlySkipped).toBe(1);
    expect(plan(inError.map(compactRule), restrictions).drift).toEqual([
      expect.objectContaining({ kind: 'inError' }),
    ]);
  });
});

describe('the routing folder as our intact rules name it', () => {
  const restrictions = [r('1', ['a@x.org'])];
  /** One of our rules, intact, filing in `folder`. */
  const oursFilingIn = (folder: string, id: string): MessageRuleData => {
    const content = {
      conditions: { fromAddresses: [{ emailAddress: { address: 'a@x.org' } }] },
      actions: { moveToFolder: folder, stopProcessingRules: true as const },
    };
    return {
      id,
      ...content,
      displayName: ruleName('file', 'abcdef-9', ruleFingerprint(content)),
      isEnabled: true,
    };
  };

  it("ignores a user's own rule that files elsewhere", () => {
    expect(folderIdFromRules([...inStepRules(restrictions), userRule(1)])).toBe(FOLDER);
  });

  it('does not take the folder from a read-only rule, even one named as ours', () => {
    const route = inStepRules(restrictions)[1]!;
    expect(folderIdFromRules([route])).toBe(FOLDER);
    expect(folderIdFromRules([{ ...route, isReadOnly: true }])).toBeUndefined();
  });

  it('knows no folder when our intact rules disagree, and ignores an empty folder id', () => {
    expect(folderIdFromRules([oursFilingIn(FOLDER, 'a'), oursFilingIn('elsewhere', 'b')])).toBe(
      undefined,
    );
    expect(folderIdFromRules([oursFilingIn(FOLDER, 'a'), oursFilingIn('', 'b')])).toBe(FOLDER);
  });
});

describe('rules Contact Guard already wrote', () => {
  const restrictions = [r('1', ['a@x.org'])];

  it('rules in step change nothing and plan no folder', () => {
    const p = plan(inStepRules(restrictions), restrictions);
    expect(p.changes).toEqual([]);
    expect(p.inStep).toBe(2);
    expect(p.folder).toEqual({ name: 'Restricted correspondence', id: FOLDER, create: false });
  });

  it('keeps the first of duplicates in rule order and deletes the later one, by name', () => {
    const [urgent, route] = inStepRules(restrictions);
    const copy = { ...urgent!, id: 'copy', sequence: 7 };
    // Graph may list the copy first.
    const p = plan([copy, route!, urgent!], restrictions);
    expect(p.changes).toEqual([
      { kind: 'delete', ruleId: 'copy', ruleName: urgent!.displayName, reason: 'duplicate' },
    ]);
    expect(p.drift).toEqual([{ kind: 'duplicate', ruleName: urgent!.displayName }]);
    expect(p.inStep).toBe(2);
  });

  it('a rule no longer needed is deleted under the name it has', () => {
    const rules = inStepRules(restrictions);
    const p = plan(rules, []);
    expect(p.changes).toEqual([
      { kind: 'delete', ruleId: 'cg1', ruleName: rules[0]!.displayName, reason: 'notNeeded' },
      { kind: 'delete', ruleId: 'cg2', ruleName: rules[1]!.displayName, reason: 'notNeeded' },
    ]);
  });

  it('a rule a user renamed (keeping our tag) gets its name back', () => {
    const [urgent, route] = inStepRules(restrictions);
    const tag = route!.displayName!.slice(route!.displayName!.indexOf(' [cg '));
    const renamed = { ...route!, displayName: `Contact Guard: parent mail${tag}` };
    const p = plan([urgent!, renamed], restrictions);
    expect(summary(p.changes)).toEqual(['update route changed']);
    expect(p.changes[0]).toMatchObject({ ruleId: 'cg2' });
  });

  it('a renamed routing folder renames the route rule, which files in the same folder', () => {
    const rules = inStepRules(restrictions);
    const p = plan(rules, restrictions, settings({ folderName: 'Routed emails' }));
    expect(summary(p.changes)).toEqual(['update urgent changed', 'update route changed']);
  });

  it('002 §62: our rules are moved back before a read-only rule a user put above them', () => {
    const readOnly: MessageRuleData = {
      id: 'ro',
      displayName: 'Mine',
      sequence: 1,
      isReadOnly: true,
    };
    const rules = inStepRules(restrictions).map((x, i) => ({ ...x, sequence: i + 2 }));
    const p = plan([readOnly, ...rules], restrictions);
    expect(summary(p.changes)).toEqual(['update urgent moved', 'update route moved']);
    expect(p.readOnlySkipped).toBe(1);
  });

  it("002 §62: our rules are moved back before a user's own rule put above them", () => {
    const rules = inStepRules(restrictions).map((x, i) => ({ ...x, sequence: i + 2 }));
    const p = plan([userRule(1), ...rules], restrictions);
    expect(summary(p.changes)).toEqual(['update urgent moved', 'update route moved']);
    expect(p.drift.map((d) => d.kind)).toEqual(['moved', 'moved']);
  });

  it('a rule of ours without a sequence counts as last, so it is moved before the user rules', () => {
    const rules = inStepRules(restrictions).map((x) => ({ ...x, sequence: null }));
    const p = plan([userRule(1), ...rules], restrictions);
    expect(summary(p.changes)).toEqual(['update urgent moved', 'update route moved']);
    // A user's rule without a sequence does not move ours.
    expect(plan([userRule(null), ...inStepRules(restrictions)], restrictions).changes).toEqual([]);
  });

  it('002 §62: two of our rules tied on one sequence (a half-applied run) are rewritten in order', () => {
    const rules = inStepRules(restrictions).map((x) => ({ ...x, sequence: 1 }));
    const p = plan(rules, restrictions);
    expect(
      p.changes.map((c) => (c.kind === 'update' ? [c.reason, c.rule.body.sequence] : c.kind)),
    ).toEqual([
      ['moved', 1],
      ['moved', 2],
    ]);
  });

  it('a rule level with a user rule is not churned on every run', () => {
    const rules = inStepRules(restrictions);
    const p = plan([...rules, userRule(2)], restrictions);
    expect(p.changes).toEqual([]);
    expect(p.othersUntouched).toBe(1);
  });

  it('deletions come first (they free rule space), then the rules in order', () => {
    const old = inStepRules([r('1', ['a@x.org'], { spocEmail: OFFICE })]);
    const p = plan(old, restrictions);
    expect(summary(p.changes)).toEqual([
      'delete cg1 notNeeded',
      'delete cg2 notNeeded',
      'create urgent new',
      'create route new',
    ]);
    // Updates and creations keep rule order around a duplicate deleted on the way.
    const [urgent] = inStepRules(restrictions);
    const mixed = plan(
      [
        urgent!,
        { ...urgent!, id: 'copy', sequence: 5 },
        ...old.map((x) => ({ ...x, sequence: 9 })),
      ],
      [...restrictions, r('2', ['b@x.org'], { spocEmail: OFFICE })],
    );
    expect(summary(mixed.changes)).toEqual([
      'delete copy duplicate',
      'update urgent moved',
      'update urgent changed',
      'create route new',
      'update route changed',
    ]);
    expect(mixed.changes.map((c) => (c.kind === 'delete' ? 0 : c.rule.body.sequence))).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });
});

describe('rule space and the plan as a whole', () => {
  const emails = (n: number) =>
    Array.from({ length: n }, (_, i) => `p${String(i).padStart(3, '0')}@x.org`);

  it("adds up the rules' estimated bytes, with no warning for a few addresses", () => {
    const { routes } = routesBySpoc([r('1', emails(5))], settings(), TODAY);
    const p = planMailbox(state(), routes, settings());
    const desired = desiredRulesFor(RECEPTION, routes, settings(), FOLDER);
    expect(p.estimatedBytes).toBe(desired[0]!.estimatedBytes + desired[1]!.estimatedBytes);
    expect(p.estimatedBytes).toBeGreaterThan(desired[0]!.estimatedBytes);
    expect(p.warnings).toEqual([]);
  });

  it('warns above half the 64 KB quota of some migrated mailboxes, not at it', () => {
    const st = (folderName: string) => settings({ folderName, addressesPerRule: 500 });
    const at = (folderName: string) => {
      const { routes } = routesBySpoc([r('1', emails(75))], st(folderName), TODAY);
      return planMailbox(state(), routes, st(folderName));
    };
    expect(at('Routed emails').estimatedBytes).toBe(32 * 1024);
    expect(at('Routed emails').warnings).toEqual([]);
    expect(at('Routed e-mails').estimatedBytes).toBe(32 * 1024 + 4);
    expect(at('Routed e-mails').warnings).toEqual([
      "Contact Guard's rules on reception@oakfield.sch.uk need about 33 KB of the mailbox's rule space (64 KB on some migrated mailboxes, 256 KB otherwise).",
    ]);
  });

  it('a plan is empty only when no mailbox has a change or a folder to make', () => {
    const restrictions = [r('1', ['a@x.org'])];
    const input = (mailboxes: CurrentMailboxState[]) => ({
      restrictions,
      settings: settings(),
      today: TODAY,
      mailboxes,
    });
    const done = state(inStepRules(restrictions));
    const todo = state([], OFFICE);
    expect(isPlanEmpty(planRouting(input([done])))).toBe(true);
    expect(isPlanEmpty(planRouting(input([todo])))).toBe(false);
    expect(isPlanEmpty(planRouting(input([done, todo])))).toBe(false);
    expect(isPlanEmpty(planRouting(input([todo, done])))).toBe(false);
    // Rules in step but the folder gone: the folder is still to make.
    const noFolder = { ...done, folderId: undefined };
    const { routes } = routesBySpoc(restrictions, settings(), TODAY);
    const rulesWithoutFolder = desiredRulesFor(RECEPTION, routes, settings(), undefined).map(
      (d, i) => ({ id: `n${i}`, ...d.body }),
    );
    const p = planRouting(input([{ ...noFolder, rules: rulesWithoutFolder }]));
    expect(p.mailboxes[0]!.changes).toEqual([]);
    expect(p.mailboxes[0]!.folder).toEqual({ name: 'Restricted correspondence', create: true });
    expect(isPlanEmpty(p)).toBe(false);
  });
});
