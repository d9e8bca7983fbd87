// Saving one contact event: the list item (device-made key: a repeat is harmless), the email's
// mark and category (checked first: set once), and the audit entry (its own unique key). Every
// step is idempotent, so the outbox simply runs the whole save again after any failure.
import type { ContactEvent } from '../../policy/events/contactEvent';
import type { EventsRepository } from '../../graph/repositories/eventsRepository';
import type { AuditRepository } from '../../graph/repositories/auditRepository';
import { messagePath, type MessageMarks } from '../../graph/mail/messageMarks';
import type { Client } from '@microsoft/microsoft-graph-client';
import { toGraphAccessError } from '../../graph/errors';
import { readEvidenceCopy } from './evidenceCopy';

/** What a save has to tell the user besides "saved" (e.g. no copy was kept). */
export interface SaveOutcome {
  /** Plain words, no personal data. */
  note?: string;
}

export interface SaveTarget {
  save(event: ContactEvent): Promise<SaveOutcome | void>;
}

export class EventSaver implements SaveTarget {
  constructor(
    private readonly deps: {
      events: EventsRepository;
      audit: AuditRepository;
      marks: MessageMarks;
      /** The visible category (config.mail.loggedCategoryName). */
      categoryName: string;
      /** Reads the email's link when the host could not give it. */
      client: Client;
    },
  ) {}

  async save(original: ContactEvent): Promise<SaveOutcome> {
    const event = await this.withLink(original);
    const evidence = event.evidence;
    // "Attach a copy": the MIME text goes in EvidenceCopy; too large → saved without, and said.
    let note: string | undefined;
    const extra: Record<string, unknown> = {};
    if (evidence?.attachCopy) {
      const copy = await readEvidenceCopy(this.deps.client, {
        mailbox: evidence.mailbox,
        messageId: evidence.messageId,
      });
      if (copy.kind === 'copied') extra.EvidenceCopy = copy.mime;
      else note = copy.note;
    }
    await this.deps.events.add(event, extra);
    if (evidence) {
      await this.deps.marks.add(
        { mailbox: evidence.mailbox, messageId: evidence.messageId },
        {
          kind: 'logged',
          byName: event.recordedBy.name,
          byAddress: event.recordedBy.email,
          at: event.recordedAt,
          key: event.key,
        },
        this.deps.categoryName,
      );
    }
    await this.deps.audit.append({
      key: `EventLogged:${event.key}`,
      action: 'EventLogged',
      what: `Contact event logged (${event.channel})`,
      actorName: event.recordedBy.name,
      actorEmail: event.recordedBy.email,
      at: event.recordedAt,
      target: event.key,
      internetMessageId: evidence?.internetMessageId,
    });
    return note ? { note } : {};
  }

  /** The evidence link (webLink) and internetMessageId, read from Graph: never the body. */
  private async withLink(event: ContactEvent): Promise<ContactEvent> {
    const evidence = event.evidence;
    if (!evidence || (evidence.webLink && evidence.internetMessageId)) return event;
    let body: { webLink?: unknown; internetMessageId?: unknown };
    try {
      body = (await this.deps.client
        .api(messagePath({ mailbox: evidence.mailbox, messageId: evidence.messageId }))
        .select('webLink,internetMessageId')
        .get()) as typeof body;
    } catch (e) {
      throw toGraphAccessError(e);
    }
    return {
      ...event,
      evidence: {
        ...evidence,
        webLink: typeof body.webLink === 'string' ? body.webLink : evidence.webLink,
        internetMessageId:
          typeof body.internetMessageId === 'string'
            ? body.internetMessageId
            : evidence.internetMessageId,
      },
    };
  }
}
