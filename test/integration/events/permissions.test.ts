// The local Graph service enforces the per-list permissions the seed declares, as SharePoint does
// (dev/local-graph/listPermissions.ts, SEED.md "Permissions"), over real HTTP:
// Contact Events — staff read and edit only what they created, reviewers read all;
// Contact Guard Audit — append-only, staff see none of anyone else's entries;
// a reviewers-only list — 403 for staff, whatever they try.
import fs from 'node:fs';
import { DEMO_SEED_PATH } from '../../../dev/local-graph/seedLoader';
import type { Seed } from '../../../dev/local-graph';
import {
  type GraphTestClient,
  type ListItemBody,
  type Page,
  SITE_BY_PATH,
  startClient,
} from '../local-graph/helpers';

const RECEPTION = 'local:reception@oakfield.sch.uk';
const TEACHER = 'local:t.ashworth@oakfield.sch.uk';
const HEAD = 'local:head@oakfield.sch.uk'; // in Contact Guard Reviewers
const REVIEWERS = '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c';
const EVENTS = `${SITE_BY_PATH}:/lists/Contact%20Events`;
const AUDIT = `${SITE_BY_PATH}:/lists/Contact%20Guard%20Audit`;
const CASES = `${SITE_BY_PATH}:/lists/Restriction%20Cases`;

/** The demo seed plus a reviewers-only list (the shape issue #5's Restriction Cases will have). */
function seed(): Seed {
  const s = JSON.parse(fs.readFileSync(DEMO_SEED_PATH, 'utf8')) as Seed;
  // This file's own shapes: the demo's first three events, and its own Restriction Cases list.
  const site = s.sites[0]!;
  site.lists = site.lists.filter((l) => l.displayName !== 'Restriction Cases');
  const events = site.lists.find((l) => l.displayName === 'Contact Events')!;
  events.items = (events.items ?? []).slice(0, 3);
  s.sites[0]!.lists.push({
    id: 'a1b2c3d4-0000-4000-8000-00000000cafe',
    displayName: 'Restriction Cases',
    columns: [{ name: 'Reason', text: { allowMultipleLines: true } }],
    hasUniqueRoleAssignments: true,
    roleAssignments: [
      { principal: 'owners', role: 'Full Control' },
      { principal: `group:${REVIEWERS}`, role: 'Contribute' },
    ],
    items: [{ id: '1', createdBy: 'head@oakfield.sch.uk', fields: { Title: 'Case 1' } }],
  });
  return s;
}

let client: GraphTestClient;
beforeAll(async () => {
  client = await startClient({ seed: seed() });
});
afterAll(async () => {
  await client.graph.close();
});
beforeEach(() => client.graph.reset());

const as = (token: string) => client.as(token);

async function addEvent(token: string, key: string) {
  const res = await as(token).call<ListItemBody>('POST', `${EVENTS}/items`, {
    fields: {
      Title: `Event ${key}`,
      EventKey: key,
      OccurredAt: '2025-03-03T09:00:00Z',
      Channel: 'Phone',
      RecordedByName: 'Someone',
      RecordedByEmail: 'someone@oakfield.sch.uk',
    },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function keysIn(token: string, path: string): Promise<string[]> {
  const res = await as(token).get<Page<ListItemBody>>(`${path}?$expand=fields&$top=5000`);
  expect(res.status).toBe(200);
  return res.body.value.map((i) => String(i.fields?.EventKey ?? i.fields?.AuditKey ?? i.id));
}

/** Follows a delta enumeration to its end; returns the items' ids and the deltaLink. */
async function deltaIds(token: string, start: string): Promise<{ ids: string[]; link: string }> {
  const ids: string[] = [];
  let url: string | undefined = start;
  for (;;) {
    const res: Awaited<ReturnType<GraphTestClient['get']>> = await as(token).get(url);
    expect(res.status).toBe(200);
    const page = res.body as Page<ListItemBody>;
    ids.push(...page.value.map((i) => i.id));
    url = page['@odata.nextLink'];
    if (!url) return { ids, link: page['@odata.deltaLink']! };
  }
}

describe('Contact Events: staff read and edit only their own items', () => {
  it("a member of staff's collection holds only the items they created", async () => {
    const mine = await addEvent(RECEPTION, 'k-reception');
    await addEvent(TEACHER, 'k-teacher');
    const keys = await keysIn(RECEPTION, `${EVENTS}/items`);
    // The seed's item 2 was created by reception; items 1 and 3 by others.
    expect(keys.sort()).toEqual(['k-reception', 'seed-event-2']);
    expect((mine as ListItemBody & { createdBy?: unknown }).createdBy).toEqual({
      user: expect.objectContaining({ displayName: 'Sarah Whitfield' }),
    });
    // A filter cannot reach others' items either.
    const filtered = await as(RECEPTION).get<Page<ListItemBody>>(
      `${EVENTS}/items?$expand=fields&$filter=fields/EventKey eq 'k-teacher'`,
    );
    expect(filtered.body.value).toEqual([]);
  });

  it('delta shows staff only their own items and changes, never others', async () => {
    const first = await deltaIds(RECEPTION, `${EVENTS}/items/delta`);
    expect(first.ids).toEqual(['2']);
    const theirs = await addEvent(TEACHER, 'k-teacher');
    const mine = await addEvent(RECEPTION, 'k-reception');
    const next = await deltaIds(RECEPTION, first.link);
    expect(next.ids).toEqual([mine.id]);
    // The teacher deletes their own item: the deletion is not shown to reception either,
    // while the teacher's own delta does show it.
    const teacherLink = (await deltaIds(TEACHER, `${EVENTS}/items/delta`)).link;
    expect((await as(TEACHER).call('DELETE', `${EVENTS}/items/${theirs.id}`)).status).toBe(204);
    expect((await deltaIds(RECEPTION, next.link)).ids).toEqual([]);
    expect((await deltaIds(TEACHER, teacherLink)).ids).toEqual([theirs.id]);
  });

  it("a direct GET of another's item is 404 itemNotFound, as if it did not exist", async () => {
    const theirs = await addEvent(TEACHER, 'k-teacher');
    for (const path of [`${EVENTS}/items/${theirs.id}`, `${EVENTS}/items/${theirs.id}/fields`]) {
      const res = await as(RECEPTION).get<{ error: { code: string } }>(path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('itemNotFound');
    }
    expect((await as(RECEPTION).get(`${EVENTS}/items/1`)).status).toBe(404);
    expect((await as(TEACHER).get(`${EVENTS}/items/${theirs.id}`)).status).toBe(200);
  });

  it("staff cannot change or delete another's item, and can edit their own", async () => {
    const theirs = await addEvent(TEACHER, 'k-teacher');
    const mine = await addEvent(RECEPTION, 'k-reception');
    const patch = await as(RECEPTION).call('PATCH', `${EVENTS}/items/${theirs.id}/fields`, {
      Title: 'changed',
    });
    expect(patch.status).toBe(404);
    expect((await as(RECEPTION).call('DELETE', `${EVENTS}/items/${theirs.id}`)).status).toBe(404);
    const own = await as(RECEPTION).call<{ Title: string }>(
      'PATCH',
      `${EVENTS}/items/${mine.id}/fields`,
      { Title: 'Corrected summary' },
    );
    expect(own.status).toBe(200);
    expect(own.body.Title).toBe('Corrected summary');
  });

  // SharePoint's rule (README, behaviour 15): reviewers' "Read all items" level carries Override
  // List Behaviors, which lifts the list's item-level settings for reads AND writes, and reviewers
  // are staff (Contribute on the list) — so they can edit others' events. Versioning keeps what
  // was there before; the add-in itself never edits others' events.
  it('a reviewer reads every item (collection, delta, direct GET) and, as SharePoint allows, can edit it: a new version', async () => {
    const theirs = await addEvent(TEACHER, 'k-teacher');
    await addEvent(RECEPTION, 'k-reception');
    expect((await keysIn(HEAD, `${EVENTS}/items`)).sort()).toEqual([
      'k-reception',
      'k-teacher',
      'seed-event-1',
      'seed-event-2',
      'seed-event-3',
    ]);
    expect((await deltaIds(HEAD, `${EVENTS}/items/delta`)).ids).toHaveLength(5);
    expect((await as(HEAD).get(`${EVENTS}/items/${theirs.id}`)).status).toBe(200);
    const patch = await as(HEAD).call('PATCH', `${EVENTS}/items/${theirs.id}/fields`, {
      Title: 'changed',
    });
    expect(patch.status).toBe(200);
    const after = await as(TEACHER).get<ListItemBody>(
      `${EVENTS}/items/${theirs.id}?$expand=fields`,
    );
    expect(after.body.fields?._UIVersionString).toBe('2.0');
    // A member of staff who is not a reviewer still cannot reach it at all.
    expect((await as(RECEPTION).get(`${EVENTS}/items/${theirs.id}`)).status).toBe(404);
  });
});

describe('Contact Guard Audit: append-only', () => {
  async function addAudit(token: string, key: string) {
    const res = await as(token).call<ListItemBody>('POST', `${AUDIT}/items`, {
      fields: {
        Title: 'Contact event logged',
        AuditKey: key,
        Action: 'EventLogged',
        ActorName: 'Someone',
        ActorEmail: 'someone@oakfield.sch.uk',
        At: '2025-03-03T09:00:00Z',
      },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('nobody may edit or delete an entry: not its author, not a reviewer', async () => {
    const entry = await addAudit(RECEPTION, 'a-1');
    for (const token of [RECEPTION, HEAD]) {
      for (const [method, path, body] of [
        ['PATCH', `${AUDIT}/items/${entry.id}/fields`, { Title: 'changed' }],
        ['PATCH', `${AUDIT}/items/${entry.id}`, { fields: { Title: 'changed' } }],
        ['DELETE', `${AUDIT}/items/${entry.id}`, undefined],
      ] as const) {
        const res = await as(token).call<{ error: { code: string } }>(method, path, body);
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('accessDenied');
      }
    }
    const still = await as(HEAD).get<ListItemBody>(`${AUDIT}/items/${entry.id}?$expand=fields`);
    expect(still.body.fields?.Title).toBe('Contact event logged');
  });

  it("staff cannot read the audit list's entries; reviewers read them all", async () => {
    await addAudit(TEACHER, 'a-teacher');
    const mine = await addAudit(RECEPTION, 'a-reception');
    const theirs = await addAudit(TEACHER, 'a-teacher-2');
    // SharePoint cannot give "add" without "view", so staff see at most what they wrote
    // themselves (item-level read: their own items) — never anyone else's entry.
    expect(await keysIn(RECEPTION, `${AUDIT}/items`)).toEqual(['a-reception']);
    expect((await deltaIds(RECEPTION, `${AUDIT}/items/delta`)).ids).toEqual([mine.id]);
    expect((await as(RECEPTION).get(`${AUDIT}/items/${theirs.id}`)).status).toBe(404);
    expect((await keysIn(HEAD, `${AUDIT}/items`)).sort()).toEqual([
      'a-reception',
      'a-teacher',
      'a-teacher-2',
    ]);
  });
});

describe('a reviewers-only list (Restriction Cases)', () => {
  it('is 403 accessDenied for staff, whatever they try, and absent from /lists', async () => {
    const staff = as(RECEPTION);
    const tries: [string, string, unknown][] = [
      ['GET', CASES, undefined],
      ['GET', `${CASES}/columns`, undefined],
      ['GET', `${CASES}/items`, undefined],
      ['GET', `${CASES}/items/delta`, undefined],
      ['GET', `${CASES}/items/1`, undefined],
      ['POST', `${CASES}/items`, { fields: { Title: 'x' } }],
      ['PATCH', `${CASES}/items/1/fields`, { Title: 'x' }],
      ['DELETE', `${CASES}/items/1`, undefined],
    ];
    for (const [method, path, body] of tries) {
      const res = await staff.call<{ error: { code: string } }>(method, path, body);
      expect([method, path, res.status, res.body.error.code]).toEqual([
        method,
        path,
        403,
        'accessDenied',
      ]);
    }
    const lists = await staff.get<Page<{ displayName: string }>>(`${SITE_BY_PATH}:/lists`);
    expect(lists.body.value.map((l) => l.displayName)).not.toContain('Restriction Cases');
    expect(lists.body.value.map((l) => l.displayName)).toContain('Contact Events');
  });

  it('reviewers reach it as any list', async () => {
    const res = await as(HEAD).get<Page<ListItemBody>>(`${CASES}/items?$expand=fields`);
    expect(res.status).toBe(200);
    expect(res.body.value.map((i) => i.fields?.Title)).toEqual(['Case 1']);
    const lists = await as(HEAD).get<Page<{ displayName: string }>>(`${SITE_BY_PATH}:/lists`);
    expect(lists.body.value.map((l) => l.displayName)).toContain('Restriction Cases');
  });
});
