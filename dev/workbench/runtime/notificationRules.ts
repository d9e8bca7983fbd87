// Outlook's rules for item.notificationMessages (Mailbox 1.3; InsightMessage and its actions 1.10),
// applied by the workbench's Office shim so that a handler breaking them fails here as in Outlook.
// Sources: https://learn.microsoft.com/javascript/api/outlook/office.notificationmessages (at most 5
// per item, else NumberOfNotificationMessagesExceeded; key at most 32 characters; one InsightMessage
// per add-in), https://learn.microsoft.com/javascript/api/outlook/office.notificationmessagedetails
// (message at most 150 characters, else ArgumentOutOfRange is thrown; icon and persistent are invalid
// for ProgressIndicator and ErrorMessage, ArgumentException; icon is required for InsightMessage;
// actions only on InsightMessage, at most 1, else an error), and
// https://learn.microsoft.com/javascript/api/outlook/office.notificationmessageaction (showTaskPane).
import type { ComposeNotification } from '../page/composeItem';

export const MAX_NOTIFICATIONS = 5;
export const MAX_KEY_LENGTH = 32;
export const MAX_MESSAGE_LENGTH = 150;

const TYPES = ['informationalMessage', 'insightMessage', 'errorMessage', 'progressIndicator'];

/** A parameter error Office.js throws at the call, before any callback. */
export class OfficeArgumentError extends Error {
  constructor(name: 'ArgumentOutOfRange' | 'ArgumentException', message: string) {
    super(message);
    this.name = name;
  }
}

/** An error Office reports through the callback (asyncResult.error). */
export interface OfficeAsyncError {
  name: string;
  message: string;
  code: number;
}

/**
 * Checks a NotificationMessageDetails as Office.js does before it is sent anywhere, and returns the
 * workbench's copy. Throws OfficeArgumentError for what Office throws.
 */
export function validNotification(key: unknown, details: unknown): ComposeNotification {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new OfficeArgumentError(
      'ArgumentOutOfRange',
      `The notification key must be 1 to ${MAX_KEY_LENGTH} characters.`,
    );
  const d = (details ?? {}) as Record<string, unknown>;
  const type = typeof d.type === 'string' ? d.type : '';
  if (!TYPES.includes(type))
    throw new OfficeArgumentError('ArgumentException', `Unknown notification type: ${type}`);
  if (typeof d.message !== 'string')
    throw new OfficeArgumentError('ArgumentException', 'The notification needs a message.');
  if (d.message.length > MAX_MESSAGE_LENGTH)
    throw new OfficeArgumentError(
      'ArgumentOutOfRange',
      `The notification message is ${d.message.length} characters; Outlook allows ${MAX_MESSAGE_LENGTH}.`,
    );
  const noIconOrPersistence = type === 'progressIndicator' || type === 'errorMessage';
  if (noIconOrPersistence && (d.icon !== undefined || d.persistent !== undefined))
    throw new OfficeArgumentError(
      'ArgumentException',
      `icon and persistent are not valid for a ${type} notification.`,
    );
  if (type === 'insightMessage' && typeof d.icon !== 'string')
    throw new OfficeArgumentError('ArgumentException', 'An insightMessage needs an icon.');
  if (type === 'insightMessage' && d.persistent !== undefined)
    throw new OfficeArgumentError(
      'ArgumentException',
      'persistent is not valid for insightMessage.',
    );
  let actions: ComposeNotification['actions'];
  if (d.actions !== undefined) {
    if (type !== 'insightMessage')
      throw new OfficeArgumentError('ArgumentException', 'Only an insightMessage has actions.');
    if (!Array.isArray(d.actions) || d.actions.length !== 1)
      throw new OfficeArgumentError('ArgumentException', 'An insightMessage has exactly 1 action.');
    const a = d.actions[0] as Record<string, unknown>;
    if (a.actionType !== 'showTaskPane' || typeof a.actionText !== 'string' || !a.commandId)
      throw new OfficeArgumentError(
        'ArgumentException',
        'The action must be showTaskPane with actionText and commandId.',
      );
    actions = [
      {
        actionType: 'showTaskPane',
        actionText: a.actionText,
        commandId: String(a.commandId),
        contextData:
          typeof a.contextData === 'string' ? a.contextData : JSON.stringify(a.contextData ?? ''),
      },
    ];
  }
  return {
    key,
    type: type as ComposeNotification['type'],
    message: d.message,
    ...(typeof d.icon === 'string' ? { icon: d.icon } : {}),
    ...(typeof d.persistent === 'boolean' ? { persistent: d.persistent } : {}),
    ...(actions ? { actions } : {}),
  };
}

/**
 * What addAsync / replaceAsync reports through the callback for a notification that passed
 * validNotification, given the item's current ones; undefined when it may be added.
 */
export function refusal(
  current: ComposeNotification[],
  next: ComposeNotification,
  replacing: boolean,
): OfficeAsyncError | undefined {
  const others = current.filter((n) => n.key !== next.key);
  if (!replacing && others.length !== current.length)
    return {
      name: 'DuplicateNotificationKey',
      message: 'A notification with this key exists.',
      code: 9023,
    };
  if (others.length + 1 > MAX_NOTIFICATIONS)
    return {
      name: 'NumberOfNotificationMessagesExceeded',
      message: `An item has at most ${MAX_NOTIFICATIONS} notification messages.`,
      code: 9025,
    };
  if (next.type === 'insightMessage' && others.some((n) => n.type === 'insightMessage'))
    return {
      name: 'InvalidParameterValueError',
      message: 'Only one InsightMessage is allowed per add-in.',
      code: 9031,
    };
  return undefined;
}
