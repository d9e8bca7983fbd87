import { createGraphClient } from '../../../src/graph/client';
import { GraphAccessError, toGraphAccessError } from '../../../src/graph/errors';
import {
  RetrySafety,
  canReadRetryAfter,
  parseRetryAfterMs,
} from '../../../src/graph/middleware/retryMiddleware';
import type { TokenProvider } from '../../../src/auth/tokenProvider';
import { installFetchMock, jsonReply, type ScriptedReply } from './fetchMock';

const tokenProvider: TokenProvider = {
  method: 'local',
  getAccessToken: async () => 'local:reception@oakfield.sch.uk',
};

const NOW = Date.parse('2025-03-10T09:00:00Z');

function setup(
  script: ScriptedReply[],
  retry: Parameters<typeof createGraphClient>[0]['retry'] = {},
) {
  const sleeps: number[] = [];
  let clock = NOW;
  const fetchMock = installFetchMock(script);
  const client = createGraphClient({
    baseUrl: 'https://graph.microsoft.com',
    tokenProvider,
    retry: {
      // Sleeping advances the fake clock, so maxTotalMs is measured as it would be for real.
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      now: () => clock,
      random: () => 0.5,
      ...retry,
    },
  });
  return { client, sleeps, ...fetchMock };
}

async function failureOf(promise: Promise<unknown>): Promise<GraphAccessError> {
  try {
    await promise;
  } catch (e) {
    return toGraphAccessError(e);
  }
  throw new Error('expected the request to fail');
}

afterEach(() => jest.restoreAllMocks());

describe('retry policy', () => {
  it('waits the Retry-After seconds before retrying a throttled GET', async () => {
    const { client, sleeps, requests } = setup([
      jsonReply({ error: { code: 'TooManyRequests' } }, 429, { 'Retry-After': '2' }),
      jsonReply({ ok: true }),
    ]);
    await expect(client.api('/me').get()).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([2000]);
    expect(requests).toHaveLength(2);
  });

  it('waits until a Retry-After HTTP date', async () => {
    const at = new Date(NOW + 7000).toUTCString();
    const { client, sleeps } = setup([
      jsonReply({ error: { code: 'serviceNotAvailable' } }, 503, { 'Retry-After': at }),
      jsonReply({ ok: true }),
    ]);
    await client.api('/me').get();
    expect(sleeps).toEqual([7000]);
  });

  it('stops after maxRetries and reports the last status', async () => {
    const { client, requests, sleeps } = setup(
      [jsonReply({ error: { code: 'serviceNotAvailable' } }, 503, { 'Retry-After': '1' })],
      { maxRetries: 2 },
    );
    const error = await failureOf(client.api('/me').get());
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(503);
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('defaults to three retries', async () => {
    const { client, requests } = setup([jsonReply({}, 504)]);
    await failureOf(client.api('/me').get());
    expect(requests).toHaveLength(4);
  });

  it.each([429, 503, 504])('retries a GET answered %i', async (status) => {
    const { client, requests } = setup([jsonReply({}, status), jsonReply({ ok: true })]);
    await expect(client.api('/me').get()).resolves.toEqual({ ok: true });
    expect(requests).toHaveLength(2);
  });

  it.each([400, 404, 500, 502])('does not retry a GET answered %i', async (status) => {
    const { client, requests } = setup([jsonReply({}, status), jsonReply({ ok: true })]);
    await failureOf(client.api('/me').get());
    expect(requests).toHaveLength(1);
  });

  it('never retries a plain POST, even on 503', async () => {
    const { client, requests, sleeps } = setup([jsonReply({}, 503), { status: 202 }]);
    const error = await failureOf(
      client.api('/me/messages/abc/forward').post({ toRecipients: [] }),
    );
    expect(error.kind).toBe('unavailable');
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('never retries a plain PATCH on 429', async () => {
    const { client, requests } = setup([jsonReply({}, 429, { 'Retry-After': '1' }), jsonReply({})]);
    await failureOf(client.api('/me/messages/abc').patch({ isRead: true }));
    expect(requests).toHaveLength(1);
  });

  it('retries a POST the caller marked safe, resending the same body', async () => {
    const { client, requests } = setup([jsonReply({}, 503), jsonReply({ id: '1' }, 201)]);
    const result = await client
      .api('/sites/x/lists/y/items')
      .middlewareOptions([new RetrySafety({ idempotent: true })])
      .post({ fields: { Title: 'x' } });
    expect(result).toEqual({ id: '1' });
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body).toBe(requests[0]!.body);
    expect(requests[1]!.method).toBe('POST');
  });

  it('retries a PATCH marked safe (If-Match)', async () => {
    const { client, requests } = setup([jsonReply({}, 429), jsonReply({ ok: true })]);
    await client
      .api('/sites/x/lists/y/items/1/fields')
      .header('If-Match', '"etag,1"')
      .middlewareOptions([new RetrySafety({ idempotent: true })])
      .patch({ Status: 'Ended' });
    expect(requests).toHaveLength(2);
  });

  it('does not retry a GET the caller marked unsafe', async () => {
    const { client, requests } = setup([jsonReply({}, 503), jsonReply({})]);
    await failureOf(
      client
        .api('/me')
        .middlewareOptions([new RetrySafety({ idempotent: false })])
        .get(),
    );
    expect(requests).toHaveLength(1);
  });

  it.each(['PUT', 'DELETE'])('retries an idempotent %s', async (method) => {
    const { client, requests } = setup([jsonReply({}, 503), { status: 204 }]);
    const request = client.api('/me/x');
    await (method === 'PUT' ? request.put({ a: 1 }) : request.delete());
    expect(requests.map((r) => r.method)).toEqual([method, method]);
  });

  it('backs off exponentially with jitter when there is no Retry-After', async () => {
    const { client, sleeps } = setup([jsonReply({}, 503)], { random: () => 0 });
    await failureOf(client.api('/me').get());
    // Equal jitter with random()=0 gives half of 1 s, 2 s, 4 s.
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('in a browser (Retry-After not exposed) retries a 429 at most twice, after a 5 s floor then 10 s', async () => {
    // What a page sees from Graph: the 429 without a readable Retry-After.
    const { client, sleeps, requests } = setup([jsonReply({}, 429)], {
      retryAfterReadable: false,
      random: () => 0.5,
    });
    const failure = await failureOf(client.api('/me').get());
    expect(failure.kind).toBe('throttled');
    expect(sleeps).toEqual([6250, 10000]); // 5 s + half of the 2.5 s jitter; then 10 s (maxDelayMs)
    expect(requests).toHaveLength(3);
  });

  it('in a browser a readable Retry-After (if Graph ever exposes it) is still honoured', async () => {
    const { client, sleeps } = setup(
      [jsonReply({}, 429, { 'Retry-After': '2' }), jsonReply({ ok: true })],
      { retryAfterReadable: false },
    );
    await expect(client.api('/me').get()).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([2000]);
  });

  it('in Node (the routing job) Retry-After is readable and the short backoff stays', async () => {
    expect(canReadRetryAfter()).toBe(true);
    const { client, sleeps } = setup([jsonReply({}, 429)], { random: () => 0 });
    await failureOf(client.api('/me').get());
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('keeps the jitter within the exponential step', async () => {
    const { client, sleeps } = setup([jsonReply({}, 503)], { random: () => 0.999 });
    await failureOf(client.api('/me').get());
    expect(sleeps).toEqual([1000, 1999, 3998]); // 500 + 499.5, 1000 + 999, 2000 + 1998
  });

  it('does not retry early when the server asks for a wait longer than maxDelayMs', async () => {
    const { client, requests, sleeps } = setup([
      jsonReply({ error: { code: 'TooManyRequests' } }, 429, { 'Retry-After': '30' }),
      jsonReply({ ok: true }),
    ]);
    const error = await failureOf(client.api('/me').get());
    expect(error.kind).toBe('throttled');
    expect(error.retryAfterSeconds).toBe(30);
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('stops when the next wait would pass maxTotalMs', async () => {
    const { client, requests, sleeps } = setup([jsonReply({}, 429, { 'Retry-After': '4' })], {
      maxTotalMs: 10_000,
      maxRetries: 10,
    });
    await failureOf(client.api('/me').get());
    expect(sleeps).toEqual([4000, 4000]);
    expect(requests).toHaveLength(3);
  });

  it('retries an idempotent request once after a network failure', async () => {
    const { client, requests } = setup([{ networkError: true }, jsonReply({ ok: true })]);
    await expect(client.api('/me').get()).resolves.toEqual({ ok: true });
    expect(requests).toHaveLength(2);
  });

  it('gives up as offline after a second network failure', async () => {
    const { client, requests } = setup([{ networkError: true }]);
    const error = await failureOf(client.api('/me').get());
    expect(error.kind).toBe('offline');
    expect(requests).toHaveLength(2);
  });

  it('does not retry a plain POST after a network failure', async () => {
    const { client, requests } = setup([{ networkError: true }, { status: 202 }]);
    const error = await failureOf(client.api('/me/sendMail').post({}));
    expect(error.kind).toBe('offline');
    expect(requests).toHaveLength(1);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, and ignores nonsense', () => {
    expect(parseRetryAfterMs('3', NOW)).toBe(3000);
    expect(parseRetryAfterMs(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfterMs(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfterMs('soon', NOW)).toBeUndefined();
    expect(parseRetryAfterMs(null, NOW)).toBeUndefined();
  });
});
