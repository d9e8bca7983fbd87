// What auth-dialog.html does, kept apart from the page entry so that it can be tested. The page
// plays two parts:
//   1. MSAL v5's redirect bridge: when it is loaded with a sign-in answer in the URL (the popup
//      opened by the task pane, or the return from this dialog's own redirect) it hands the answer
//      on with broadcastResponseToMainFrame() before anything else touches the URL.
//   2. The Office dialog: otherwise it signs in with an MSAL redirect and sends the token to the
//      task pane with Office.context.ui.messageParent.
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { AppConfig } from '../../config/appConfig';
import { authorityOf, authPageUrl } from '../authUrls';
import { msalConfiguration } from '../msalConfiguration';
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

/** True when the URL carries an OAuth answer (code or error, with MSAL's state). */
export function hasAuthAnswer(location: { hash: string; search: string }): boolean {
  return [location.hash, location.search].some((part) => {
    const params = new URLSearchParams(part.replace(/^[#?]/, ''));
    return params.has('state') && (params.has('code') || params.has('error'));
  });
}

function tokenMessage(result: { accessToken: string; expiresOn: Date | null }): AuthDialogMessage {
  return {
    kind: 'token',
    accessToken: result.accessToken,
    expiresOn: result.expiresOn ? result.expiresOn.getTime() : null,
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

    const returned = await app.handleRedirectPromise();
    if (returned?.accessToken) {
      deps.redirectMarker.clear();
      if (returned.account) app.setActiveAccount(returned.account);
      send(tokenMessage(returned));
      return 'sentToken';
    }
    if (deps.redirectMarker.isSet()) {
      // Back from the sign-in page without an answer: stop here rather than loop.
      deps.redirectMarker.clear();
      send({ kind: 'error', reason: 'failed' });
      return 'sentError';
    }

    const account = app.getActiveAccount() ?? app.getAllAccounts()[0];
    if (account) {
      try {
        send(tokenMessage(await app.acquireTokenSilent({ scopes: auth.scopes, account })));
        return 'sentToken';
      } catch {
        // The cached sign-in is not enough: ask the user below.
      }
    }

    deps.showStatus('Opening the Microsoft sign-in page…');
    deps.redirectMarker.set();
    await app.acquireTokenRedirect({ scopes: auth.scopes });
    return 'redirecting';
  } catch (error) {
    deps.redirectMarker.clear();
    const code = errorCode(error);
    const cancelled = code === 'access_denied' || code === 'user_cancelled';
    send({ kind: 'error', reason: cancelled ? 'cancelled' : 'failed' });
    return 'sentError';
  }
}
