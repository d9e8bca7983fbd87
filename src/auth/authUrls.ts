// Where sign-in happens. Every URL here must be registered on the app registration in Entra ID
// (Authentication → Single-page application), exactly as built below:
//
//   https://<add-in origin>/auth-dialog.html   the Office dialog (the pane without nested app auth),
//                                              the review page's popup and redirect
//   brk-multihub://<add-in host[:port]>        nested app authentication (Outlook brokers the sign-in)
//
// Why answers do not return to taskpane.html or review.html: MSAL Browser v5 returns a popup's or
// redirect's answer through a "redirect bridge" page that must call broadcastResponseToMainFrame()
// before anything else runs and must not be served with a Cross-Origin-Opener-Policy header.
// auth-dialog.html is that page (it is small and loads MSAL only when needed). For a redirect the
// bridge navigates back to the page that started it, query included.

export const AUTH_DIALOG_PATH = '/auth-dialog.html';

export const ENTRA_ID_HOST = 'login.microsoftonline.com';

export function authorityFor(tenantId: string): string {
  return `https://${ENTRA_ID_HOST}/${encodeURIComponent(tenantId || 'organizations')}`;
}

/**
 * The authority the task pane and the sign-in dialog both use: the configured one (a local OpenID
 * Connect provider, say), else Entra ID's for the tenant. One helper, so the two never differ (they
 * share MSAL's cache, which is keyed by authority).
 */
export function authorityOf(auth: { tenantId: string; authority?: string }): string {
  const configured = auth.authority?.trim();
  return configured ? configured.replace(/\/+$/, '') : authorityFor(auth.tenantId);
}

/** The page that receives popup, redirect and dialog sign-in answers. */
export function authPageUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}${AUTH_DIALOG_PATH}`;
}

/** The SPA redirect URI nested app authentication needs on the registration (for the README). */
export function nestedAppAuthRedirectUri(origin: string): string {
  return `brk-multihub://${new URL(origin).host}`;
}
