// Behaviour 18 (README "Behaviours and their sources"): GET /organization answers the tenant with
// its verified domains (the seed's domains, then the initial onmicrosoft.com domain), to any
// signed-in user and to an app-only caller; it cannot be changed.
import type { Seed } from '../../../dev/local-graph';
import { loadSeed } from '../../../dev/local-graph/seedLoader';
import { GraphTestClient, RECEPTION, startClient } from './helpers';

const APP = 'local-app:contact-guard-routing';
const TEACHER = 'local:t.ashworth@oakfield.sch.uk';

interface Organization {
  id?: string;
  displayName?: string;
  verifiedDomains?: {
    name: string;
    isDefault: boolean;
    isInitial: boolean;
    capabilities: string;
  }[];
}

let client: GraphTestClient;
beforeAll(async () => {
  client = await startClient();
});
afterAll(() => client.graph.close());

it('answers the verified domains to a member of staff and to the routing app', async () => {
  for (const token of [RECEPTION, TEACHER, APP]) {
    const reply = await client
      .as(token)
      .get<{ value: Organization[] }>('/organization?$select=verifiedDomains');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([
      {
        verifiedDomains: [
          {
            name: 'oakfield.sch.uk',
            isDefault: true,
            isInitial: false,
            type: 'Managed',
            capabilities: 'Email, OfficeCommunicationsOnline',
          },
          {
            name: 'oakfield.onmicrosoft.com',
            isDefault: false,
            isInitial: true,
            type: 'Managed',
            capabilities: 'Email, OfficeCommunicationsOnline',
          },
        ],
      },
    ]);
  }
});

it('answers the organization by its id, and 404 for another', async () => {
  const list = await client.get<{ value: Organization[] }>('/organization');
  const id = list.body.value[0]?.id ?? '';
  expect(list.body.value[0]?.displayName).toBe('Oakfield Primary School');
  const one = await client.get<Organization>(`/organization/${id}?$select=displayName`);
  expect(one).toMatchObject({ status: 200, body: { displayName: 'Oakfield Primary School' } });
  const other = await client.get('/organization/00000000-0000-0000-0000-000000000000');
  expect(other.status).toBe(404);
});

it('refuses an unknown $select, a caller without a token, and any change', async () => {
  expect((await client.get('/organization?$select=shoeSize')).status).toBe(400);
  expect((await client.as(null).get('/organization')).status).toBe(401);
  const patch = await client.call('PATCH', '/organization', { displayName: 'Not a school' });
  expect(patch.status).toBe(403);
  expect(
    (await client.get<{ value: Organization[] }>('/organization')).body.value[0]?.displayName,
  ).toBe('Oakfield Primary School');
});

it("serves another seed's domains", async () => {
  const seed: Seed = {
    ...loadSeed(undefined),
    tenant: { name: 'Elm Academy', domains: ['Elm.Example.org', 'elmacademy.onmicrosoft.com'] },
  };
  const other = await startClient({ seed });
  try {
    const reply = await other.get<{ value: Organization[] }>(
      '/organization?$select=verifiedDomains',
    );
    expect(
      reply.body.value[0]?.verifiedDomains?.map((d) => [d.name, d.isDefault, d.isInitial]),
    ).toEqual([
      ['elm.example.org', true, false],
      ['elmacademy.onmicrosoft.com', false, true],
    ]);
  } finally {
    await other.graph.close();
  }
});
