// The Graph layer, the restrictions repository and the device cache against the local
// Graph-compatible service over real HTTP.
import 'fake-indexeddb/auto';
import { startLocalGraph, type Seed } from '../../../dev/local-graph';
import type { TokenProvider } from '../../../src/auth/tokenProvider';
import { IndexedDbStore, MemoryStore } from '../../../src/cache/keyValueStore';
import { RestrictionsCache } from '../../../src/cache/restrictionsCache';
import { createGraphClient } from '../../../src/graph/client';
import { GraphAccessError } from '../../../src/graph/errors';
import {
  RestrictionsRepository,
  type RestrictionsListAddress,
} from '../../../src/graph/repositories/restrictionsRepository';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { listItemPath, listItemsPath } from '../../../src/graph/sharePoint';
import { decideVerdict } from '../../../src/policy/verdict';

type RunningGraph = Awaited<ReturnType<typeof startLocalGraph>>;

const HOSTNAME = 'oakfield.sharepoint.com';
const SITE_PATH = '/sites/ContactGuard';
const LIST = 'Contact Restrictions';
const APOSTROPHE_LIST = "Head's Restrictions";
/** More than three pages of the repository's $top (999), so paging is really exercised. */
const VALID_ITEMS = 2100;
const MALFORMED_IDS = ['2101', '2102'];

function restrictionFields(n: number): Record<string, unknown> {
  return {
    Title: `Parent ${n}`,
    Emails: `parent${n}@example.org\nparent${n}.alt@example.net`,
    Status: 'Active',
    StartDate: '2025-01-06',
    EndDate: '2025-07-18',
    ReviewDate: '2025-04-01',
    Handling: 'Forward',
    SpocName: 'School Office',
    SpocEmail: 'office@oakfield.sch.uk',
    AllowedContact: 'Email only',
    StaffGuidance: 'Do not reply; forward to the office.',
    EmergencyNote: 'Call 999 in an emergency.',
    // A school's own column the verdict never reads (issue 10, item 7: never on the device).
    CaseNotes: `Disclosure by child ${n} to class teacher`,
  };
}

const COLUMNS = [
  { name: 'Emails', text: { allowMultipleLines: true } },
  {
    name: 'Status',
    indexed: true,
    choice: { choices: ['Warning', 'Provisional', 'Active', 'Extended', 'Overturned', 'Ended'] },
  },
  { name: 'StartDate', dateTime: { format: 'dateOnly' } },
  { name: 'EndDate', dateTime: { format: 'dateOnly' } },
  { name: 'ReviewDate', dateTime: { format: 'dateOnly' } },
  { name: 'Handling', choice: { choices: ['Forward', 'File', 'ForwardAndFile'] } },
  { name: 'SpocName', text: {} },
  { name: 'SpocEmail', text: {} },
  { name: 'AllowedContact', text: { allowMultipleLines: true } },
  { name: 'StaffGuidance', text: { allowMultipleLines: true } },
  { name: 'EmergencyNote', text: { allowMultipleLines: true } },
  { name: 'CaseNotes', text: { allowMultipleLines: true } },
];

function buildSeed(): Seed {
  const items = Array.from({ length: VALID_ITEMS }, (_, i) => ({
    id: String(i + 1),
    fields: restrictionFields(i + 1),
  }));
  items.push(
    { id: MALFORMED_IDS[0]!, fields: { ...restrictionFields(2101), Status: 'Actve' } },
    { id: MALFORMED_IDS[1]!, fields: { ...restrictionFields(2102), EndDate: null } },
  );
  return {
    tenant: { name: 'Oakfield Primary', domains: ['oakfield.sch.uk'] },
    users: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        displayName: 'Reception',
        mail: 'reception@oakfield.sch.uk',
        userPrincipalName: 'reception@oakfield.sch.uk',
      },
    ],
    groups: [],
    mailboxes: [],
    sites: [
      {
        id: `${HOSTNAME},11111111-1111-4111-8111-111111111111,22222222-2222-4222-8222-222222222222`,
        hostname: HOSTNAME,
        path: SITE_PATH,
        displayName: 'Contact Guard',
        webUrl: `https://${HOSTNAME}${SITE_PATH}`,
        lists: [
          {
            id: 'aaaaaaaa-0000-4000-8000-000000000001',
            displayName: LIST,
            columns: COLUMNS,
            items,
          },
          {
            id: 'aaaaaaaa-0000-4000-8000-000000000002',
            displayName: APOSTROPHE_LIST,
            columns: COLUMNS,
            items: [{ id: '1', fields: restrictionFields(1) }],
          },
        ],
      },
    ],
  };
}

const sharePoint = (list = LIST): RestrictionsListAddress => ({
  hostname: HOSTNAME,
  sitePath: SITE_PATH,
  lists: { restrictions: list },
});

const tokenFor = (upn: string): TokenProvider => createLocalTokenProvider(upn);

let graph: RunningGraph;

beforeAll(async () => {
  // A fixed random seed makes the injected faults the same sequence on every run.
  graph = await startLocalGraph({ port: 0, seed: buildSeed(), randomSeed: 20250310 });
});

afterAll(async () => {
  await graph.close();
});

beforeEach(() => {
  graph.reset();
  graph.clearRequests();
});

/** Waits are recorded, not slept, so that Retry-After can be checked without slowing the suite. */
function setup(opts: { list?: string; maxRetries?: number; upn?: string } = {}) {
  const sleeps: number[] = [];
  const client = createGraphClient({
    baseUrl: graph.url,
    tokenProvider: tokenFor(opts.upn ?? 'reception@oakfield.sch.uk'),
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
    },
  });
  const repository = new RestrictionsRepository(client, sharePoint(opts.list));
  return { client, repository, sleeps };
}

const deltaRequests = () => graph.requests().filter((r) => r.path.includes('/items/delta'));

async function failureOf(promise: Promise<unknown>): Promise<GraphAccessError> {
  const failure = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(failure instanceof GraphAccessError)) {
    throw new Error(`expected a GraphAccessError, got ${String(failure)}`);
  }
  return failure;
}

describe('RestrictionsRepository against the local Graph service', () => {
  it('enumerates the whole list across pages of 999, with fields, ending in a delta link', async () => {
    const { repository } = setup();
    const result = await repository.fullSync();
    expect(result.items).toHaveLength(VALID_ITEMS + MALFORMED_IDS.length);
    expect(new Set(result.items.map((i) => i.id)).size).toBe(result.items.length);
    expect(result.items.find((i) => i.id === '17')?.fields).toMatchObject({
      Title: 'Parent 17',
      Status: 'Active',
    });
    expect(result.items[0]!.eTag).toEqual(expect.any(String));
    expect(result.removedIds).toEqual([]);
    expect(result.deltaLink).toMatch(/\/items\/delta\?/);
    const pages = deltaRequests();
    expect(pages).toHaveLength(3);
    expect(pages[0]!.path).toContain('$top=999');
    expect(pages[0]!.path).toContain('$expand=fields');
    expect(pages.every((p) => p.status === 200)).toBe(true);
  });

  it('reports a change, an addition and a deletion made through Graph', async () => {
    const { client, repository } = setup();
    const { deltaLink } = await repository.fullSync();

    const site = { hostname: HOSTNAME, sitePath: SITE_PATH };
    await client.api(`${listItemPath(site, LIST, '5')}/fields`).patch({ Status: 'Ended' });
    await client.api(listItemPath(site, LIST, '6')).delete();
    const created = (await client
      .api(listItemsPath(site, LIST))
      .post({ fields: restrictionFields(9000) })) as { id: string };

    const changes = await repository.changesSince(deltaLink);
    expect(changes.items.map((i) => i.id).sort()).toEqual(['5', created.id].sort());
    expect(changes.items.find((i) => i.id === '5')?.fields.Status).toBe('Ended');
    expect(changes.removedIds).toEqual(['6']);
    expect(changes.deltaLink).not.toBe(deltaLink);

    const nothingNew = await repository.changesSince(changes.deltaLink);
    expect(nothingNew).toMatchObject({ items: [], removedIds: [] });
  });

  it('reads a list whose name has a space and an apostrophe', async () => {
    const { repository } = setup({ list: APOSTROPHE_LIST });
    const result = await repository.fullSync();
    expect(result.items.map((i) => i.id)).toEqual(['1']);
  });

  it('surfaces an expired delta link as gone (410)', async () => {
    const { repository } = setup();
    const { deltaLink } = await repository.fullSync();
    graph.expireDeltaTokens();
    const failure = await failureOf(repository.changesSince(deltaLink));
    expect(failure).toMatchObject({ kind: 'gone', status: 410 });
  });

  it('recovers from 429s by waiting the Retry-After the service sent', async () => {
    graph.setFaults({ throttleRate: 0.5, retryAfterSeconds: 2 });
    const { repository, sleeps } = setup({ maxRetries: 10 });
    const result = await repository.fullSync();
    expect(result.items).toHaveLength(VALID_ITEMS + MALFORMED_IDS.length);
    const throttled = deltaRequests().filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(sleeps).toEqual(throttled.map(() => 2000));
  });

  it('recovers from 503s', async () => {
    graph.setFaults({ unavailableRate: 0.7, retryAfterSeconds: 1 });
    const { repository, sleeps } = setup({ maxRetries: 10 });
    const result = await repository.fullSync();
    expect(result.items).toHaveLength(VALID_ITEMS + MALFORMED_IDS.length);
    const unavailable = deltaRequests().filter((r) => r.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(sleeps).toEqual(unavailable.map(() => 1000));
  });

  it('gives up as throttled after maxRetries, keeping the Retry-After', async () => {
    graph.setFaults({ throttleRate: 1, retryAfterSeconds: 3 });
    const { repository } = setup();
    const failure = await failureOf(repository.fullSync());
    expect(failure).toMatchObject({ kind: 'throttled', status: 429, retryAfterSeconds: 3 });
    expect(deltaRequests()).toHaveLength(4); // the first attempt and 3 retries
  });

  it('reports a service that is down as offline, after one retry', async () => {
    graph.setFaults({ down: true });
    const { repository } = setup();
    const failure = await failureOf(repository.fullSync());
    expect(failure.kind).toBe('offline');
    expect(deltaRequests().map((r) => r.status)).toEqual([0, 0]);
  });

  it('reports a missing list as notFound', async () => {
    const { repository } = setup({ list: 'No Such List' });
    const failure = await failureOf(repository.fullSync());
    expect(failure).toMatchObject({ kind: 'notFound', status: 404 });
  });

  it('reports a token the service does not accept as signedOut', async () => {
    const { repository } = setup({ upn: 'nobody@oakfield.sch.uk' });
    const failure = await failureOf(repository.fullSync());
    expect(failure).toMatchObject({ kind: 'signedOut', status: 401 });
    expect(failure.message).not.toContain('nobody');
  });
});

describe('RestrictionsCache against the local Graph service', () => {
  function cacheWith(store: MemoryStore | IndexedDbStore, repository: RestrictionsRepository) {
    return new RestrictionsCache({
      repository,
      store,
      cacheKey: `${HOSTNAME}${SITE_PATH}|${LIST}`,
    });
  }

  it('parses the list once into restrictions and malformed items', async () => {
    const cache = cacheWith(new MemoryStore(), setup().repository);
    const snapshot = await cache.refresh();
    expect(snapshot.restrictions).toHaveLength(VALID_ITEMS);
    expect(snapshot.restrictions[0]).toMatchObject({
      id: '1',
      emails: ['parent1@example.org', 'parent1.alt@example.net'],
      startDate: '2025-01-06',
      endDate: '2025-07-18',
    });
    expect(snapshot.malformed.map((m) => m.id).sort()).toEqual(MALFORMED_IDS);
    // A malformed item keeps its addresses, so its sender is never shown as clear.
    expect(snapshot.malformed.find((m) => m.id === '2102')?.emails).toContain(
      'parent2102@example.org',
    );
  });

  it('issue 14 item 7: an address typed by hand so that it cannot be read still protects, through delta and the device copy', async () => {
    const { client, repository } = setup();
    const cache = cacheWith(new MemoryStore(), repository);
    await cache.refresh();
    const site = { hostname: HOSTNAME, sitePath: SITE_PATH };
    // Someone edits item 8 in SharePoint: one address loses its dot-com, one gains a second dot.
    await client
      .api(`${listItemPath(site, LIST, '8')}/fields`)
      .patch({ Emails: 'Parent8@school-intranet\nparent8..alt@example.net' });
    const snapshot = await cache.refresh();
    expect(snapshot.restrictions.find((r) => r.id === '8')).toBeUndefined();
    const record = snapshot.malformed.find((m) => m.id === '8');
    expect(record?.unreadableEntries).toEqual([
      'parent8@school-intranet',
      'parent8..alt@example.net',
    ]);
    const verdictFor = (address: string) =>
      decideVerdict({
        message: { from: { address } },
        restrictions: snapshot.restrictions,
        malformed: snapshot.malformed,
        today: '2025-03-01',
      });
    expect(verdictFor('PARENT8@school-intranet')).toEqual({
      kind: 'unavailable',
      reason: 'malformedMatch',
    });
    expect(verdictFor('parent8..alt@example.net').kind).toBe('unavailable');
    expect(verdictFor('parent7@example.org').kind).toBe('restricted');
  });

  it('starts again with a full sync when the saved delta link has expired', async () => {
    const { client, repository } = setup();
    const cache = cacheWith(new MemoryStore(), repository);
    await cache.refresh();
    await client.api(listItemPath({ hostname: HOSTNAME, sitePath: SITE_PATH }, LIST, '9')).delete();
    graph.expireDeltaTokens();
    graph.clearRequests();

    const snapshot = await cache.refresh();
    const statuses = deltaRequests().map((r) => [
      r.path.includes('token=') ? 'token' : 'start',
      r.status,
    ]);
    expect(statuses).toEqual([
      ['token', 410],
      ['start', 200],
      ['token', 200], // the full sync's own second and third pages
      ['token', 200],
    ]);
    expect(snapshot.restrictions).toHaveLength(VALID_ITEMS - 1);
    expect(snapshot.restrictions.some((r) => r.id === '9')).toBe(false);
  });

  it('survives a new instance with the same device store, then asks only for changes', async () => {
    const first = cacheWith(new IndexedDbStore('contact-guard-it', 'cache'), setup().repository);
    const saved = await first.refresh();

    graph.clearRequests();
    const second = cacheWith(new IndexedDbStore('contact-guard-it', 'cache'), setup().repository);
    await expect(second.load()).resolves.toEqual(saved);
    expect(graph.requests()).toHaveLength(0);

    await second.refresh();
    const requests = deltaRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toContain('token=');
  });

  it('under the deltaWithoutFields fault, re-reads changed items: no good record is overwritten', async () => {
    const { client, repository } = setup();
    const cache = cacheWith(new MemoryStore(), repository);
    const before = await cache.refresh();
    const site = { hostname: HOSTNAME, sitePath: SITE_PATH };
    await client.api(`${listItemPath(site, LIST, '5')}/fields`).patch({ Status: 'Ended' });
    await client.api(`${listItemPath(site, LIST, '6')}/fields`).patch({ StaffGuidance: 'New.' });
    await client.api(listItemPath(site, LIST, '7')).delete();
    graph.setFaults({ deltaWithoutFields: true });
    graph.clearRequests();

    const after = await cache.refresh();
    // Nothing became malformed; the changes arrived with their real values; 7 is gone.
    expect(after.malformed.map((m) => m.id).sort()).toEqual(MALFORMED_IDS);
    expect(after.restrictions.find((r) => r.id === '5')).toMatchObject({ status: 'Ended' });
    expect(after.restrictions.find((r) => r.id === '6')).toMatchObject({
      emails: ['parent6@example.org', 'parent6.alt@example.net'],
      staffGuidance: 'New.',
    });
    expect(after.restrictions.some((r) => r.id === '7')).toBe(false);
    expect(after.restrictions).toHaveLength(before.restrictions.length - 1);
    // One delta page and one parallel $batch of re-reads.
    expect(graph.requests().map((r) => r.path.split('?')[0]!.split('/').pop())).toEqual([
      'delta',
      '$batch',
    ]);

    // A whole enumeration without fields is read again too, never parsed as empty items.
    const fresh = cacheWith(new MemoryStore(), setup().repository);
    const full = await fresh.refresh();
    expect(full.restrictions).toHaveLength(after.restrictions.length);
    expect(full.malformed.map((m) => m.id).sort()).toEqual(MALFORMED_IDS);
  });

  it('keeps the previous snapshot when a refresh fails', async () => {
    const cache = cacheWith(new MemoryStore(), setup().repository);
    const before = await cache.refresh();
    graph.setFaults({ down: true });
    const failure = await failureOf(cache.refresh());
    expect(failure.kind).toBe('offline');
    expect(cache.current()).toBe(before);
  });
});

describe("only the verdict's columns reach the device (issue 10, item 7)", () => {
  const VERDICT = [
    'Title',
    'Emails',
    'Status',
    'StartDate',
    'EndDate',
    'ReviewDate',
    'Handling',
    'SpocName',
    'SpocEmail',
    'AllowedContact',
    'StaffGuidance',
    'EmergencyNote',
  ];
  const expectedExpand = `$expand=fields($select=${VERDICT.join(',')})`;

  /** Every value the store holds, as one JSON text: what a later user of the computer could read. */
  async function everythingStored(store: MemoryStore): Promise<string> {
    const keys = await store.keys();
    return JSON.stringify(await Promise.all(keys.map((k) => store.get<unknown>(k))));
  }

  it('asks for the verdict columns on the full read and keeps no other column', async () => {
    const store = new MemoryStore();
    const cache = new RestrictionsCache({
      repository: setup().repository,
      store,
      cacheKey: 'restrictions|it',
    });
    await cache.refresh();
    const first = deltaRequests()[0]!;
    expect(decodeURIComponent(first.path)).toContain(expectedExpand);
    const stored = await store.get<{ items: { fields: Record<string, unknown> }[] }>(
      'restrictions|it',
    );
    expect(stored?.items).toHaveLength(VALID_ITEMS + MALFORMED_IDS.length);
    for (const item of stored!.items) {
      expect(Object.keys(item.fields).every((k) => VERDICT.includes(k))).toBe(true);
    }
    expect(await everythingStored(store)).not.toContain('Disclosure');
  });

  it('changes read through the delta link come with the same columns only', async () => {
    const store = new MemoryStore();
    const { client, repository } = setup();
    const cache = new RestrictionsCache({ repository, store, cacheKey: 'restrictions|it' });
    await cache.refresh();
    const site = { hostname: HOSTNAME, sitePath: SITE_PATH };
    await client
      .api(`${listItemPath(site, LIST, '5')}/fields`)
      .patch({ Status: 'Ended', CaseNotes: 'Disclosure updated after the meeting' });
    graph.clearRequests();
    const snapshot = await cache.refresh();
    expect(snapshot.restrictions.find((r) => r.id === '5')?.status).toBe('Ended');
    const changes = deltaRequests();
    expect(changes).toHaveLength(1);
    // Graph keeps the first request's query in its delta link: the service answered with it.
    expect(changes[0]!.path).toContain('token=');
    expect(await everythingStored(store)).not.toContain('Disclosure');
  });

  it('an item read again by id (delta without fields) asks for the verdict columns too', async () => {
    const store = new MemoryStore();
    const { client, repository } = setup();
    const cache = new RestrictionsCache({ repository, store, cacheKey: 'restrictions|it' });
    await cache.refresh();
    const site = { hostname: HOSTNAME, sitePath: SITE_PATH };
    await client.api(`${listItemPath(site, LIST, '7')}/fields`).patch({ Status: 'Ended' });
    graph.setFaults({ deltaWithoutFields: true });
    graph.clearRequests();
    await cache.refresh();
    graph.setFaults({});
    const batches = graph.requests().filter((r) => r.path.includes('$batch'));
    expect(batches.length).toBeGreaterThan(0);
    expect(await everythingStored(store)).not.toContain('Disclosure');
  });

  it('a copy an older version saved with every column is deleted, not read', async () => {
    const store = new MemoryStore();
    await store.set('restrictions|it', {
      version: 1,
      items: [{ id: '1', fields: restrictionFields(1) }],
      deltaLink: `${graph.url}/v1.0/old`,
      refreshedAt: '2025-03-10T08:00:00.000Z',
    });
    const cache = new RestrictionsCache({
      repository: setup().repository,
      store,
      cacheKey: 'restrictions|it',
    });
    await expect(cache.load()).resolves.toBeNull();
    expect(await store.keys()).toEqual([]);
  });
});
