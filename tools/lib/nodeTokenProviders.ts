// Token providers for command-line tools running in Node. None of them ever prints a token.
// (The local service's provider is the add-in's own: src/auth/localTokenProvider.ts.)

import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
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
  /** Full resource scopes, e.g. https://graph.microsoft.com/Sites.Manage.All */
  scopes: string[];
  /** Where to show "go to https://microsoft.com/devicelogin and enter code ..." (not a secret). */
  showInstructions: (message: string) => void;
}

/** Renew a little before expiry so that a long run never sends a token that dies in flight. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/** Microsoft Entra device-code sign-in (delegated): for admins running a tool in a terminal. */
export function deviceCodeTokenProvider(options: DeviceCodeOptions): TokenProvider {
  const app = new PublicClientApplication({
    auth: {
      clientId: options.clientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(options.tenantId)}`,
    },
  });
  let current: AuthenticationResult | null = null;

  const fresh = (result: AuthenticationResult | null): boolean =>
    result?.expiresOn != null && result.expiresOn.getTime() - Date.now() > EXPIRY_MARGIN_MS;

  return {
    method: 'deviceCode',
    getAccessToken: async () => {
      if (current && fresh(current)) return current.accessToken;
      if (current?.account) {
        try {
          current = await app.acquireTokenSilent({
            account: current.account,
            scopes: options.scopes,
          });
          if (current) return current.accessToken;
        } catch {
          // Fall through to a new device-code sign-in.
        }
      }
      current = await app.acquireTokenByDeviceCode({
        scopes: options.scopes,
        deviceCodeCallback: (response) => options.showInstructions(response.message),
      });
      if (!current) throw new SignInRequiredError('The device-code sign-in returned no token');
      return current.accessToken;
    },
  };
}
