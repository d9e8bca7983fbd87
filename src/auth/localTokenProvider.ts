// The local Graph service (workbench, tests) accepts `local:<upn>` as a bearer token: no sign-in.
import type { TokenProvider } from './tokenProvider';

export function createLocalTokenProvider(userPrincipalName: string): TokenProvider {
  const token = `local:${userPrincipalName}`;
  return {
    method: 'local',
    getAccessToken: () => Promise.resolve(token),
  };
}

/**
 * An app-only token for the local service (`local-app:<name>`): what the routing job's
 * client-credentials sign-in stands for. Application permissions reach every mailbox; `/me` does
 * not exist for it.
 */
export function createLocalAppOnlyTokenProvider(appName = 'contact-guard-routing'): TokenProvider {
  const token = `local-app:${appName}`;
  return {
    method: 'local',
    getAccessToken: () => Promise.resolve(token),
  };
}
