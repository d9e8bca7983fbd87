// A small hand-made stand-in for the Office.js global: only what the adapter and the sign-in code
// touch, with the run-time enum values Office.js really has. Installs itself on globalThis.Office.

export interface FakeAddress {
  emailAddress: string;
  displayName?: string;
}

export interface FakeItemInit {
  itemId?: string;
  itemType?: string;
  subject?: string;
  from?: FakeAddress | object;
  sender?: FakeAddress;
  dateTimeCreated?: Date;
  internetMessageId?: string;
  /** Raw internet headers, or an Office error code to fail with. */
  headers?: string | { failWithCode: number };
  /** Calls back after this many milliseconds (to test races between item changes). */
  headersDelayMs?: number;
  /** Present only on items in a shared or delegated mailbox. */
  sharedTargetMailbox?: string;
  /** The shared properties' owner (default 'owner'). */
  sharedOwner?: string;
  /** getSharedPropertiesAsync exists but fails with this Office error code. */
  sharedFailsWithCode?: number;
}

export interface FakeOfficeOptions {
  platform?: string;
  /** Requirement sets and the highest version supported, e.g. { Mailbox: '1.8' }. */
  supportedSets?: Record<string, string>;
  item?: FakeItemInit | null;
  userProfile?: { displayName: string; emailAddress: string };
  officeTheme?: Partial<Office.OfficeTheme>;
  /** What Office.onReady reports as the host; 'never' leaves onReady pending forever. */
  onReadyHost?: string | null | 'never';
}

interface AsyncResultLike<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { code: number; message: string; name: string };
}

type Callback<T> = (result: AsyncResultLike<T>) => void;

export interface FakeDialog {
  url: string;
  options: Record<string, unknown> | undefined;
  closed: boolean;
  /** The dialog page calls messageParent with this text. */
  sendMessage(message: string, origin?: string): void;
  /** Office reports a dialog event (e.g. 12006: the user closed the dialog). */
  sendEvent(error: number): void;
}

export interface FakeOffice {
  office: typeof Office;
  convertToRestIdCalls: Array<{ id: string; version: string }>;
  addHandlerCalls: string[];
  removeHandlerCalls: string[];
  dialogs: FakeDialog[];
  /** Error code displayDialogAsync fails with next (once); undefined opens the dialog. */
  failNextDialogWith?: number;
  setItem(item: FakeItemInit | null): void;
  /** Outlook fires ItemChanged after swapping mailbox.item. */
  fireItemChanged(): void;
  fireThemeChanged(theme: Partial<Office.OfficeTheme>): void;
  uninstall(): void;
}

function succeeded<T>(value: T): AsyncResultLike<T> {
  return { status: 'succeeded', value };
}

function failed<T>(code: number): AsyncResultLike<T> {
  return {
    status: 'failed',
    value: undefined as T,
    error: { code, message: 'fake failure', name: 'Fake' },
  };
}

function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function makeItem(init: FakeItemInit): object {
  const item: Record<string, unknown> = {
    itemId: init.itemId,
    itemType: init.itemType ?? 'message',
    subject: init.subject,
    from: init.from,
    sender: init.sender,
    dateTimeCreated: init.dateTimeCreated,
    internetMessageId: init.internetMessageId,
    getAllInternetHeadersAsync(callback: Callback<string>) {
      const answer = (): void => {
        const headers = init.headers;
        if (headers === undefined) callback(succeeded(''));
        else if (typeof headers === 'string') callback(succeeded(headers));
        else callback(failed(headers.failWithCode));
      };
      if (init.headersDelayMs) setTimeout(answer, init.headersDelayMs);
      else queueMicrotask(answer);
    },
  };
  if (init.sharedTargetMailbox !== undefined || init.sharedFailsWithCode !== undefined) {
    item.getSharedPropertiesAsync = (callback: Callback<Partial<Office.SharedProperties>>) => {
      queueMicrotask(() =>
        callback(
          init.sharedFailsWithCode !== undefined
            ? failed(init.sharedFailsWithCode)
            : succeeded({
                targetMailbox: init.sharedTargetMailbox,
                owner: init.sharedOwner ?? 'owner',
              }),
        ),
      );
    };
  }
  return item;
}

export function installFakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  const supportedSets = options.supportedSets ?? { Mailbox: '1.8' };
  const handlers = new Map<string, (args: unknown) => void>();
  const fake: FakeOffice = {
    office: undefined as unknown as typeof Office,
    convertToRestIdCalls: [],
    addHandlerCalls: [],
    removeHandlerCalls: [],
    dialogs: [],
    setItem(item) {
      mailbox.item = item ? makeItem(item) : null;
    },
    fireItemChanged() {
      handlers.get('olkItemSelectedChanged')?.({ type: 'olkItemSelectedChanged' });
    },
    fireThemeChanged(theme) {
      context.officeTheme = theme;
      handlers.get('officeThemeChanged')?.({ type: 'officeThemeChanged', officeTheme: theme });
    },
    uninstall() {
      delete (globalThis as { Office?: unknown }).Office;
    },
  };

  const mailbox: Record<string, unknown> = {
    item: options.item ? makeItem(options.item) : null,
    userProfile: options.userProfile ?? {
      displayName: 'Sam Teacher',
      emailAddress: 'sam.teacher@oakfield.sch.uk',
    },
    convertToRestId(id: string, version: string) {
      fake.convertToRestIdCalls.push({ id, version });
      return `rest:${id.replace(/\//g, '-')}`;
    },
    addHandlerAsync(
      eventType: string,
      handler: (args: unknown) => void,
      callback?: Callback<void>,
    ) {
      fake.addHandlerCalls.push(eventType);
      handlers.set(eventType, handler);
      queueMicrotask(() => callback?.(succeeded(undefined)));
    },
    removeHandlerAsync(eventType: string, callback?: Callback<void>) {
      fake.removeHandlerCalls.push(eventType);
      handlers.delete(eventType);
      queueMicrotask(() => callback?.(succeeded(undefined)));
    },
  };

  const context: Record<string, unknown> = {
    mailbox,
    officeTheme: options.officeTheme,
    diagnostics: { platform: options.platform ?? 'PC', host: 'Outlook' },
    requirements: {
      isSetSupported(name: string, version?: string) {
        const highest = supportedSets[name];
        if (highest === undefined) return false;
        return version === undefined || compareVersions(highest, version) >= 0;
      },
    },
    ui: {
      displayDialogAsync(
        url: string,
        dialogOptions: Record<string, unknown> | undefined,
        callback: Callback<unknown>,
      ) {
        if (fake.failNextDialogWith !== undefined) {
          const code = fake.failNextDialogWith;
          fake.failNextDialogWith = undefined;
          queueMicrotask(() => callback(failed(code)));
          return;
        }
        const dialogHandlers = new Map<string, (args: unknown) => void>();
        const dialog: FakeDialog = {
          url,
          options: dialogOptions,
          closed: false,
          sendMessage(message, origin) {
            dialogHandlers.get('dialogMessageReceived')?.({
              type: 'dialogMessageReceived',
              message,
              origin,
            });
          },
          sendEvent(error) {
            dialogHandlers.get('dialogEventReceived')?.({ type: 'dialogEventReceived', error });
          },
        };
        fake.dialogs.push(dialog);
        const officeDialog = {
          addEventHandler(eventType: string, handler: (args: unknown) => void) {
            dialogHandlers.set(eventType, handler);
          },
          close() {
            dialog.closed = true;
          },
        };
        queueMicrotask(() => callback(succeeded(officeDialog)));
      },
    },
  };

  const office = {
    context,
    HostType: { Outlook: 'Outlook' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: {
      ItemChanged: 'olkItemSelectedChanged',
      OfficeThemeChanged: 'officeThemeChanged',
      DialogMessageReceived: 'dialogMessageReceived',
      DialogEventReceived: 'dialogEventReceived',
    },
    MailboxEnums: {
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      ItemType: { Message: 'message', Appointment: 'appointment' },
    },
    onReady() {
      if (options.onReadyHost === 'never') return new Promise(() => undefined);
      const host = options.onReadyHost === undefined ? 'Outlook' : options.onReadyHost;
      return Promise.resolve({ host, platform: options.platform ?? 'PC' });
    },
  };
  fake.office = office as unknown as typeof Office;
  (globalThis as { Office?: unknown }).Office = office;
  return fake;
}

/** Lets queued microtasks and resolved promises run. */
export async function flushPromises(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
