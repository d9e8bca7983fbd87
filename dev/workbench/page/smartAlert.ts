// What Outlook on the web shows after OnMessageSend, for an add-in whose manifest says
// SendMode="SoftBlock" (Contact Guard's), decided from the handler's outcome. Pure: the dialog
// (smartAlertDialog.ts) only draws it. Sources:
//   https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events
//     soft block: the user must address the issue ("Don't Send" only); add-in unavailable: "Send
//     Anyway" or "Try Later"; more than 5 s: "taking longer than expected", and under soft block the
//     user cannot send until it completes; 5 minutes: timed out, soft block cannot send, "the user
//     must attempt to send the item again"; the title bar is always the add-in's name.
//   https://learn.microsoft.com/javascript/api/outlook/office.smartalertseventcompletedoptions
//     errorMessage at most 500 characters, default "<Add-in name> is preventing this email from
//     being sent."; on the web the "Take Action" button appears only with commandId, cancelLabel
//     (at most 20 characters) renames it, "Don't Send" cannot be changed; contextData without
//     commandId is ignored; sendModeOverride can only be promptUser, which adds "Send Anyway".
import type { SendOutcome } from './eventRuntime';

export const ADDIN_NAME = 'Contact Guard';
export const ERROR_MESSAGE_LIMIT = 500;
export const CANCEL_LABEL_LIMIT = 20;

export type AlertAction = 'dontSend' | 'takeAction' | 'sendAnyway' | 'tryLater' | 'ok';

export interface AlertButton {
  action: AlertAction;
  label: string;
}

export interface SmartAlertView {
  kind: 'stopped' | 'unavailable' | 'longRunning' | 'timedOut';
  title: string;
  message: string;
  buttons: AlertButton[];
  /** With takeAction: the task pane to open, and what it is told (Mailbox 1.14). */
  commandId?: string;
  contextData?: string;
}

export type SendVerdict = { send: true } | { send: false; alert: SmartAlertView };

const DONT_SEND: AlertButton = { action: 'dontSend', label: "Don't Send" };
const SEND_ANYWAY: AlertButton = { action: 'sendAnyway', label: 'Send Anyway' };

export function smartAlertFor(outcome: SendOutcome): SendVerdict {
  if (outcome.kind === 'unavailable')
    return {
      send: false,
      alert: {
        kind: 'unavailable',
        title: ADDIN_NAME,
        message: `${ADDIN_NAME} is unavailable, so it can't check this message. You can send it now without the check, or try later.`,
        buttons: [SEND_ANYWAY, { action: 'tryLater', label: 'Try Later' }],
      },
    };
  if (outcome.kind === 'timedOut')
    return {
      send: false,
      alert: {
        kind: 'timedOut',
        title: ADDIN_NAME,
        message: `${ADDIN_NAME} took too long to check this message, so it wasn't sent. Select Send to try again.`,
        buttons: [{ action: 'ok', label: 'OK' }],
      },
    };
  const o = outcome.options;
  // Anything but an explicit false lets the item go (the walkthrough passes allowEvent: true).
  if (o.allowEvent !== false) return { send: true };
  const given = typeof o.errorMessage === 'string' ? o.errorMessage : '';
  // Over the documented limit: Outlook does not document what it shows. The workbench shows the
  // default message, so the add-in's own words are lost, the least forgiving reading.
  const message =
    given && given.length <= ERROR_MESSAGE_LIMIT
      ? given
      : `${ADDIN_NAME} is preventing this email from being sent.`;
  if (given.length > ERROR_MESSAGE_LIMIT)
    console.warn(
      `errorMessage is ${given.length} characters; Outlook allows ${ERROR_MESSAGE_LIMIT}`,
    );
  const buttons: AlertButton[] = [];
  const commandId = typeof o.commandId === 'string' && o.commandId ? o.commandId : undefined;
  if (commandId) {
    const label =
      typeof o.cancelLabel === 'string' &&
      o.cancelLabel &&
      o.cancelLabel.length <= CANCEL_LABEL_LIMIT
        ? o.cancelLabel
        : 'Take Action';
    buttons.push({ action: 'takeAction', label });
  }
  buttons.push(DONT_SEND);
  if (o.sendModeOverride === 'promptUser') buttons.push(SEND_ANYWAY);
  const contextData =
    commandId && o.contextData !== undefined
      ? typeof o.contextData === 'string'
        ? o.contextData
        : JSON.stringify(o.contextData)
      : undefined;
  return {
    send: false,
    alert: {
      kind: 'stopped',
      title: ADDIN_NAME,
      message,
      buttons,
      ...(commandId ? { commandId } : {}),
      ...(contextData !== undefined ? { contextData } : {}),
    },
  };
}

/** More than 5 s: soft block gives no way to send until the handler completes (no buttons). */
export function longRunningAlert(): SmartAlertView {
  return {
    kind: 'longRunning',
    title: ADDIN_NAME,
    message: `${ADDIN_NAME} is taking longer than expected to check this message.`,
    buttons: [],
  };
}
