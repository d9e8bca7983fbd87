// The workbench's part of Office for sign-in: `displayDialogAsync` as Office.js offers it
// (Mailbox 1.4, DialogApi), answered by the workbench page, which opens auth-dialog.html in a
// window of its own and relays what the page sends with messageParent. Shaped like Office.js so
// that the pane's Office dialog sign-in (src/auth/officeDialogTokenProvider.ts) runs unchanged.
// Only the workbench build has this file; Outlook uses Office.js itself.
import type { DialogHandlerArgs, OfficeSignInApi, SignInDialog } from '../../auth/officeSignInApi';
import type { HostToPane, PaneToHost } from './protocol';

// Office.js names (Office.EventType, Office.AsyncResultStatus).
const DIALOG_MESSAGE_RECEIVED = 'dialogMessageReceived';
const DIALOG_EVENT_RECEIVED = 'dialogEventReceived';

type Handler = (args: DialogHandlerArgs) => void;

let counter = 0;

export function workbenchOfficeForSignIn(
  send: (message: PaneToHost) => void,
  subscribe: (listener: (message: HostToPane) => void) => () => void,
): OfficeSignInApi {
  return {
    EventType: {
      DialogMessageReceived: DIALOG_MESSAGE_RECEIVED,
      DialogEventReceived: DIALOG_EVENT_RECEIVED,
    },
    context: {
      // The workbench is not Outlook: no nested app authentication, so the dialog is used.
      requirements: { isSetSupported: () => false },
      ui: {
        displayDialogAsync(url, options, callback) {
          counter += 1;
          const id = `dialog-${Date.now()}-${counter}`;
          const handlers = new Map<string, Handler[]>();
          const emit = (type: string, args: DialogHandlerArgs) =>
            (handlers.get(type) ?? []).forEach((h) => h(args));
          let opened = false;
          const unsubscribe = subscribe((message) => {
            if (!('id' in message) || message.id !== id) return;
            if (message.type === 'cg:dialog-opened') {
              if (message.error !== undefined) {
                unsubscribe();
                callback({
                  status: 'failed',
                  value: undefined as unknown as SignInDialog, // Office gives no dialog on failure
                  error: { code: message.error },
                });
                return;
              }
              opened = true;
              callback({
                status: 'succeeded',
                value: {
                  addEventHandler(type: never, handler: Handler) {
                    const key = String(type);
                    handlers.set(key, [...(handlers.get(key) ?? []), handler]);
                  },
                  close() {
                    unsubscribe();
                    send({ type: 'cg:dialog-close', id });
                  },
                },
              });
            } else if (opened && message.type === 'cg:dialog-message') {
              emit(DIALOG_MESSAGE_RECEIVED, { message: message.message, origin: message.origin });
            } else if (opened && message.type === 'cg:dialog-event') {
              unsubscribe();
              emit(DIALOG_EVENT_RECEIVED, { error: message.error });
            }
          });
          send({
            type: 'cg:dialog-open',
            id,
            url,
            height: options.height ?? 60,
            width: options.width ?? 30,
          });
        },
      },
    },
  };
}
