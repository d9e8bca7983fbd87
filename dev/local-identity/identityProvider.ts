// The local identity provider: Entra ID's stand-in for the workbench and the browser tests. It is
// `oidc-provider` (an OpenID Certified implementation of OpenID Connect), set up the way Entra
// answers a single-page application, so that the add-in's real MSAL code signs in against it:
//
// - the authority is https://<host>/<tenant id> and discovery sits at
//   <authority>/v2.0/.well-known/openid-configuration, where MSAL's default (AAD) protocol mode
//   looks for it (msal-common Authority.defaultOpenIdConfigurationEndpoint);
// - authorization code with PKCE (S256) only, public client, no secret (Entra's SPA platform);
// - refresh tokens for the SPA without asking for consent (Entra gives an SPA a 24-hour refresh
//   token; "offline_access" is granted by admin consent, not by a consent prompt);
// - access tokens for Microsoft Graph are JWTs with aud https://graph.microsoft.com and Entra's
//   claims (upn, preferred_username, oid, tid, scp), which the local Graph service verifies;
// - ID tokens carry preferred_username, name, oid, tid (Entra's v2.0 ID token claims);
// - a login_hint naming someone other than the signed-in person asks for sign-in again, and with
//   prompt=none answers login_required (Entra: AADSTS50058/AADSTS16000 family, "interaction
//   required"), so a shared browser never hands one person's sign-in to the next;
// - no consent screen: the school's admin consented for everyone (Entra admin consent).
//
// What it does not do: MFA, conditional access, passwords (a name is enough here), nested app
// authentication (that needs Outlook). See dev/local-identity/README.md.
import { randomBytes, generateKeyPairSync, type KeyObject } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { selfSignedCertificate } from './certificate';
import { loginPage, type LoginPageUser } from './loginPage';
import { LOCAL_TENANT_ID } from '../local-graph/tenant';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** Delegated Graph permissions the stand-in can grant (admin-consented for every user). */
export const GRAPH_DELEGATED_SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'User.Read.All',
  'GroupMember.Read.All',
  'Sites.Selected',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'Sites.Manage.All',
  'Mail.Read',
  'Mail.ReadWrite',
  'Mail.Read.Shared',
  'Mail.ReadWrite.Shared',
  'Mail.Send',
  'Mail.Send.Shared',
  'MailboxSettings.ReadWrite',
] as const;

export interface IdentityUser extends LoginPageUser {
  /** Directory object id: the token's oid. */
  id: string;
}

export interface LocalIdentityOptions {
  users: IdentityUser[];
  /** The app registration: its client id and the redirect URIs of its SPA platform. */
  clientId: string;
  redirectUris: string[];
  tenantId?: string;
  tenantName?: string;
  port?: number;
  host?: string;
  /** Access token lifetime; Entra's default is 60–90 minutes. */
  accessTokenTtlSeconds?: number;
}

export interface LocalIdentity {
  /** https://127.0.0.1:<port>/<tenant>: what MSAL's `auth.authority` is set to. */
  authority: string;
  /** The `iss` of every token. */
  issuer: string;
  tenantId: string;
  clientId: string;
  /** The public signing keys (what discovery's jwks_uri serves), for the local Graph service. */
  jwks: { keys: Record<string, unknown>[] };
  /** Token requests seen, by grant type (tests count refresh_token grants). */
  tokenGrants(): string[];
  close(): Promise<void>;
}

/** A fixed tenant id for the local school: the seeds do not name one. */
export { LOCAL_TENANT_ID };

function signingKey(): { privateJwk: Record<string, unknown>; publicJwk: Record<string, unknown> } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = (key: KeyObject) => ({
    ...key.export({ format: 'jwk' }),
    kid,
    alg: 'RS256',
    use: 'sig',
  });
  return { privateJwk: jwk(privateKey), publicJwk: jwk(publicKey) };
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy();
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

export async function startLocalIdentity(options: LocalIdentityOptions): Promise<LocalIdentity> {
  const { default: Provider, interactionPolicy } = await import('oidc-provider');
  const tenantId = options.tenantId ?? LOCAL_TENANT_ID;
  const host = options.host ?? '127.0.0.1';
  const users = options.users;
  const byId = new Map(users.map((u) => [u.id, u]));
  const byName = (name: string) =>
    users.find((u) => u.userPrincipalName.toLowerCase() === name.trim().toLowerCase());
  const { privateJwk, publicJwk } = signingKey();
  const grants: string[] = [];
  const allowedOrigins = new Set(options.redirectUris.map((uri) => new URL(uri).origin));

  const certificate = await selfSignedCertificate(host);
  let server: https.Server | undefined;
  const listening = new Promise<number>((resolve, reject) => {
    server = https.createServer(certificate, (req, res) => void handle(req, res));
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const address = server?.address();
      resolve(typeof address === 'object' && address ? address.port : (options.port ?? 0));
    });
  });
  const port = await listening;
  const origin = `https://${host}:${port}`;
  const authority = `${origin}/${tenantId}`;
  const mountPath = `/${tenantId}/v2.0`;
  const issuer = `${origin}${mountPath}`;

  // Sign-in is asked again when the login_hint names someone other than the session's person.
  const policy = interactionPolicy.base();
  policy.get('login')?.checks.add(
    new interactionPolicy.Check(
      'login_hint_other_user',
      'the login_hint names another user than the one signed in',
      (ctx) => {
        // Only a sign-in left from before asks again: someone who has just signed in, whoever
        // they chose to be, is signed in (the hint only pre-fills the name, as at Entra).
        if (ctx.oidc.result?.login) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        const hint = ctx.oidc.params?.login_hint;
        const accountId = ctx.oidc.session?.accountId;
        if (typeof hint !== 'string' || !hint || !accountId) {
          return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        }
        const signedIn = byId.get(accountId);
        return signedIn && signedIn.userPrincipalName.toLowerCase() === hint.toLowerCase()
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT;
      },
    ),
  );

  const graphScopes = GRAPH_DELEGATED_SCOPES.join(' ');
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        application_type: 'web',
      },
    ],
    async findAccount(_ctx, id) {
      const user = byId.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: user.id,
            oid: user.id,
            tid: tenantId,
            name: user.displayName,
            preferred_username: user.userPrincipalName,
            ver: '2.0',
          };
        },
      };
    },
    claims: { openid: ['sub', 'oid', 'tid', 'ver'], profile: ['name', 'preferred_username'] },
    // Entra puts these claims in the ID token itself (MSAL reads the account from it).
    conformIdTokenClaims: false,
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // MSAL asks with bare Graph scopes ("User.Read") and no resource parameter: Graph is
        // the resource, as Entra reads it.
        defaultResource: async () => GRAPH_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== GRAPH_RESOURCE) throw new Error('unknown resource');
          return {
            scope: graphScopes,
            audience: GRAPH_RESOURCE,
            accessTokenTTL: ttl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    async extraTokenClaims(_ctx, token) {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const user = accountId ? byId.get(accountId) : undefined;
      if (!user) return undefined;
      return {
        upn: user.userPrincipalName,
        unique_name: user.userPrincipalName,
        preferred_username: user.userPrincipalName,
        name: user.displayName,
        oid: user.id,
        tid: tenantId,
        scp: String(token.scope ?? '')
          .split(' ')
          .filter((s) => GRAPH_DELEGATED_SCOPES.includes(s as never))
          .join(' '),
      };
    },
    // Admin consent: every user of the school has the app's permissions without a prompt.
    async loadExistingGrant(ctx) {
      const { Grant } = ctx.oidc.provider;
      const grantId =
        ctx.oidc.result?.consent?.grantId ||
        ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      const existing = grantId ? await Grant.find(grantId) : undefined;
      if (existing) return existing;
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid profile email offline_access');
      grant.addResourceScope(GRAPH_RESOURCE, graphScopes);
      await grant.save();
      return grant;
    },
    async issueRefreshToken(_ctx, client) {
      return client.grantTypeAllowed('refresh_token');
    },
    clientBasedCORS: (_ctx, requestOrigin) => allowedOrigins.has(requestOrigin),
    pkce: { methods: ['S256'], required: () => true },
    jwks: { keys: [privateJwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: {
      AccessToken: ttl,
      AuthorizationCode: 600,
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Interaction: 600,
      Session: 24 * 3600,
      Grant: 24 * 3600,
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}`,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!doctype html><title>Sign-in error</title><h1>Sign-in error</h1><p>${String(
        out.error,
      ).replace(/[<>&"]/g, '')}</p>`;
    },
  });
  provider.on('grant.success', (ctx) => {
    const grantType = (ctx.oidc.params as { grant_type?: unknown } | undefined)?.grant_type;
    if (typeof grantType === 'string') grants.push(grantType);
  });
  const callback = provider.callback();

  async function interaction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
  ): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
    if (req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(loginPage({ action: req.url ?? '', hint, users, tenantName: options.tenantName }));
      return;
    }
    const form = await readForm(req);
    if (form.get('cancel') !== null) {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The user cancelled sign-in.',
      });
      return;
    }
    const user = byName(form.get('username') ?? '');
    if (!user) {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(
        loginPage({
          action: req.url ?? '',
          hint: form.get('username') ?? hint,
          users,
          tenantName: options.tenantName,
          error: "We couldn't find an account with that username.",
        }),
      );
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.id } },
      { mergeWithLastSubmission: false },
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = req.url ?? '/';
      const interactionMatch = new RegExp(`^${mountPath}/interaction/([A-Za-z0-9_-]+)$`).exec(
        url.split('?')[0] ?? '',
      );
      if (interactionMatch?.[1]) {
        await interaction(req, res, interactionMatch[1]);
        return;
      }
      if (req.method === 'POST' && (url.split('?')[0] ?? '') === `${mountPath}/token`) {
        // MSAL asks every renewal for "offline_access" again. Entra grants it with the admin's
        // consent; oidc-provider follows OpenID Connect Core 11 (granted only with
        // prompt=consent), so the refresh token lacks it and a renewal asking for it would be
        // refused (invalid_scope). Asked of a refresh token, it is dropped here: a refresh token
        // is what it stands for. oidc-provider reads a body already read from req.body.
        const form = await readForm(req);
        if (form.get('grant_type') === 'refresh_token' && form.has('scope')) {
          const scope = (form.get('scope') ?? '')
            .split(' ')
            .filter((s) => s && s !== 'offline_access');
          form.set('scope', scope.join(' '));
        }
        (req as IncomingMessage & { body?: string }).body = form.toString();
      }
      if (url === mountPath || url.startsWith(`${mountPath}/`)) {
        // Mounted below the tenant path, as Entra's endpoints are: oidc-provider reads the mount
        // path from originalUrl (lib/helpers/oidc_context.js).
        (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
        req.url = url.slice(mountPath.length) || '/';
        callback(req, res);
        return;
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    } catch {
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('Sign-in request could not be processed.');
    }
  }

  return {
    authority,
    issuer,
    tenantId,
    clientId: options.clientId,
    jwks: { keys: [publicJwk] },
    tokenGrants: () => [...grants],
    close: () =>
      new Promise<void>((resolve) => {
        server?.closeAllConnections();
        server?.close(() => resolve());
      }),
  };
}
