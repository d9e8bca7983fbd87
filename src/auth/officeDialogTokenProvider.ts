// The task pane's sign-in when nested app authentication is not there: Office's dialog API
// (Mailbox 1.4) opens auth-dialog.html in a window Outlook owns, a top-level window that browsers'
// popup blockers do not stop. That page signs in with an MSAL redirect and sends the token and the
// account's username back with Office.context.ui.messageParent; a token for anyone other than the
// mailbox user is refused here. Each scope set (scopeSets.ts) has its own dialog URL and its own
// token: the admin view's first call opens the dialog again for the admin's scopes.
import { parseAuthDialogMessage } from './dialog/dialogProtocol';
import { isExpectedUser } from './expectedIdentity';
import {
  officeGlobal,
  type DialogHandlerArgs,
  type OfficeSignInApi,
  type SignInDialogOpenResult,
} from './officeSignInApi';
import type { ScopePurpose } from './scopeSets';
import { SignInRequiredError, WrongAccountError, type TokenProvider } from './tokenProvider';

export interface OfficeDialogTokenProviderOptions {
  /**
   * Absolute URL of auth-dialog.html, on the add-in's own origin (with ?login_hint=…), or the URL
   * for each scope set (dialogUrlFor(…, purpose)). A plain string is used for every purpose.
   */
  dialogUrl: string | ((purpose: ScopePurpose) => string);
  /**
   * Whose token is accepted (the mailbox user's address, lower-cased); a token for anyone else is
   * refused with WrongAccountError and not kept. Empty or absent: not checked.
   */
  expectedUsers?: readonly string[];
  office?: OfficeSignInApi;
  now?: () => number;
  /** Waits before asking Office again (tests pass one that does not wait). */
  sleep?: (ms: number) => Promise<void>;
}

/** A token is not handed out in its last minutes: a Graph call that starts with it must finish. */
const EXPIRY_MARGIN_MS = 5 * 60_000;
/** When the dialog cannot say when the token expires, keep it well inside Entra's shortest life. */
const UNKNOWN_EXPIRY_KEEP_MS = 10 * 60_000;

// Office dialog error codes (learn.microsoft.com, "Error codes for the Office dialog API").
const DIALOG_CLOSED_BY_USER = 12006;
const DIALOG_ALREADY_OPEN = 12007;
const DIALOG_IGNORED_BY_USER = 12009;

const DIALOG_OPTIONS = { height: 60, width: 30 };

/**
 * Dialog.close() is asynchronous and cannot be awaited: a dialog opened straight after it (the
 * admin view's own scopes, asked for the moment the staff sign-in closes) can get 12007 "already
 * has an active dialog". Microsoft's advice is to ask again on 12007 (learn.microsoft.com/office/
 * dev/add-ins/develop/dialog-best-practices, "Opening another dialog immediately after closing
 * one"; office-js#1451). Only within a few seconds of this provider closing its own dialog; at
 * any other time a dialog that is really open gets its message at once.
 */
const REOPEN_DELAYS_MS = [250, 500, 1_000, 2_000];
const REOPEN_WINDOW_MS = 10_000;

function messageForOpenFailure(code: number | undefined): string {
  if (code === DIALOG_ALREADY_OPEN) {
    return 'A sign-in window is already open. Finish signing in there.';
  }
  if (code === DIALOG_IGNORED_BY_USER) return 'Sign-in was cancelled.';
  return 'The sign-in window could not be opened.';
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function createOfficeDialogTokenProvider(
  options: OfficeDialogTokenProviderOptions,
): TokenProvider {
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** When this provider last closed its own dialog (see REOPEN_DELAYS_MS). */
  let closedOwnDialogAt: number | undefined;
  const urlFor = (purpose: ScopePurpose): string =>
    typeof options.dialogUrl === 'string' ? options.dialogUrl : options.dialogUrl(purpose);
  const expectedUsers = options.expectedUsers ?? [];
  const cached = new Map<ScopePurpose, { accessToken: string; usableUntil: number }>();
  const inFlight = new Map<ScopePurpose, Promise<string>>();
  /** Office opens one dialog at a time (12007): a dialog for another scope set waits its turn. */
  let lastDialog: Promise<unknown> = Promise.resolve();

  function openDialog(purpose: ScopePurpose): Promise<string> {
    const dialogUrl = urlFor(purpose);
    const expectedOrigin = originOf(dialogUrl);
    const office = options.office ?? officeGlobal();
    const ui = office?.context?.ui;
    if (!office || !ui || typeof ui.displayDialogAsync !== 'function') {
      return Promise.reject(new SignInRequiredError('Sign-in is not available in this Outlook.'));
    }
    // `as never`: see SignInDialog.addEventHandler (Office.js's enum or a facade's string).
    const messageEvent = (office.EventType?.DialogMessageReceived ??
      'dialogMessageReceived') as never;
    const dialogEvent = (office.EventType?.DialogEventReceived ?? 'dialogEventReceived') as never;

    return new Promise<string>((resolve, reject) => {
      let attempt = 0;
      const onOpened = (result: SignInDialogOpenResult): void => {
        if ((result?.status as unknown) !== 'succeeded' || !result.value) {
          const code = result?.error?.code;
          const delay = REOPEN_DELAYS_MS[attempt];
          const justClosedOurs =
            closedOwnDialogAt !== undefined && now() - closedOwnDialogAt < REOPEN_WINDOW_MS;
          if (code === DIALOG_ALREADY_OPEN && justClosedOurs && delay !== undefined) {
            attempt += 1;
            void sleep(delay).then(display, () =>
              reject(new SignInRequiredError(messageForOpenFailure(code))),
            );
            return;
          }
          reject(
            new SignInRequiredError(
              code === DIALOG_ALREADY_OPEN && justClosedOurs
                ? 'The sign-in window could not be opened yet. Try again in a moment.'
                : messageForOpenFailure(code),
            ),
          );
          return;
        }
        const dialog = result.value;
        let finished = false;
        const finish = (outcome: () => void): void => {
          if (finished) return;
          finished = true;
          try {
            dialog.close();
          } catch {
            // Already closed by the user: nothing left to do.
          }
          closedOwnDialogAt = now();
          outcome();
        };
        dialog.addEventHandler(messageEvent, (args: DialogHandlerArgs) => {
          if (!args || !('message' in args)) return;
          // Only our own page may answer (Office reports the sender's origin from DialogOrigin 1.1).
          if (args.origin && expectedOrigin && args.origin !== expectedOrigin) return;
          const message = parseAuthDialogMessage(args.message);
          if (!message) return;
          if (message.kind === 'token') {
            if (!isExpectedUser(message.username, expectedUsers)) {
              // Someone else's sign-in: not kept, not handed out.
              finish(() => reject(new WrongAccountError()));
              return;
            }
            const usableUntil =
              message.expiresOn !== null
                ? message.expiresOn - EXPIRY_MARGIN_MS
                : now() + UNKNOWN_EXPIRY_KEEP_MS;
            cached.set(purpose, { accessToken: message.accessToken, usableUntil });
            finish(() => resolve(message.accessToken));
          } else if (message.reason === 'wrongAccount') {
            finish(() => reject(new WrongAccountError()));
          } else {
            const text =
              message.reason === 'cancelled'
                ? 'Sign-in was cancelled.'
                : message.reason === 'notConfigured'
                  ? 'Sign-in is not configured for this add-in. Ask your IT administrator.'
                  : 'Sign-in did not complete. Try again.';
            finish(() => reject(new SignInRequiredError(text)));
          }
        });
        dialog.addEventHandler(dialogEvent, (args: DialogHandlerArgs) => {
          const code = args && 'error' in args ? args.error : undefined;
          const text =
            code === DIALOG_CLOSED_BY_USER
              ? 'Sign-in was cancelled.'
              : 'The sign-in window closed before sign-in finished.';
          finish(() => reject(new SignInRequiredError(text)));
        });
      };
      const display = (): void => {
        try {
          ui.displayDialogAsync(dialogUrl, DIALOG_OPTIONS, onOpened);
        } catch {
          reject(new SignInRequiredError('The sign-in window could not be opened.'));
        }
      };
      display();
    });
  }

  return {
    method: 'officeDialog',
    getAccessToken(purpose: ScopePurpose = 'staff'): Promise<string> {
      const kept = cached.get(purpose);
      if (kept && kept.usableUntil > now()) return Promise.resolve(kept.accessToken);
      // Several Graph calls asking at once share one dialog.
      const pending = inFlight.get(purpose);
      if (pending) return pending;
      const next = lastDialog
        .catch(() => undefined)
        .then(() => {
          // The dialog before this one may have been for the same scope set after all.
          const fresh = cached.get(purpose);
          return fresh && fresh.usableUntil > now() ? fresh.accessToken : openDialog(purpose);
        })
        .finally(() => {
          inFlight.delete(purpose);
        });
      inFlight.set(purpose, next);
      lastDialog = next;
      return next;
    },
  };
}
