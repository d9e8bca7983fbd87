// The delta bookkeeping, with a scripted fetch. The behaviour against a real HTTP service is in
// test/integration/graph.
import type { TokenProvider } from '../../../src/auth/tokenProvider';
import { createGraphClient } from '../../../src/graph/client';
import { GraphAccessError } from '../../../src/graph/errors';
import { RestrictionsRepository } from '../../../src/graph/repositories/restrictionsRepository';
import { installFetchMock, jsonReply } from './fetchMock';

const tokenProvider: TokenProvider = { method: 'local', getAccessToken: async () => 'local:x@y.z' };
const sharePoint = {
  hostname: 'oakfield.sharepoint.com',
  sitePath: '/sites/ContactGuard',
  lists: { restrictions: "Parents' Restrictions" },
};
const BASE = 'http://127.0.0.1:3999';
const DELTA = `${BASE}/v1.0/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/x/items/delta`;

function repository() {
  const client = createGraphClient({
    baseUrl: BASE,
    tokenProvider,
    retry: { sleep: async () => undefined },
  });
  return new RestrictionsRepository(client, sharePoint);
}

afterEach(() => jest.restoreAllMocks());

describe('RestrictionsRepository', () => {
  it('asks for fields in large pages and follows nextLink to the deltaLink', async () => {
    const { requests } = installFetchMock([
      jsonReply({
        value: [{ id: '1', eTag: '"a,1"', fields: { Title: 'A' } }],
        '@odata.nextLink': `${DELTA}?$skiptoken=p2`,
      }),
      jsonReply({
        value: [{ id: '2', fields: { Title: 'B' } }],
        '@odata.deltaLink': `${DELTA}?token=t1`,
      }),
    ]);
    const result = await repository().fullSync();
    expect(requests[0]!.url).toBe(
      `${BASE}/v1.0/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Parents%27%20Restrictions/items/delta?$expand=fields($select=Title,Emails,Status,StartDate,EndDate,ReviewDate,Handling,SpocName,SpocEmail,AllowedContact,StaffGuidance,EmergencyNote)&$top=999`,
    );
    expect(requests[1]!.url).toBe(`${DELTA}?$skiptoken=p2`);
    expect(result).toEqual({
      items: [
        { id: '1', eTag: '"a,1"', fields: { Title: 'A' } },
        { id: '2', fields: { Title: 'B' } },
      ],
      removedIds: [],
      deltaLink: `${DELTA}?token=t1`,
    });
  });

  it('reads deletions in both shapes and keeps the last version of a repeated item', async () => {
    installFetchMock([
      jsonReply({
        value: [
          { id: '1', fields: { Title: 'old' } },
          { id: '2', deleted: { state: 'deleted' } },
          { id: '3', '@removed': { reason: 'deleted' } },
          { id: '1', fields: { Title: 'new' } },
          { id: '4', fields: { Title: 'gone soon' } },
          { id: '4', deleted: { state: 'deleted' } },
          { fields: { Title: 'no id' } },
        ],
        '@odata.deltaLink': `${DELTA}?token=t2`,
      }),
    ]);
    const result = await repository().changesSince(`${DELTA}?token=t1`);
    expect(result.items).toEqual([{ id: '1', fields: { Title: 'new' } }]);
    expect(result.removedIds.sort()).toEqual(['2', '3', '4']);
  });

  it('reads an item delta gave without fields again by id (one $batch), never as an empty record', async () => {
    const { requests } = installFetchMock([
      jsonReply({ value: [{ id: '9' }, { id: '8' }], '@odata.deltaLink': `${DELTA}?token=t` }),
      jsonReply({
        responses: [
          { id: '1', status: 200, body: { id: '9', eTag: '"n,2"', fields: { Title: 'Nine' } } },
          { id: '2', status: 404, body: { error: { code: 'itemNotFound' } } },
        ],
      }),
    ]);
    const result = await repository().fullSync();
    expect(result.items).toEqual([{ id: '9', eTag: '"n,2"', fields: { Title: 'Nine' } }]);
    expect(result.removedIds).toEqual(['8']);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.url).toBe(`${BASE}/v1.0/$batch`);
    // Read again with the verdict's columns only, as the delta itself was.
    expect(JSON.stringify(requests[1]!.body)).toContain(
      '$expand=fields($select=Title,Emails,Status,',
    );
  });

  it('keeps only the columns the verdict reads, whatever the service sent', async () => {
    installFetchMock([
      jsonReply({
        value: [
          {
            id: '1',
            fields: { Title: 'A', Status: 'Active', CaseNotes: 'Disclosure', '@odata.etag': 'x' },
          },
        ],
        '@odata.deltaLink': `${DELTA}?token=t1`,
      }),
    ]);
    const result = await repository().fullSync();
    expect(result.items).toEqual([{ id: '1', fields: { Title: 'A', Status: 'Active' } }]);
  });

  it('fails the whole read when an item without fields cannot be read again', async () => {
    installFetchMock([
      jsonReply({ value: [{ id: '9' }], '@odata.deltaLink': `${DELTA}?token=t` }),
      jsonReply({ responses: [{ id: '1', status: 500, body: { error: { code: 'x' } } }] }),
    ]);
    await expect(repository().fullSync()).rejects.toMatchObject({ code: 'deltaItemUnreadable' });
  });

  it('treats a page with neither link as an error, never as the whole list', async () => {
    installFetchMock([jsonReply({ value: [{ id: '1', fields: {} }] })]);
    await expect(repository().fullSync()).rejects.toMatchObject({ kind: 'unknown' });
  });

  it.each([
    [410, 'gone'],
    [404, 'notFound'],
  ])('surfaces HTTP %i as %s', async (status, kind) => {
    installFetchMock([jsonReply({ error: { code: 'x', message: 'secret' } }, status)]);
    const failure = await repository()
      .changesSince(`${DELTA}?token=t1`)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphAccessError);
    expect(failure).toMatchObject({ kind, status });
  });
});
