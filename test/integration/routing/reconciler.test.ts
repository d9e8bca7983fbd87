// The mail-routing reconciler against the local Graph service over real HTTP: every request it
// sends (inner $batch requests included) is checked against the official Graph subset there.
import { startLocalGraph, type RunningLocalGraph } from '../../../dev/local-graph';
import { createLocalAppOnlyTokenProvider } from '../../../src/auth/localTokenProvider';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import { defaultConfig } from '../../../src/config/appConfig';
import { GraphAccessError } from '../../../src/graph/errors';
import { parseOwnedName } from '../../../src/policy/routing';
import { reconcile, type ReconcilerDeps } from '../../../src/routing/reconciler';
import { routingServices } from '../../../src/routing/services';

const RECEPTION = 'reception@oakfield.sch.uk';
const OFFICE = 'office@oakfield.sch.uk';
const SPOC = 'business.manager@oakfield.sch.uk';
const HEAD = 'head@oakfield.sch.uk';
const MARK = 'mark.denton1978@gmail.com';
const SITE = '/sites/oakfield.sharepoint.com:/sites/ContactGuard:';

interface Rule {
  id: string;
  displayName: string;
  sequence: number;
  isEnabled: boolean;
  isReadOnly?: boolean;
  actions: {
    stopProcessingRules?: boolean;
    moveToFolder?: string;
    redirectTo?: unknown[];
    assignCategories?: string[];
  };
}
interface Message {
  subject: string;
  from: { emailAddress: { address: string } };
}
interface Delivered {
  deliveries: { address: string; folder?: string; importance?: string; categories?: string[] }[];
}
// Answers are read as the shapes above; a wrong shape fails the expectations.
type Body = { value: Rule[] & Message[]; id: string } & Record<string, unknown>;

let graph: RunningLocalGraph;

beforeAll(async () => {
  graph = await startLocalGraph({ port: 0, randomSeed: 7 });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.reset();
  graph.clearRequests();
});

function deps(overrides: Partial<ReconcilerDeps> = {}, store = new MemoryStore()): ReconcilerDeps {
  return {
    ...routingServices({
      graphUrl: graph.url,
      // The job signs in app-only (application permissions reach every mailbox's rules).
      tokenProvider: createLocalAppOnlyTokenProvider(),
      sharePoint: defaultConfig.sharePoint,
      mail: defaultConfig.mail,
      store,
      retry: { maxDelayMs: 2_000, baseDelayMs: 10 },
    }),
    batch: { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) },
    ...overrides,
  };
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  token = 'local-app:contact-guard-routing',
): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${graph.url}/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Body };
}

/**
 * A reviewer changes restriction 1 (the routing job itself may only read restrictions: its
 * Sites.Selected grant on Contact Restrictions is read).
 */
function editRestriction(fields: Record<string, unknown>) {
  return call(
    'PATCH',
    `${SITE}/lists/Contact%20Restrictions/items/1/fields`,
    fields,
    'local:head@oakfield.sch.uk',
  );
}

async function dev(path: string, body: unknown): Promise<Delivered> {
  const res = await fetch(`${graph.url}/_dev${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Delivered;
}

async function rulesOf(mailbox: string): Promise<Rule[]> {
  const res = await call('GET', `/users/${mailbox}/mailFolders/inbox/messageRules`);
  expect(res.status).toBe(200);
  return res.body.value;
}

function noBadRequests(): void {
  // A 400 would mean a request outside the Graph contract.
  expect(graph.requests().filter((r) => r.status === 400)).toEqual([]);
}

describe('mail-routing reconciler', () => {
  it("takes the school's domains from the tenant's verified domains, and plans nothing without them", async () => {
    // The demo Settings list names no domains (an old AcceptedDomains item is reported, never
    // obeyed: transportRuleAndSettings.test.ts); the domains come from /organization.
    const planned = await reconcile('plan', deps());
    expect(planned.fatal).toBeUndefined();
    expect(planned.settingsProblems).toEqual([]);
    expect(graph.requests().some((r) => r.path.startsWith('/v1.0/organization?'))).toBe(true);

    graph.clearRequests();
    const refused = await reconcile(
      'apply',
      deps({
        tenantDomains: () => Promise.reject(new GraphAccessError('forbidden', { status: 403 })),
      }),
    );
    expect(refused.fatal).toMatch(/verified domains could not be read.*Nothing was changed/);
    expect(refused.mailboxes).toEqual([]);
    expect(await rulesOf(RECEPTION)).toEqual(
      expect.not.arrayContaining([
        expect.objectContaining({ displayName: expect.stringContaining('[cg ') }),
      ]),
    );
    // Nothing written: no rule, no folder, no Routing Status item.
    expect(graph.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('apply makes the rules, then plan (and a second apply) change nothing', async () => {
    const first = await reconcile('apply', deps());
    expect(first.fatal).toBeUndefined();
    // The protected mailboxes, then the SPOCs' mailboxes that are not protected (they mark what
    // is redirected to them, 002 §62).
    expect(first.mailboxes.map((m) => [m.mailbox, m.outcome, m.failures])).toEqual([
      [RECEPTION, 'Changed', []],
      [OFFICE, 'Changed', []],
      [SPOC, 'Changed', []],
      [HEAD, 'Changed', []],
    ]);
    noBadRequests();
    const reception = await rulesOf(RECEPTION);
    const owned = reception.filter((r) => parseOwnedName(r.displayName));
    // Mark Denton -> business manager; Siobhan, Karen, Darren -> their SPOCs; first in order.
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((r) => r.isEnabled && r.actions.stopProcessingRules)).toBe(true);
    expect(owned.map((r) => r.sequence).sort()).toEqual(owned.map((_, i) => i + 1));
    // On the office mailbox, Siobhan's SPOC is the office itself: her mail stays in its inbox
    // with the restricted category (002 §62), neither filed nor sent on.
    const office = await rulesOf(OFFICE);
    expect(
      office.some(
        (r) =>
          r.actions.assignCategories?.includes('Restricted correspondence') &&
          !r.actions.moveToFolder &&
          !r.actions.redirectTo,
      ),
    ).toBe(true);

    const plan = await reconcile('plan', deps());
    expect(plan.mailboxes.map((m) => [m.outcome, m.planned.length])).toEqual([
      ['InStep', 0],
      ['InStep', 0],
      ['InStep', 0],
      ['InStep', 0],
    ]);
    const again = await reconcile('apply', deps());
    expect(again.mailboxes.every((m) => m.outcome === 'InStep')).toBe(true);
    expect(await rulesOf(RECEPTION)).toEqual(reception);
  });

  it("002 §62: a restricted parent's possibly urgent mail stays in the protected inbox and reaches the SPOC's inbox, marked high importance and 'Possibly urgent' in both", async () => {
    await reconcile('apply', deps());
    const urgent = await dev('/deliver', {
      from: MARK,
      to: RECEPTION,
      subject: 'Ellie',
      bodyType: 'html',
      body: '<p>Ellie has <b>not</b> come home from school and it is dark.</p>',
    });
    const marked = {
      folder: 'Inbox',
      importance: 'high',
      categories: ['Possibly urgent', 'Restricted correspondence'],
    };
    expect(urgent.deliveries).toEqual([
      expect.objectContaining({ address: RECEPTION, ...marked }),
      expect.objectContaining({ address: SPOC, ...marked }),
    ]);
    // Ordinary mail from the same parent: filed here, in the SPOC's inbox with the category only.
    const ordinary = await dev('/deliver', { from: MARK, to: RECEPTION, subject: 'The trip' });
    expect(ordinary.deliveries).toEqual([
      expect.objectContaining({ address: RECEPTION, folder: 'Restricted correspondence' }),
      expect.objectContaining({
        address: SPOC,
        folder: 'Inbox',
        importance: 'normal',
        categories: ['Restricted correspondence'],
      }),
    ]);
    // On the SPOC's own protected mailbox (the office, Siobhan's SPOC) it stays in the inbox.
    const office = await dev('/deliver', {
      from: "siobhan.o'brien@outlook.com",
      to: OFFICE,
      subject: 'Pick-up',
      body: 'There is a COURT ORDER: his father must not collect him',
    });
    expect(office.deliveries).toEqual([expect.objectContaining({ address: OFFICE, ...marked })]);
    // The categories are in each mailbox's master list, so Outlook colours them.
    for (const mailbox of [RECEPTION, OFFICE, SPOC]) {
      const list = await call('GET', `/users/${mailbox}/outlook/masterCategories`);
      expect(list.body.value.map((c: { displayName?: string }) => c.displayName)).toEqual(
        expect.arrayContaining(['Possibly urgent', 'Restricted correspondence']),
      );
    }
  });

  it("delivers a restricted parent's mail to the SPOC and the folder; after the restriction ends it stays in the inbox", async () => {
    await reconcile('apply', deps());
    const sent = await dev('/deliver', { from: MARK, to: RECEPTION, subject: 'About the trip' });
    expect(sent.deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address: RECEPTION, folder: 'Restricted correspondence' }),
        expect.objectContaining({ address: SPOC, folder: 'Inbox' }),
      ]),
    );
    // The SPOC sees the original sender (redirect).
    const spocInbox = await call('GET', `/users/${SPOC}/mailFolders/inbox/messages?$top=50`);
    const redirected = spocInbox.body.value.find((m: Message) => m.subject === 'About the trip');
    expect(redirected?.from.emailAddress.address).toBe(MARK);

    // The restriction ends; the next run removes the rule; new mail stays in the inbox.
    const ended = await editRestriction({
      Status: 'Ended',
    });
    expect(ended.status).toBe(200);
    const run = await reconcile('apply', deps());
    const reception = run.mailboxes.find((m) => m.mailbox === RECEPTION);
    // Other restrictions share the SPOC: the rule loses Mark's addresses (or goes, if none is left).
    expect((reception?.updated ?? 0) + (reception?.deleted ?? 0)).toBeGreaterThan(0);
    const after = await dev('/deliver', {
      from: MARK,
      to: RECEPTION,
      subject: 'About the trip, again',
    });
    expect(after.deliveries).toEqual([
      expect.objectContaining({ address: RECEPTION, folder: 'Inbox' }),
    ]);
  });

  it('a run interrupted half-way is completed by the next, with no duplicate rules', async () => {
    let batches = 0;
    const crashing = deps({
      batch: {
        maxPerBatch: 2,
        maxConcurrentBatches: 1,
        sleep: () => Promise.resolve(),
        onBatch: () => {
          batches += 1;
          if (batches === 3) throw new Error('the job was stopped');
        },
      },
    });
    await expect(reconcile('apply', crashing)).rejects.toThrow('the job was stopped');
    const half = await reconcile('plan', deps());
    expect(half.mailboxes.some((m) => m.outcome === 'Planned')).toBe(true);

    const finish = await reconcile('apply', deps());
    expect(finish.mailboxes.every((m) => m.failures.length === 0)).toBe(true);
    const plan = await reconcile('plan', deps());
    expect(plan.mailboxes.every((m) => m.outcome === 'InStep')).toBe(true);
    for (const mailbox of [RECEPTION, OFFICE]) {
      const keys = (await rulesOf(mailbox))
        .map((r) => parseOwnedName(r.displayName)?.key)
        .filter(Boolean);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('converges under 30% injected 429/503 with no duplicate rules', async () => {
    graph.setFaults({ throttleRate: 0.15, unavailableRate: 0.15, retryAfterSeconds: 0 });
    let runs = 0;
    let throttled = 0;
    let last;
    do {
      runs += 1;
      last = await reconcile(
        'apply',
        deps({
          batch: {
            sleep: () => Promise.resolve(),
            onBatch: (info) => {
              throttled += info.throttled;
            },
          },
        }),
      ).catch(() => undefined);
    } while (
      (!last || last.fatal || last.mailboxes.some((m) => m.outcome === 'Failed')) &&
      runs < 6
    );
    graph.setFaults({});
    expect(throttled).toBeGreaterThan(0); // the faults really reached inner requests
    const plan = await reconcile('plan', deps());
    expect(plan.mailboxes.map((m) => m.outcome)).toEqual(['InStep', 'InStep', 'InStep', 'InStep']);
    for (const mailbox of [RECEPTION, OFFICE]) {
      const keys = (await rulesOf(mailbox))
        .map((r) => parseOwnedName(r.displayName)?.key)
        .filter(Boolean);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('a rule-quota error on one mailbox is reported in plain words and leaves the other right', async () => {
    await dev('/messageRules/quota', { mailbox: RECEPTION, bytes: 600 });
    const run = await reconcile('apply', deps());
    const reception = run.mailboxes.find((m) => m.mailbox === RECEPTION);
    expect(reception?.outcome).toBe('Failed');
    expect(reception?.failures.join(' ')).toMatch(
      /reception@oakfield\.sch\.uk: the mailbox's space for inbox rules is full/,
    );
    expect(reception?.failures.join(' ')).not.toMatch(/gmail|outlook\.com/);
    expect(run.mailboxes.find((m) => m.mailbox === OFFICE)?.outcome).toBe('Changed');
    const plan = await reconcile('plan', deps());
    expect(plan.mailboxes.find((m) => m.mailbox === OFFICE)?.outcome).toBe('InStep');
  });

  it('detects and repairs drift: a rule a user disabled, edited or deleted', async () => {
    await reconcile('apply', deps());
    const owned = (await rulesOf(RECEPTION)).filter((r) => parseOwnedName(r.displayName));
    expect(owned.length).toBeGreaterThanOrEqual(3);
    const [disabled, deleted, edited] = owned as [Rule, Rule, Rule];
    const path = `/users/${RECEPTION}/mailFolders/inbox/messageRules`;
    await call('PATCH', `${path}/${disabled.id}`, { isEnabled: false });
    await call('DELETE', `${path}/${deleted.id}`);
    await call('PATCH', `${path}/${edited.id}`, {
      actions: {
        ...edited.actions,
        redirectTo: [{ emailAddress: { address: 't.ashworth@oakfield.sch.uk' } }],
      },
    });
    const run = await reconcile('apply', deps());
    const drift =
      run.mailboxes.find((m) => m.mailbox === RECEPTION)?.drift.map((d) => d.kind) ?? [];
    expect(drift.sort()).toEqual(['deleted', 'disabled', 'edited']);
    const plan = await reconcile('plan', deps());
    expect(plan.mailboxes.every((m) => m.outcome === 'InStep')).toBe(true);
    expect((await rulesOf(RECEPTION)).filter((r) => parseOwnedName(r.displayName))).toHaveLength(
      owned.length,
    );
  });

  it("leaves a user's own rules and read-only rules alone", async () => {
    const own = await call('POST', `/users/${RECEPTION}/mailFolders/inbox/messageRules`, {
      displayName: 'Newsletters',
      sequence: 1,
      isEnabled: true,
      conditions: { fromAddresses: [{ emailAddress: { address: 'news@example.org' } }] },
      actions: { markAsRead: true },
    });
    expect(own.status).toBe(201);
    await dev('/messageRules/readOnly', { mailbox: RECEPTION, displayName: 'Made in Outlook' });
    const run = await reconcile('apply', deps());
    expect(run.mailboxes.every((m) => m.failures.length === 0)).toBe(true);
    const rules = await rulesOf(RECEPTION);
    expect(rules.find((r) => r.id === own.body.id)).toMatchObject({
      displayName: 'Newsletters',
      actions: { markAsRead: true },
    });
    expect(rules.find((r) => r.displayName === 'Made in Outlook')?.isReadOnly).toBe(true);
    // Contact Guard's rules come before the others.
    const firstOther = Math.min(
      ...rules.filter((r) => !parseOwnedName(r.displayName)).map((r) => r.sequence),
    );
    expect(
      rules.filter((r) => parseOwnedName(r.displayName)).every((r) => r.sequence < firstOther),
    ).toBe(true);
  });

  it('resolves a SPOC written as an alias to its primary address: no drift on the next run', async () => {
    const alias = await editRestriction({
      SpocEmail: 'bursar@oakfield.sch.uk',
    });
    expect(alias.status).toBe(200);
    const first = await reconcile('apply', deps());
    expect(first.mailboxes.every((m) => m.failures.length === 0)).toBe(true);
    const redirects = (await rulesOf(RECEPTION))
      .flatMap((r) => (r.actions.redirectTo ?? []) as { emailAddress: { address: string } }[])
      .map((r) => r.emailAddress.address);
    expect(redirects).toContain(SPOC);
    expect(redirects).not.toContain('bursar@oakfield.sch.uk');
    const plan = await reconcile('plan', deps());
    expect(plan.mailboxes.map((m) => [m.outcome, m.drift])).toEqual([
      ['InStep', []],
      ['InStep', []],
      ['InStep', []],
      ['InStep', []],
    ]);
  });

  it('refuses a SPOC the directory does not know, in plain words', async () => {
    await editRestriction({
      SpocEmail: 'nobody@oakfield.sch.uk',
    });
    const plan = await reconcile('plan', deps());
    expect(plan.refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ restrictionId: '1', reason: 'spocNotInDirectory' }),
      ]),
    );
    expect(plan.refusals.map((r) => r.message).join(' ')).not.toMatch(/nobody/);
  });

  it('issue 14 item 7: a restriction edited by hand so that it cannot be read is reported, never skipped in silence', async () => {
    await editRestriction({ EndDate: null });
    const plan = await reconcile('plan', deps());
    const refusal = plan.refusals.find((r) => r.restrictionId === '1');
    expect(refusal).toMatchObject({ reason: 'unreadableRecord' });
    expect(refusal!.message).toContain('cannot be read');
    expect(refusal!.message).not.toContain(MARK);
  });

  it('reports a rule in error (its folder deleted) as drift and repairs it', async () => {
    await reconcile('apply', deps());
    const folderId = (await rulesOf(RECEPTION)).find((r) => r.actions.moveToFolder)?.actions
      .moveToFolder;
    expect(folderId).toBeDefined();
    const res = await fetch(`${graph.url}/_dev/messageRules/deleteFolder`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mailbox: RECEPTION, folderId }),
    });
    expect(res.status).toBe(200);
    const plan = await reconcile('plan', deps());
    const planned = plan.mailboxes.find((m) => m.mailbox === RECEPTION);
    expect(planned?.outcome).toBe('Planned');
    expect(planned?.drift.map((d) => d.kind)).toContain('inError');

    const run = await reconcile('apply', deps());
    const repaired = run.mailboxes.find((m) => m.mailbox === RECEPTION);
    expect(repaired?.folderCreated).toBe(true);
    expect(repaired?.drift.map((d) => d.kind)).toContain('inError');
    expect((await rulesOf(RECEPTION)).some((r) => (r as { hasError?: boolean }).hasError)).toBe(
      false,
    );
    const after = await reconcile('plan', deps());
    expect(after.mailboxes.every((m) => m.outcome === 'InStep')).toBe(true);
  });

  it('a run with nothing to change reads one rule listing per mailbox and no folders', async () => {
    await reconcile('apply', deps());
    graph.clearRequests();
    let inner = 0;
    const run = await reconcile(
      'apply',
      deps({ batch: { onBatch: (info) => (inner += info.requests) } }),
    );
    expect(run.mailboxes.every((m) => m.outcome === 'InStep')).toBe(true);
    // The SPOC look-ups (3 SPOCs in force) and one rule listing per protected mailbox (2) and per
    // SPOC mailbox that is not protected (2).
    expect(inner).toBe(3 + 2 + 2);
    expect(run.batchedRequests).toBe(inner);
  });
});
