// What the event handlers read and write of the compose item, through Office.js, as promises with
// time limits (officeAsync.ts: Office may never call back, and a handler that waits forever leaves
// the user at Outlook's "taking longer than expected").
//
// Office.js facts used (learn.microsoft.com/javascript/api/outlook/office.messagecompose):
//   to / cc / bcc .getAsync            Office.EmailAddressDetails[] (Mailbox 1.1)
//   from.getAsync                      the sending mailbox, a shared one included (1.7)
//   sessionData.getAsync(key)          the compose pane's "send anyway" marker (1.11)
//   notificationMessages.replaceAsync  adds or replaces the bar with this key (1.3; InsightMessage
//                                      with a showTaskPane action from 1.10)
//   notificationMessages.removeAsync   removes it (a missing key is an error Office reports: ignored)
import { officeCall, optional } from '../host/office/officeAsync';
import {
  COMPOSE_NOTIFICATION_KEY,
  COMPOSE_PANE_COMMAND_ID,
  SEND_ANYWAY_SESSION_KEY,
} from './names';
import type { OutgoingRecipient, OutgoingRecipients } from '../policy/sendTime/types';

/** Each Office call gets this long; the send handler's whole budget is longer (handlers.ts). */
const CALL_TIMEOUT_MS = 2_000;

type Callback<T> = (result: Office.AsyncResult<T>) => void;

interface RecipientField {
  getAsync(callback: Callback<Office.EmailAddressDetails[]>): void;
}

/** The compose item as the handlers use it: a subset of Office.MessageCompose. */
export interface ComposeItemApi {
  to?: RecipientField;
  cc?: RecipientField;
  bcc?: RecipientField;
  from?: { getAsync(callback: Callback<Office.EmailAddressDetails>): void };
  sessionData?: { getAsync(name: string, callback: Callback<string>): void };
  notificationMessages?: {
    replaceAsync(key: string, details: Record<string, unknown>, callback?: Callback<void>): void;
    removeAsync(key: string, callback?: Callback<void>): void;
  };
}

/** The part of the Office global the handlers use. */
export interface OfficeApi {
  context: {
    mailbox: {
      item?: ComposeItemApi | null;
      userProfile?: { emailAddress?: string; displayName?: string };
    };
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    /** 'PC' | 'Mac' | 'OfficeOnline' | 'iOS' | 'Android' | ...; may be missing. */
    platform?: unknown;
  };
  actions?: { associate(name: string, handler: (event: never) => void): void };
}

function toRecipients(list: unknown): OutgoingRecipient[] {
  if (!Array.isArray(list)) throw new TypeError('recipients are not a list');
  return list.map((entry: Partial<Office.EmailAddressDetails> | null) => ({
    address: typeof entry?.emailAddress === 'string' ? entry.emailAddress : '',
    ...(typeof entry?.displayName === 'string' ? { displayName: entry.displayName } : {}),
  }));
}

function readField(field: RecipientField | undefined, what: string): Promise<OutgoingRecipient[]> {
  if (!field || typeof field.getAsync !== 'function')
    return Promise.reject(new TypeError(`${what} cannot be read`));
  return officeCall<Office.EmailAddressDetails[]>(
    (cb) => field.getAsync(cb),
    what,
    CALL_TIMEOUT_MS,
  ).then(toRecipients);
}

/** To, Cc and Bcc. Rejects when any line cannot be read: the decision then cannot be made. */
export async function readRecipients(item: ComposeItemApi): Promise<OutgoingRecipients> {
  const [to, cc, bcc] = await Promise.all([
    readField(item.to, 'To'),
    readField(item.cc, 'Cc'),
    readField(item.bcc, 'Bcc'),
  ]);
  return { to, cc, bcc };
}

/**
 * The sending mailbox (From). `failed` when Outlook was asked and did not answer: then whether the
 * email goes from the SPOC's shared mailbox cannot be known (handlers.ts does not stop on that).
 * No `from` at all (before Mailbox 1.7): the user's own mailbox, as those clients send only so.
 */
export async function readFrom(
  item: ComposeItemApi,
): Promise<{ address?: string; failed: boolean }> {
  const from = item.from;
  if (!from || typeof from.getAsync !== 'function') return { failed: false };
  try {
    const details = await officeCall<Office.EmailAddressDetails>(
      (cb) => from.getAsync(cb),
      'From',
      CALL_TIMEOUT_MS,
    );
    return typeof details?.emailAddress === 'string' && details.emailAddress.trim() !== ''
      ? { address: details.emailAddress, failed: false }
      : { failed: true };
  } catch {
    return { failed: true };
  }
}

/** The compose pane's "send anyway" marker (a JSON string), when it left one. */
export async function readSendAnywayMarker(item: ComposeItemApi): Promise<string | undefined> {
  const sessionData = item.sessionData;
  if (!sessionData || typeof sessionData.getAsync !== 'function') return undefined;
  return optional(
    officeCall<string>(
      (cb) => sessionData.getAsync(SEND_ANYWAY_SESSION_KEY, cb),
      'Session data',
      CALL_TIMEOUT_MS,
    ),
  );
}

function isSupported(office: OfficeApi, version: string): boolean {
  try {
    return office.context.requirements?.isSetSupported('Mailbox', version) === true;
  } catch {
    return false;
  }
}

/** Outlook on iOS and Android: no InsightMessage and no task pane action from a bar. */
function isMobile(office: OfficeApi): boolean {
  const platform = office.context.platform;
  return platform === 'iOS' || platform === 'Android';
}

/**
 * Shows (or replaces) the compose bar. Where the client can (Mailbox 1.10, not on phones) it is an
 * InsightMessage whose action opens the compose pane; elsewhere an informational message.
 * Persistent: it stays until the recipients change, as the warning holds until then.
 */
export async function showComposeNotification(
  office: OfficeApi,
  item: ComposeItemApi,
  message: string,
): Promise<void> {
  const messages = item.notificationMessages;
  if (!messages) return;
  const withAction = isSupported(office, '1.10') && !isMobile(office);
  const details: Record<string, unknown> = withAction
    ? {
        type: 'insightMessage',
        message,
        icon: 'Icon.16x16',
        actions: [
          {
            actionType: 'showTaskPane',
            actionText: 'Open Contact Guard',
            commandId: COMPOSE_PANE_COMMAND_ID,
            contextData: '{}',
          },
        ],
      }
    : { type: 'informationalMessage', message, icon: 'Icon.16x16', persistent: true };
  await optional(
    officeCall<void>(
      (cb) => messages.replaceAsync(COMPOSE_NOTIFICATION_KEY, details, cb),
      'Notification',
      CALL_TIMEOUT_MS,
    ),
  );
}

export async function removeComposeNotification(item: ComposeItemApi): Promise<void> {
  const messages = item.notificationMessages;
  if (!messages) return;
  await optional(
    officeCall<void>(
      (cb) => messages.removeAsync(COMPOSE_NOTIFICATION_KEY, cb),
      'Notification',
      CALL_TIMEOUT_MS,
    ),
  );
}

export function supportsSmartAlertPaneAction(office: OfficeApi): boolean {
  return isSupported(office, '1.14');
}
