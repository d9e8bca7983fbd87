// "Attach a copy": the email as .eml (its MIME text), kept with the contact event in the
// EvidenceCopy column. Graph v1.0 has no list-item attachments, so the copy is text in a
// multi-line column (SharePoint's limit for one is 63,999 characters; ours is 60,000). A larger
// email is not copied: the event is still saved with its link and message id, and the user is told
// in plain words. Read with GET /messages/{id}/$value, which works in every Outlook (Office.js's
// getAsFileAsync needs Mailbox 1.14 and is not used).
import { GraphAccessError } from '../../graph/errors';
import { type GraphClientOrCalls, graphCallsOf } from '../../graph/graphCalls';
import { messagePath, type MessageRef } from '../../graph/mail/messageMarks';
import { formatCount } from '../../policy/dates/format';

/** Most characters of MIME text kept in EvidenceCopy (docs/contact-events.md). */
export const EVIDENCE_COPY_LIMIT = 60_000;

export type EvidenceCopy =
  | { kind: 'copied'; mime: string }
  /** Not kept; `note` says why, in plain words (no personal data). */
  | { kind: 'notCopied'; note: string };

export function tooLargeNote(length: number): string {
  return (
    `The email is too large to keep a copy with the event (${formatCount(length)} ` +
    `characters; the most is ${formatCount(EVIDENCE_COPY_LIMIT)}). The event was saved ` +
    'with a link to the email and its message id: keep the email itself in the mailbox.'
  );
}

/** The copy to keep for this message, or why there is none. Other failures throw (the outbox retries). */
export async function readEvidenceCopy(
  client: GraphClientOrCalls,
  ref: MessageRef,
): Promise<EvidenceCopy> {
  let mime: unknown;
  try {
    mime = await graphCallsOf(client).getText(`${messagePath(ref)}/$value`);
  } catch (e) {
    if (e instanceof GraphAccessError && e.kind === 'notFound')
      return {
        kind: 'notCopied',
        note: 'The email could no longer be read, so no copy was kept; the link and message id were.',
      };
    throw e;
  }
  const text = typeof mime === 'string' ? mime : '';
  if (text.length > EVIDENCE_COPY_LIMIT)
    return { kind: 'notCopied', note: tooLargeNote(text.length) };
  return { kind: 'copied', mime: text };
}
