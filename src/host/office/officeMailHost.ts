// The MailHost port in Outlook, through Office.js. Reads only what a verdict needs (who the message
// is from, which message it is, which mailbox it lives in) and never the body.
import type { EmailAddress } from '../../policy/types';
import type { ComposeAccess, MailHost, OpenMessage, SignedInUser, ThemeKind } from '../mailHost';
import { themeFromOfficeColors } from '../theme';
import { parseReplyTo } from './internetHeaders';
import { MailboxEventFanOut, type MailboxEventSource } from './mailboxEventFanOut';
import { officeCall, optional, withTimeout } from './officeAsync';
import { OfficeCompose, isComposeItem } from './officeCompose';

/** Outlook on iOS and Android already gives REST ids; converting them again breaks them. */
const MOBILE_PLATFORMS = new Set(['iOS', 'Android']);

// Office's event and enum values as they are at run time, for when the enums are missing from an
// older Office.js (the documented string values, not guesses).
const ITEM_CHANGED_EVENT = 'olkItemSelectedChanged';
const THEME_CHANGED_EVENT = 'officeThemeChanged';
const REST_VERSION_2 = 'v2.0';

const FORCED_COLORS_QUERY = '(forced-colors: active)';

function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

function toEmailAddress(details: unknown): EmailAddress | undefined {
  // In compose mode `from` is an object with getAsync, not an address: treat it as unknown.
  if (!details || typeof details !== 'object') return undefined;
  const { emailAddress, displayName } = details as Partial<Office.EmailAddressDetails>;
  if (typeof emailAddress !== 'string' || emailAddress.trim() === '') return undefined;
  const name = typeof displayName === 'string' ? displayName.trim() : '';
  return name
    ? { address: emailAddress.trim(), displayName: name }
    : { address: emailAddress.trim() };
}

function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && value !== '') {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
  }
  return undefined;
}

export class OfficeMailHost implements MailHost {
  readonly kind = 'office' as const;
  private readonly itemChanges: MailboxEventFanOut<unknown>;
  private readonly themeChanges: MailboxEventFanOut<Partial<Office.OfficeThemeChangedEventArgs>>;
  private compose: { item: unknown; access: ComposeAccess } | null = null;

  constructor(private readonly office: typeof Office = officeGlobal() as typeof Office) {
    const mailbox = office.context.mailbox as unknown as MailboxEventSource;
    this.itemChanges = new MailboxEventFanOut(
      mailbox,
      office.EventType?.ItemChanged ?? ITEM_CHANGED_EVENT,
    );
    this.themeChanges = new MailboxEventFanOut(
      mailbox,
      office.EventType?.OfficeThemeChanged ?? THEME_CHANGED_EVENT,
    );
  }

  async getCurrentMessage(): Promise<OpenMessage | null> {
    const item = this.office.context.mailbox.item as Office.MessageRead | null | undefined;
    if (!item) return null;
    if (item.itemType !== undefined && String(item.itemType) !== 'message') return null;
    // A message being written has no itemId yet; the pane checks messages that were received.
    if (typeof item.itemId !== 'string' || item.itemId === '') return null;

    const [replyTo, sharedMailbox] = await Promise.all([
      this.readReplyTo(item),
      this.readSharedMailbox(item),
    ]);
    const message: OpenMessage = {
      itemId: this.toRestId(item.itemId),
      subject: typeof item.subject === 'string' ? item.subject : '',
    };
    const from = toEmailAddress(item.from);
    const sender = toEmailAddress(item.sender);
    if (from) message.from = from;
    if (sender) message.sender = sender;
    if (replyTo) message.replyTo = replyTo;
    const receivedAt = toIsoDate(item.dateTimeCreated);
    if (receivedAt) message.receivedAt = receivedAt;
    if (typeof item.internetMessageId === 'string' && item.internetMessageId !== '') {
      message.internetMessageId = item.internetMessageId;
    }
    if (sharedMailbox) message.sharedMailbox = sharedMailbox;
    return message;
  }

  onMessageChanged(listener: (message: OpenMessage | null) => void): () => void {
    if (!this.supports('Mailbox', '1.5')) return () => undefined;
    // Counts this listener's item changes so that a slow read of an older item (headers can take a
    // moment) never reaches the listener after the read of a newer one.
    let latestChange = 0;
    const unsubscribe = this.itemChanges.subscribe(() => {
      const sequence = ++latestChange;
      // On ItemChanged Office has already swapped mailbox.item (null when nothing is selected).
      this.getCurrentMessage()
        .catch(() => null)
        .then((message) => {
          if (sequence === latestChange) listener(message);
        })
        .catch(() => undefined);
    });
    return () => {
      latestChange += 1; // a read still under way is for a listener that has gone
      unsubscribe();
    };
  }

  getTheme(): ThemeKind {
    let colors: Office.OfficeTheme | undefined;
    try {
      colors = this.office.context.officeTheme;
    } catch {
      colors = undefined;
    }
    return themeFromOfficeColors(colors, { forcedColors: forcedColorsActive() });
  }

  onThemeChanged(listener: (theme: ThemeKind) => void): () => void {
    const unsubscribers: Array<() => void> = [];
    if (this.supports('Mailbox', '1.14')) {
      unsubscribers.push(
        this.themeChanges.subscribe((args) => {
          const colors = args?.officeTheme ?? this.office.context.officeTheme;
          listener(themeFromOfficeColors(colors, { forcedColors: forcedColorsActive() }));
        }),
      );
    }
    // Windows high contrast reaches the web view as forced colours, even where Office has no event.
    const media = forcedColorsMedia();
    if (media) {
      const onMediaChange = (): void => listener(this.getTheme());
      media.addEventListener('change', onMediaChange);
      unsubscribers.push(() => media.removeEventListener('change', onMediaChange));
    }
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  /** The email being written, when the pane was opened in compose mode (see isComposeItem). */
  getCompose(): ComposeAccess | null {
    const item: unknown = this.office.context.mailbox.item;
    if (!isComposeItem(item)) return null;
    if (this.compose?.item !== item) {
      this.compose = {
        item,
        access: new OfficeCompose(item, this.office, (set, version) => this.supports(set, version)),
      };
    }
    return this.compose.access;
  }

  getUser(): SignedInUser {
    const profile = this.office.context.mailbox.userProfile;
    return { displayName: profile?.displayName ?? '', emailAddress: profile?.emailAddress ?? '' };
  }

  /** Settles when pending event registrations are done (for tests). */
  async settled(): Promise<void> {
    await Promise.all([this.itemChanges.settled(), this.themeChanges.settled()]);
  }

  private supports(set: string, version: string): boolean {
    try {
      return this.office.context.requirements.isSetSupported(set, version);
    } catch {
      return false;
    }
  }

  private toRestId(itemId: string): string {
    const platform = String(this.office.context.diagnostics?.platform ?? '');
    if (MOBILE_PLATFORMS.has(platform)) return itemId;
    try {
      const restVersion = this.office.MailboxEnums?.RestVersion?.v2_0 ?? REST_VERSION_2;
      return this.office.context.mailbox.convertToRestId(itemId, restVersion);
    } catch {
      // Keep the EWS id: Graph will then fail visibly instead of the pane failing silently here.
      return itemId;
    }
  }

  private async readReplyTo(item: Office.MessageRead): Promise<EmailAddress[] | undefined> {
    if (!this.supports('Mailbox', '1.8') || typeof item.getAllInternetHeadersAsync !== 'function') {
      return undefined;
    }
    const headers = await optional(
      officeCall<string>(
        (done) => item.getAllInternetHeadersAsync(done),
        'Reading the message headers',
      ),
    );
    return typeof headers === 'string' ? parseReplyTo(headers) : undefined;
  }

  /**
   * The mailbox Graph must address (`/users/{it}`) when the item is in a delegate's folder (Mailbox
   * 1.8) or a shared mailbox (1.13): both come from getSharedPropertiesAsync, which Outlook offers
   * only there (and which fails when the folder or mailbox is not shared). `targetMailbox` is the
   * address to use; `owner` when a client leaves it empty. Undefined = the user's own mailbox (also
   * when the call names the user), so Graph is called at `/me`.
   */
  private async readSharedMailbox(item: Office.MessageRead): Promise<string | undefined> {
    if (!this.supports('Mailbox', '1.8') || typeof item.getSharedPropertiesAsync !== 'function') {
      return undefined;
    }
    const shared = await optional(
      officeCall<Office.SharedProperties>(
        (done) => item.getSharedPropertiesAsync(done),
        'Reading the shared mailbox',
      ),
    );
    const address = [shared?.targetMailbox, shared?.owner]
      .map((value) => (typeof value === 'string' ? value.trim() : ''))
      .find((value) => value.includes('@'));
    if (!address) return undefined;
    const mine = this.getUser().emailAddress.trim().toLowerCase();
    return address.toLowerCase() === mine ? undefined : address;
  }
}

function forcedColorsMedia(): MediaQueryList | undefined {
  try {
    return typeof matchMedia === 'function' ? matchMedia(FORCED_COLORS_QUERY) : undefined;
  } catch {
    return undefined;
  }
}

function forcedColorsActive(): boolean {
  return forcedColorsMedia()?.matches ?? false;
}

/**
 * True when Office.js is loaded and reports Outlook; false when Office.js is absent (a plain
 * browser, the workbench) or does not answer within `timeoutMs`. Never rejects.
 */
export async function officeReady(timeoutMs = 8_000): Promise<boolean> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== 'function') return false;
  try {
    const info = await withTimeout(Promise.resolve(office.onReady()), timeoutMs, 'Office.onReady');
    const outlook = office.HostType?.Outlook ?? 'Outlook';
    return info?.host !== undefined && info.host !== null && String(info.host) === String(outlook);
  } catch {
    return false;
  }
}
