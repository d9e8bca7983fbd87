// The one MSAL configuration, shared by the task pane (nested app auth, popup) and the sign-in
// dialog, so that both read and write the same token cache.
import type { Configuration } from '@azure/msal-browser';
import { authorityFor } from './authUrls';

export interface MsalAppSettings {
  clientId: string;
  tenantId: string;
  /** The page sign-in answers return to (see authUrls.ts). */
  redirectUri: string;
}

export function msalConfiguration(settings: MsalAppSettings): Configuration {
  return {
    auth: {
      clientId: settings.clientId,
      authority: authorityFor(settings.tenantId),
      redirectUri: settings.redirectUri,
    },
    cache: {
      // Outlook on the web reloads the pane often, and the dialog is another window: localStorage
      // (encrypted by MSAL) lets a sign-in made in one be used silently by the other.
      cacheLocation: 'localStorage',
    },
    // No logger callback: MSAL's log lines can carry account details, and tokens never go to logs.
  };
}
