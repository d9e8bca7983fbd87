// Entry of auth-dialog.html (webpack entry "authDialog"). Thin: the logic is in authDialogFlow.ts.
import { loadConfig } from '../../config/appConfig';
import { runAuthDialog } from './authDialogFlow';

const REDIRECT_MARKER_KEY = 'contactGuard.authDialog.redirected';
const OFFICE_READY_TIMEOUT_MS = 8_000;

function showStatus(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

function officeReady(): Promise<typeof Office | undefined> {
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

runAuthDialog({
  location: window.location,
  config: loadConfig(),
  loadMsal: () => import(/* webpackChunkName: "msal" */ '@azure/msal-browser'),
  loadRedirectBridge: () =>
    import(/* webpackChunkName: "msal-redirect-bridge" */ '@azure/msal-browser/redirect-bridge'),
  officeReady,
  redirectMarker,
  showStatus,
}).catch(() => {
  showStatus('Sign-in could not finish. Close this window and try again.');
});
