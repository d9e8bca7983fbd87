import { GraphError } from '@microsoft/microsoft-graph-client';
import { SignInRequiredError, type TokenProvider } from '../../../src/auth/tokenProvider';
import { apiPathFromLink, createGraphClient, resolveGraphOrigin } from '../../../src/graph/client';
import { isSignInRequired, toGraphAccessError } from '../../../src/graph/errors';
import { mergePrefer } from '../../../src/graph/middleware/preferImmutableIdMiddleware';
import type { ResponseInfo } from '../../../src/graph/middleware/responseObserverMiddleware';
import { installFetchMock, jsonReply } from './fetchMock';

const tokenProvider = (token = 'local:reception@oakfield.sch.uk'): TokenProvider => ({
  method: 'local',
  getAccessToken: jest.fn(async () => token),
});

const noWait = { sleep: async () => undefined };

afterEach(() => jest.restoreAllMocks());

describe('createGraphClient', () => {
  it('sends the bearer token from the token provider', async () => {
    const { requests } = installFetchMock([jsonReply({})]);
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com',
      tokenProvider: tokenProvider('abc.def'),
    });
    await client.api('/me').get();
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer abc.def');
  });

  it('asks for immutable ids on every request', async () => {
    const { requests } = installFetchMock([jsonReply({}), jsonReply({})]);
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com',
      tokenProvider: tokenProvider(),
    });
    await client.api('/me/messages').get();
    await client.api('/me/messages').post({});
    expect(requests.map((r) => r.headers.get('Prefer'))).toEqual([
      'IdType="ImmutableId"',
      'IdType="ImmutableId"',
    ]);
  });

  it('merges the immutable-id preference with a Prefer the request already has', async () => {
    const { requests } = installFetchMock([jsonReply({})]);
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com',
      tokenProvider: tokenProvider(),
    });
    await client
      .api('/sites/x/lists/y/items')
      .header('prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly')
      .get();
    expect(requests[0]!.headers.get('Prefer')).toBe(
      'HonorNonIndexedQueriesWarningMayFailRandomly, IdType="ImmutableId"',
    );
  });

  it('builds URLs from an http base URL with version v1.0', async () => {
    const { requests } = installFetchMock([jsonReply({})]);
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:3000/',
      tokenProvider: tokenProvider(),
    });
    await client.api('/sites/a:/sites/b:/lists/C%20R/items?$expand=fields&$top=5').get();
    expect(requests[0]!.url).toBe(
      'http://127.0.0.1:3000/v1.0/sites/a:/sites/b:/lists/C%20R/items?$expand=fields&$top=5',
    );
  });

  it("uses the page's own origin when the base URL is empty", async () => {
    const { requests } = installFetchMock([jsonReply({})]);
    const original = Object.getOwnPropertyDescriptor(globalThis, 'location');
    Object.defineProperty(globalThis, 'location', {
      value: { origin: 'http://localhost:8080' },
      configurable: true,
    });
    try {
      const client = createGraphClient({ baseUrl: '', tokenProvider: tokenProvider() });
      await client.api('/me').get();
    } finally {
      if (original) Object.defineProperty(globalThis, 'location', original);
      else delete (globalThis as { location?: unknown }).location;
    }
    expect(requests[0]!.url).toBe('http://localhost:8080/v1.0/me');
  });

  it('refuses an empty base URL where there is no page', () => {
    expect(() => resolveGraphOrigin('')).toThrow(/no page origin/);
  });

  it('refuses a base URL with a path', () => {
    expect(() => resolveGraphOrigin('https://graph.microsoft.com/v1.0')).toThrow(/without a path/);
  });

  it('surfaces a required sign-in without calling the network', async () => {
    const { requests } = installFetchMock([jsonReply({})]);
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com',
      tokenProvider: {
        method: 'popup',
        getAccessToken: async () => {
          throw new SignInRequiredError();
        },
      },
    });
    const failure = await client
      .api('/me')
      .get()
      .catch((e: unknown) => e);
    expect(isSignInRequired(failure)).toBe(true);
    expect(toGraphAccessError(failure).kind).toBe('signedOut');
    expect(requests).toHaveLength(0);
  });

  it('never sends the token to another host', async () => {
    const { requests } = installFetchMock([jsonReply({})]);
    const client = createGraphClient({
      baseUrl: 'http://127.0.0.1:3000',
      tokenProvider: tokenProvider(),
    });
    const failure = await client
      .api('https://attacker.example.com/v1.0/me')
      .get()
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).code).toBe('UntrustedHostError');
    expect(requests).toHaveLength(0);
  });

  it('reports every attempt to onResponse, without the query string', async () => {
    installFetchMock([jsonReply({}, 503), jsonReply({ ok: 1 })]);
    const seen: ResponseInfo[] = [];
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com',
      tokenProvider: tokenProvider(),
      retry: noWait,
      onResponse: (info) => seen.push(info),
    });
    await client.api("/users?$filter=mail eq 'o''brien@example.org'").get();
    expect(seen.map(({ method, url, status }) => ({ method, url, status }))).toEqual([
      { method: 'GET', url: 'https://graph.microsoft.com/v1.0/users', status: 503 },
      { method: 'GET', url: 'https://graph.microsoft.com/v1.0/users', status: 200 },
    ]);
    expect(seen.every((info) => info.ms >= 0)).toBe(true);
  });

  it('reports a network failure as status 0, and an observer that throws breaks nothing', async () => {
    installFetchMock([{ networkError: true }, jsonReply({ ok: 1 })]);
    const statuses: number[] = [];
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com',
      tokenProvider: tokenProvider(),
      retry: noWait,
      onResponse: (info) => {
        statuses.push(info.status);
        throw new Error('observer bug');
      },
    });
    await expect(client.api('/me').get()).resolves.toEqual({ ok: 1 });
    expect(statuses).toEqual([0, 200]);
  });
});

describe('mergePrefer', () => {
  it('adds the preference once, keeping what is there', () => {
    expect(mergePrefer(null, 'IdType="ImmutableId"')).toBe('IdType="ImmutableId"');
    expect(mergePrefer('respond-async', 'IdType="ImmutableId"')).toBe(
      'respond-async, IdType="ImmutableId"',
    );
    expect(mergePrefer('IdType="RestId"', 'IdType="ImmutableId"')).toBe('IdType="RestId"');
  });
});

describe('apiPathFromLink', () => {
  it('strips origin and version from http and https links, keeping the query as sent', () => {
    expect(
      apiPathFromLink(
        'http://127.0.0.1:4000/v1.0/sites/a:/b:/lists/x/items/delta?token=a%2Bb&$top=2',
      ),
    ).toBe('/sites/a:/b:/lists/x/items/delta?token=a%2Bb&$top=2');
    expect(apiPathFromLink('https://graph.microsoft.com/v1.0/me/messages?$skiptoken=xyz')).toBe(
      '/me/messages?$skiptoken=xyz',
    );
  });
});
