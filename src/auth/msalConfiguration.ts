// The one MSAL configuration, shared by the task pane (nested app auth) and the sign-in dialog
// (and the review page), so that all of them read and write the same token cache.
import type { Configuration } from '@azure/msal-browser';
import { ENTRA_ID_HOST } from './authUrls';

export interface MsalAppSettings {
  clientId: string;
  /** From authorityOf(config.auth): Entra ID's for the tenant, or the configured one. */
  authority: string;
  /** The page sign-in answers return to (see authUrls.ts). */
  redirectUri: string;
}

/**
 * An authority outside Entra ID (the local OpenID Connect provider) is named in knownAuthorities
 * as host[:port]: MSAL then trusts it as it is and skips instance discovery, which would ask
 * login.microsoftonline.com on the internet about a host it has never heard of. protocolMode stays
 * MSAL's default (AAD): the provider answers as Entra ID does.
 */
function knownAuthoritiesFor(authority: string): string[] | undefined {
  let host: string;
  try {
    host = new URL(authority).host.toLowerCase();
  } catch {
    return undefined; // MSAL reports the malformed authority itself
  }
  return host === ENTRA_ID_HOST ? undefined : [host];
}

export function msalConfiguration(settings: MsalAppSettings): Configuration {
  const knownAuthorities = knownAuthoritiesFor(settings.authority);
  return {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority,
      redirectUri: settings.redirectUri,
      ...(knownAuthorities ? { knownAuthorities } : {}),
    },
    cache: {
      // Outlook on the web reloads the pane often, and the dialog is another window: localStorage
      // (encrypted by MSAL) lets a sign-in made in one be used silently by the other.
      cacheLocation: 'localStorage',
    },
    // No logger callback: MSAL's log lines can carry account details, and tokens never go to logs.
  };
}
