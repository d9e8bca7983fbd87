// Behaviour 19 (README "Behaviours and their sources"): a JWT's delegated scopes (`scp`) are checked
// as Graph checks them: a request whose token holds none of the permissions Graph lists for the API
// is 403 with the error that API family answers (directory, Outlook, SharePoint); one of them is
// enough. Inside $batch each request is checked on its own. `local:` tokens keep every scope.
import { generateKeyPair, exportJWK, SignJWT, type JWK } from 'jose';
import type { TrustedIdentity } from '../../../dev/local-graph/identityTokens';
import {
  type GraphTestClient,
  RECEPTION,
  RESTRICTIONS,
  SITE_BY_PATH,
  startClient,
} from './helpers';

const ISSUER = 'https://127.0.0.1:4443/5c7e0f3a-2b4d-4e6f-8a1c-3d5e7f9b1a2c/v2.0';
const RECEPTION_UPN = 'reception@oakfield.sch.uk';
const ADMIN_UPN = 'it.admin@oakfield.sch.uk';

let client: GraphTestClient;
let signingKey: CryptoKey;

async function token(upn: string, scp: string): Promise<string> {
  return new SignJWT({ upn, scp })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience('https://graph.microsoft.com')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(signingKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  signingKey = pair.privateKey;
  const publicJwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  const identity: TrustedIdentity = { issuer: ISSUER, jwks: { keys: [publicJwk] } };
  client = await startClient({ identity });
});
afterAll(() => client.graph.close());
afterEach(() => client.graph.reset());

const DIRECTORY = {
  code: 'Authorization_RequestDenied',
  message: 'Insufficient privileges to complete the operation.',
};
const OUTLOOK = {
  code: 'ErrorAccessDenied',
  message: 'Access is denied. Check credentials and try again.',
};
const SITES = { code: 'accessDenied', message: 'Access denied' };
const BY_PROXY = `/users?$filter=${encodeURIComponent("proxyAddresses/any(a:a eq 'smtp:head@oakfield.sch.uk')")}&$select=mail`;
const OFFICE_INBOX = '/users/office@oakfield.sch.uk/mailFolders/inbox/messages';
const MAIL = {
  subject: 'Scopes',
  toRecipients: [{ emailAddress: { address: 'head@oakfield.sch.uk' } }],
  body: { contentType: 'text', content: 'Hello' },
};

// [what, user, method, path, body, scopes that are not enough, a scope that is, its status, error]
const CASES: [string, string, string, string, unknown, string, string, number, typeof OUTLOOK][] = [
  [
    'GET /me',
    RECEPTION_UPN,
    'GET',
    '/me',
    undefined,
    'Mail.ReadWrite',
    'User.Read',
    200,
    DIRECTORY,
  ],
  [
    'memberOf',
    RECEPTION_UPN,
    'GET',
    '/me/memberOf',
    undefined,
    'Mail.Read',
    'User.Read',
    200,
    DIRECTORY,
  ],
  [
    'checkMemberGroups',
    RECEPTION_UPN,
    'POST',
    '/me/checkMemberGroups',
    { groupIds: [] },
    'Mail.ReadWrite',
    'User.Read',
    200,
    DIRECTORY,
  ],
  [
    'organization',
    RECEPTION_UPN,
    'GET',
    '/organization',
    undefined,
    'Mail.Read',
    'User.Read',
    200,
    DIRECTORY,
  ],
  [
    'another user',
    RECEPTION_UPN,
    'GET',
    '/users/head@oakfield.sch.uk',
    undefined,
    'User.Read',
    'User.ReadBasic.All',
    200,
    DIRECTORY,
  ],
  [
    'users by proxyAddresses',
    ADMIN_UPN,
    'GET',
    BY_PROXY,
    undefined,
    'User.Read User.ReadBasic.All',
    'User.Read.All',
    200,
    DIRECTORY,
  ],
  [
    'own messages',
    RECEPTION_UPN,
    'GET',
    '/me/mailFolders/inbox/messages',
    undefined,
    'User.Read Mail.Send',
    'Mail.ReadBasic',
    200,
    OUTLOOK,
  ],
  // The caller's own mailbox named by address is still theirs: no .Shared form needed.
  [
    'own messages by address',
    RECEPTION_UPN,
    'GET',
    '/users/reception%40oakfield.sch.uk/mailFolders/inbox/messages',
    undefined,
    'User.Read Mail.Send',
    'Mail.Read',
    200,
    OUTLOOK,
  ],
  [
    'new draft',
    RECEPTION_UPN,
    'POST',
    '/me/messages',
    MAIL,
    'Mail.Read',
    'Mail.ReadWrite',
    201,
    OUTLOOK,
  ],
  [
    'shared mailbox messages',
    RECEPTION_UPN,
    'GET',
    OFFICE_INBOX,
    undefined,
    'Mail.ReadWrite',
    'Mail.Read.Shared',
    200,
    OUTLOOK,
  ],
  [
    'mailboxSettings',
    RECEPTION_UPN,
    'GET',
    '/me/mailboxSettings',
    undefined,
    'Mail.ReadWrite',
    'MailboxSettings.Read',
    200,
    OUTLOOK,
  ],
  [
    'new master category',
    RECEPTION_UPN,
    'POST',
    '/me/outlook/masterCategories',
    { displayName: 'Scopes', color: 'preset1' },
    'MailboxSettings.Read',
    'MailboxSettings.ReadWrite',
    201,
    OUTLOOK,
  ],
  [
    'inbox rules',
    RECEPTION_UPN,
    'GET',
    '/me/mailFolders/inbox/messageRules',
    undefined,
    'Mail.ReadWrite',
    'MailboxSettings.Read',
    200,
    OUTLOOK,
  ],
  [
    'translateExchangeIds',
    RECEPTION_UPN,
    'POST',
    '/me/translateExchangeIds',
    {
      inputIds: ['AAMkAGI2nothing='],
      sourceIdType: 'restId',
      targetIdType: 'restImmutableEntryId',
    },
    'Mail.ReadWrite',
    'User.Read',
    200,
    OUTLOOK,
  ],
  [
    'list items',
    RECEPTION_UPN,
    'GET',
    `${RESTRICTIONS}/items`,
    undefined,
    'User.Read Mail.ReadWrite',
    'Sites.Selected',
    200,
    SITES,
  ],
  [
    'new list',
    ADMIN_UPN,
    'POST',
    `${SITE_BY_PATH}:/lists`,
    { displayName: 'Scratch', list: { template: 'genericList' } },
    'Sites.Read.All Sites.ReadWrite.All',
    'Sites.Manage.All',
    201,
    SITES,
  ],
];

describe.each(CASES)(
  '%s',
  (_what, upn, method, path, body, without, withScope, okStatus, error) => {
    test(`without ${withScope}: 403 ${error.code}`, async () => {
      const reply = await client
        .as(await token(upn, without))
        .call<{ error?: { code: string; message: string } }>(method, path, body);
      expect(reply.status).toBe(403);
      expect(reply.body.error).toMatchObject(error);
    });
    test(`with ${withScope}: ${okStatus}`, async () => {
      const reply = await client.as(await token(upn, withScope)).call(method, path, body);
      expect(reply.status).toBe(okStatus);
    });
  },
);

test('User.Read reads the user’s own full profile, proxyAddresses included', async () => {
  const reply = await client
    .as(await token(RECEPTION_UPN, 'User.Read'))
    .get('/me?$select=proxyAddresses');
  expect(reply.status).toBe(200);
});

test('another user’s group memberships need a user scope and a group scope together', async () => {
  const check = async (scp: string) =>
    (
      await client
        .as(await token(RECEPTION_UPN, scp))
        .call('POST', '/users/head@oakfield.sch.uk/checkMemberGroups', { groupIds: [] })
    ).status;
  expect(await check('User.Read GroupMember.Read.All')).toBe(403);
  expect(await check('User.ReadBasic.All')).toBe(403);
  expect(await check('User.ReadBasic.All GroupMember.Read.All')).toBe(200);
  expect(await check('Directory.Read.All')).toBe(200);
});

test('the shared mailbox needs the .Shared form even with the own-mailbox scope', async () => {
  const reply = await client.as(await token(RECEPTION_UPN, 'Mail.Read')).get(OFFICE_INBOX);
  expect(reply.status).toBe(403);
  expect(reply.body.error).toMatchObject(OUTLOOK);
});

test('a .Shared form reaches the user’s own mail too', async () => {
  const bearer = await token(RECEPTION_UPN, 'Mail.Read.Shared');
  expect((await client.as(bearer).get('/me/mailFolders/inbox/messages')).status).toBe(200);
});

test('a message’s MIME needs Mail.Read: Mail.ReadBasic leaves the body out', async () => {
  const list = await client
    .as(RECEPTION)
    .get<{ value: { id: string }[] }>('/me/mailFolders/inbox/messages?$select=id&$top=1');
  const url = `${client.graph.url}/v1.0/me/messages/${encodeURIComponent(list.body.value[0]?.id ?? '')}/$value`;
  const mime = async (scp: string) =>
    (await fetch(url, { headers: { Authorization: `Bearer ${await token(RECEPTION_UPN, scp)}` } }))
      .status;
  expect(await mime('Mail.ReadBasic')).toBe(403);
  expect(await mime('Mail.Read')).toBe(200);
});

test('send needs Mail.Send: Mail.ReadWrite makes the draft but does not send it', async () => {
  const draft = await client
    .as(await token(RECEPTION_UPN, 'Mail.ReadWrite'))
    .call<{ id: string }>('POST', '/me/messages', MAIL);
  expect(draft.status).toBe(201);
  const send = `/me/messages/${encodeURIComponent(draft.body.id)}/send`;
  const refused = await client.as(await token(RECEPTION_UPN, 'Mail.ReadWrite')).call('POST', send);
  expect(refused.status).toBe(403);
  expect(refused.body.error).toMatchObject(OUTLOOK);
  expect((await client.as(await token(RECEPTION_UPN, 'Mail.Send')).call('POST', send)).status).toBe(
    202,
  );
});

test('inside $batch each request is checked on its own', async () => {
  const reply = await client
    .as(await token(RECEPTION_UPN, 'User.Read'))
    .call<{ responses: { id: string; status: number; body: { error?: { code: string } } }[] }>(
      'POST',
      '/$batch',
      {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          { id: '2', method: 'GET', url: '/me/mailFolders/inbox/messages' },
        ],
      },
    );
  expect(reply.status).toBe(200);
  const byId = new Map(reply.body.responses.map((r) => [r.id, r]));
  expect(byId.get('1')?.status).toBe(200);
  expect(byId.get('2')?.status).toBe(403);
  expect(byId.get('2')?.body.error?.code).toBe('ErrorAccessDenied');
});

test('local: test tokens hold every scope, as before', async () => {
  for (const path of ['/me', '/me/mailFolders/inbox/messages', `${RESTRICTIONS}/items`, BY_PROXY]) {
    expect((await client.as(RECEPTION).get(path)).status).toBe(200);
  }
});
