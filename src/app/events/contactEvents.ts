// The `events` service the pane uses: validate a draft into an event (recorder from the signed-in
// user, key made on the device), hand it to the outbox, and say whether an email is logged — from
// the email's own mark and this device's outbox, never by reading anyone's contact events.
import type { MailHost, OpenMessage } from '../../host/mailHost';
import type { MessageMark, MessageMarks } from '../../graph/mail/messageMarks';
import type { RestrictionsSnapshot } from '../../cache/restrictionsCache';
import {
  emptyDraft,
  validateEventDraft,
  type ContactEventDraft,
  type FieldProblem,
} from '../../policy/events/contactEvent';
import type { EventOutbox, OutboxEntry } from './outbox';

export type LoggedState =
  | { kind: 'notLogged' }
  /** On this device, not yet confirmed by Graph. */
  | { kind: 'waiting'; entry: OutboxEntry }
  | { kind: 'failed'; entry: OutboxEntry }
  /** `note`: what this device's save had to say (e.g. no copy was kept). */
  | { kind: 'logged'; byName: string; at: string; mine: boolean; note?: string };

export interface PersonChoice {
  name: string;
  email?: string;
}

export interface ContactEventsDeps {
  host: MailHost;
  outbox: EventOutbox;
  marks: MessageMarks;
  /** The restrictions the sender check already holds (no extra Graph call). */
  restrictions: () => Promise<RestrictionsSnapshot | null>;
  newKey?: () => string;
  now?: () => Date;
}

function randomKey(): string {
  return globalThis.crypto.randomUUID();
}

export class ContactEvents {
  private readonly newKey: () => string;
  private readonly now: () => Date;

  constructor(private readonly deps: ContactEventsDeps) {
    this.newKey = deps.newKey ?? randomKey;
    this.now = deps.now ?? (() => new Date());
  }

  get outbox(): EventOutbox {
    return this.deps.outbox;
  }

  /** The signed-in user: the recorder, never typed. */
  recorder(): { name: string; email: string } {
    const user = this.deps.host.getUser();
    return { name: user.displayName, email: user.emailAddress };
  }

  /** A form prefilled from the open email (received time, subject, sender, evidence). */
  draftFor(message: OpenMessage | null): ContactEventDraft {
    if (!message) return emptyDraft({ occurredAt: this.now().toISOString(), channel: 'Phone' });
    return emptyDraft({
      occurredAt: message.receivedAt ?? this.now().toISOString(),
      channel: 'Email',
      summary: message.subject.slice(0, 255),
      person: { name: message.from?.displayName, email: message.from?.address },
      evidence: {
        mailbox: message.sharedMailbox,
        messageId: message.itemId,
        internetMessageId: message.internetMessageId,
        attachCopy: false,
      },
    });
  }

  /** Validates and, when valid, keeps the event on the device and starts saving it. */
  async record(
    draft: ContactEventDraft,
  ): Promise<{ ok: true; key: string } | { ok: false; problems: FieldProblem[] }> {
    const user = this.deps.host.getUser();
    const result = validateEventDraft(draft, {
      now: this.now(),
      key: this.newKey(),
      recorder: { name: user.displayName, email: user.emailAddress },
    });
    if (!result.ok) return result;
    await this.deps.outbox.enqueue(result.event);
    return { ok: true, key: result.event.key };
  }

  /** Whether the email is logged: this device's outbox first, then the email's mark. */
  async loggedState(message: OpenMessage): Promise<LoggedState> {
    await this.deps.outbox.start();
    const entry = this.deps.outbox.entryForMessage(message.itemId);
    const me = this.deps.host.getUser().emailAddress.toLowerCase();
    if (entry?.status === 'waiting' || entry?.status === 'saving')
      return { kind: 'waiting', entry };
    if (entry?.status === 'failed') return { kind: 'failed', entry };
    if (entry?.status === 'saved') {
      return {
        kind: 'logged',
        byName: entry.event.recordedBy.name,
        at: entry.savedAt ?? entry.event.recordedAt,
        mine: true,
        ...(entry.note ? { note: entry.note } : {}),
      };
    }
    const { marks } = await this.deps.marks.read({
      mailbox: message.sharedMailbox,
      messageId: message.itemId,
    });
    const mark = marks.find((m: MessageMark) => m.kind === 'logged');
    if (!mark) return { kind: 'notLogged' };
    return {
      kind: 'logged',
      byName: mark.byName,
      at: mark.at,
      mine: mark.byAddress.toLowerCase() === me,
    };
  }

  /** Restricted people to pick from when the contact did not come by email. */
  async people(): Promise<PersonChoice[]> {
    const snapshot = await this.deps.restrictions().catch(() => null);
    return (snapshot?.restrictions ?? [])
      .map((r) => ({ name: r.personName, email: r.emails[0] }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
