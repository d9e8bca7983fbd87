// Sign-in with MSAL, in two places:
//
//   The task pane (createPaneTokenProvider): nested app authentication where Outlook offers it
//   (NestedAppAuth 1.1), as in Microsoft's sample (OfficeDev/Office-Add-in-samples,
//   Samples/auth/Outlook-Add-in-SSO-NAA): the account Outlook is signed in with comes from
//   Office.auth.getAuthContext() and is found with getAccount; acquireTokenSilent with it, else
//   ssoSilent with its UPN as login hint, else acquireTokenPopup, which under nested app auth is
//   brokered by Outlook (no browser window of ours). Without nested app auth, or when its bridge
//   does not answer, the Office dialog (officeDialogTokenProvider, auth-dialog.html).
//   Never an MSAL browser popup from the pane: in Outlook on the web and the new Outlook the pane
//   is a cross-origin iframe, and MSAL v5 returns a popup's answer over a BroadcastChannel, which
//   Chromium partitions by top-level site, so the pane would never hear the answer.
//
//   A top-level page (createBrowserMsalTokenProvider; review.html): silent, then MSAL's popup,
//   and when the browser blocks the popup, a full-page redirect (the page calls
//   handleRedirectPromise() when it starts, to pick up the answer on the way back).
//
// Scopes: each call names its purpose (scopeSets.ts); the staff set is asked for by default, and
// a reviewer's or admin's extra scopes only when their first call needs a token. MSAL then finds
// no cached token for the wider set and asks Entra for one with the refresh token (silently, when
// the school's admin has consented for everyone), else interactively (consent).
//
// The account is always the expected one (the mailbox user's): an account is looked up only by
// that username, never "the active account" or "the first account", and a token for anyone else
// is refused with WrongAccountError and that account removed from MSAL's cache.
//
// MSAL is loaded with a dynamic import so that it is its own chunk, fetched only when a token is
// first needed: the workbench (local tokens) never loads it. Only types are imported statically.
import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
} from '@azure/msal-browser';
import { expectedIdentities, isExpectedUser } from './expectedIdentity';
import type { OfficeAuthContext, OfficeSignInApi } from './officeSignInApi';
import { scopesFor, type ScopePurpose, type ScopeSettings } from './scopeSets';
import { SignInRequiredError, WrongAccountError, type TokenProvider } from './tokenProvider';

type MsalModule = typeof import('@azure/msal-browser');

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

function needsInteraction(msal: MsalModule, error: unknown): boolean {
  if (error instanceof msal.InteractionRequiredAuthError) return true;
  return (
    error instanceof msal.BrowserAuthError && SILENT_NEEDS_USER_CODES.has(errorCode(error) ?? '')
  );
}

function interactiveFailure(error: unknown): SignInRequiredError {
  if (error instanceof SignInRequiredError) return error;
  if (errorCode(error) === 'user_cancelled' || errorCode(error) === 'access_denied') {
    return new SignInRequiredError('Sign-in was cancelled.');
  }
  return new SignInRequiredError('Sign-in did not complete. Try again.');
}

/**
 * Removes an account from MSAL's cache on this device. In MSAL v5 clearCache clears the local
 * cache only: no navigation, no sign-out page (StandardController.clearCache).
 */
export async function forgetAccount(
  app: IPublicClientApplication,
  account: AccountInfo | null | undefined,
): Promise<void> {
  if (!account) return;
  try {
    await app.clearCache({ account });
  } catch {
    // Nested app auth does not support it (its cache is Outlook's); refusing is what matters.
  }
}

/**
 * Removes every cached account that is not an expected identity (someone else who signed in on
 * this computer). For standard apps only: a nested app's cache belongs to Outlook.
 */
export async function forgetOtherAccounts(
  app: IPublicClientApplication,
  expected: readonly string[],
): Promise<void> {
  if (expected.length === 0) return;
  for (const account of app.getAllAccounts()) {
    if (!isExpectedUser(account.username, expected)) await forgetAccount(app, account);
  }
}

/**
 * The token of a result for an expected account. Anything else is refused: the token is not
 * handed out and the account is removed from MSAL's cache.
 */
async function acceptResult(
  app: IPublicClientApplication,
  result: AuthenticationResult,
  expected: readonly string[],
): Promise<{ token: string; account: AccountInfo | null }> {
  if (!isExpectedUser(result.account?.username, expected)) {
    await forgetAccount(app, result.account);
    throw new WrongAccountError();
  }
  if (!result.accessToken) throw new SignInRequiredError('Sign-in did not return a token.');
  return { token: result.accessToken, account: result.account ?? null };
}

/**
 * Graph calls made together share one sign-in: never two prompts at once. One acquisition at a
 * time, whatever the purpose: a call for another scope set waits for the one under way (which may
 * have prompted), then asks, usually silently.
 */
function sharedInFlight(
  acquire: (purpose: ScopePurpose) => Promise<string>,
): (purpose?: ScopePurpose) => Promise<string> {
  const inFlight = new Map<ScopePurpose, Promise<string>>();
  let last: Promise<unknown> = Promise.resolve();
  return (purpose = 'staff') => {
    const pending = inFlight.get(purpose);
    if (pending) return pending;
    const next = last
      .catch(() => undefined)
      .then(() => acquire(purpose))
      .finally(() => {
        inFlight.delete(purpose);
      });
    inFlight.set(purpose, next);
    last = next;
    return next;
  };
}

export interface PaneTokenProviderOptions {
  configuration: Configuration;
  /** The staff scopes and the reviewer's and admin's extra ones (config.auth). */
  scopes: ScopeSettings;
  /** The mailbox user's address (host.getUser().emailAddress): the expected identity. */
  mailboxUser: string;
  /** True when Office reports NestedAppAuth 1.1. */
  useNestedAppAuth: boolean;
  /**
   * False in the event handlers' runtime (issue 12): it has no window for the user, so only
   * silent sign-in is tried and "needs the user" is a SignInRequiredError (the handler then uses its
   * cache). Default true (the task pane).
   */
  interactive?: boolean;
  /** Office (or the workbench's stand-in): Office.auth.getAuthContext under nested app auth. */
  office?: OfficeSignInApi;
  /**
   * The Office dialog (auth-dialog.html): without nested app auth, or when its bridge fails. It
   * is told the purpose, and asks for that purpose's scopes.
   */
  dialog: TokenProvider;
}

/** The nested app, with what Office said about the signed-in account. */
interface NestedApp {
  app: IPublicClientApplication;
  /** The account getAuthContext names, when MSAL knows it. */
  account: AccountInfo | null;
  loginHint: string | undefined;
  expected: string[];
}

/** The bridge to Outlook is not there: createNestablePublicClientApplication fell back. */
class NoBridge extends Error {}

async function readAuthContext(
  office: OfficeSignInApi | undefined,
): Promise<OfficeAuthContext | undefined> {
  try {
    const auth = office?.auth;
    if (!auth || typeof auth.getAuthContext !== 'function') return undefined;
    return await auth.getAuthContext();
  } catch {
    return undefined; // not supported by this Outlook: the mailbox address is the hint
  }
}

export function createPaneTokenProvider(options: PaneTokenProviderOptions): TokenProvider {
  let method: 'nestedAppAuth' | 'officeDialog' = options.useNestedAppAuth
    ? 'nestedAppAuth'
    : 'officeDialog';
  let nested: Promise<NestedApp> | undefined;

  async function createNestedApp(): Promise<NestedApp> {
    const msal = await loadMsal();
    // createNestablePublicClientApplication quietly returns a standard app when the bridge to
    // Outlook does not answer; a standard app would sign in with a browser popup, which cannot
    // work in the pane. The factory is called only for a real nested app.
    // A bridge that fails to start (the call rejects) is no bridge either.
    let bridged = false;
    let app: IPublicClientApplication;
    try {
      app = await msal.createNestablePublicClientApplication(
        options.configuration,
        undefined,
        (configuration, controller) => {
          bridged = true;
          return new msal.PublicClientApplication(configuration, controller);
        },
      );
    } catch {
      throw new NoBridge();
    }
    if (!bridged) throw new NoBridge();

    // As Microsoft's sample does: the account Outlook is signed in with, found by its UPN, tenant
    // and object id; its login hint for ssoSilent. Without an auth context, the mailbox address.
    const context = await readAuthContext(options.office);
    const upn = context?.userPrincipalName || undefined;
    const account = upn
      ? app.getAccount({
          username: upn,
          tenantId: context?.tenantId,
          localAccountId: context?.userObjectId,
        })
      : null;
    return {
      app,
      account:
        account && isExpectedUser(account.username, expectedIdentities(upn)) ? account : null,
      loginHint: context?.loginHint || upn || options.mailboxUser || undefined,
      expected: expectedIdentities(options.mailboxUser, upn),
    };
  }

  function getNestedApp(): Promise<NestedApp> {
    nested ??= createNestedApp().catch((error: unknown) => {
      nested = undefined; // a failed start (offline when the chunk loads) may be retried
      throw error;
    });
    return nested;
  }

  async function viaNestedAppAuth(purpose: ScopePurpose): Promise<string> {
    const naa = await getNestedApp();
    const { app } = naa;
    const scopes = scopesFor(options.scopes, purpose);
    const accept = async (result: AuthenticationResult): Promise<string> => {
      const accepted = await acceptResult(app, result, naa.expected);
      if (accepted.account) naa.account = accepted.account;
      return accepted.token;
    };

    if (naa.account) {
      let result: AuthenticationResult | undefined;
      try {
        result = await app.acquireTokenSilent({ scopes, account: naa.account });
      } catch {
        // As in the sample: on to ssoSilent, then interactive.
      }
      if (result) return accept(result);
    }
    if (naa.loginHint) {
      let result: AuthenticationResult | undefined;
      try {
        result = await app.ssoSilent({ scopes, loginHint: naa.loginHint });
      } catch {
        // On to interactive.
      }
      if (result) return accept(result);
    }
    if (options.interactive === false)
      throw new SignInRequiredError('Sign-in needs you: open Contact Guard to sign in.');
    // Brokered by Outlook under nested app auth: Outlook's own sign-in UI, not a browser popup.
    let result: AuthenticationResult;
    try {
      result = await app.acquireTokenPopup({
        scopes,
        ...(naa.loginHint ? { loginHint: naa.loginHint } : {}),
        ...(naa.account ? { account: naa.account } : {}),
      });
    } catch (error) {
      throw interactiveFailure(error);
    }
    return accept(result);
  }

  let standard: Promise<IPublicClientApplication> | undefined;

  /**
   * Before the dialog: MSAL in the pane, silently only (never a popup), for the mailbox user's
   * account from the cache the dialog writes. Where the pane and the dialog share storage (Outlook
   * on Windows and Mac run both as top-level pages of the add-in's origin; the workbench) a reload
   * or an expired token then needs no dialog: the cached token, or a refresh-token renewal. Where
   * the browser partitions the pane's storage (Outlook on the web: the pane is a cross-site
   * iframe), nothing is found and the dialog is used, as before.
   */
  async function silentlyInPane(purpose: ScopePurpose): Promise<string | undefined> {
    const expected = expectedIdentities(options.mailboxUser);
    try {
      standard ??= loadMsal()
        .then(async (msal) => {
          const app = new msal.PublicClientApplication(options.configuration);
          await app.initialize();
          await forgetOtherAccounts(app, expected);
          return app;
        })
        .catch((error: unknown) => {
          standard = undefined; // MSAL's chunk did not load (offline): try again next time
          throw error;
        });
      const app = await standard;
      const account = app.getAccount({ username: options.mailboxUser });
      if (!account) return undefined;
      const scopes = scopesFor(options.scopes, purpose);
      const result = await app.acquireTokenSilent({ scopes, account });
      return (await acceptResult(app, result, expected)).token;
    } catch (error) {
      if (error instanceof WrongAccountError) throw error;
      return undefined; // not in the cache, or renewal needs the user: the dialog
    }
  }

  async function acquire(purpose: ScopePurpose): Promise<string> {
    if (method === 'nestedAppAuth') {
      try {
        return await viaNestedAppAuth(purpose);
      } catch (error) {
        if (!(error instanceof NoBridge)) {
          if (error instanceof SignInRequiredError) throw error;
          // MSAL itself did not load (offline): nothing to fall back to yet.
          throw new SignInRequiredError(
            'Sign-in could not start. Check the connection and try again.',
          );
        }
        // Outlook said it supports nested app auth but the bridge did not answer: the dialog.
        method = 'officeDialog';
      }
    }
    return (await silentlyInPane(purpose)) ?? options.dialog.getAccessToken(purpose);
  }

  const getAccessToken = sharedInFlight(acquire);
  return {
    get method() {
      return method;
    },
    getAccessToken,
  };
}

export interface BrowserMsalTokenProviderOptions {
  configuration: Configuration;
  /** The staff scopes and the reviewer's and admin's extra ones (config.auth). */
  scopes: ScopeSettings;
  /** Who must sign in, when the page knows; without it, whoever signs in is who it is for. */
  loginHint?: string;
}

export interface BrowserTokenProvider extends TokenProvider {
  /**
   * Picks up the answer of a redirect sign-in (MSAL's redirect bridge on auth-dialog.html
   * navigates back to the page that started it). The page calls this first, when it starts.
   */
  handleRedirectPromise(): Promise<void>;
}

export function createBrowserMsalTokenProvider(
  options: BrowserMsalTokenProviderOptions,
): BrowserTokenProvider {
  const expected = expectedIdentities(options.loginHint);
  const loginHint = options.loginHint || undefined;
  let popupBlocked = false;
  /** The account this page signed in with (used only when no login hint names one). */
  let signedIn: AccountInfo | null = null;
  /** What a redirect brought back (read once, before anything else), and whether it was used. */
  let redirect: Promise<string | undefined> | undefined;
  let redirectUsed = false;
  let appPromise: Promise<{ msal: MsalModule; app: IPublicClientApplication }> | undefined;

  async function createApp(): Promise<{ msal: MsalModule; app: IPublicClientApplication }> {
    const msal = await loadMsal();
    const app = new msal.PublicClientApplication(options.configuration);
    await app.initialize();
    // Someone else who signed in on this computer is forgotten before anything is looked up.
    await forgetOtherAccounts(app, expected);
    return { msal, app };
  }

  function getApp(): Promise<{ msal: MsalModule; app: IPublicClientApplication }> {
    appPromise ??= createApp().catch((error: unknown) => {
      appPromise = undefined;
      throw error;
    });
    return appPromise;
  }

  async function accept(app: IPublicClientApplication, result: AuthenticationResult) {
    const accepted = await acceptResult(app, result, expected);
    if (accepted.account) signedIn = accepted.account;
    return accepted.token;
  }

  async function readRedirect(): Promise<string | undefined> {
    let app: IPublicClientApplication;
    try {
      ({ app } = await getApp());
    } catch {
      throw new SignInRequiredError('Sign-in could not start. Check the connection and try again.');
    }
    let result: AuthenticationResult | null;
    try {
      result = await app.handleRedirectPromise();
    } catch (error) {
      throw interactiveFailure(error);
    }
    return result ? accept(app, result) : undefined;
  }

  function findAccount(app: IPublicClientApplication): AccountInfo | null {
    if (loginHint) return app.getAccount({ username: loginHint });
    return signedIn;
  }

  function pickUpRedirect(): Promise<string | undefined> {
    redirect ??= readRedirect();
    return redirect;
  }

  async function acquire(purpose: ScopePurpose): Promise<string> {
    const scopes = scopesFor(options.scopes, purpose);
    // MSAL wants the redirect handled before any other call; its answer is used once. A refused
    // or failed one was reported by handleRedirectPromise(): ask again below.
    const redirected = await pickUpRedirect().catch(() => undefined);
    if (redirected && !redirectUsed) {
      redirectUsed = true;
      return redirected;
    }

    let msal: MsalModule;
    let app: IPublicClientApplication;
    try {
      ({ msal, app } = await getApp());
    } catch {
      throw new SignInRequiredError('Sign-in could not start. Check the connection and try again.');
    }

    try {
      const account = findAccount(app);
      if (account) return await accept(app, await app.acquireTokenSilent({ scopes, account }));
      if (loginHint) {
        return await accept(app, await app.ssoSilent({ scopes, loginHint }));
      }
    } catch (error) {
      if (error instanceof SignInRequiredError) throw error;
      if (!needsInteraction(msal, error)) {
        throw new SignInRequiredError('Sign-in could not be checked. Try again in a moment.');
      }
    }

    const request = { scopes, ...(loginHint ? { loginHint } : {}) };
    if (!popupBlocked) {
      try {
        return await accept(app, await app.acquireTokenPopup(request));
      } catch (error) {
        if (
          !(error instanceof msal.BrowserAuthError) ||
          !POPUP_BLOCKED_CODES.has(errorCode(error) ?? '')
        ) {
          throw interactiveFailure(error);
        }
        popupBlocked = true;
      }
    }
    // The popup was blocked: sign in in this tab. The page navigates away; the answer comes back
    // through handleRedirectPromise() when it starts again.
    try {
      await app.acquireTokenRedirect(request);
    } catch (error) {
      throw interactiveFailure(error);
    }
    throw new SignInRequiredError('Opening the Microsoft sign-in page…');
  }

  const getAccessToken = sharedInFlight(acquire);
  return {
    method: 'popup',
    getAccessToken,
    async handleRedirectPromise(): Promise<void> {
      // A refused or failed redirect is reported here; a good one waits for the first request.
      await pickUpRedirect();
    },
  };
}
