// The local Graph service (workbench, tests) accepts `local:<upn>` as a bearer token: no sign-in.
import type { TokenProvider } from './tokenProvider';

export function createLocalTokenProvider(userPrincipalName: string): TokenProvider {
  const token = `local:${userPrincipalName}`;
  return {
    method: 'local',
    getAccessToken: () => Promise.resolve(token),
  };
}
