// The routing planner: from restrictions and the mailboxes' current rules to a plan.
import {
  compactRule,
  desiredRulesFor,
  destinationMailboxes,
  folderIdFromRules,
  isPlanEmpty,
  parseOwnedName,
  planMailbox,
  planRouting,
  routesBySpoc,
  routingCategories,
  ruleFingerprint,
  type CurrentMailboxState,
  type MessageRuleData,
  type RoutingSettings,
  type RuleChange,
  URGENT_CATEGORY,
  URGENT_RULE_PHRASES,
  unreadableEntryRefusals,
  unreadableRecordRefusals,
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

let nextId = 1;
/** What Graph would hold after Contact Guard applied the plan's creations and updates. */
function applied(state: CurrentMailboxState, changes: RuleChange[]): MessageRuleData[] {
  let rules = [...state.rules];
  for (const c of changes) {
    if (c.kind === 'delete') rules = rules.filter((x) => x.id !== c.ruleId);
    else if (c.kind === 'create')
      rules.push({ id: `r${nextId++}`, ...structuredClone(c.rule.body), isReadOnly: false });
    else
      rules = rules.map((x) =>
        x.id === c.ruleId ? { ...x, ...structuredClone(c.rule.body), id: x.id } : x,
      );
  }
  // Contact Guard's rules come first, as the sequence numbers it sends ask.
  return rules;
}

function state(rules: MessageRuleData[] = [], mailbox = RECEPTION): CurrentMailboxState {
  return { mailbox, rules, folderId: FOLDER };
}

function converge(restrictions: Restriction[], s: CurrentMailboxState, st = settings()) {
  const { routes } = routesBySpoc(restrictions, st, TODAY);
  const first = planMailbox(s, routes, st);
  const after = state(applied(s, first.changes), s.mailbox);
  return { first, after, second: planMailbox(after, routes, st), routes };
}

describe('routing planner', () => {
  it('002 §55, §62: a new restriction gets an urgent rule (marked, kept in the inbox) then a redirect rule (filed), first in order, enabled, final', () => {
    const { first, second } = converge([r('1', ['a@x.org', 'b@x.org'])], state());
    expect(first.changes).toHaveLength(2);
    const urgent = first.changes[0]!;
    if (urgent.kind !== 'create') throw new Error('create expected');
    expect(urgent.rule.role).toBe('urgent');
    expect(urgent.rule.body).toEqual({
      displayName: expect.stringMatching(/^Contact Guard: possibly urgent/),
      sequence: 1,
      isEnabled: true,
      conditions: {
        fromAddresses: [
          { emailAddress: { address: 'a@x.org' } },
          { emailAddress: { address: 'b@x.org' } },
        ],
        bodyOrSubjectContains: URGENT_RULE_PHRASES,
      },
      // 002 §62: never filed away: no moveToFolder; it still goes to the SPOC.
      actions: {
        markImportance: 'high',
        assignCategories: [URGENT_CATEGORY, 'Restricted correspondence'],
        redirectTo: [{ emailAddress: { address: SPOC } }],
        stopProcessingRules: true,
      },
    });
    const change = first.changes[1]!;
    expect(change.kind).toBe('create');
    if (change.kind !== 'create') throw new Error('create expected');
    expect(change.reason).toBe('new');
    expect(change.rule.role).toBe('route');
    expect(change.rule.body).toMatchObject({
      sequence: 2,
      isEnabled: true,
      conditions: {
        fromAddresses: [
          { emailAddress: { address: 'a@x.org' } },
          { emailAddress: { address: 'b@x.org' } },
        ],
      },
      actions: {
        redirectTo: [{ emailAddress: { address: SPOC } }],
        moveToFolder: FOLDER,
        stopProcessingRules: true,
      },
    });
    expect(parseOwnedName(change.rule.body.displayName)).toEqual({
      key: change.rule.key,
      fingerprint: change.rule.fingerprint,
    });
    expect(parseOwnedName(urgent.rule.body.displayName)?.key).toBe(urgent.rule.key);
    expect(urgent.rule.key).not.toBe(change.rule.key);
    // Idempotent: once applied, the next plan changes nothing.
    expect(second.changes).toEqual([]);
    expect(second.inStep).toBe(2);
  });

  it('groups restrictions by SPOC: one urgent and one route rule per destination', () => {
    const { first } = converge(
      [r('1', ['a@x.org']), r('2', ['b@x.org']), r('3', ['c@x.org'], { spocEmail: OFFICE })],
      state(),
    );
    expect(
      first.changes.map((c) => (c.kind === 'create' ? `${c.rule.role} ${c.rule.spoc}` : '')),
    ).toEqual([`urgent ${SPOC}`, `urgent ${OFFICE}`, `route ${SPOC}`, `route ${OFFICE}`]);
  });

  it('deletes the rule when the restriction has ended, expired or was overturned', () => {
    const { after } = converge([r('1', ['a@x.org'])], state());
    for (const ended of [
      r('1', ['a@x.org'], { status: 'Ended' }),
      r('1', ['a@x.org'], { status: 'Overturned' }),
      r('1', ['a@x.org'], { endDate: '2026-05-13' }),
    ]) {
      const { routes } = routesBySpoc([ended], settings(), TODAY);
      const plan = planMailbox(after, routes, settings());
      expect(plan.changes).toEqual([
        expect.objectContaining({ kind: 'delete', reason: 'notNeeded' }),
        expect.objectContaining({ kind: 'delete', reason: 'notNeeded' }),
      ]);
    }
  });

  it('updates the rule in place when an address is added', () => {
    const { after } = converge([r('1', ['a@x.org'])], state());
    const { routes } = routesBySpoc([r('1', ['a@x.org', 'new@x.org'])], settings(), TODAY);
    const plan = planMailbox(after, routes, settings());
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'update', reason: 'changed' }),
      expect.objectContaining({ kind: 'update', reason: 'changed' }),
    ]);
    expect(plan.drift).toEqual([]);
  });

  it('moves the addresses when the SPOC changes: the old destination goes, the new one comes', () => {
    const { after } = converge([r('1', ['a@x.org'])], state());
    const { routes } = routesBySpoc(
      [r('1', ['a@x.org'], { spocEmail: 'head@oakfield.sch.uk' })],
      settings(),
      TODAY,
    );
    const plan = planMailbox(after, routes, settings());
    expect(plan.changes.map((c) => c.kind).sort()).toEqual([
      'create',
      'create',
      'delete',
      'delete',
    ]);
    const created = plan.changes.find((c) => c.kind === 'create');
    expect(created?.kind === 'create' && created.rule.body.actions.redirectTo).toEqual([
      { emailAddress: { address: 'head@oakfield.sch.uk' } },
    ]);
  });

  it('detects a rule a user edited or disabled as drift and repairs it', () => {
    const { after } = converge([r('1', ['a@x.org'])], state());
    // The route rule (the second) is edited: its redirect now goes to someone else.
    const edited = after.rules.map((rule, i) =>
      i === 1
        ? {
            ...rule,
            actions: {
              ...rule.actions,
              redirectTo: [{ emailAddress: { address: 'someone@oakfield.sch.uk' } }],
            },
          }
        : rule,
    );
    const { routes } = routesBySpoc([r('1', ['a@x.org'])], settings(), TODAY);
    const plan = planMailbox(state(edited), routes, settings());
    expect(plan.drift).toEqual([expect.objectContaining({ kind: 'edited' })]);
    expect(plan.changes).toEqual([expect.objectContaining({ kind: 'update', reason: 'edited' })]);

    const disabled = after.rules.map((rule, i) => (i === 0 ? { ...rule, isEnabled: false } : rule));
    const plan2 = planMailbox(state(disabled), routes, settings());
    expect(plan2.drift).toEqual([expect.objectContaining({ kind: 'disabled' })]);
    expect(plan2.changes).toEqual([
      expect.objectContaining({ kind: 'update', reason: 'disabled' }),
    ]);
  });

  it('002 §62: a route rule moved above its urgent rule is drift, and every own rule is rewritten in order', () => {
    const { after, routes } = converge([r('1', ['a@x.org'])], state());
    const [urgent, route] = after.rules;
    // A user drags the route rule (which stops processing) above the urgent rule in Outlook.
    const swapped = [
      { ...urgent!, sequence: route!.sequence },
      { ...route!, sequence: urgent!.sequence },
    ];
    const plan = planMailbox(state(swapped), routes, settings());
    expect(plan.drift.map((d) => d.kind)).toEqual(['moved', 'moved']);
    expect(
      plan.changes.map((c) => (c.kind === 'update' ? [c.rule.role, c.rule.body.sequence] : c.kind)),
    ).toEqual([
      ['urgent', 1],
      ['route', 2],
    ]);
    const repaired = state(applied(state(swapped), plan.changes));
    expect(planMailbox(repaired, routes, settings()).changes).toEqual([]);
  });

  it('detects a deleted rule as drift when the last run had it in step', () => {
    const { first } = converge([r('1', ['a@x.org'])], state());
    const key = first.changes[0]?.kind === 'create' ? first.changes[0].rule.key : '';
    const { routes } = routesBySpoc([r('1', ['a@x.org'])], settings(), TODAY);
    const plan = planMailbox({ ...state(), lastAppliedKeys: [key] }, routes, settings());
    expect(plan.drift).toEqual([expect.objectContaining({ kind: 'deleted' })]);
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'create', reason: 'deleted' }),
      expect.objectContaining({ kind: 'create', reason: 'new' }),
    ]);
  });

  it("never touches a user's own rule or a read-only rule, and moves its own rules before them", () => {
    const userRule: MessageRuleData = {
      id: 'u1',
      displayName: 'Newsletters to a folder',
      sequence: 1,
      isEnabled: true,
      conditions: { fromAddresses: [{ emailAddress: { address: 'news@x.org' } }] },
      actions: { moveToFolder: 'f2' },
    };
    const readOnly: MessageRuleData = {
      id: 'ro',
      displayName: 'Contact Guard: looks like ours [cg abcdef-1 12345678]',
      sequence: 2,
      isEnabled: true,
      isReadOnly: true,
    };
    const { routes } = routesBySpoc([r('1', ['a@x.org'])], settings(), TODAY);
    const plan = planMailbox(state([userRule, readOnly]), routes, settings());
    expect(plan.othersUntouched).toBe(1);
    expect(plan.readOnlySkipped).toBe(1);
    expect(plan.changes.every((c) => c.kind === 'create')).toBe(true);

    // Its own rule found after the user's rule is moved first.
    const create = plan.changes[0];
    if (create?.kind !== 'create') throw new Error('create expected');
    const ours: MessageRuleData = { id: 'cg', ...create.rule.body, sequence: 3 };
    const again = planMailbox(state([userRule, readOnly, ours]), routes, settings());
    expect(again.changes).toEqual([
      expect.objectContaining({ kind: 'update', reason: 'moved', ruleId: 'cg' }),
      expect.objectContaining({ kind: 'create', reason: 'new' }),
    ]);
    expect(again.drift).toEqual([expect.objectContaining({ kind: 'moved' })]);
  });

  it('deletes duplicates of its own rule (an interrupted or repeated create)', () => {
    const { after } = converge([r('1', ['a@x.org'])], state());
    const twice = [...after.rules, { ...after.rules[0]!, id: 'copy', sequence: 2 }];
    const { routes } = routesBySpoc([r('1', ['a@x.org'])], settings(), TODAY);
    const plan = planMailbox(state(twice), routes, settings());
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'delete', reason: 'duplicate' }),
    ]);
  });

  it('splits fromAddresses into chunks of the configured size, exactly at the limit', () => {
    const emails = (n: number) =>
      Array.from({ length: n }, (_, i) => `p${String(i).padStart(3, '0')}@x.org`);
    const st = settings({ addressesPerRule: 10 });
    const exact = converge([r('1', emails(10))], state(), st).first;
    expect(exact.changes).toHaveLength(2);
    const over = converge([r('1', emails(11))], state(), st);
    const creates = over.first.changes.filter((c) => c.kind === 'create');
    expect(creates).toHaveLength(4);
    expect(creates.map((c) => (c.kind === 'create' ? c.rule.addressCount : 0))).toEqual([
      10, 1, 10, 1,
    ]);
    expect(creates.map((c) => (c.kind === 'create' ? c.rule.body.sequence : 0))).toEqual([
      1, 2, 3, 4,
    ]);
    expect(creates.map((c) => (c.kind === 'create' ? c.rule.role : ''))).toEqual([
      'urgent',
      'urgent',
      'route',
      'route',
    ]);
    expect(over.second.changes).toEqual([]);
  });

  it('refuses a SPOC outside the accepted domains, and addresses that would loop', () => {
    const restrictions = [
      r('1', ['a@x.org'], { spocEmail: 'friend@gmail.com' }),
      r('2', [RECEPTION, 'b@x.org']),
      r('3', [SPOC]),
    ];
    const { routes, refusals } = routesBySpoc(restrictions, settings(), TODAY);
    expect(refusals.map((x) => [x.restrictionId, x.reason])).toEqual([
      ['1', 'spocOutsideAcceptedDomains'],
      ['2', 'addressIsProtectedMailbox'],
      ['3', 'addressIsSpoc'],
    ]);
    expect(
      refusals.every((x) => !x.message.includes('a@x.org') && !x.message.includes('friend')),
    ).toBe(true);
    expect([...(routes.get(SPOC) ?? [])]).toEqual(['b@x.org']);
    expect(routes.has('friend@gmail.com')).toBe(false);
  });

  it("002 §55, §62: on the SPOC's own protected mailbox restricted mail stays in the inbox with a category (no move, no redirect to itself)", () => {
    const { first, second } = converge(
      [r('1', ['a@x.org'], { spocEmail: OFFICE })],
      state([], OFFICE),
    );
    const [urgent, route] = first.changes;
    if (urgent?.kind !== 'create' || route?.kind !== 'create') throw new Error('creates expected');
    expect(urgent.rule.body.actions).toEqual({
      markImportance: 'high',
      assignCategories: [URGENT_CATEGORY, 'Restricted correspondence'],
      stopProcessingRules: true,
    });
    expect(route.rule.body.actions).toEqual({
      assignCategories: ['Restricted correspondence'],
      stopProcessingRules: true,
    });
    expect(route.rule.spoc).toBeUndefined();
    expect(route.rule.body.displayName).toMatch(/keep in the inbox as Restricted correspondence/);
    expect(second.changes).toEqual([]);
    // It needs no routing folder: none is made on the SPOC's mailbox.
    const { routes } = routesBySpoc(
      [r('1', ['a@x.org'], { spocEmail: OFFICE })],
      settings(),
      TODAY,
    );
    const noFolder = planMailbox({ mailbox: OFFICE, rules: [] }, routes, settings());
    expect(noFolder.folder.create).toBe(false);
    const elsewhere = planMailbox({ mailbox: RECEPTION, rules: [] }, routes, settings());
    expect(elsewhere.folder.create).toBe(true);
  });

  it('forwards as an attachment when the school chooses it', () => {
    const { first } = converge(
      [r('1', ['a@x.org'])],
      state(),
      settings({ delivery: 'forwardAsAttachment' }),
    );
    const [urgent, create] = first.changes;
    if (create?.kind !== 'create' || urgent?.kind !== 'create') throw new Error('create expected');
    expect(create.rule.body.actions.forwardAsAttachmentTo).toEqual([
      { emailAddress: { address: SPOC } },
    ]);
    expect(create.rule.body.actions.redirectTo).toBeUndefined();
    // 002 §62: possibly urgent mail is redirected (the SPOC's mailbox can then recognise and mark
    // the parent's own message); the original stays intact in this inbox.
    expect(urgent.rule.body.actions.redirectTo).toEqual([{ emailAddress: { address: SPOC } }]);
    expect(urgent.rule.body.actions.forwardAsAttachmentTo).toBeUndefined();
    expect(urgent.rule.body.actions.moveToFolder).toBeUndefined();
  });

  it('002 §62: names each rule by what it does (no parent address), keys urgent and route rules apart, and says which move mail', () => {
    const st = settings({ addressesPerRule: 1 });
    const names = (mailbox: string, delivery: RoutingSettings['delivery']) => {
      const { routes } = routesBySpoc([r('1', ['a@x.org', 'b@x.org'])], st, TODAY);
      return desiredRulesFor(mailbox, routes, { ...st, delivery }, FOLDER).map((d) => ({
        name: d.body.displayName.replace(/ \[cg .*\]$/, ''),
        key: d.key.replace(/^[a-z0-9]{6}-/, ''),
        part: d.part,
        movesToFolder: d.movesToFolder,
      }));
    };
    expect(names(RECEPTION, 'redirect')).toEqual([
      {
        name: `Contact Guard: possibly urgent: mark and keep in the inbox, redirect to ${SPOC}, part 1 of 2`,
        key: 'u1',
        part: 1,
        movesToFolder: false,
      },
      {
        name: `Contact Guard: possibly urgent: mark and keep in the inbox, redirect to ${SPOC}, part 2 of 2`,
        key: 'u2',
        part: 2,
        movesToFolder: false,
      },
      {
        name: `Contact Guard: redirect to ${SPOC}, file in Restricted correspondence, part 1 of 2`,
        key: '1',
        part: 1,
        movesToFolder: true,
      },
      {
        name: `Contact Guard: redirect to ${SPOC}, file in Restricted correspondence, part 2 of 2`,
        key: '2',
        part: 2,
        movesToFolder: true,
      },
    ]);
    expect(names(RECEPTION, 'forwardAsAttachment')[2]?.name).toBe(
      `Contact Guard: forward as attachment to ${SPOC}, file in Restricted correspondence, part 1 of 2`,
    );
    expect(names(SPOC, 'redirect').map((n) => n.name)).toEqual([
      'Contact Guard: possibly urgent: mark and keep in the inbox, part 1 of 2',
      'Contact Guard: possibly urgent: mark and keep in the inbox, part 2 of 2',
      'Contact Guard: keep in the inbox as Restricted correspondence, part 1 of 2',
      'Contact Guard: keep in the inbox as Restricted correspondence, part 2 of 2',
    ]);
    // One part: no "part 1 of 1"; keys are 6 characters of the destination's hash, then the part.
    const { routes } = routesBySpoc([r('1', ['a@x.org'])], settings(), TODAY);
    const one = desiredRulesFor(RECEPTION, routes, settings(), FOLDER);
    expect(one.map((d) => d.body.displayName.replace(/ \[cg .*\]$/, ''))).toEqual([
      `Contact Guard: possibly urgent: mark and keep in the inbox, redirect to ${SPOC}`,
      `Contact Guard: redirect to ${SPOC}, file in Restricted correspondence`,
    ]);
    expect(one.map((d) => d.key)).toEqual([
      expect.stringMatching(/^[a-z0-9]{6}-u1$/),
      expect.stringMatching(/^[a-z0-9]{6}-1$/),
    ]);
    expect(one[0]?.key.slice(0, 6)).toBe(one[1]?.key.slice(0, 6));
    // The SPOC's own inbox is another destination: another key.
    const own = desiredRulesFor(SPOC, routes, settings(), FOLDER);
    expect(own[0]?.key.slice(0, 6)).not.toBe(one[0]?.key.slice(0, 6));
    expect(routingCategories(settings())).toEqual([
      { displayName: 'Possibly urgent', color: 'preset0' },
      { displayName: 'Restricted correspondence', color: 'preset1' },
    ]);
  });

  it("002 §62: a SPOC's mailbox never lists itself as a sender, and destinations come sorted", () => {
    // The business manager is restricted under the office's SPOC, and is a SPOC herself.
    const restrictions = [
      r('1', ['a@x.org'], { spocEmail: 'office@oakfield.sch.uk' }),
      r('2', [SPOC, 'b@x.org'], { spocEmail: 'head@oakfield.sch.uk' }),
      r('3', ['c@x.org']),
    ];
    const st = settings({ protectedMailboxes: [RECEPTION] });
    const { routes } = routesBySpoc(restrictions, st, TODAY);
    expect(destinationMailboxes(routes, st)).toEqual([
      SPOC,
      'head@oakfield.sch.uk',
      'office@oakfield.sch.uk',
    ]);
    const asProtected = desiredRulesFor(SPOC, routes, st, FOLDER);
    for (const rule of asProtected)
      expect(rule.body.conditions.fromAddresses.map((a) => a.emailAddress.address)).not.toContain(
        SPOC,
      );
    const onlyOwn = desiredRulesFor(SPOC, routes, st, FOLDER, true);
    expect(onlyOwn.map((d) => d.addressCount)).toEqual([1, 1]);
  });

  it("002 §62: a SPOC's mailbox that is not protected marks what is redirected to it and sends nothing on", () => {
    const restrictions = [r('1', ['a@x.org']), r('2', ['b@x.org'], { spocEmail: OFFICE })];
    const st = settings({ protectedMailboxes: [RECEPTION] });
    const { routes } = routesBySpoc(restrictions, st, TODAY);
    expect(destinationMailboxes(routes, st)).toEqual([SPOC, OFFICE].sort());
    expect(destinationMailboxes(routes, settings())).toEqual([SPOC]);
    const plan = planMailbox({ mailbox: SPOC, rules: [], destinationOnly: true }, routes, st);
    const bodies = plan.changes.map((c) => (c.kind === 'create' ? c.rule.body : undefined));
    expect(bodies.map((b) => b?.conditions.fromAddresses)).toEqual([
      [{ emailAddress: { address: 'a@x.org' } }],
      [{ emailAddress: { address: 'a@x.org' } }],
    ]);
    expect(bodies.map((b) => b?.actions)).toEqual([
      {
        markImportance: 'high',
        assignCategories: [URGENT_CATEGORY, 'Restricted correspondence'],
        stopProcessingRules: true,
      },
      { assignCategories: ['Restricted correspondence'], stopProcessingRules: true },
    ]);
    expect(plan.folder.create).toBe(false);
    // The same mailbox, protected, also sends office's parents on to the office.
    const asProtected = planMailbox({ mailbox: SPOC, rules: [] }, routes, st);
    expect(asProtected.changes).toHaveLength(4);
  });

  it('plans the folder when it is missing, and nothing when there is nothing to route', () => {
    const plan = planRouting({
      restrictions: [r('1', ['a@x.org'])],
      settings: settings(),
      today: TODAY,
      mailboxes: [{ mailbox: RECEPTION, rules: [] }],
    });
    expect(plan.mailboxes[0]?.folder.create).toBe(true);
    expect(isPlanEmpty(plan)).toBe(false);
    const none = planRouting({
      restrictions: [r('1', ['a@x.org'], { status: 'Warning' })],
      settings: settings(),
      today: TODAY,
      mailboxes: [{ mailbox: RECEPTION, rules: [] }],
    });
    expect(isPlanEmpty(none)).toBe(true);
  });

  it('fingerprints content the same however Graph orders or pads it', () => {
    const a = ruleFingerprint({
      conditions: {
        fromAddresses: [
          { emailAddress: { address: 'B@x.org' } },
          { emailAddress: { address: 'a@x.org' } },
        ],
      },
      actions: { stopProcessingRules: true, moveToFolder: 'f' },
    });
    const b = ruleFingerprint({
      conditions: {
        fromAddresses: [
          { emailAddress: { address: 'a@x.org', name: 'A' } },
          { emailAddress: { address: 'b@x.org' } },
        ],
        bodyContains: [],
        isEncrypted: false,
      },
      actions: { moveToFolder: 'f', stopProcessingRules: true, forwardTo: [] },
      exceptions: null,
    });
    expect(a).toBe(b);
  });

  it('builds rules for the primary address of a SPOC written as an alias, and refuses an unknown SPOC', () => {
    const directory = new Map<string, string | null>([
      ['bursar@oakfield.sch.uk', SPOC],
      [SPOC, SPOC],
      ['gone@oakfield.sch.uk', null],
    ]);
    const { routes, refusals } = routesBySpoc(
      [
        r('1', ['a@x.org'], { spocEmail: 'Bursar@oakfield.sch.uk' }),
        r('2', ['b@x.org']),
        r('3', ['c@x.org'], { spocEmail: 'gone@oakfield.sch.uk' }),
      ],
      settings(),
      TODAY,
      directory,
    );
    // Alias and primary are one destination: one rule, redirecting to the primary address.
    expect([...routes.keys()]).toEqual([SPOC]);
    expect([...(routes.get(SPOC) ?? [])].sort()).toEqual(['a@x.org', 'b@x.org']);
    expect(refusals).toEqual([
      expect.objectContaining({ restrictionId: '3', reason: 'spocNotInDirectory' }),
    ]);
    expect(refusals[0]?.message).not.toMatch(/gone/);
  });

  it('reports a rule in error as drift and rewrites it; takes the folder only from intact rules', () => {
    const { after, routes } = converge([r('1', ['a@x.org'])], state());
    expect(folderIdFromRules(after.rules)).toBe(FOLDER);
    const broken = after.rules.map((x) => ({ ...x, hasError: true }));
    expect(folderIdFromRules(broken)).toBeUndefined();
    const plan = planMailbox({ ...after, rules: broken }, routes, settings());
    expect(plan.drift.map((d) => d.kind)).toEqual(['inError', 'inError']);
    expect(plan.changes).toEqual([
      expect.objectContaining({ kind: 'update', reason: 'inError' }),
      expect.objectContaining({ kind: 'update', reason: 'inError' }),
    ]);
    // An edited rule does not vouch for its folder either.
    const edited = after.rules.map((x) => ({
      ...x,
      actions: { ...x.actions, moveToFolder: 'other' },
    }));
    expect(folderIdFromRules(edited)).toBeUndefined();
  });

  it('plans the same from rules kept without their recipients (compactRule)', () => {
    const { after, routes } = converge(
      [r('1', ['a@x.org', 'b@x.org']), r('2', ['c@x.org'])],
      state(),
    );
    const edited = after.rules.map((x, i) =>
      i === 0
        ? {
            ...x,
            actions: {
              ...x.actions,
              redirectTo: [{ emailAddress: { address: 'z@oakfield.sch.uk' } }],
            },
          }
        : x,
    );
    for (const rules of [after.rules, edited]) {
      const whole = planMailbox({ ...after, rules }, routes, settings());
      const compact = planMailbox({ ...after, rules: rules.map(compactRule) }, routes, settings());
      expect(compact).toEqual(whole);
      expect(folderIdFromRules(rules.map(compactRule))).toBe(folderIdFromRules(rules));
    }
    expect(JSON.stringify(after.rules.map(compactRule))).not.toContain('@x.org');
  });
});

describe('Contact Restrictions items that cannot be read', () => {
  it('issue 14 item 7, 002 §62: an unreadable item that may restrict is reported to the admin, never skipped in silence; one that cannot restrict is not', () => {
    const refusals = unreadableRecordRefusals([
      { id: '7', problems: ['EndDate is missing'], emails: ['x@y.org'], status: 'Active' },
      {
        id: '8',
        problems: ['Status is not one of the choices'],
        emails: [],
        personName: 'Jo Bloggs',
      },
      { id: '9', problems: ['EndDate is missing'], emails: ['z@y.org'], status: 'Ended' },
      { id: '10', problems: [], emails: [], status: 'Warning' },
    ]);
    expect(refusals.map((r) => [r.restrictionId, r.reason])).toEqual([
      ['7', 'unreadableRecord'],
      ['8', 'unreadableRecord'],
    ]);
    expect(refusals[0]!.message).toBe(
      'Restriction 7 cannot be read (EndDate is missing): routing cannot act on it, so mail from its addresses is neither redirected nor marked until it is corrected in SharePoint.',
    );
    // Ids and problems only: no address, no name.
    expect(refusals.map((r) => r.message).join(' ')).not.toMatch(/x@y\.org|Jo Bloggs/);
  });
});

describe('Emails entries that are not addresses', () => {
  it('issue 14 item 7: a restriction in force with an entry that is not an address is reported (its other addresses are routed); one not in force is not', () => {
    const typed = { ...restriction({ id: '4' }), unreadableEntries: ['j.smith at gmail'] };
    const ended = { ...restriction({ id: '5', status: 'Ended' }), unreadableEntries: ['x'] };
    const refusals = unreadableEntryRefusals([typed, ended, restriction({ id: '6' })], TODAY);
    expect(refusals).toEqual([
      {
        restrictionId: '4',
        reason: 'unreadableEntry',
        message:
          'Restriction 4 has 1 entry in Emails that is not an email address: no rule can cover it, so correct it in SharePoint (its other addresses are routed).',
      },
    ]);
    expect(refusals[0]!.message).not.toContain('smith');
  });
});
