// One Office mailbox event shared by many listeners. Office's mailbox.removeHandlerAsync removes
// every handler of an event type at once, so the adapter registers a single handler per type and
// fans it out; it registers on the first listener and removes on the last.
import { officeCall } from './officeAsync';

export interface MailboxEventSource {
  addHandlerAsync(
    eventType: Office.EventType | string,
    handler: (args: unknown) => void,
    callback?: (result: Office.AsyncResult<void>) => void,
  ): void;
  removeHandlerAsync(
    eventType: Office.EventType | string,
    callback?: (result: Office.AsyncResult<void>) => void,
  ): void;
}

export class MailboxEventFanOut<Args> {
  private readonly listeners = new Set<(args: Args) => void>();
  private registered = false;
  /** Registration changes run one after another, so a quick unsubscribe/subscribe cannot cross. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly mailbox: MailboxEventSource,
    private readonly eventType: Office.EventType | string,
  ) {}

  subscribe(listener: (args: Args) => void): () => void {
    this.listeners.add(listener);
    this.sync();
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(listener);
      this.sync();
    };
  }

  /** Settles when every registration change asked for so far has been made (for tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  private readonly dispatch = (args: unknown): void => {
    for (const listener of [...this.listeners]) {
      try {
        listener(args as Args);
      } catch {
        // One listener's failure must not stop the others from hearing about the change.
      }
    }
  };

  private sync(): void {
    this.queue = this.queue.then(async () => {
      const wanted = this.listeners.size > 0;
      try {
        if (wanted && !this.registered) {
          await officeCall<void>(
            (done) => this.mailbox.addHandlerAsync(this.eventType, this.dispatch, done),
            'Registering for an Outlook event',
          );
          this.registered = true;
        } else if (!wanted && this.registered) {
          this.registered = false;
          await officeCall<void>(
            (done) => this.mailbox.removeHandlerAsync(this.eventType, done),
            'Unregistering an Outlook event',
          );
        }
      } catch {
        // An older Outlook without the event: the pane still works, it just is not told of changes.
      }
    });
  }
}
