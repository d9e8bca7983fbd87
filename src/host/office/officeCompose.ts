// The compose side of the mail-host port in Outlook (issue 12): the email being written, through
// Office.js's compose item. Reads and replaces the recipient lines, reads From, sets session data for
// the OnMessageSend handler, sends where Outlook allows an add-in to, and follows recipient changes.
import { paneMaySend } from '../../launchevent/names';
import type { ComposeAccess, ComposeField, ComposeRecipient, ComposeState } from '../mailHost';
import { officeCall, optional } from './officeAsync';

// Office's run-time value of Office.EventType.RecipientsChanged, for an older Office.js without the
// enum (the documented string value).
const RECIPIENTS_CHANGED_EVENT = 'olkRecipientsChanged';

interface RecipientsLike {
  getAsync(callback: (result: Office.AsyncResult<Office.EmailAddressDetails[]>) => void): void;
  setAsync(
    recipients: Office.EmailAddressDetails[],
    callback: (result: Office.AsyncResult<void>) => void,
  ): void;
}

interface ComposeItemLike {
  to: RecipientsLike;
  cc: RecipientsLike;
  bcc: RecipientsLike;
  from?: {
    getAsync?(callback: (result: Office.AsyncResult<Office.EmailAddressDetails>) => void): void;
  };
  sessionData?: {
    setAsync(
      key: string,
      value: string,
      callback: (result: Office.AsyncResult<void>) => void,
    ): void;
  };
  sendAsync?(callback: (result: Office.AsyncResult<void>) => void): void;
  addHandlerAsync?(
    eventType: unknown,
    handler: (args: unknown) => void,
    callback?: (result: Office.AsyncResult<void>) => void,
  ): void;
}

/**
 * True when `item` is a message being written. In read mode `item.to` (and cc) is an
 * `Array.<EmailAddressDetails>`; in compose mode it is a `Recipients` object with getAsync/setAsync
 * ("Outlook Item object model", properties `to`/`cc`, "Details by mode": Message Compose →
 * Recipients, Message Read → Array.<EmailAddressDetails>:
 * learn.microsoft.com/javascript/api/requirement-sets/outlook/outlook-item-object-model; and
 * "Get and set item data in read or compose forms": learn.microsoft.com/office/dev/add-ins/outlook/item-data).
 */
export function isComposeItem(item: unknown): item is ComposeItemLike {
  if (typeof item !== 'object' || item === null) return false;
  const { to, cc, bcc } = item as Record<string, unknown>;
  return [to, cc, bcc].every(
    (line) =>
      typeof line === 'object' &&
      line !== null &&
      !Array.isArray(line) &&
      typeof (line as Partial<RecipientsLike>).getAsync === 'function',
  );
}

function toRecipient(details: unknown): ComposeRecipient | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { emailAddress, displayName, recipientType } =
    details as Partial<Office.EmailAddressDetails>;
  // An entry without an address is kept, empty: decideSend then says it could not be checked.
  const address = typeof emailAddress === 'string' ? emailAddress.trim() : '';
  const name = typeof displayName === 'string' ? displayName.trim() : '';
  // recipientType (Mailbox 1.1): 'distributionList' for a group whose members Outlook does not list.
  const group = (recipientType as unknown) === 'distributionList' ? { isGroup: true } : {};
  return name ? { address, displayName: name, ...group } : { address, ...group };
}

function recipientsOf(value: unknown): ComposeRecipient[] {
  if (!Array.isArray(value)) throw new Error('Outlook gave no recipient list.');
  return (value as unknown[]).map((entry) => toRecipient(entry) ?? { address: '' });
}

export class OfficeCompose implements ComposeAccess {
  private readonly listeners = new Set<() => void>();
  private registered = false;

  constructor(
    private readonly item: ComposeItemLike,
    private readonly office: typeof Office,
    private readonly supports: (set: string, version: string) => boolean,
  ) {}

  get canSend(): boolean {
    // item.sendAsync: Mailbox 1.15 and read/write mailbox permission, which the manifest does not
    // ask for (names.ts, MANIFEST_PERMISSION): Outlook would refuse the call.
    return (
      paneMaySend(this.supports('Mailbox', '1.15')) && typeof this.item.sendAsync === 'function'
    );
  }

  async read(): Promise<ComposeState> {
    const line = (field: ComposeField) =>
      officeCall<Office.EmailAddressDetails[]>(
        (done) => this.item[field].getAsync(done),
        `Reading the ${field} recipients`,
      ).then(recipientsOf);
    // From in compose mode (from.getAsync, Mailbox 1.7): the shared mailbox the email is sent from.
    const readFrom =
      this.supports('Mailbox', '1.7') && typeof this.item.from?.getAsync === 'function'
        ? optional(
            officeCall<Office.EmailAddressDetails>(
              (done) => this.item.from!.getAsync!(done),
              'Reading the From mailbox',
            ),
          )
        : Promise.resolve(undefined);
    const [to, cc, bcc, from] = await Promise.all([line('to'), line('cc'), line('bcc'), readFrom]);
    const sender = toRecipient(from);
    return sender?.address ? { to, cc, bcc, from: sender } : { to, cc, bcc };
  }

  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    this.register();
    return () => this.listeners.delete(listener);
  }

  async setRecipients(field: ComposeField, recipients: readonly ComposeRecipient[]): Promise<void> {
    const details = recipients.map((r) => ({
      emailAddress: r.address,
      displayName: r.displayName ?? r.address,
    })) as Office.EmailAddressDetails[];
    await officeCall<void>(
      (done) => this.item[field].setAsync(details, done),
      `Changing the ${field} recipients`,
    );
  }

  async setSessionData(key: string, value: string): Promise<void> {
    // item.sessionData: Mailbox 1.11.
    const sessionData = this.item.sessionData;
    if (!this.supports('Mailbox', '1.11') || !sessionData) {
      throw new Error('This version of Outlook cannot keep session data.');
    }
    await officeCall<void>((done) => sessionData.setAsync(key, value, done), 'Saving session data');
  }

  async send(): Promise<void> {
    const sendAsync = this.item.sendAsync?.bind(this.item);
    if (!this.canSend || !sendAsync) throw new Error('This version of Outlook cannot send for us.');
    // Sending runs OnMessageSend first, which may take a while: a longer wait than other calls.
    await officeCall<void>((done) => sendAsync(done), 'Sending the email', 60_000);
  }

  /**
   * One RecipientsChanged registration for all listeners: `item.addHandlerAsync` with
   * `Office.EventType.RecipientsChanged` ("olkRecipientsChanged"), Mailbox 1.7
   * (learn.microsoft.com/javascript/api/outlook/office.recipientschangedeventargs).
   */
  private register(): void {
    if (this.registered) return;
    if (!this.supports('Mailbox', '1.7') || typeof this.item.addHandlerAsync !== 'function') return;
    this.registered = true;
    const eventType = this.office.EventType?.RecipientsChanged ?? RECIPIENTS_CHANGED_EVENT;
    try {
      this.item.addHandlerAsync(eventType, () => this.listeners.forEach((l) => l()));
    } catch {
      // No event: the pane still re-checks before each action.
    }
  }
}
