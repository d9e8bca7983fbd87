// Outlook's own sending, played through the local Graph service as the signed-in user: the item is
// saved as a draft in the sending mailbox (the user's, or the shared mailbox it is sent from, with
// From set, which needs Send As there) and then sent: POST /users/{mailbox}/messages, then
// POST …/messages/{id}/send (https://learn.microsoft.com/graph/api/user-post-messages,
// https://learn.microsoft.com/graph/api/message-send). The local service has no /sendMail route;
// this is also the path Outlook takes (a draft, then submitted).
//
// When the service cannot be reached (the workbench's "Down", 429, 503) the message waits and is
// tried again, as Outlook keeps an unsent message in the Outbox; a refusal (4xx) is reported.
import type { SignedInUser } from '../../../src/host/mailHost';
import type { ComposeItem, ComposeRecipient } from './composeItem';

const RETRY_MS = 1_000;

function graphRecipients(list: ComposeRecipient[]) {
  return list.map((r) => ({ emailAddress: { address: r.emailAddress, name: r.displayName } }));
}

class Unreachable extends Error {}

async function call(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new Unreachable('The server could not be reached.');
  }
  if (response.status === 429 || response.status >= 500)
    throw new Unreachable(`The server answered ${response.status}.`);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    throw new Error(body.error?.message ?? `The server answered ${response.status}.`);
  }
  return response;
}

export async function sendThroughExchange(
  item: ComposeItem,
  user: SignedInUser,
  onWaiting: (reason: string) => void,
): Promise<void> {
  const shared = item.from.emailAddress.toLowerCase() !== user.emailAddress.toLowerCase();
  const base = `/v1.0/users/${encodeURIComponent(item.from.emailAddress)}/messages`;
  const headers = {
    Authorization: `Bearer local:${user.emailAddress}`,
    'Content-Type': 'application/json',
  };
  const message = {
    subject: item.subject,
    body: { contentType: 'text', content: item.body },
    toRecipients: graphRecipients(item.getRecipients('to')),
    ccRecipients: graphRecipients(item.getRecipients('cc')),
    bccRecipients: graphRecipients(item.getRecipients('bcc')),
    ...(shared
      ? { from: { emailAddress: { address: item.from.emailAddress, name: item.from.displayName } } }
      : {}),
  };
  let draftId: string | undefined;
  for (;;) {
    try {
      if (!draftId) {
        const created = await call(base, {
          method: 'POST',
          headers,
          body: JSON.stringify(message),
        });
        draftId = ((await created.json()) as { id: string }).id;
      }
      await call(`${base}/${encodeURIComponent(draftId)}/send`, { method: 'POST', headers });
      return;
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      onWaiting(error.message);
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
}
