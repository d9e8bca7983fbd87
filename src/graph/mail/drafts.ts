// A letter as an Outlook draft in the signed-in reviewer's mailbox (POST /me/messages creates a
// draft in Drafts: https://learn.microsoft.com/graph/api/user-post-messages). Never sent: the head
// teacher opens it in Outlook, edits and sends it. Not marked safe to retry: a lost response could
// otherwise leave two drafts (one extra draft is harmless, but the pipeline never repeats a POST
// blindly).
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphAccessError } from '../errors';
import { type GraphCalls, graphCallsOf } from '../graphCalls';

export interface DraftLetter {
  to: { name: string; address: string }[];
  /** Copies, e.g. the person's representative (000 §5.2; 002 §69). */
  cc?: { name: string; address: string }[];
  subject: string;
  bodyHtml: string;
}

export interface CreatedDraft {
  id: string;
  webLink?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Creates the draft; throws GraphAccessError. An empty recipient list is refused before any call. */
export async function createLetterDraft(
  client: Client | GraphCalls,
  letter: DraftLetter,
): Promise<CreatedDraft> {
  const to = letter.to.filter((r) => r.address.trim() !== '');
  if (to.length === 0) throw new GraphAccessError('badRequest', { code: 'draftHasNoRecipient' });
  const cc = (letter.cc ?? []).filter((r) => r.address.trim() !== '');
  const created = await graphCallsOf(client).post<unknown>('/me/messages', {
    subject: letter.subject,
    body: { contentType: 'html', content: letter.bodyHtml },
    toRecipients: to.map((r) => ({
      emailAddress: { name: r.name, address: r.address.trim() },
    })),
    ...(cc.length
      ? {
          ccRecipients: cc.map((r) => ({
            emailAddress: { name: r.name, address: r.address.trim() },
          })),
        }
      : {}),
  });
  if (!isRecord(created) || typeof created.id !== 'string')
    throw new GraphAccessError('unknown', { code: 'draftUnreadable' });
  return {
    id: created.id,
    ...(typeof created.webLink === 'string' ? { webLink: created.webLink } : {}),
  };
}
