// Token providers for command-line tools running in Node. None of them ever prints a token.
// (The local service's provider is the add-in's own: src/auth/localTokenProvider.ts.)

import {
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
} from '@azure/msal-node';
import { SignInRequiredError, type TokenProvider } from '../../src/auth/tokenProvider';

/** A token an admin obtained elsewhere, read from the environment variable they named. */
export function environmentTokenProvider(
  variableName: string,
  env: NodeJS.ProcessEnv = process.env,
): TokenProvider {
  return {
    method: 'environment',
    getAccessToken: async () => {
      const token = env[variableName]?.trim();
      if (!token)
        throw new SignInRequiredError(`The environment variable ${variableName} is empty`);
      return token.replace(/^Bearer\s+/i, '');
    },
  };
}

export interface DeviceCodeOptions {
  clientId: string;
  /** Tenant id or domain, e.g. oakfield.sch.uk. */
  tenantId: string;
  /** Where to show "go to https://microsoft.com/devicelogin and enter code ..." (not a secret). */
  showInstructions: (message: string) => void;
}

/** Renew a little before expiry so that a long run never sends a token that dies in flight. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * Microsoft Entra device-code sign-in (delegated), for admins running a tool in a terminal: one
 * sign-in for several resources (Graph, then SharePoint): each provider asks for
 * its own scopes, silently with the account already signed in when it can, so that the admin
 * enters one code rather than one per resource.
 */
export function deviceCodeSession(options: DeviceCodeOptions): (scopes: string[]) => TokenProvider {
  const app = new PublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(options.tenantId)}`,
    },
  });
  let account: AccountInfo | null = null;

  const fresh = (result: AuthenticationResult | null): boolean =>
    result?.expiresOn != null && result.expiresOn.getTime() - Date.now() > EXPIRY_MARGIN_MS;

  return (scopes) => {
    let current: AuthenticationResult | null = null;
    return {
      method: 'deviceCode',
      getAccessToken: async () => {
        if (current && fresh(current)) return current.accessToken;
        if (account) {
          try {
            current = await app.acquireTokenSilent({ account, scopes });
            if (current) return current.accessToken;
          } catch {
            // Fall through to a new device-code sign-in (e.g. consent still to give).
          }
        }
        current = await app.acquireTokenByDeviceCode({
          scopes,
          deviceCodeCallback: (response) => options.showInstructions(response.message),
        });
        if (!current) throw new SignInRequiredError('The device-code sign-in returned no token');
        account = current.account;
        return current.accessToken;
      },
    };
  };
}
