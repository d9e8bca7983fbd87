// Entry of auth-dialog.html (webpack entry "authDialog"). Thin: the logic is in authDialogFlow.ts.
import { loadConfig, type AppConfig } from '../../config/appConfig';
import type { DialogToHost } from '../../host/workbench/protocol';
import { readWorkbenchSettings, withWorkbenchSettings } from '../../host/workbench/workbenchConfig';
import { runAuthDialog } from './authDialogFlow';

// Set by webpack: true only in the workbench build.
declare const __CG_WORKBENCH__: boolean;
const inWorkbenchBuild = typeof __CG_WORKBENCH__ !== 'undefined' && __CG_WORKBENCH__;

const REDIRECT_MARKER_KEY = 'contactGuard.authDialog.redirected';
const OFFICE_READY_TIMEOUT_MS = 8_000;

function showStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

/**
 * In the workbench (`npm start -- --sign-in`) the workbench page opened this window and plays
 * Office: messageParent becomes a message to it. Only a same-origin opener qualifies.
 */
function workbenchOffice(): Pick<typeof Office, 'context'> | undefined {
  if (!inWorkbenchBuild) return undefined;
  let opener: Window | null = null;
  try {
    opener =
      window.opener && window.opener.location.origin === window.location.origin
        ? window.opener
        : null;
  } catch {
    opener = null; // a cross-origin opener throws on .location: not the workbench
  }
  if (!opener) return undefined;
  const host = opener;
  const ui = {
    messageParent(message: string) {
      const data: DialogToHost = { type: 'cg:dialog-parent-message', message };
      host.postMessage(data, window.location.origin);
    },
  };
  return { context: { ui } } as unknown as Pick<typeof Office, 'context'>;
}

/** The workbench's --sign-in settings (the local identity provider), or the build's own. */
async function dialogConfig(): Promise<AppConfig> {
  const config = loadConfig();
  if (!inWorkbenchBuild) return config;
  try {
    return withWorkbenchSettings(config, await readWorkbenchSettings());
  } catch {
    return config;
  }
}

function officeReady(): Promise<Pick<typeof Office, 'context'> | undefined> {
  const fromWorkbench = workbenchOffice();
  if (fromWorkbench) return Promise.resolve(fromWorkbench);
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), OFFICE_READY_TIMEOUT_MS);
    office.onReady().then(
      () => {
        clearTimeout(timer);
        resolve(office);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

const redirectMarker = {
  isSet: () => safeSession(() => sessionStorage.getItem(REDIRECT_MARKER_KEY) === '1') ?? false,
  set: () => void safeSession(() => sessionStorage.setItem(REDIRECT_MARKER_KEY, '1')),
  clear: () => void safeSession(() => sessionStorage.removeItem(REDIRECT_MARKER_KEY)),
};

function safeSession<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined; // storage disabled: the loop guard is lost, sign-in still works
  }
}

void dialogConfig().then((config) =>
  runAuthDialog({
    location: window.location,
    config,
    loadMsal: () => import(/* webpackChunkName: "msal" */ '@azure/msal-browser'),
    loadRedirectBridge: () =>
      import(/* webpackChunkName: "msal-redirect-bridge" */ '@azure/msal-browser/redirect-bridge'),
    officeReady,
    redirectMarker,
    showStatus,
  }).catch(() => {
    showStatus('Sign-in could not finish. Close this window and try again.');
  }),
);
