// Behaviour 8: date-only columns follow the site's regional time zone (seed `timeZone` on the
// site, or LOCAL_GRAPH_SITE_TIME_ZONE / behaviours.siteTimeZone over it), on the service itself.
import { loadSeed } from '../../../dev/local-graph/seedLoader';
import { SiteDates } from '../../../dev/local-graph/siteDates';
import {
  type GraphTestClient,
  RESTRICTIONS,
  SITE_BY_PATH,
  SITE_OWNER,
  startClient,
} from './helpers';

interface Fields {
  StartDate?: string;
  EndDate?: string;
}

function seedIn(zone: string | undefined) {
  const seed = loadSeed(undefined);
  if (zone) seed.sites[0]!.timeZone = zone;
  return seed;
}

// Summer (clocks forward in London and New York) and winter days.
const CASES: { zone: string; day: string; stored: string }[] = [
  { zone: 'Europe/London', day: '2026-06-02', stored: '2026-06-01T23:00:00Z' },
  { zone: 'Europe/London', day: '2026-01-10', stored: '2026-01-10T00:00:00Z' },
  { zone: 'UTC', day: '2026-06-02', stored: '2026-06-02T00:00:00Z' },
  { zone: 'America/New_York', day: '2026-06-02', stored: '2026-06-02T04:00:00Z' },
  { zone: 'America/New_York', day: '2026-01-10', stored: '2026-01-10T05:00:00Z' },
  { zone: 'America/Los_Angeles', day: '2026-03-08', stored: '2026-03-08T08:00:00Z' },
];

describe("local Graph: date-only columns in the site's regional time zone", () => {
  const clients = new Map<string, GraphTestClient>();
  const clientIn = async (zone: string) => {
    let c = clients.get(zone);
    if (!c) {
      c = (await startClient({ seed: seedIn(zone), behaviours: { siteTimeZone: undefined } })).as(
        SITE_OWNER,
      );
      clients.set(zone, c);
    }
    return c;
  };
  afterAll(async () => {
    for (const c of clients.values()) await c.graph.close();
  });

  it.each(CASES)('$zone keeps $day as local midnight ($stored)', async ({ zone, day, stored }) => {
    const client = await clientIn(zone);
    const created = await client.call<{ id: string; fields: Fields }>(
      'POST',
      `${RESTRICTIONS}/items`,
      { fields: { Title: 'Date test', StartDate: day } },
    );
    expect(created.status).toBe(201);
    expect(created.body.fields.StartDate).toBe(stored);
    const read = await client.get<Fields>(`${RESTRICTIONS}/items/${created.body.id}/fields`);
    expect(read.body.StartDate).toBe(stored);
  });

  it.each([
    // 23:30Z on 1 June is 2 June in London (BST) but 1 June in UTC and New York.
    { zone: 'Europe/London', instant: '2026-06-01T23:30:00Z', stored: '2026-06-01T23:00:00Z' },
    { zone: 'UTC', instant: '2026-06-01T23:30:00Z', stored: '2026-06-01T00:00:00Z' },
    { zone: 'America/New_York', instant: '2026-06-01T23:30:00Z', stored: '2026-06-01T04:00:00Z' },
    // Noon UTC is the same calendar day in all three.
    { zone: 'America/New_York', instant: '2026-06-02T12:00:00Z', stored: '2026-06-02T04:00:00Z' },
  ])('$zone cuts an instant ($instant) to its local day', async ({ zone, instant, stored }) => {
    const client = await clientIn(zone);
    const created = await client.call<{ id: string; fields: Fields }>(
      'POST',
      `${RESTRICTIONS}/items`,
      { fields: { Title: 'Instant test', EndDate: instant } },
    );
    expect(created.body.fields.EndDate).toBe(stored);
  });

  it('filters date-only columns with a YYYY-MM-DD literal at local midnight', async () => {
    const client = await clientIn('America/New_York');
    const made = await client.call<{ id: string }>('POST', `${RESTRICTIONS}/items`, {
      fields: { Title: 'Filter test', StartDate: '2031-05-05' },
    });
    const r = await client.get<{ value: { id: string }[] }>(
      `${RESTRICTIONS}/items?$filter=${encodeURIComponent("fields/StartDate eq '2031-05-05'")}`,
      { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
    );
    expect(r.status).toBe(200);
    expect(r.body.value.map((i) => i.id)).toEqual([made.body.id]);
  });

  it('defaults to Europe/London when the seed names no zone', async () => {
    const seed = seedIn(undefined);
    delete seed.sites[0]!.timeZone;
    const client = (await startClient({ seed, behaviours: { siteTimeZone: undefined } })).as(
      SITE_OWNER,
    );
    try {
      const r = await client.call<{ fields: Fields }>('POST', `${RESTRICTIONS}/items`, {
        fields: { Title: 'Default zone', StartDate: '2026-06-02' },
      });
      expect(r.body.fields.StartDate).toBe('2026-06-01T23:00:00Z');
    } finally {
      await client.graph.close();
    }
  });

  it("behaviours.siteTimeZone overrides the seed's zone (the CI matrix)", async () => {
    const client = (
      await startClient({
        seed: seedIn('Europe/London'),
        behaviours: { siteTimeZone: 'America/New_York' },
      })
    ).as(SITE_OWNER);
    try {
      const r = await client.call<{ fields: Fields }>('POST', `${RESTRICTIONS}/items`, {
        fields: { Title: 'Override', StartDate: '2026-06-02' },
      });
      expect(r.body.fields.StartDate).toBe('2026-06-02T04:00:00Z');
      expect((await client.get(SITE_BY_PATH)).status).toBe(200);
    } finally {
      await client.graph.close();
    }
  });

  it('refuses a seed zone that is not an IANA name', () => {
    expect(() => new SiteDates('GMT Standard Time')).toThrow(/not an IANA time zone/);
  });
});
