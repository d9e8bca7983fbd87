// The local service's record of who created and changed a list item, which the review believes
// over any column the client wrote (issue 10, item 3): createdBy/lastModifiedBy are the token's
// user, createdDateTime/lastModifiedDateTime the service's clock, selectable beside `fields`, and
// the client cannot write SharePoint's Author/Editor/Created/Modified.
import { GraphTestClient, type Page, SITE_BY_PATH, startClient } from './helpers';

const EVENTS = `${SITE_BY_PATH}:/lists/Contact%20Events/items`;
const HEAD = 'local:head@oakfield.sch.uk';

interface Identity {
  user?: { id?: string; displayName?: string; email?: string };
}
interface AuthoredItem {
  id: string;
  createdBy?: Identity;
  lastModifiedBy?: Identity;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields?: Record<string, unknown>;
}

const event = (key: string) => ({
  fields: {
    Title: 'Phone call',
    EventKey: key,
    OccurredAt: '2026-03-02T09:00:00Z',
    Channel: 'Phone',
    PersonEmail: 'someone@example.org',
    RecordedByName: 'Helen Marsh',
    RecordedByEmail: 'head@oakfield.sch.uk',
    ThreatOfViolence: false,
  },
});

describe("local Graph: an item's author and editor", () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = await startClient();
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  it("records the token's user as createdBy whatever the columns say, and returns it when selected", async () => {
    const before = Date.now() - 1000;
    const created = await client.call<AuthoredItem>('POST', EVENTS, event('authorship-a'));
    expect(created.status).toBe(201);
    expect(created.body.createdBy?.user).toMatchObject({
      id: '4a1b2c3d-0001-4e5f-8a9b-0c1d2e3f4a5b',
      displayName: 'Sarah Whitfield',
    });
    expect(Date.parse(created.body.createdDateTime!)).toBeGreaterThanOrEqual(before);
    // The head teacher reads it (reviewers read all), selecting the authorship beside fields.
    const read = await client
      .as(HEAD)
      .get<Page<AuthoredItem>>(
        `${EVENTS}?$select=id,createdBy,createdDateTime,lastModifiedBy,lastModifiedDateTime&$expand=fields($select=RecordedByName)`,
      );
    const item = read.body.value.find((i) => i.id === created.body.id)!;
    expect(item.createdBy?.user?.displayName).toBe('Sarah Whitfield');
    expect(item.lastModifiedBy?.user?.displayName).toBe('Sarah Whitfield');
    expect(item.fields?.RecordedByName).toBe('Helen Marsh');
    expect(item.createdDateTime).toBe(created.body.createdDateTime);
  });

  it("refuses a client's write of SharePoint's own author, editor and dates", async () => {
    for (const field of ['Author', 'Editor', 'Created', 'Modified']) {
      const body = event(`authorship-${field}`);
      const res = await client.call('POST', EVENTS, {
        fields: { ...body.fields, [field]: field.endsWith('ed') ? '2020-01-01T00:00:00Z' : 'x' },
      });
      expect(res.status).toBe(400);
    }
  });
});
