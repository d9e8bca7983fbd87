// The workbench's stand-in for Office.js in the event handlers' runtime (launchevent.html in the
// workbench build, loaded before launchevent.js). It gives the handlers what Office.js documents
// for a compose message in Outlook on the web, Mailbox 1.15, and nothing more: a handler that uses
// something else fails here as it would in Outlook. The item is the page's live ComposeItem, lent
// through the bridge (bridge.ts); Outlook's limits are enforced (notificationRules.ts).
//
// Office.onReady resolves, as it does in the browser runtime; classic Outlook on Windows runs the
// handlers in a JavaScript-only runtime that never calls it, so a handler must not wait for it
// (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch, "Event-based activation
// behavior and limitations"). It resolves on a later task, after launchevent.js has run, so that a
// handler relying on it is slower here, never faster.
import { RUNTIME_HOST_GLOBAL, type LaunchEventHandler, type RuntimeHost } from './bridge';
import { refusal, validNotification, type OfficeAsyncError } from './notificationRules';
import { SESSION_DATA_LIMIT, sessionDataFits } from './sessionDataLimit';
import type { ComposeField, ComposeRecipient } from '../page/composeItem';
import type { WorkbenchSignIn, WorkbenchSite } from '../../../src/host/workbench/protocol';

type Callback = (result: AsyncResult) => void;
interface AsyncResult {
  status: 'succeeded' | 'failed';
  value: unknown;
  error: OfficeAsyncError | undefined;
  asyncContext: unknown;
}

/** Office's optional-options-then-callback convention: (options?, callback?). */
function split(rest: unknown[]): { asyncContext: unknown; callback?: Callback } {
  const callback = rest.find((a): a is Callback => typeof a === 'function');
  const options = rest.find((a) => typeof a === 'object' && a !== null) as
    { asyncContext?: unknown } | undefined;
  return { asyncContext: options?.asyncContext, callback };
}

/** Callbacks always run on a later task, as Office's do (never inside the call). */
function answer(rest: unknown[], work: () => unknown): void {
  const { asyncContext, callback } = split(rest);
  setTimeout(() => {
    let result: AsyncResult;
    try {
      result = { status: 'succeeded', value: work(), error: undefined, asyncContext };
    } catch (error) {
      const e = error as Partial<OfficeAsyncError>;
      result = {
        status: 'failed',
        value: undefined,
        error: {
          name: e.name ?? 'Error',
          message: e.message ?? String(error),
          code: e.code ?? 9020,
        },
        asyncContext,
      };
    }
    callback?.(result);
  }, 0);
}

function officeError(name: string, message: string, code: number): OfficeAsyncError & Error {
  return Object.assign(new Error(message), { name, code });
}

const params = new URLSearchParams(window.location.search);
const host = (window.parent as unknown as Record<string, RuntimeHost | undefined>)[
  RUNTIME_HOST_GLOBAL
];
const bridge = window.parent !== window ? host?.attach(params.get('item') ?? '') : undefined;
const item = bridge?.item;
const tenantDomain = (bridge?.user.emailAddress.split('@')[1] ?? '').toLowerCase();

/** EmailAddressDetails as compose getAsync gives it (emailAddress, displayName, recipientType). */
function details(r: ComposeRecipient) {
  const domain = (r.emailAddress.split('@')[1] ?? '').toLowerCase();
  return {
    emailAddress: r.emailAddress,
    displayName: r.displayName,
    recipientType: domain && domain === tenantDomain ? 'user' : 'externalUser',
  };
}

/**
 * Recipients as setAsync / addAsync take them: strings (addresses), EmailUser or
 * EmailAddressDetails. At most 100 per call
 * (https://learn.microsoft.com/javascript/api/outlook/office.recipients#outlook-office-recipients-setasync-member(1)).
 */
function recipientsFrom(value: unknown): ComposeRecipient[] {
  if (!Array.isArray(value))
    throw officeError('InvalidParameterValueError', 'Recipients must be an array.', 9031);
  if (value.length > 100)
    throw officeError(
      'NumberOfRecipientsExceeded',
      "The total number of recipients in the field can't exceed 100.",
      9012,
    );
  return value.map((r) => {
    if (typeof r === 'string') return { emailAddress: r, displayName: r };
    const o = (r ?? {}) as { emailAddress?: unknown; displayName?: unknown };
    if (typeof o.emailAddress !== 'string')
      throw officeError('InvalidParameterValueError', 'A recipient has no emailAddress.', 9031);
    return {
      emailAddress: o.emailAddress,
      displayName:
        typeof o.displayName === 'string' && o.displayName ? o.displayName : o.emailAddress,
    };
  });
}

function recipientsField(field: ComposeField) {
  return {
    getAsync: (...rest: unknown[]) =>
      answer(rest, () => (item ? item.getRecipients(field).map(details) : [])),
    setAsync: (value: unknown, ...rest: unknown[]) =>
      answer(rest, () => item?.setRecipients(field, recipientsFrom(value))),
    addAsync: (value: unknown, ...rest: unknown[]) =>
      answer(rest, () =>
        item?.setRecipients(field, [...item.getRecipients(field), ...recipientsFrom(value)]),
      ),
  };
}

const notificationMessages = {
  addAsync: (key: unknown, message: unknown, ...rest: unknown[]) => {
    const next = validNotification(key, message); // throws at the call, as Office.js does
    answer(rest, () => {
      if (!item) return;
      const refused = refusal([...item.notifications.values()], next, false);
      if (refused) throw officeError(refused.name, refused.message, refused.code);
      item.setNotification(next);
    });
  },
  replaceAsync: (key: unknown, message: unknown, ...rest: unknown[]) => {
    const next = validNotification(key, message);
    answer(rest, () => {
      if (!item) return;
      const refused = refusal([...item.notifications.values()], next, true);
      if (refused) throw officeError(refused.name, refused.message, refused.code);
      item.setNotification(next);
    });
  },
  removeAsync: (key: unknown, ...rest: unknown[]) =>
    answer(rest, () => {
      if (!item?.removeNotification(String(key)))
        throw officeError('KeyNotFound', 'No notification has this key.', 9024);
    }),
  getAllAsync: (...rest: unknown[]) =>
    answer(rest, () => (item ? [...item.notifications.values()].map((n) => ({ ...n })) : [])),
};

/**
 * item.sessionData (Mailbox 1.11). getAllAsync on empty session data gives the string '{}', not
 * an object, as users report (https://github.com/OfficeDev/office-js/issues/5353). A missing key
 * fails rather than answering a made-up value.
 */
const sessionData = {
  getAsync: (key: unknown, ...rest: unknown[]) =>
    answer(rest, () => {
      const value = item?.sessionData.get(String(key));
      if (value === undefined)
        throw officeError('KeyNotFound', 'No session data has this key.', 9024);
      return value;
    }),
  setAsync: (key: unknown, value: unknown, ...rest: unknown[]) =>
    answer(rest, () => {
      if (!item) return;
      if (!sessionDataFits(item.sessionData, String(key), String(value)))
        throw officeError(
          'SessionDataObjectMaxLengthExceeded',
          `Session data is limited to ${SESSION_DATA_LIMIT} characters per add-in.`,
          9057,
        );
      item.sessionData.set(String(key), String(value));
    }),
  removeAsync: (key: unknown, ...rest: unknown[]) =>
    answer(rest, () => {
      item?.sessionData.delete(String(key));
    }),
  clearAsync: (...rest: unknown[]) =>
    answer(rest, () => {
      item?.sessionData.clear();
    }),
  getAllAsync: (...rest: unknown[]) =>
    answer(rest, () =>
      item && item.sessionData.size > 0 ? Object.fromEntries(item.sessionData) : '{}',
    ),
};

const mailboxItem = item
  ? {
      itemType: 'message',
      to: recipientsField('to'),
      cc: recipientsField('cc'),
      bcc: recipientsField('bcc'),
      from: { getAsync: (...rest: unknown[]) => answer(rest, () => details(item.from)) },
      subject: { getAsync: (...rest: unknown[]) => answer(rest, () => item.subject) },
      notificationMessages,
      sessionData,
    }
  : null;

/** Requirement sets: Mailbox up to 1.15, as Outlook on the web answers for this add-in's needs. */
function isSetSupported(name: string, version?: string | number): boolean {
  if (name.toLowerCase() !== 'mailbox') return false;
  const [major, minor] = String(version ?? '1.1')
    .split('.')
    .map(Number);
  return major === 1 && (minor ?? 0) <= 15;
}

let readyResolve: (info: { host: string; platform: string }) => void = () => undefined;
const ready = new Promise<{ host: string; platform: string }>((r) => (readyResolve = r));
setTimeout(() => readyResolve({ host: 'Outlook', platform: 'OfficeOnline' }), 0);

const office = {
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    return ready.then((info) => {
      callback?.(info);
      return info;
    });
  },
  actions: {
    associate(name: string, handler: LaunchEventHandler) {
      bridge?.associate(name, handler);
    },
  },
  context: {
    platform: 'OfficeOnline',
    mailbox: {
      item: mailboxItem,
      userProfile: bridge
        ? { emailAddress: bridge.user.emailAddress, displayName: bridge.user.displayName }
        : undefined,
    },
    requirements: { isSetSupported },
  },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: {
    RecipientsChanged: 'olkRecipientsChanged',
    ItemChanged: 'olkItemSelectedChanged',
  },
  MailboxEnums: {
    ItemType: { Message: 'message', Appointment: 'appointment' },
    ItemNotificationMessageType: {
      ProgressIndicator: 'progressIndicator',
      InformationalMessage: 'informationalMessage',
      ErrorMessage: 'errorMessage',
      InsightMessage: 'insightMessage',
    },
    ActionType: { ShowTaskPane: 'showTaskPane' },
    SendModeOverride: { PromptUser: 'promptUser' },
    RecipientType: {
      DistributionList: 'distributionList',
      User: 'user',
      ExternalUser: 'externalUser',
      Other: 'other',
    },
  },
};

const globals = window as unknown as Record<string, unknown>;
globals.Office = office;
// No OfficeRuntime: the workbench plays Outlook on the web, where "This interface isn't supported"
// (learn.microsoft.com/javascript/api/office-runtime/officeruntime.storage); its browser runtime
// has the origin's localStorage instead, shared with the task pane.
// What the handler reads to find the local SharePoint site (and, with --sign-in, where to sign in).
const runtime: { site?: WorkbenchSite; signIn?: WorkbenchSignIn } = {
  site: bridge?.site,
  signIn: bridge?.signIn,
};
(globalThis as unknown as Record<string, unknown>).__cgWorkbenchRuntime = runtime;
