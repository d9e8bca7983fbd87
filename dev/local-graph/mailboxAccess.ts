// Who may use which mailbox, as Exchange Online answers Graph (README.md, behaviour 3):
//
// - A delegated token (a signed-in user) reaches its own mailbox. Another mailbox's messages and
//   folders only where the mailbox grants that user Full Access (Mail.ReadWrite.Shared acts
//   within what Exchange grants): https://learn.microsoft.com/graph/outlook-share-messages-folders
//   Without it: 403 ErrorAccessDenied "Access is denied. Check credentials and try again.", as
//   reported in https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/4749
// - Another mailbox's settings, master categories and inbox rules are 403 ErrorAccessDenied
//   whatever is granted (MailboxSettings.* has no .Shared form; reported for masterCategories in
//   https://github.com/microsoftgraph/microsoft-graph-docs/issues/11824 and for mailboxSettings in
//   https://github.com/OfficeDev/office-js/issues/6057).
// - Sending with a `from` that is not the user needs Send As (sender = from) or Send on Behalf
//   (from = the mailbox, sender = the user); without either: 403 ErrorSendAsDenied and nothing
//   is sent: https://learn.microsoft.com/graph/outlook-send-mail-from-other-user
// - An app-only token (application permissions, the routing job) reaches every mailbox.
//
// Called where a route has resolved the mailbox it acts on (userRoutes.ts, messageRules.ts) and
// where a draft is about to be sent (mailActions.ts).
import type { DirectoryUser } from './directory';
import { GraphError } from './graphErrors';
import type { GraphRequest } from './graphRequest';
import type { Message, StoredMailbox } from './mailStore';
import type { SeedMailboxDelegate } from './seedTypes';

/** What a request does with a mailbox: its items (messages, folders) or its settings. */
export type MailboxUse = 'items' | 'settings' | 'masterCategories' | 'rules';

type Recipient = { emailAddress: { name?: string; address: string } };

export function accessDenied(): GraphError {
  return new GraphError(
    403,
    'ErrorAccessDenied',
    'Access is denied. Check credentials and try again.',
  );
}

export function sendAsDenied(): GraphError {
  return new GraphError(
    403,
    'ErrorSendAsDenied',
    'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account. Cannot submit message.',
  );
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The grant a mailbox gives this user (matched by upn, mail or id), if any. */
function grantFor(mb: StoredMailbox, user: DirectoryUser): SeedMailboxDelegate | undefined {
  return mb.delegates.find((d) =>
    [user.userPrincipalName, user.mail, user.id].some((key) => key !== '' && same(d.user, key)),
  );
}

function isOwner(user: DirectoryUser, mb: StoredMailbox): boolean {
  return user.mail !== '' && same(user.mail, mb.address);
}

/** Throws 403 ErrorAccessDenied unless the token may do `use` in the mailbox. */
export function assertMailboxAccess(req: GraphRequest, mb: StoredMailbox, use: MailboxUse): void {
  const me = req.me;
  if (me.appOnly || isOwner(me, mb)) return;
  if (use === 'items' && grantFor(mb, me)?.fullAccess === true) return;
  throw accessDenied();
}

/**
 * Before a draft of mailbox `mb` is sent: checks that the token may send as its `from` and sets
 * `from` and `sender` as Exchange will show them. Throws 403 ErrorSendAsDenied (the draft stays
 * where it is) when the user has neither Send As nor Send on Behalf.
 */
export function authoriseSend(
  req: GraphRequest,
  mailboxes: StoredMailbox[],
  mb: StoredMailbox,
  draft: Message,
): void {
  if (draft.isDraft !== true) return; // sending a non-draft is refused by the send itself
  const me = req.me;
  const from = (draft.from as Recipient | null | undefined)?.emailAddress ?? {
    name: mb.displayName,
    address: mb.address,
  };
  const fromRecipient: Recipient = { emailAddress: { ...from } };
  if (me.appOnly) {
    // Application Mail.Send sends as the mailbox it sends through.
    draft.from = fromRecipient;
    draft.sender = fromRecipient;
    return;
  }
  const meRecipient: Recipient = { emailAddress: { name: me.displayName, address: me.mail } };
  if (same(from.address, me.mail)) {
    draft.from = meRecipient;
    draft.sender = meRecipient;
    return;
  }
  const owner = mailboxes.find((m) => same(m.address, from.address));
  const grant = owner ? grantFor(owner, me) : undefined;
  if (grant?.sendAs) {
    draft.from = fromRecipient;
    draft.sender = fromRecipient;
    return;
  }
  if (grant?.sendOnBehalf) {
    draft.from = fromRecipient;
    draft.sender = meRecipient;
    return;
  }
  throw sendAsDenied();
}
