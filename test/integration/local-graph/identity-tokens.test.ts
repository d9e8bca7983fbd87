// Behaviour 14 (README "Behaviours and their sources"): the local service accepts the local identity
// provider's JWT access tokens as Graph accepts Entra's — signed by the tenant's key, from the
// tenant's issuer, for Graph's audience, inside their lifetime — and answers anything else 401
// InvalidAuthenticationToken. `local:<upn>` tokens keep working beside them.
import { generateKeyPair, exportJWK, SignJWT, type JWK } from 'jose';
import type { TrustedIdentity } from '../../../dev/local-graph/identityTokens';
import { GraphTestClient, startClient } from './helpers';

const ISSUER = 'https://127.0.0.1:4443/5c7e0f3a-2b4d-4e6f-8a1c-3d5e7f9b1a2c/v2.0';
const GRAPH = 'https://graph.microsoft.com';

let client: GraphTestClient;
let signingKey: CryptoKey;
let otherKey: CryptoKey;

async function token(
  claims: Record<string, unknown>,
  options: {
    key?: CryptoKey;
    issuer?: string;
    audience?: string;
    expiresIn?: string | number;
  } = {},
): Promise<string> {
  return new SignJWT({ scp: 'User.Read', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? GRAPH)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(options.key ?? signingKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  const identity: TrustedIdentity = { issuer: ISSUER, jwks: { keys: [publicJwk] } };
  client = await startClient({ identity });
});
afterAll(() => client.graph.close());

async function me(bearer: string) {
  return client
    .as(bearer)
    .get<{ userPrincipalName?: string; error?: { code: string; message: string } }>('/me');
}

test('a valid token stands for the user it names (upn)', async () => {
  const reply = await me(await token({ upn: 'head@oakfield.sch.uk' }));
  expect(reply.status).toBe(200);
  expect(reply.body.userPrincipalName).toBe('head@oakfield.sch.uk');
});

test("requests inside a $batch are made as the batch token's user, and a bad token fails them all", async () => {
  const batch = {
    requests: [
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/mailFolders/inbox' },
    ],
  };
  type Reply = {
    responses: { id: string; status: number; body: { userPrincipalName?: string } }[];
  };
  const good = await client
    .as(await token({ upn: 'head@oakfield.sch.uk', scp: 'User.Read Mail.Read' }))
    .call<Reply>('POST', '/$batch', batch);
  expect(good.status).toBe(200);
  const byId = new Map(good.body.responses.map((r) => [r.id, r]));
  expect(byId.get('1')?.status).toBe(200);
  expect(byId.get('1')?.body.userPrincipalName).toBe('head@oakfield.sch.uk');
  expect(byId.get('2')?.status).toBe(200);

  const forged = await client
    .as(await token({ upn: 'head@oakfield.sch.uk' }, { key: otherKey }))
    .call<Reply>('POST', '/$batch', batch);
  const statuses =
    forged.status === 200 ? forged.body.responses.map((r) => r.status) : [forged.status];
  expect(statuses.every((s) => s === 401)).toBe(true);
});

test('local:<upn> tokens still work beside the provider', async () => {
  expect((await me('local:reception@oakfield.sch.uk')).status).toBe(200);
});

test.each([
  [
    'expired (beyond the 5-minute skew)',
    { expiresIn: Math.floor(Date.now() / 1000) - 600 },
    'Lifetime validation failed, the token is expired.',
  ],
  [
    'for another audience',
    { audience: 'api://someone-else' },
    'Access token validation failure. Invalid audience.',
  ],
  [
    'from another issuer',
    { issuer: 'https://evil.example/v2.0' },
    'Access token validation failure. Invalid issuer.',
  ],
  [
    'signed by another key',
    { key: undefined as CryptoKey | undefined, other: true },
    'Access token validation failure.',
  ],
])('a token %s is 401 InvalidAuthenticationToken', async (_name, options, message) => {
  const { other, ...rest } = options as { other?: boolean } & Parameters<typeof token>[1];
  const bearer = await token(
    { upn: 'head@oakfield.sch.uk' },
    { ...rest, key: other ? otherKey : rest?.key },
  );
  const reply = await me(bearer);
  expect(reply.status).toBe(401);
  expect(reply.body.error).toMatchObject({ code: 'InvalidAuthenticationToken', message });
});

test('a token only a little past its expiry is still accepted (clock skew)', async () => {
  const reply = await me(
    await token({ upn: 'head@oakfield.sch.uk' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
  );
  expect(reply.status).toBe(200);
});

test('a valid token for someone who is not in the directory (or cannot sign in) is refused', async () => {
  expect((await me(await token({ upn: 'stranger@oakfield.sch.uk' }))).status).toBe(401);
  expect((await me(await token({ upn: 'office@oakfield.sch.uk' }))).status).toBe(401);
});

test('without a trusted provider, a JWT is refused', async () => {
  const bare = await startClient();
  try {
    const reply = await bare.as(await token({ upn: 'head@oakfield.sch.uk' })).get('/me');
    expect(reply.status).toBe(401);
  } finally {
    await bare.graph.close();
  }
});

describe("SharePoint's REST API takes tokens for SharePoint, not for Graph (behaviour 16)", () => {
  const roleDefinitions = async (bearer: string) =>
    fetch(`${client.graph.url}/sites/ContactGuard/_api/web/roledefinitions`, {
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
    });

  test('a token for https://<tenant>.sharepoint.com is accepted', async () => {
    const sp = await token(
      { upn: 'it.admin@oakfield.sch.uk' },
      { audience: 'https://oakfield.sharepoint.com' },
    );
    expect((await roleDefinitions(sp)).status).toBe(200);
  });

  test('a Graph token is refused with 401, and a SharePoint token is refused by Graph', async () => {
    const graphToken = await token({ upn: 'it.admin@oakfield.sch.uk' });
    const refused = await roleDefinitions(graphToken);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error_description: 'Access token validation failure. Invalid audience.',
    });
    const sp = await token(
      { upn: 'it.admin@oakfield.sch.uk' },
      { audience: 'https://oakfield.sharepoint.com' },
    );
    expect((await me(sp)).status).toBe(401);
  });
});
