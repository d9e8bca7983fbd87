// What auth-dialog.html does, kept apart from the page entry so that it can be tested. The page
// plays two parts:
//   1. MSAL v5's redirect bridge: when it is loaded with a sign-in answer in the URL (the popup
//      opened by the task pane, or the return from this dialog's own redirect) it hands the answer
//      on with broadcastResponseToMainFrame() before anything else touches the URL.
//   2. The Office dialog: otherwise it signs in with an MSAL redirect and sends the token to the
//      task pane with Office.context.ui.messageParent.
// The pane names the mailbox user in the URL (?login_hint=…), and, for a reviewer's or admin's
// feature, the scope set it needs (&scopes=admin: a name from scopeSets.ts, never a list of scopes,
// so that a crafted link cannot make the page ask for anything the configuration does not list). The page signs in as that user
// only: the hint pre-fills the sign-in page, only that user's cached account is used silently
// (never whichever account the browser happens to hold), and a sign-in that comes back for
// someone else is refused and removed from MSAL's cache. MSAL's redirect bridge navigates back to
// the URL that started the redirect, query included, so the hint is still there on the way back.
import type { AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import type { AppConfig } from '../../config/appConfig';
import { authorityOf, authPageUrl } from '../authUrls';
import { isExpectedUser } from '../expectedIdentity';
import { msalConfiguration } from '../msalConfiguration';
import { forgetAccount, forgetOtherAccounts } from '../msalTokenProvider';
import { isScopePurpose, scopesFor, type ScopePurpose } from '../scopeSets';
import { serializeAuthDialogMessage, type AuthDialogMessage } from './dialogProtocol';

type MsalModule = typeof import('@azure/msal-browser');

export interface AuthDialogDependencies {
  location: { hash: string; search: string; origin: string };
  config: AppConfig;
  loadMsal(): Promise<MsalModule>;
  loadRedirectBridge(): Promise<{ broadcastResponseToMainFrame(): Promise<void> }>;
  /** Office once ready, or undefined when the page is not inside an Office dialog. */
  officeReady(): Promise<Pick<typeof Office, 'context'> | undefined>;
  /** Survives the redirect to the sign-in page and back (sessionStorage in the page). */
  redirectMarker: { isSet(): boolean; set(): void; clear(): void };
  showStatus(text: string): void;
}

export type AuthDialogOutcome =
  'relayedAnswer' | 'sentToken' | 'sentError' | 'redirecting' | 'notInOffice';

/** The query parameter the pane names the mailbox user in (see dialogUrlFor). */
export const LOGIN_HINT_PARAM = 'login_hint';

/** The query parameter naming the scope set (absent: the staff set). */
export const SCOPES_PARAM = 'scopes';

/** auth-dialog.html's URL for the pane's dialog, naming the mailbox user and the scope set. */
export function dialogUrlFor(
  authPage: string,
  loginHint: string | undefined,
  purpose: ScopePurpose = 'staff',
): string {
  const query = [
    ...(loginHint ? [`${LOGIN_HINT_PARAM}=${encodeURIComponent(loginHint)}`] : []),
    ...(purpose !== 'staff' ? [`${SCOPES_PARAM}=${purpose}`] : []),
  ].join('&');
  return query ? `${authPage}?${query}` : authPage;
}

/** The scope set the URL names; anything unknown is the staff set. */
export function purposeIn(search: string): ScopePurpose {
  const named = new URLSearchParams(search.replace(/^\?/, '')).get(SCOPES_PARAM);
  return isScopePurpose(named) ? named : 'staff';
}

function loginHintIn(search: string): string | undefined {
  const hint = new URLSearchParams(search.replace(/^\?/, '')).get(LOGIN_HINT_PARAM);
  return hint?.trim() ? hint.trim() : undefined;
}

/** True when the URL carries an OAuth answer (code or error, with MSAL's state). */
export function hasAuthAnswer(location: { hash: string; search: string }): boolean {
  return [location.hash, location.search].some((part) => {
    const params = new URLSearchParams(part.replace(/^[#?]/, ''));
    return params.has('state') && (params.has('code') || params.has('error'));
  });
}

function tokenMessage(result: AuthenticationResult): AuthDialogMessage {
  return {
    kind: 'token',
    accessToken: result.accessToken,
    expiresOn: result.expiresOn ? result.expiresOn.getTime() : null,
    username: result.account?.username || null,
  };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === 'string' ? code : undefined;
}

export async function runAuthDialog(deps: AuthDialogDependencies): Promise<AuthDialogOutcome> {
  if (hasAuthAnswer(deps.location)) {
    deps.showStatus('Finishing sign-in…');
    const bridge = await deps.loadRedirectBridge();
    await bridge.broadcastResponseToMainFrame();
    return 'relayedAnswer';
  }

  const office = await deps.officeReady();
  if (!office?.context?.ui || typeof office.context.ui.messageParent !== 'function') {
    deps.showStatus('This page is part of Contact Guard sign-in. Open Contact Guard in Outlook.');
    return 'notInOffice';
  }
  const send = (message: AuthDialogMessage): void => {
    office.context.ui.messageParent(serializeAuthDialogMessage(message));
  };

  const { auth } = deps.config;
  if (auth.mode !== 'msal' || !auth.clientId) {
    send({ kind: 'error', reason: 'notConfigured' });
    return 'sentError';
  }

  try {
    const msal = await deps.loadMsal();
    const app: IPublicClientApplication = new msal.PublicClientApplication(
      msalConfiguration({
        clientId: auth.clientId,
        authority: authorityOf(auth),
        redirectUri: authPageUrl(deps.location.origin),
      }),
    );
    await app.initialize();

    const loginHint = loginHintIn(deps.location.search);
    const scopes = scopesFor(auth, purposeIn(deps.location.search));
    const expected = loginHint ? [loginHint.toLowerCase()] : [];
    /** Sends the token, or refuses it (and forgets that account) when it is someone else's. */
    const answer = async (result: AuthenticationResult): Promise<AuthDialogOutcome> => {
      if (!isExpectedUser(result.account?.username, expected)) {
        await forgetAccount(app, result.account);
        send({ kind: 'error', reason: 'wrongAccount' });
        return 'sentError';
      }
      send(tokenMessage(result));
      return 'sentToken';
    };

    const returned = await app.handleRedirectPromise();
    // Someone else who signed in on this computer (a shared reception PC) is forgotten.
    await forgetOtherAccounts(app, expected);
    if (returned?.accessToken) {
      deps.redirectMarker.clear();
      return answer(returned);
    }
    if (deps.redirectMarker.isSet()) {
      // Back from the sign-in page without an answer: stop here rather than loop.
      deps.redirectMarker.clear();
      send({ kind: 'error', reason: 'failed' });
      return 'sentError';
    }

    // Only the mailbox user's own cached account, never the first one the browser holds.
    const account = loginHint ? app.getAccount({ username: loginHint }) : null;
    if (account) {
      let silent: AuthenticationResult | undefined;
      try {
        silent = await app.acquireTokenSilent({ scopes, account });
      } catch {
        // The cached sign-in is not enough: ask the user below.
      }
      if (silent?.accessToken) return answer(silent);
    }

    deps.showStatus('Opening the Microsoft sign-in page…');
    deps.redirectMarker.set();
    await app.acquireTokenRedirect(loginHint ? { scopes, loginHint } : { scopes });
    return 'redirecting';
  } catch (error) {
    deps.redirectMarker.clear();
    const code = errorCode(error);
    const cancelled = code === 'access_denied' || code === 'user_cancelled';
    send({ kind: 'error', reason: cancelled ? 'cancelled' : 'failed' });
    return 'sentError';
  }
}
