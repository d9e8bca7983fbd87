// Issue 9, behaviours 6, 7 and 10 of the local service, tested on the service itself: opaque
// paging and delta tokens and the deltaWithoutFields fault; unique columns answered as SharePoint
// does through Graph (500 by default, 400 and 409 selectable); ETag mismatches (409
// resourceModified by default, 412 selectable) and the fields PATCH answer without an ETag.
import { behavioursFromEnv, DEFAULT_BEHAVIOURS } from '../../../dev/local-graph/behaviours';
import {
  GraphTestClient,
  type ListItemBody,
  type Page,
  RESTRICTIONS,
  SITE_BY_PATH,
  SITE_OWNER,
  startClient,
} from './helpers';

const EVENTS = `${SITE_BY_PATH}:/lists/Contact%20Events`;
const AUDIT = `${SITE_BY_PATH}:/lists/Contact%20Guard%20Audit`;
type ErrorBody = { error: { code: string; message: string } };

/** Flips one character in the middle of a token (still valid base64url). */
function tamper(token: string): string {
  const i = Math.floor(token.length / 2);
  return token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
}

function tokenOf(link: string, name: string): string {
  return new URL(link).searchParams.get(name) ?? '';
}

describe('local Graph: opaque paging and delta tokens (behaviour 6)', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = (await startClient()).as(SITE_OWNER);
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  async function firstNextLink(query = ''): Promise<string> {
    const r = await client.get<Page<ListItemBody>>(`${RESTRICTIONS}/items?$top=3${query}`);
    expect(r.status).toBe(200);
    return r.body['@odata.nextLink'] ?? '';
  }

  it('a $skiptoken reveals nothing: not JSON, not an offset, different each time', async () => {
    const a = tokenOf(await firstNextLink(), '$skiptoken');
    const b = tokenOf(await firstNextLink(), '$skiptoken');
    expect(a).not.toBe('');
    expect(a).not.toBe(b);
    const decoded = Buffer.from(a, 'base64url').toString('latin1');
    expect(decoded).not.toContain('"off"');
    expect(() => JSON.parse(decoded) as unknown).toThrow();
    expect(a).not.toMatch(/^[0-9]+$/);
  });

  it('a tampered, made-up or foreign $skiptoken gets 400 "Invalid Skip Token"', async () => {
    const link = await firstNextLink();
    expect((await client.get(link)).status).toBe(200);
    const token = tokenOf(link, '$skiptoken');
    const madeUp = Buffer.from(JSON.stringify({ off: 3 })).toString('base64url');
    const foreign = tokenOf(
      await firstNextLink(`&$filter=${encodeURIComponent("fields/Status eq 'Active'")}`),
      '$skiptoken',
    );
    for (const bad of [tamper(token), madeUp, foreign, 'garbage']) {
      const r = await client.get<ErrorBody>(
        `${RESTRICTIONS}/items?$top=3&$skiptoken=${encodeURIComponent(bad)}`,
      );
      expect(r.status).toBe(400);
      expect(r.body.error.message).toBe('Invalid Skip Token');
    }
  });

  it('a delta token is opaque too; tampered, made-up or from another list → 410 resyncRequired', async () => {
    const first = await client.get<Page<ListItemBody>>(`${RESTRICTIONS}/items/delta`);
    const link = first.body['@odata.deltaLink'] ?? '';
    const token = tokenOf(link, 'token');
    const decoded = Buffer.from(token, 'base64url').toString('latin1');
    expect(decoded).not.toMatch(/"upTo"|"since"/);
    expect(() => JSON.parse(decoded) as unknown).toThrow();
    expect((await client.get(link)).status).toBe(200);
    const otherList = await client.get<Page<ListItemBody>>(`${EVENTS}/items/delta?token=latest`);
    const foreign = tokenOf(otherList.body['@odata.deltaLink'] ?? '', 'token');
    const madeUp = Buffer.from(JSON.stringify({ since: 0, upTo: 0 })).toString('base64url');
    for (const bad of [tamper(token), foreign, madeUp]) {
      const r = await client.get<ErrorBody>(
        `${RESTRICTIONS}/items/delta?token=${encodeURIComponent(bad)}`,
      );
      expect(r.status).toBe(410);
      expect(r.body.error.code).toBe('resyncRequired');
    }
  });

  it('the deltaWithoutFields fault returns changed items without fields, deletions unchanged', async () => {
    const start = await client.get<Page<ListItemBody>>(`${RESTRICTIONS}/items/delta?token=latest`);
    const link = start.body['@odata.deltaLink'] ?? '';
    await client.call('PATCH', `${RESTRICTIONS}/items/1/fields`, { Status: 'Ended' });
    await client.call('DELETE', `${RESTRICTIONS}/items/2`);
    const set = await client.call('POST', `${client.graph.url}/_dev/faults`, {
      deltaWithoutFields: true,
    });
    expect(set.status).toBe(200);
    expect(set.body.deltaWithoutFields).toBe(true);
    const changes = await client.get<Page<ListItemBody>>(link);
    const changed = changes.body.value.find((i) => i.id === '1');
    expect(changed).toBeDefined();
    expect(changed?.fields).toBeUndefined();
    expect(changes.body.value.find((i) => i.id === '2')?.deleted).toEqual({ state: 'deleted' });
    // Whole enumerations too, even with $expand=fields asked for.
    const full = await client.get<Page<ListItemBody>>(`${RESTRICTIONS}/items/delta?$expand=fields`);
    expect(full.body.value.length).toBeGreaterThan(0);
    expect(full.body.value.every((i) => i.fields === undefined)).toBe(true);
    // Without the fault the same item has its fields.
    client.graph.setFaults({});
    const again = await client.get<Page<ListItemBody>>(`${RESTRICTIONS}/items/delta`);
    expect(again.body.value.find((i) => i.id === '1')?.fields?.Status).toBe('Ended');
    const refused = await client.call('POST', `${client.graph.url}/_dev/faults`, {
      deltaWithoutFields: 'yes',
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
  });
});

describe('local Graph: unique columns (behaviour 7)', () => {
  const clients: GraphTestClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.graph.close();
  });

  async function duplicateAnswer(choice?: '500' | '400' | '409') {
    // Pinned, so that a CI variant's LOCAL_GRAPH_DUPLICATE_ANSWER does not change what is tested.
    const client = (await startClient({ behaviours: { duplicateAnswer: choice ?? '500' } })).as(
      SITE_OWNER,
    );
    clients.push(client);
    const entry = {
      fields: {
        Title: 'Contact event logged',
        AuditKey: 'EventLogged:k-1',
        Action: 'EventLogged',
        ActorName: 'Reception',
        ActorEmail: 'reception@oakfield.sch.uk',
        At: '2026-11-30T10:00:00Z',
      },
    };
    expect((await client.call('POST', `${AUDIT}/items`, entry)).status).toBe(201);
    const again = { fields: { ...entry.fields, AuditKey: 'eventlogged:K-1' } };
    const dup = await client.call<ErrorBody>('POST', `${AUDIT}/items`, again);
    const items = await client.get<Page<ListItemBody>>(`${AUDIT}/items`);
    return { dup, count: items.body.value.length };
  }

  it('by default a duplicate is 500 generalException carrying SPDuplicateValuesFoundException', async () => {
    expect(DEFAULT_BEHAVIOURS.duplicateAnswer).toBe('500');
    const { dup, count } = await duplicateAnswer();
    expect(dup.status).toBe(500);
    expect(dup.body.error.code).toBe('generalException');
    expect(dup.body.error.message).toContain('SPDuplicateValuesFoundException');
    expect(dup.body.error.message).toContain('[AuditKey]');
    expect(count).toBe(1);
  });

  it('400 invalidRequest and 409 nameAlreadyExists can be chosen; nothing is written', async () => {
    const bad = await duplicateAnswer('400');
    expect([bad.dup.status, bad.dup.body.error.code, bad.count]).toEqual([
      400,
      'invalidRequest',
      1,
    ]);
    const conflict = await duplicateAnswer('409');
    expect([conflict.dup.status, conflict.dup.body.error.code, conflict.count]).toEqual([
      409,
      'nameAlreadyExists',
      1,
    ]);
    expect(conflict.dup.body.error.message).toContain('duplicate values');
  });

  it('a PATCH that would duplicate a value gets the same answer', async () => {
    const client = (await startClient({ behaviours: { duplicateAnswer: '409' } })).as(SITE_OWNER);
    clients.push(client);
    const settings = `${SITE_BY_PATH}:/lists/Contact%20Guard%20Settings/items`;
    const two = await client.get<Page<ListItemBody>>(`${settings}?$expand=fields&$top=2`);
    const [first, second] = two.body.value;
    const r = await client.call<ErrorBody>('PATCH', `${settings}/${first?.id}/fields`, {
      Title: second?.fields?.Title,
    });
    expect([r.status, r.body.error.code]).toEqual([409, 'nameAlreadyExists']);
  });

  it('LOCAL_GRAPH_DUPLICATE_ANSWER picks the answer; an unknown one is refused', () => {
    expect(behavioursFromEnv({ LOCAL_GRAPH_DUPLICATE_ANSWER: '400' }).duplicateAnswer).toBe('400');
    expect(() => behavioursFromEnv({ LOCAL_GRAPH_DUPLICATE_ANSWER: '418' })).toThrow(/500, 400/);
  });
});

describe('local Graph: ETags (behaviour 10)', () => {
  const clients: GraphTestClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.graph.close();
  });

  async function staleWrite(choice?: '409' | '412') {
    const client = (await startClient({ behaviours: { etagMismatchAnswer: choice ?? '409' } })).as(
      SITE_OWNER,
    );
    clients.push(client);
    const read = await client.get<{ '@odata.etag': string }>(`${RESTRICTIONS}/items/1`);
    const etag = read.body['@odata.etag'];
    await client.call('PATCH', `${RESTRICTIONS}/items/1/fields`, { Status: 'Warning' });
    const viaFields = await client.call<ErrorBody>(
      'PATCH',
      `${RESTRICTIONS}/items/1/fields`,
      { Status: 'Ended' },
      { 'If-Match': etag },
    );
    const viaItem = await client.call<ErrorBody>(
      'PATCH',
      `${RESTRICTIONS}/items/1`,
      { fields: { Status: 'Ended' } },
      { 'If-Match': etag },
    );
    const del = await client.call<ErrorBody>('DELETE', `${RESTRICTIONS}/items/1`, undefined, {
      'If-Match': etag,
    });
    const after = await client.get<{ fields: { Status: string } }>(
      `${RESTRICTIONS}/items/1?$expand=fields`,
    );
    return { results: [viaFields, viaItem, del], status: after.body.fields.Status };
  }

  it('by default a stale If-Match is 409 resourceModified, and nothing changes', async () => {
    expect(DEFAULT_BEHAVIOURS.etagMismatchAnswer).toBe('409');
    const { results, status } = await staleWrite();
    for (const r of results)
      expect([r.status, r.body.error.code]).toEqual([409, 'resourceModified']);
    expect(status).toBe('Warning');
  });

  it('412 preconditionFailed (the documented answer) can be chosen', async () => {
    const { results, status } = await staleWrite('412');
    for (const r of results)
      expect([r.status, r.body.error.code]).toEqual([412, 'preconditionFailed']);
    expect(status).toBe('Warning');
    expect(behavioursFromEnv({ LOCAL_GRAPH_ETAG_MISMATCH_ANSWER: '412' }).etagMismatchAnswer).toBe(
      '412',
    );
    expect(() => behavioursFromEnv({ LOCAL_GRAPH_ETAG_MISMATCH_ANSWER: '410' })).toThrow(
      /409 or 412/,
    );
  });

  it('a fields PATCH answers with the fieldValueSet but no @odata.etag and no ETag header', async () => {
    const client = (await startClient()).as(SITE_OWNER);
    clients.push(client);
    const r = await client.call('PATCH', `${RESTRICTIONS}/items/1/fields`, { Status: 'Ended' });
    expect(r.status).toBe(200);
    expect(r.body.Status).toBe('Ended');
    expect(r.body['@odata.etag']).toBeUndefined();
    expect(r.headers.get('etag')).toBeNull();
    // The item itself still carries its ETag when read, and a PATCH of the item returns it.
    const item = await client.get<{ '@odata.etag': string }>(`${RESTRICTIONS}/items/1`);
    expect(item.body['@odata.etag']).toMatch(/,2"$/);
    const viaItem = await client.call<{ '@odata.etag': string }>(
      'PATCH',
      `${RESTRICTIONS}/items/1`,
      { fields: { Status: 'Active' } },
      { 'If-Match': item.body['@odata.etag'] },
    );
    expect(viaItem.body['@odata.etag']).toMatch(/,3"$/);
  });
});
