// Chooses the sign-in method from configuration: local tokens for the local Graph service, or the
// MSAL chain in Outlook (nested app auth → Office dialog).
//
// App registration (Entra ID → App registrations → Authentication → Single-page application), for
// an add-in served from https://addin.example.sch.uk:
//   https://addin.example.sch.uk/auth-dialog.html   the Office dialog, the review page's popup
//   brk-multihub://addin.example.sch.uk             nested app authentication
// plus the delegated Graph permissions in config.auth.scopes, reviewerScopes and adminScopes (the
// last two are asked for only when a reviewer or admin feature first needs them: scopeSets.ts). See authUrls.ts for why the popup
// returns to auth-dialog.html rather than taskpane.html (MSAL v5's redirect bridge).
import type { AppConfig } from '../config/appConfig';
import type { MailHost } from '../host/mailHost';
import { authorityOf, authPageUrl } from './authUrls';
import { dialogUrlFor } from './dialog/authDialogFlow';
import { expectedIdentities } from './expectedIdentity';
import { createLocalTokenProvider } from './localTokenProvider';
import { msalConfiguration } from './msalConfiguration';
import {
  createBrowserMsalTokenProvider,
  createPaneTokenProvider,
  type BrowserTokenProvider,
} from './msalTokenProvider';
import { officeGlobal, type OfficeSignInApi } from './officeSignInApi';
import { createOfficeDialogTokenProvider } from './officeDialogTokenProvider';
import { SignInRequiredError, type TokenProvider } from './tokenProvider';

export type { OfficeSignInApi } from './officeSignInApi';

export interface TokenProviderEnvironment {
  /** The add-in's origin; defaults to the page's. */
  origin?: string;
  /** Office.js, or the workbench's own stand-in for it; defaults to the global. */
  office?: OfficeSignInApi;
}

function supportsNestedAppAuth(office: OfficeSignInApi | undefined): boolean {
  try {
    return office?.context?.requirements?.isSetSupported('NestedAppAuth', '1.1') ?? false;
  } catch {
    return false;
  }
}

/** Without a client id no sign-in can work: say so plainly instead of failing inside MSAL. */
function notConfigured(): BrowserTokenProvider {
  const refuse = () =>
    Promise.reject(
      new SignInRequiredError(
        'Sign-in is not configured for this add-in. Ask your IT administrator.',
      ),
    );
  return {
    method: 'popup',
    getAccessToken: refuse,
    handleRedirectPromise: () => Promise.resolve(),
  };
}

/**
 * The task pane's sign-in: local tokens for the local service, else nested app authentication
 * where Outlook offers it, else the Office dialog (see msalTokenProvider.ts for why never an MSAL
 * browser popup from the pane). Always as the mailbox user.
 */
export function createTokenProvider(
  config: AppConfig,
  host: MailHost,
  environment: TokenProviderEnvironment = {},
): TokenProvider {
  const userAddress = host.getUser().emailAddress;
  if (config.auth.mode === 'local') return createLocalTokenProvider(userAddress);
  if (!config.auth.clientId) return notConfigured();

  const office = environment.office ?? officeGlobal();
  const origin = environment.origin ?? globalThis.location?.origin ?? '';
  const authPage = authPageUrl(origin);
  return createPaneTokenProvider({
    configuration: msalConfiguration({
      clientId: config.auth.clientId,
      authority: authorityOf(config.auth),
      redirectUri: authPage,
    }),
    scopes: config.auth,
    mailboxUser: userAddress,
    useNestedAppAuth: supportsNestedAppAuth(office),
    office,
    dialog: createOfficeDialogTokenProvider({
      dialogUrl: (purpose) => dialogUrlFor(authPage, userAddress || undefined, purpose),
      expectedUsers: expectedIdentities(userAddress),
      office,
    }),
  });
}

/**
 * The review page (review.html) in a browser tab, outside Outlook: no mail host and no Office, so
 * MSAL with a popup (it returns to auth-dialog.html, the same redirect URI as the pane) and a
 * redirect when the popup is blocked; or local tokens for the local service as `loginHint` (the
 * workbench build only passes one). The page calls handleRedirectPromise() first.
 */
export function createBrowserTokenProvider(
  config: AppConfig,
  loginHint?: string,
  environment: Pick<TokenProviderEnvironment, 'origin'> = {},
): BrowserTokenProvider {
  const noRedirect = () => Promise.resolve();
  if (config.auth.mode === 'local') {
    return loginHint
      ? { ...createLocalTokenProvider(loginHint), handleRedirectPromise: noRedirect }
      : {
          method: 'local',
          getAccessToken: () =>
            Promise.reject(new SignInRequiredError('Open the review page from the workbench.')),
          handleRedirectPromise: noRedirect,
        };
  }
  if (!config.auth.clientId) return notConfigured();
  const origin = environment.origin ?? globalThis.location?.origin ?? '';
  return createBrowserMsalTokenProvider({
    configuration: msalConfiguration({
      clientId: config.auth.clientId,
      authority: authorityOf(config.auth),
      redirectUri: authPageUrl(origin),
    }),
    scopes: config.auth,
    loginHint: loginHint || undefined,
  });
}
