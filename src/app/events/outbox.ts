// The outbox: contact events kept on the device (IndexedDB) from the moment Save is pressed until
// Graph has confirmed them, saved one at a time in the order they were recorded, retried with
// backoff, and still there after the pane is closed and reopened. Nothing is called "saved"
// before the save has returned.
//
// The device keeps only what is not yet in SharePoint (issue 10, item 7): an event's details are
// sensitive personal data, and once SharePoint has acknowledged it the copy on a (possibly shared)
// computer has no use. A saved entry is removed from the store at once; it stays in this pane's
// memory only, so that the pane can still say "saved at …" until it closes (after that, the
// email's own mark says it is logged).
import type { KeyValueStore } from '../../cache/keyValueStore';
import type { ContactEvent } from '../../policy/events/contactEvent';
import { toGraphAccessError, type GraphAccessErrorKind } from '../../graph/errors';
import type { SaveTarget } from './eventSaver';

export type OutboxStatus = 'waiting' | 'saving' | 'saved' | 'failed';

export interface OutboxEntry {
  event: ContactEvent;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms of the next try (waiting entries). */
  nextAttemptAt?: number;
  /** Plain words, no personal data: why the last attempt failed. */
  lastError?: string;
  lastErrorKind?: GraphAccessErrorKind;
  /** ISO, when Graph confirmed it. */
  savedAt?: string;
  /** What the save had to say besides "saved" (e.g. the email was too large to copy). */
  note?: string;
}

export interface OutboxOptions {
  store: KeyValueStore;
  /** One outbox per signed-in user (and site): a shared computer never sends another's events. */
  storeKey: string;
  target: SaveTarget;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** First wait after a failure; doubles each time up to maxDelayMs (with jitter). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Saved entries kept in memory (never on the device) for the pane's "saved at" state. */
  keepSaved?: number;
}

/**
 * What the outbox does after each kind of failure (a Record, so a new kind must be decided here):
 *   retry  a later try can cure it: waiting, tried again with backoff.
 *   hold   waiting, but not tried again by itself: a wrong account (someone else's sign-in on a
 *          shared computer) does not cure itself by waiting, and each automatic try would ask for
 *          sign-in again. The event stays on the device, in order, until the user presses
 *          "try again", saves another event or the pane starts again.
 *   fail   kept on the device and shown as failed.
 */
const AFTER_FAILURE: Record<GraphAccessErrorKind, 'retry' | 'hold' | 'fail'> = {
  offline: 'retry',
  throttled: 'retry',
  unavailable: 'retry',
  unknown: 'retry',
  signedOut: 'retry',
  preconditionFailed: 'retry',
  wrongAccount: 'hold',
  forbidden: 'fail',
  notFound: 'fail',
  gone: 'fail',
  conflict: 'fail',
  badRequest: 'fail',
};

type Listener = (entries: readonly OutboxEntry[]) => void;

export class EventOutbox {
  private entries: OutboxEntry[] = [];
  private loaded: Promise<void> | undefined;
  private running = false;
  private rerun = false;
  private timer: unknown;
  private stopped = false;
  private readonly listeners = new Set<Listener>();
  private readonly o: Required<Omit<OutboxOptions, 'store' | 'storeKey' | 'target'>> &
    Pick<OutboxOptions, 'store' | 'storeKey' | 'target'>;

  constructor(options: OutboxOptions) {
    this.o = {
      now: Date.now,
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      baseDelayMs: 2_000,
      maxDelayMs: 60_000,
      keepSaved: 50,
      ...options,
    };
  }

  /** Reads what is waiting on the device and starts sending it. */
  start(): Promise<void> {
    this.loaded ??= this.o.store
      .get<OutboxEntry[]>(this.o.storeKey)
      .then((stored) => {
        // An entry caught mid-save by a closed pane is simply waiting: the save is idempotent.
        // Saved entries an older version kept on the device are dropped from it now.
        const kept = stored ?? [];
        this.entries = kept
          .filter((e) => e.status !== 'saved')
          .map((e) => (e.status === 'saving' ? { ...e, status: 'waiting' } : e));
        if (this.entries.length !== kept.length) void this.persist();
        this.emit();
      })
      .catch(() => undefined);
    // Sending runs in the background: starting (and so enqueueing) never waits for the network.
    return this.loaded.then(() => {
      void this.kick();
    });
  }

  /** Keeps the event on the device, then tries to save it. Resolves once it is stored locally. */
  async enqueue(event: ContactEvent): Promise<void> {
    await this.start();
    if (this.entries.some((e) => e.event.key === event.key)) return;
    this.entries.push({ event, status: 'waiting', attempts: 0 });
    await this.persist();
    this.emit();
    void this.kick();
  }

  /**
   * Tries the waiting entries now, without waiting out their backoff (sign-in works again: see
   * src/auth/signInRecovery.ts). Failed entries stay failed: only "try again" retries those.
   */
  tryWaitingNow(): Promise<void> {
    for (const e of this.entries) {
      if (e.status === 'waiting') e.nextAttemptAt = undefined;
    }
    if (this.timer !== undefined) this.o.clearTimer(this.timer);
    this.timer = undefined;
    return this.kick();
  }

  /** Tries every waiting entry now (e.g. the user pressed "try again"). */
  retryNow(): Promise<void> {
    for (const e of this.entries) {
      if (e.status === 'waiting' || e.status === 'failed') {
        e.status = 'waiting';
        e.nextAttemptAt = undefined;
      }
    }
    this.emit();
    return this.kick();
  }

  snapshot(): readonly OutboxEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  entryFor(key: string): OutboxEntry | undefined {
    const e = this.entries.find((x) => x.event.key === key);
    return e ? { ...e } : undefined;
  }

  /** The newest entry whose evidence is this message (waiting or saved on this device). */
  entryForMessage(messageId: string): OutboxEntry | undefined {
    const e = [...this.entries].reverse().find((x) => x.event.evidence?.messageId === messageId);
    return e ? { ...e } : undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No more tries from this instance (the pane is closing); what waits stays on the device. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.o.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** Resolves when the current pass is over. */
  async kick(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.rerun = false;
        await this.pass();
      } while (this.rerun);
    } finally {
      this.running = false;
    }
  }

  private async pass(): Promise<void> {
    for (const entry of this.entries) {
      if (this.stopped) return;
      if (entry.status !== 'waiting') continue;
      if (entry.nextAttemptAt !== undefined && entry.nextAttemptAt > this.o.now()) {
        this.schedule(entry.nextAttemptAt - this.o.now());
        return; // in order: nothing after a waiting entry goes first
      }
      entry.status = 'saving';
      entry.attempts += 1;
      this.emit();
      let held = false;
      try {
        const outcome = await this.o.target.save(entry.event);
        entry.note = outcome?.note;
        entry.status = 'saved';
        entry.savedAt = new Date(this.o.now()).toISOString();
        entry.lastError = undefined;
        entry.lastErrorKind = undefined;
        entry.nextAttemptAt = undefined;
      } catch (e) {
        const error = toGraphAccessError(e);
        entry.lastError = error.message;
        entry.lastErrorKind = error.kind;
        const after = AFTER_FAILURE[error.kind];
        if (after === 'fail') {
          entry.status = 'failed';
        } else if (after === 'hold') {
          entry.status = 'waiting';
          entry.nextAttemptAt = undefined;
          held = true;
        } else {
          entry.status = 'waiting';
          const server = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
          entry.nextAttemptAt = this.o.now() + Math.max(server, this.backoffMs(entry.attempts));
        }
      }
      this.trimSaved();
      await this.persist();
      this.emit();
      // Held: in order, nothing after it goes first, and no timer tries it again.
      if (held) return;
      if (entry.status === 'waiting') {
        this.schedule((entry.nextAttemptAt ?? this.o.now()) - this.o.now());
        return;
      }
    }
  }

  private backoffMs(attempts: number): number {
    const ceiling = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempts - 1));
    return Math.round(ceiling / 2 + this.o.random() * (ceiling / 2));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== undefined) this.o.clearTimer(this.timer);
    this.timer = this.o.setTimer(
      () => {
        this.timer = undefined;
        void this.kick();
      },
      Math.max(0, ms),
    );
  }

  private trimSaved(): void {
    const saved = this.entries.filter((e) => e.status === 'saved');
    const drop = saved.length - this.o.keepSaved;
    if (drop > 0) {
      const gone = new Set(saved.slice(0, drop));
      this.entries = this.entries.filter((e) => !gone.has(e));
    }
  }

  /** Writes what is still unsent; with nothing unsent, the key itself goes. */
  private async persist(): Promise<void> {
    const unsent = this.entries.filter((e) => e.status !== 'saved');
    try {
      if (unsent.length === 0) await this.o.store.delete(this.o.storeKey);
      else await this.o.store.set(this.o.storeKey, unsent);
    } catch {
      // IndexedDB refused (private mode, quota): the entries stay in memory and still save.
    }
  }

  private emit(): void {
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }
}
