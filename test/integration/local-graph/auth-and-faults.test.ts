import { startLocalGraph } from '../../../dev/local-graph';
import { GraphTestClient, RECEPTION, startClient } from './helpers';

describe('local Graph: authentication, CORS, errors and faults', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = await startClient({ randomSeed: 42 });
  });
  afterAll(() => client.graph.close());
  afterEach(() => {
    client.graph.reset();
    client.graph.clearRequests();
  });

  it('answers 401 InvalidAuthenticationToken without a token, in Graph error shape', async () => {
    const r = await client.as(null).get<{ error: Record<string, unknown> }>('/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('InvalidAuthenticationToken');
    expect(r.body.error.message).toBe('Access token is empty.');
    const inner = r.body.error.innerError as Record<string, string>;
    expect(inner['request-id']).toBe(r.headers.get('request-id'));
    expect(inner['client-request-id']).toBe(r.headers.get('client-request-id'));
  });

  it('rejects a token for no seed user, and accepts the UPN case-insensitively', async () => {
    expect((await client.as('local:nobody@oakfield.sch.uk').get('/me')).status).toBe(401);
    expect((await client.as('eyJhbGciOi.not.local').get('/me')).status).toBe(401);
    const me = await client.as('local:RECEPTION@Oakfield.SCH.UK').get('/me');
    expect(me.status).toBe(200);
    expect(me.body.mail).toBe('reception@oakfield.sch.uk');
  });

  it('does not let a shared mailbox sign in', async () => {
    expect((await client.as('local:office@oakfield.sch.uk').get('/me')).status).toBe(401);
  });

  it('echoes client-request-id and applies Prefer IdType="ImmutableId"', async () => {
    const r = await client.get('/me', {
      'client-request-id': 'abc-123',
      Prefer: 'IdType="ImmutableId"',
    });
    expect(r.headers.get('client-request-id')).toBe('abc-123');
    expect(r.headers.get('preference-applied')).toBe('IdType="ImmutableId"');
  });

  it('answers CORS preflight and exposes what Graph exposes: ETag and request-id, not Retry-After', async () => {
    const res = await fetch(`${client.graph.url}/v1.0/me`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://localhost:3000',
        'Access-Control-Request-Headers': 'authorization,prefer',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,prefer');
    const exposed = (res.headers.get('access-control-expose-headers') ?? '')
      .toLowerCase()
      .split(/,\s*/);
    for (const h of ['etag', 'request-id', 'client-request-id', 'preference-applied', 'location'])
      expect(exposed).toContain(h);
    // Graph does not list it: a browser cannot read Retry-After (README, behaviour 2).
    expect(exposed).not.toContain('retry-after');
    // A throttled answer says the same.
    client.graph.setFaults({ throttleRate: 1, retryAfterSeconds: 3 });
    const throttled = await fetch(`${client.graph.url}/v1.0/me`, {
      headers: { Authorization: 'Bearer local:reception@oakfield.sch.uk', Origin: 'https://x' },
    });
    client.graph.setFaults({});
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3'); // sent, but not exposed to a page
    expect(throttled.headers.get('access-control-expose-headers')).not.toMatch(/retry-after/i);
  });

  it('exposes Retry-After when that answer is chosen (corsExposesRetryAfter)', async () => {
    const open = await startLocalGraph({ port: 0, behaviours: { corsExposesRetryAfter: true } });
    try {
      const res = await fetch(`${open.url}/v1.0/me`, { method: 'OPTIONS' });
      expect(res.headers.get('access-control-expose-headers')).toMatch(/(^|, )Retry-After$/);
    } finally {
      await open.close();
    }
  });

  it('answers 400 "Resource not found for the segment" for an unknown route', async () => {
    const r = await client.get<{ error: { code: string; message: string } }>('/me/nonsense');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'BadRequest',
      message: "Resource not found for the segment 'nonsense'.",
    });
  });

  it('answers 400 for malformed JSON', async () => {
    const r = await client.call<{ error: { code: string } }>(
      'POST',
      '/me/checkMemberGroups',
      '{"groupIds": [',
    );
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalidRequest');
  });

  it('throttles every Graph request at throttleRate 1 with Retry-After, but never /_dev', async () => {
    client.graph.setFaults({ throttleRate: 1, retryAfterSeconds: 7 });
    const r = await client.get<{ error: { code: string } }>('/me');
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.body.error.code).toBe('TooManyRequests');
    const dev = await fetch(`${client.graph.url}/_dev/requests`);
    expect(dev.status).toBe(200);
  });

  it("throttles in each workload's own words: SharePoint, Outlook, the rest of Graph", async () => {
    client.graph.setFaults({ throttleRate: 1 });
    const code = async (path: string) =>
      (await client.get<{ error: { code: string } }>(path)).body.error.code;
    expect(await code('/sites/oakfield.sharepoint.com:/sites/ContactGuard')).toBe(
      'activityLimitReached',
    );
    expect(await code('/me/messages')).toBe('ApplicationThrottled');
    expect(await code('/users/office@oakfield.sch.uk/mailFolders/inbox')).toBe(
      'ApplicationThrottled',
    );
    expect(await code('/me/memberOf')).toBe('TooManyRequests');
  });

  it('answers 503 serviceNotAvailable with Retry-After at unavailableRate 1', async () => {
    client.graph.setFaults({ unavailableRate: 1 });
    const r = await client.get<{ error: { code: string } }>('/me');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.error.code).toBe('serviceNotAvailable');
  });

  it('injects faults repeatably with the same randomSeed', async () => {
    const statuses = async () => {
      const c = await startClient({ randomSeed: 7, faults: { throttleRate: 0.5 } });
      const out: number[] = [];
      for (let i = 0; i < 12; i++) out.push((await c.get('/me')).status);
      await c.graph.close();
      return out;
    };
    const first = await statuses();
    expect(first).toContain(429);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
  });

  it('destroys the connection when down, so fetch rejects like being offline', async () => {
    client.graph.setFaults({ down: true });
    await expect(
      fetch(`${client.graph.url}/v1.0/me`, { headers: { Authorization: `Bearer ${RECEPTION}` } }),
    ).rejects.toThrow();
    client.graph.setFaults({});
    expect((await client.get('/me')).status).toBe(200);
  });

  it('adds latency to Graph requests only', async () => {
    client.graph.setLatency(150);
    const t0 = Date.now();
    await client.get('/me');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('logs Graph requests without tokens or bodies', async () => {
    await client.get('/me');
    await client.as(null).get('/me');
    const log = client.graph.requests();
    expect(log.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/v1.0/me', 200],
      ['GET', '/v1.0/me', 401],
    ]);
    expect(JSON.stringify(log)).not.toContain('local:');
  });

  it('exposes the controls over HTTP: faults, requests, reset', async () => {
    const base = client.graph.url;
    const set = await fetch(`${base}/_dev/faults`, {
      method: 'POST',
      body: JSON.stringify({ throttleRate: 1, latencyMs: 5 }),
    });
    expect(await set.json()).toMatchObject({ throttleRate: 1, latencyMs: 5 });
    expect((await client.get('/me')).status).toBe(429);
    const log = (await (await fetch(`${base}/_dev/requests`)).json()) as {
      requests: { status: number }[];
    };
    expect(log.requests.map((e) => e.status)).toEqual([429]);
    expect((await fetch(`${base}/_dev/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(client.graph.requests()).toEqual([]);
    expect((await fetch(`${base}/_dev/reset`, { method: 'POST' })).status).toBe(200);
    expect((await client.get('/me')).status).toBe(200);
    const bad = await fetch(`${base}/_dev/faults`, {
      method: 'POST',
      body: JSON.stringify({ throttleRate: 2 }),
    });
    expect(bad.status).toBe(400);
  });

  it('leaves other URLs to the host server', async () => {
    const res = await fetch(`${client.graph.url}/taskpane.html`);
    expect(res.status).toBe(404);
    expect(client.graph.requests()).toEqual([]);
  });
});
