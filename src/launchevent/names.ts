// The names the send-time pieces share (issue 12): the manifest (LaunchEvent FunctionName, the
// compose button's id, the runtime's files), the handler bundle, the compose pane and the
// workbench that plays Outlook around them. One place, so that a rename cannot split them.

/** `Office.actions.associate` names; the manifest's `LaunchEvent FunctionName` must match. */
export const HANDLER_FUNCTIONS = {
  OnMessageSend: 'onMessageSendHandler',
  OnNewMessageCompose: 'onNewMessageComposeHandler',
  OnMessageRecipientsChanged: 'onMessageRecipientsChangedHandler',
} as const;

export type LaunchEventType = keyof typeof HANDLER_FUNCTIONS;

/**
 * The handler runtime's files, at fixed names (no content hash): the manifest names them.
 * `launchevent.html` is the browser runtime's page (web, new Outlook, Mac); `launchevent.js` is the
 * bundle it loads and the JavaScript-only runtime's override (classic Outlook on Windows).
 */
export const HANDLER_PAGE_FILE = 'launchevent.html';
export const HANDLER_BUNDLE_FILE = 'launchevent.js';

/**
 * The compose surface's button id in the manifest. A Smart Alert's `commandId` and a notification's
 * `showTaskPane` action name it, so that they open the compose task pane.
 */
export const COMPOSE_PANE_COMMAND_ID = 'cgComposeOpenPaneButton';

/** `OfficeRuntime.storage` key of the send-time cache (value: StoredSendTimeCache, as JSON). */
export const SEND_TIME_STORAGE_KEY = 'contactGuard.sendTime.v1';

/**
 * `item.sessionData` key (Mailbox 1.11) where the compose pane leaves its "send anyway" marker
 * (src/policy/sendTime/sendAnyway.ts) for the OnMessageSend handler to read.
 */
export const SEND_ANYWAY_SESSION_KEY = 'contactGuard.sendAnyway';

/** `notificationMessages` key of the compose notification bar (Outlook allows 32 characters). */
export const COMPOSE_NOTIFICATION_KEY = 'contactGuardRecipients';

/**
 * The manifest's `<Permissions>`. ReadWriteItem is the least that replacing recipients
 * (`to.setAsync`) and session data need; `item.sendAsync` (Mailbox 1.15) needs **read/write
 * mailbox** (its Office.js reference: "Minimum permission level: read/write mailbox"), which would
 * let the add-in read and send anything in the mailbox. So the pane never sends itself: after
 * "send to the SPOC instead" or "send anyway" the user presses Send, and the handler lets the
 * item through. The manifest check holds manifest.xml to this value.
 */
export const MANIFEST_PERMISSION: 'ReadItem' | 'ReadWriteItem' | 'ReadWriteMailbox' =
  'ReadWriteItem';

/** Whether the pane may call item.sendAsync: Mailbox 1.15 and read/write mailbox permission. */
export function paneMaySend(supportsMailbox115: boolean): boolean {
  return supportsMailbox115 && MANIFEST_PERMISSION === 'ReadWriteMailbox';
}
