// The event handlers' runtime for one compose item, as Outlook on the web runs it: the add-in's
// launchevent.html in a hidden iframe (the browser runtime), its handlers found by the names they
// associate (Office.actions.associate), each event passed as an object with `completed`.
// Sources: https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch (the events, the
// runtime, OnNewMessageCompose also for reply, reply all and forward) and
// https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events
// (Smart Alerts: "taking longer than expected" after 5 seconds, time out at 5 minutes, and the add-in
// "unavailable" when it cannot be loaded).
import { HANDLER_FUNCTIONS, HANDLER_PAGE_FILE } from '../../../src/launchevent/names';
import type { SignedInUser } from '../../../src/host/mailHost';
import type { WorkbenchSignIn, WorkbenchSite } from '../../../src/host/workbench/protocol';
import {
  RUNTIME_HOST_GLOBAL,
  type LaunchEventHandler,
  type RuntimeBridge,
  type RuntimeHost,
} from '../runtime/bridge';
import type { ComposeField, ComposeItem } from './composeItem';

/** Outlook's Smart Alerts timers; a test may shorten them (?longRunningMs=…&timeoutMs=…). */
export interface SmartAlertTimers {
  longRunningMs: number;
  timeoutMs: number;
}
export const OUTLOOK_TIMERS: SmartAlertTimers = { longRunningMs: 5_000, timeoutMs: 5 * 60_000 };

/** Office.SmartAlertsEventCompletedOptions, as the handler passed it (unchecked). */
export type CompletedOptions = Record<string, unknown>;

export type SendOutcome =
  /** The handler called event.completed (options as given; {} when it passed none). */
  | { kind: 'completed'; options: CompletedOptions }
  /** No handler to run: the page did not load or never associated OnMessageSend. */
  | { kind: 'unavailable' }
  /** Five minutes without event.completed (an exception counts: it never completes either). */
  | { kind: 'timedOut' };

const bridges = new Map<string, RuntimeBridge>();

/** The page's side of bridge.ts: the shim in each runtime iframe asks here for its item. */
function installHost(): void {
  const host: RuntimeHost = { attach: (itemId) => bridges.get(itemId) };
  (window as unknown as Record<string, RuntimeHost>)[RUNTIME_HOST_GLOBAL] = host;
}

export class EventRuntime {
  private readonly handlers = new Map<string, LaunchEventHandler>();
  private readonly frame: HTMLIFrameElement;
  private readonly loaded: Promise<void>;

  constructor(
    private readonly item: ComposeItem,
    environment: { user: SignedInUser; site?: WorkbenchSite; signIn?: WorkbenchSignIn },
    private readonly timers: SmartAlertTimers = OUTLOOK_TIMERS,
  ) {
    installHost();
    bridges.set(item.id, {
      item,
      ...environment,
      associate: (name, handler) => {
        if (typeof handler === 'function') this.handlers.set(name, handler);
      },
    });
    this.frame = document.createElement('iframe');
    this.frame.hidden = true;
    this.frame.title = 'Contact Guard event handlers';
    this.frame.dataset.runtimeFor = item.id;
    this.loaded = new Promise((resolve) => this.frame.addEventListener('load', () => resolve()));
    this.frame.src = `${HANDLER_PAGE_FILE}?item=${encodeURIComponent(item.id)}`;
    document.body.append(this.frame);
  }

  /** OnNewMessageCompose: the compose surface opened (new, reply, reply all, forward). */
  async newMessageCompose(): Promise<void> {
    await this.loaded;
    this.call(HANDLER_FUNCTIONS.OnNewMessageCompose, {
      type: 'OnNewMessageCompose',
      completed: () => undefined,
    });
  }

  /**
   * OnMessageRecipientsChanged with Office.RecipientsChangedEventArgs: type olkRecipientsChanged
   * and changedRecipientFields, every field of RecipientsChangedFields, attendees false on a
   * message (https://learn.microsoft.com/javascript/api/outlook/office.recipientschangedfields).
   */
  async recipientsChanged(fields: ComposeField[]): Promise<void> {
    await this.loaded;
    this.call(HANDLER_FUNCTIONS.OnMessageRecipientsChanged, {
      type: 'olkRecipientsChanged',
      changedRecipientFields: {
        to: fields.includes('to'),
        cc: fields.includes('cc'),
        bcc: fields.includes('bcc'),
        requiredAttendees: false,
        optionalAttendees: false,
        resources: false,
      },
      completed: () => undefined,
    });
  }

  /**
   * OnMessageSend. `onLongRunning` is called if the handler has not completed after 5 seconds (the
   * page then shows Outlook's "taking longer than expected"); the promise settles when it completes,
   * when five minutes pass, or at once when there is no handler to run.
   */
  async messageSend(onLongRunning: () => void): Promise<SendOutcome> {
    await this.loaded;
    const handler = this.handlers.get(HANDLER_FUNCTIONS.OnMessageSend);
    if (!handler) return { kind: 'unavailable' };
    return new Promise<SendOutcome>((resolve) => {
      let done = false;
      const finish = (outcome: SendOutcome) => {
        if (done) return; // a second completed() changes nothing, as in Outlook
        done = true;
        clearTimeout(longRunning);
        clearTimeout(timeout);
        resolve(outcome);
      };
      const longRunning = setTimeout(() => !done && onLongRunning(), this.timers.longRunningMs);
      const timeout = setTimeout(() => finish({ kind: 'timedOut' }), this.timers.timeoutMs);
      this.call(HANDLER_FUNCTIONS.OnMessageSend, {
        type: 'OnMessageSend',
        completed: (options?: CompletedOptions) =>
          finish({ kind: 'completed', options: options ?? {} }),
      });
    });
  }

  /** The compose item is gone (sent or discarded): its runtime goes with it. */
  dispose(): void {
    bridges.delete(this.item.id);
    this.frame.remove();
  }

  private call(name: string, event: object): void {
    const handler = this.handlers.get(name);
    if (!handler) return;
    try {
      const result = handler(event) as { catch?: (f: (e: unknown) => void) => void } | undefined;
      result?.catch?.((error) => console.error(`Contact Guard ${name} failed`, error));
    } catch (error) {
      // Outlook does not complete an event for a handler that throws: the send waits, then times out.
      console.error(`Contact Guard ${name} threw`, error);
    }
  }
}
