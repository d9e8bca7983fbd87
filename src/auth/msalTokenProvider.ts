// Sign-in with MSAL: nested app authentication where Outlook offers it (NestedAppAuth 1.1; Outlook
// brokers the sign-in, no popup of ours), otherwise a standard MSAL app with a popup, and when the
// popup is blocked, the Office dialog. Silent first every time; interactive only when MSAL says
// interaction is required.
//
// MSAL is loaded with a dynamic import so that it is its own chunk, fetched only when a token is
// first needed: the workbench (local tokens) never loads it. Only types are imported statically.
import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
} from '@azure/msal-browser';
import { SignInRequiredError, type TokenProvider } from './tokenProvider';

type MsalModule = typeof import('@azure/msal-browser');
type MsalMethod = 'nestedAppAuth' | 'popup' | 'officeDialog';

export interface MsalTokenProviderOptions {
  configuration: Configuration;
  scopes: string[];
  /** The signed-in mailbox user's address: picks the account and pre-fills the sign-in page. */
  loginHint?: string;
  /** True when Office reports NestedAppAuth 1.1. */
  useNestedAppAuth: boolean;
  /** Used when the browser blocks MSAL's popup. */
  dialogFallback?: TokenProvider;
}

// BrowserAuthError codes (msal-browser BrowserAuthErrorCodes) that mean "the popup never opened".
const POPUP_BLOCKED_CODES = new Set(['popup_window_error', 'empty_window_error']);
// No cached account, or the hidden-iframe check timed out (third-party cookies blocked): the user
// has to be asked, the same as InteractionRequiredAuthError.
const SILENT_NEEDS_USER_CODES = new Set(['no_account_error', 'timed_out']);

function loadMsal(): Promise<MsalModule> {
  return import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' ? code : undefined;
}

export function createMsalTokenProvider(options: MsalTokenProviderOptions): TokenProvider {
  let method: MsalMethod = options.useNestedAppAuth ? 'nestedAppAuth' : 'popup';
  let popupBlocked = false;
  let appPromise: Promise<{ msal: MsalModule; app: IPublicClientApplication }> | undefined;
  let inFlight: Promise<string> | undefined;

  async function createApp(): Promise<{ msal: MsalModule; app: IPublicClientApplication }> {
    const msal = await loadMsal();
    if (options.useNestedAppAuth) {
      try {
        return {
          msal,
          app: await msal.createNestablePublicClientApplication(options.configuration),
        };
      } catch {
        // The host said it supports nested app auth but the bridge did not answer: use a popup.
        method = 'popup';
      }
    }
    const app = new msal.PublicClientApplication(options.configuration);
    await app.initialize();
    return { msal, app };
  }

  function getApp(): Promise<{ msal: MsalModule; app: IPublicClientApplication }> {
    appPromise ??= createApp().catch((error: unknown) => {
      appPromise = undefined; // a failed start (offline when the chunk loads) may be retried
      throw error;
    });
    return appPromise;
  }

  function findAccount(app: IPublicClientApplication): AccountInfo | null {
    const active = app.getActiveAccount();
    if (active) return active;
    if (options.loginHint) {
      const byHint = app.getAccount({ username: options.loginHint });
      if (byHint) return byHint;
    }
    return null;
  }

  function needsInteraction(msal: MsalModule, error: unknown): boolean {
    if (error instanceof msal.InteractionRequiredAuthError) return true;
    return (
      error instanceof msal.BrowserAuthError && SILENT_NEEDS_USER_CODES.has(errorCode(error) ?? '')
    );
  }

  async function acquireSilently(app: IPublicClientApplication): Promise<AuthenticationResult> {
    const account = findAccount(app);
    if (account) return app.acquireTokenSilent({ scopes: options.scopes, account });
    if (method === 'nestedAppAuth') {
      // Outlook knows the signed-in user: nested app auth needs no cached account.
      return app.acquireTokenSilent({ scopes: options.scopes });
    }
    if (options.loginHint) {
      return app.ssoSilent({ scopes: options.scopes, loginHint: options.loginHint });
    }
    return app.acquireTokenSilent({ scopes: options.scopes });
  }

  function remember(app: IPublicClientApplication, result: AuthenticationResult): string {
    if (result.account) app.setActiveAccount(result.account);
    if (!result.accessToken) throw new SignInRequiredError('Sign-in did not return a token.');
    return result.accessToken;
  }

  async function viaDialog(): Promise<string> {
    if (!options.dialogFallback) {
      throw new SignInRequiredError(
        'The sign-in window was blocked. Allow pop-ups for this add-in and try again.',
      );
    }
    method = 'officeDialog';
    return options.dialogFallback.getAccessToken();
  }

  async function acquire(): Promise<string> {
    let msal: MsalModule;
    let app: IPublicClientApplication;
    try {
      ({ msal, app } = await getApp());
    } catch {
      throw new SignInRequiredError('Sign-in could not start. Check the connection and try again.');
    }

    try {
      return remember(app, await acquireSilently(app));
    } catch (error) {
      if (error instanceof SignInRequiredError) throw error;
      if (!needsInteraction(msal, error)) {
        throw new SignInRequiredError('Sign-in could not be checked. Try again in a moment.');
      }
    }

    // Once the popup has been blocked, go straight to the dialog rather than fail again.
    if (popupBlocked) return viaDialog();
    try {
      return remember(
        app,
        await app.acquireTokenPopup({ scopes: options.scopes, loginHint: options.loginHint }),
      );
    } catch (error) {
      if (error instanceof SignInRequiredError) throw error;
      if (
        error instanceof msal.BrowserAuthError &&
        POPUP_BLOCKED_CODES.has(errorCode(error) ?? '')
      ) {
        popupBlocked = true;
        return viaDialog();
      }
      if (errorCode(error) === 'user_cancelled') {
        throw new SignInRequiredError('Sign-in was cancelled.');
      }
      throw new SignInRequiredError('Sign-in did not complete. Try again.');
    }
  }

  return {
    get method(): MsalMethod {
      return method;
    },
    getAccessToken(): Promise<string> {
      // Graph calls made together share one sign-in: never two popups at once.
      inFlight ??= acquire().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
