// Saving one contact event in two round trips (README, performance):
// 1. one read of the email: its marks and categories, and its webLink and internetMessageId when
//    the host could not give them (with the mailbox's master categories the first time);
// 2. one fully parallel $batch of the independent writes: the list item (device-made EventKey),
//    the email's mark and category, and the audit entry (its own unique key).
// Every write is idempotent (a keyed create that fails is looked up by its key: found = done; a
// mark already there is not written again), so the outbox simply runs the whole save again after
// any failure, and the event stays on the device until all of them have succeeded.
import type { ContactEvent } from '../../policy/events/contactEvent';
import type { EventsRepository } from '../../graph/repositories/eventsRepository';
import type { AuditRepository } from '../../graph/repositories/auditRepository';
import type { MessageRef } from '../../graph/mail/messageMarks';
import { SaveMarks, type MessageSaveState } from '../../graph/mail/saveMarks';
import { type ParallelWrite, writeInParallel } from '../../graph/parallelWrites';
import type { GraphClientOrCalls } from '../../graph/graphCalls';
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
  private readonly marks: SaveMarks;

  constructor(
    private readonly deps: {
      events: EventsRepository;
      audit: AuditRepository;
      /** The visible category (config.mail.loggedCategoryName). */
      categoryName: string;
      client: GraphClientOrCalls;
    },
  ) {
    this.marks = new SaveMarks(deps.client);
  }

  async save(original: ContactEvent): Promise<SaveOutcome> {
    const ref: MessageRef | undefined = original.evidence
      ? { mailbox: original.evidence.mailbox, messageId: original.evidence.messageId }
      : undefined;
    const state = ref ? await this.marks.read(ref, this.deps.categoryName) : undefined;
    const event = withLink(original, state);
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
    const writes: ParallelWrite[] = [{ keyed: this.deps.events.create(event, extra) }];
    if (ref && state) {
      const mark = {
        kind: 'logged' as const,
        byName: event.recordedBy.name,
        byAddress: event.recordedBy.email,
        at: event.recordedAt,
        key: event.key,
      };
      writes.push(...this.marks.writes(ref, mark, state, this.deps.categoryName));
    }
    writes.push({
      keyed: this.deps.audit.create({
        key: `EventLogged:${event.key}`,
        action: 'EventLogged',
        what: `Contact event logged (${event.channel})`,
        actorName: event.recordedBy.name,
        actorEmail: event.recordedBy.email,
        at: event.recordedAt,
        target: event.key,
        internetMessageId: evidence?.internetMessageId,
      }),
    });
    await writeInParallel(this.deps.client, writes);
    if (ref) this.marks.remember(ref, this.deps.categoryName);
    return note ? { note } : {};
  }
}

/** The evidence link (webLink) and internetMessageId from the email's read, when not known. */
function withLink(event: ContactEvent, state: MessageSaveState | undefined): ContactEvent {
  const evidence = event.evidence;
  if (!evidence || !state) return event;
  return {
    ...event,
    evidence: {
      ...evidence,
      webLink: evidence.webLink ?? state.webLink,
      internetMessageId: evidence.internetMessageId ?? state.internetMessageId,
    },
  };
}
