// Access tokens from the local identity provider (dev/local-identity), checked as Microsoft Graph
// checks Entra's: a JWT signed by the tenant's key, issued by the tenant, for Graph's audience,
// inside its lifetime (5 minutes' clock skew, Microsoft.IdentityModel's default). Anything else is
// 401 InvalidAuthenticationToken, as Graph answers it.
// Sources: learn.microsoft.com/entra/identity-platform/access-tokens ("Validate tokens"),
// learn.microsoft.com/graph/resolve-auth-errors (401 InvalidAuthenticationToken).
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { scopesOf } from './delegatedScopes';
import { GraphError } from './graphErrors';

/** The identity provider whose tokens the service accepts, besides `local:<upn>` ones. */
export interface TrustedIdentity {
  issuer: string;
  jwks: JSONWebKeySet;
}

/** Graph accepts either form of its own audience. */
const GRAPH_AUDIENCES = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];

/** SharePoint Online accepts tokens for the tenant's SharePoint origin or its own app id. */
export function sharePointAudiences(hostname: string): string[] {
  return [`https://${hostname}`, '00000003-0000-0ff1-ce00-000000000000'];
}
const CLOCK_SKEW_SECONDS = 300;

/** Three base64url parts (a `local:` token may have dots too: local:head@oakfield.sch.uk). */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

function invalid(message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message);
}

/** Who a valid token stands for and what it was granted (`scp`, delegatedScopes.ts). */
export interface TokenIdentity {
  upn: string;
  scopes: ReadonlySet<string>;
}

/** The user principal name a valid token stands for; throws Graph's 401 otherwise. */
export async function userOfToken(
  token: string,
  trusted: TrustedIdentity | undefined,
  /** The resource the token must be for: Graph's by default; SharePoint's for its REST API. */
  audiences: string[] = GRAPH_AUDIENCES,
): Promise<string> {
  return (await identityOfToken(token, trusted, audiences)).upn;
}

/** As userOfToken, with the token's delegated scopes beside its user. */
export async function identityOfToken(
  token: string,
  trusted: TrustedIdentity | undefined,
  audiences: string[] = GRAPH_AUDIENCES,
): Promise<TokenIdentity> {
  if (!trusted) throw invalid('Access token validation failure. Invalid issuer.');
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(trusted.jwks), {
      issuer: trusted.issuer,
      audience: audiences,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    const upn = payload.upn ?? payload.preferred_username;
    if (typeof upn !== 'string' || !upn) throw invalid('Access token validation failure.');
    return { upn, scopes: scopesOf(payload.scp) };
  } catch (error) {
    if (error instanceof GraphError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw invalid('Lifetime validation failed, the token is expired.');
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') {
      throw invalid('Access token validation failure. Invalid audience.');
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') {
      throw invalid('Access token validation failure. Invalid issuer.');
    }
    throw invalid('Access token validation failure.');
  }
}
