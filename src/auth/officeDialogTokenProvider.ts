// The last sign-in fallback: Office's dialog API (Mailbox 1.4) opens auth-dialog.html in a window
// Outlook owns, which browsers' popup blockers do not stop. That page signs in with an MSAL
// redirect and sends the token back with Office.context.ui.messageParent.
import { parseAuthDialogMessage } from './dialog/dialogProtocol';
import { SignInRequiredError, type TokenProvider } from './tokenProvider';

export interface OfficeDialogTokenProviderOptions {
  /** Absolute URL of auth-dialog.html, on the add-in's own origin. */
  dialogUrl: string;
  office?: typeof Office;
  now?: () => number;
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

/** What Office passes to a dialog's handlers: a message, or an event with an error code. */
type DialogHandlerArgs = { message: string; origin: string | undefined } | { error: number };

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

function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

export function createOfficeDialogTokenProvider(
  options: OfficeDialogTokenProviderOptions,
): TokenProvider {
  const now = options.now ?? Date.now;
  const expectedOrigin = originOf(options.dialogUrl);
  let cached: { accessToken: string; usableUntil: number } | undefined;
  let inFlight: Promise<string> | undefined;

  function openDialog(): Promise<string> {
    const office = options.office ?? officeGlobal();
    const ui = office?.context?.ui;
    if (!office || !ui || typeof ui.displayDialogAsync !== 'function') {
      return Promise.reject(new SignInRequiredError('Sign-in is not available in this Outlook.'));
    }
    const messageEvent = office.EventType?.DialogMessageReceived ?? 'dialogMessageReceived';
    const dialogEvent = office.EventType?.DialogEventReceived ?? 'dialogEventReceived';

    return new Promise<string>((resolve, reject) => {
      const onOpened = (result: Office.AsyncResult<Office.Dialog>): void => {
        if ((result?.status as unknown) !== 'succeeded' || !result.value) {
          reject(new SignInRequiredError(messageForOpenFailure(result?.error?.code)));
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
          outcome();
        };
        dialog.addEventHandler(messageEvent, (args: DialogHandlerArgs) => {
          if (!args || !('message' in args)) return;
          // Only our own page may answer (Office reports the sender's origin from DialogOrigin 1.1).
          if (args.origin && expectedOrigin && args.origin !== expectedOrigin) return;
          const message = parseAuthDialogMessage(args.message);
          if (!message) return;
          if (message.kind === 'token') {
            const usableUntil =
              message.expiresOn !== null
                ? message.expiresOn - EXPIRY_MARGIN_MS
                : now() + UNKNOWN_EXPIRY_KEEP_MS;
            cached = { accessToken: message.accessToken, usableUntil };
            finish(() => resolve(message.accessToken));
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
      try {
        ui.displayDialogAsync(options.dialogUrl, DIALOG_OPTIONS, onOpened);
      } catch {
        reject(new SignInRequiredError('The sign-in window could not be opened.'));
      }
    });
  }

  return {
    method: 'officeDialog',
    getAccessToken(): Promise<string> {
      if (cached && cached.usableUntil > now()) return Promise.resolve(cached.accessToken);
      // Several Graph calls asking at once share one dialog.
      inFlight ??= openDialog().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
