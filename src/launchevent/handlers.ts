// The event handlers (issue 12): OnMessageSend (Smart Alerts), OnNewMessageCompose and
// OnMessageRecipientsChanged. They read the compose item, decide with the policy core's
// decideSend (the pane's matching, not a copy) from the send-time cache, and tell Outlook.
//
// Never stop a school's mail on our failure: the manifest's SendMode is SoftBlock, and every path
// that cannot decide (no cache and no token, an Office call that fails, an exception, the time
// running out) completes with allowEvent: true and says nothing (never "clear"). Outlook shows
// "taking longer than expected" after 5 s (learn.microsoft.com/office/dev/add-ins/outlook/
// onmessagesend-onappointmentsend-events); the handler answers well before: from the cache at
// once, or after a refresh of at most SEND_REFRESH_BUDGET_MS when the cache is missing or stale,
// and a watchdog lets the mail go at SEND_WATCHDOG_MS whatever happens.
//
// The send-anyway marker (compose pane, item.sessionData) lets the item through only when it covers
// every recipient this stop names (sendAnyway.ts).
import type { LoadedSendTimeCache, SendTimeStorage } from '../cache/sendTimeStore';
import { loadSendTimeCache } from '../cache/sendTimeStore';
import { withTimeout } from '../host/office/officeAsync';
import { todayInLondon } from '../policy/londonDate';
import { decideSend } from '../policy/sendTime/decideSend';
import { composeNotificationText } from '../policy/sendTime/message';
import { parseSendAnywayMarker, sendAnywayCovers } from '../policy/sendTime/sendAnyway';
import type { OutgoingRecipients, SendDecision } from '../policy/sendTime/types';
import { COMPOSE_PANE_COMMAND_ID } from './names';
import {
  readFrom,
  readRecipients,
  readSendAnywayMarker,
  removeComposeNotification,
  showComposeNotification,
  supportsSmartAlertPaneAction,
  type ComposeItemApi,
  type OfficeApi,
} from './officeCompose';
import type { SendTimeRefresher } from './refreshSendTimeCache';

/** A cache older than this is refreshed before a send is decided (within the budget). */
export const SEND_STALE_MS = 15 * 60_000;
/** A cache older than this is refreshed when a compose window opens. */
export const COMPOSE_STALE_MS = 2 * 60_000;
export const SEND_REFRESH_BUDGET_MS = 2_500;
export const COMPOSE_REFRESH_BUDGET_MS = 4_000;
export const SEND_WATCHDOG_MS = 4_500;
/** The notification handlers' own limit: they must always complete. */
export const NOTIFY_WATCHDOG_MS = 4_500;
/** Reading the stored copy (OfficeRuntime.storage or localStorage) gets this long. */
export const STORAGE_READ_MS = 1_000;
/**
 * A copy older than this is not used: after a day without a successful read it may name a
 * restriction ended since, and a stop from it could not be undone from a fresh pane. The mail then
 * goes unchecked (SoftBlock), as with no copy.
 */
export const CACHE_MAX_AGE_MS = 24 * 60 * 60_000;

/** The button on the Smart Alert that opens the compose pane (Outlook allows 20 characters). */
export const SMART_ALERT_PANE_LABEL = 'Open Contact Guard';

/** What Outlook passes a handler: `completed` ends it (Office.AddinCommands.Event / MailboxEvent). */
export interface LaunchEvent {
  completed(options?: Record<string, unknown>): void;
}

export interface HandlerDependencies {
  office: OfficeApi;
  storage: SendTimeStorage | undefined;
  refresh: SendTimeRefresher | undefined;
  now?: () => Date;
  /** Shortened in unit tests only. */
  watchdogMs?: number;
}

export interface Handlers {
  onMessageSend(event: LaunchEvent): Promise<void>;
  onNewMessageCompose(event: LaunchEvent): Promise<void>;
  onMessageRecipientsChanged(event: LaunchEvent): Promise<void>;
}

/** `event.completed` once, whatever calls it first (the decision or the watchdog). */
function once(event: LaunchEvent): (options?: Record<string, unknown>) => void {
  let done = false;
  return (options) => {
    if (done) return;
    done = true;
    try {
      if (options) event.completed(options);
      else event.completed();
    } catch {
      // Nothing more can be told to Outlook.
    }
  };
}

interface Checked {
  item: ComposeItemApi;
  recipients: OutgoingRecipients;
  decision: SendDecision;
  /** The compose pane's send-anyway marker (JSON), read with the rest. */
  marker: string | undefined;
}

export function createHandlers(deps: HandlerDependencies): Handlers {
  const now = deps.now ?? (() => new Date());

  function user(): string {
    const address = deps.office.context.mailbox.userProfile?.emailAddress;
    return typeof address === 'string' ? address : '';
  }

  /** The stored copy, if it answers in time and is not too old to use. */
  async function stored(me: string): Promise<LoadedSendTimeCache | undefined> {
    const { storage } = deps;
    if (!storage) return undefined;
    const loaded = await withTimeout(
      loadSendTimeCache(storage, me, now()),
      STORAGE_READ_MS,
      'Reading the stored restrictions',
    ).catch(() => undefined);
    if (!loaded || now().getTime() - loaded.savedAt.getTime() > CACHE_MAX_AGE_MS) return undefined;
    return loaded;
  }

  async function cache(
    staleMs: number,
    budgetMs: number,
  ): Promise<LoadedSendTimeCache | undefined> {
    const { refresh } = deps;
    const me = user();
    const loaded = await stored(me);
    const fresh = loaded && now().getTime() - loaded.savedAt.getTime() < staleMs;
    if (fresh || !refresh || !me || !deps.storage) return loaded;
    try {
      await withTimeout(refresh(me), budgetMs, 'Refreshing the restrictions');
    } catch {
      return loaded; // no token, offline, too slow: the copy we have, or none
    }
    return (await stored(me)) ?? loaded;
  }

  async function check(staleMs: number, budgetMs: number): Promise<Checked | undefined> {
    const item = deps.office.context.mailbox.item;
    if (!item) return undefined;
    const [recipients, from, loaded, marker] = await Promise.all([
      readRecipients(item),
      readFrom(item),
      cache(staleMs, budgetMs),
      readSendAnywayMarker(item),
    ]);
    if (!loaded) {
      // No copy of the list and none could be read: let it go, say nothing.
      return {
        item,
        recipients,
        marker,
        decision: { kind: 'sendUnchecked', reason: 'noRestrictionList' },
      };
    }
    const me = user();
    const shared =
      from.address && from.address.trim().toLowerCase() !== me.trim().toLowerCase()
        ? from.address
        : undefined;
    const decision = decideSend({
      recipients,
      sender: { userAddress: me, ...(shared ? { sharedMailboxAddress: shared } : {}) },
      index: loaded.index,
      today: todayInLondon(now()),
    });
    // From could not be read: whether the email goes from a SPOC's shared mailbox (002 §57) is
    // unknown, so a stop for a restricted recipient would be our failure, not the policy's.
    if (from.failed && decision.kind === 'stop' && decision.restricted.length > 0)
      return { item, recipients, marker, decision: { kind: 'sendUnchecked', reason: 'noSender' } };
    return { item, recipients, decision, marker };
  }

  async function onMessageSend(event: LaunchEvent): Promise<void> {
    const complete = once(event);
    const allow = () => complete({ allowEvent: true });
    const watchdog = setTimeout(allow, deps.watchdogMs ?? SEND_WATCHDOG_MS);
    try {
      const checked = await check(SEND_STALE_MS, SEND_REFRESH_BUDGET_MS);
      const decision = checked?.decision;
      if (!checked || decision?.kind !== 'stop') return allow();
      if (sendAnywayCovers(parseSendAnywayMarker(checked.marker), decision)) return allow();
      const paneAction = supportsSmartAlertPaneAction(deps.office);
      complete({
        allowEvent: false,
        errorMessage: decision.message,
        // Mailbox 1.14: the dialog's button opens the compose pane, which offers "send to the SPOC
        // instead" and "send anyway, with a reason" (Office.SmartAlertsEventCompletedOptions).
        ...(paneAction
          ? {
              cancelLabel: SMART_ALERT_PANE_LABEL,
              commandId: COMPOSE_PANE_COMMAND_ID,
              contextData: JSON.stringify({ from: 'smartAlert' }),
            }
          : {}),
        // Only records we could not read (no restriction in force is known): the stop asks the
        // user to check, and must not close the line for good when the pane cannot reach the list
        // either, so Outlook's own "Send Anyway" is offered (sendModeOverride, Mailbox 1.14).
        ...(paneAction && decision.restricted.length === 0
          ? { sendModeOverride: 'promptUser' }
          : {}),
      });
    } catch {
      allow();
    } finally {
      clearTimeout(watchdog);
    }
  }

  async function notify(event: LaunchEvent, staleMs: number, budgetMs: number): Promise<void> {
    const complete = once(event);
    const watchdog = setTimeout(complete, deps.watchdogMs ?? NOTIFY_WATCHDOG_MS);
    try {
      const checked = await check(staleMs, budgetMs);
      if (!checked) return;
      const { item, decision } = checked;
      if (decision.kind === 'stop') {
        await showComposeNotification(
          deps.office,
          item,
          composeNotificationText(decision.restricted, decision.unchecked),
        );
      } else {
        // Checked and clear, or not checkable: no bar (never a "clear" bar either).
        await removeComposeNotification(item);
      }
    } catch {
      // A bar is a courtesy; the send check still runs.
    } finally {
      clearTimeout(watchdog);
      complete();
    }
  }

  return {
    onMessageSend,
    onNewMessageCompose: (event) => notify(event, COMPOSE_STALE_MS, COMPOSE_REFRESH_BUDGET_MS),
    // Quick: only the cache (refreshed when the window opened); a missing cache gets one try.
    onMessageRecipientsChanged: (event) =>
      notify(event, Number.POSITIVE_INFINITY, SEND_REFRESH_BUDGET_MS),
  };
}
