// What can go wrong when acting on restricted correspondence, in the words the pane shows, and how
// a Graph failure maps to them. Every failure leaves the email where it was.
import {
  GraphAccessError,
  toGraphAccessError,
  type GraphAccessErrorKind,
} from '../../graph/errors';

export type ActionProblem =
  | 'spocMissing'
  | 'spocInvalid'
  | 'spocOutsideSchool'
  | 'alreadyMoved'
  | 'forbidden'
  | 'sendAsDenied'
  | 'folderFailed'
  | 'signedOut'
  | 'wrongAccount'
  | 'offline'
  | 'unavailable'
  | 'failed';

/** Plain sentences for the pane. Every failure leaves the email where it was. */
export const problemText: Record<ActionProblem, string> = {
  spocMissing:
    'This restriction has no single point of contact address, so nothing was forwarded. Ask the office manager or the head teacher to complete the restriction.',
  spocInvalid:
    "The single point of contact's address in this restriction is not a valid email address, so nothing was forwarded. Ask the office manager to correct it.",
  spocOutsideSchool:
    "The single point of contact's address is not one of the school's own, so nothing was forwarded (mail is never forwarded outside the school). Ask the office manager to correct the restriction.",
  alreadyMoved:
    'This email has been moved or deleted since it was opened, so nothing was done. Find it in its new folder and open it again.',
  forbidden:
    "Your account doesn't have permission to do this in this mailbox, so nothing was done. In a shared mailbox, an Exchange administrator must give your account 'Full Access' to it; or ask someone who has it.",
  sendAsDenied:
    "Your account can open this shared mailbox but may not send from it, so nothing was forwarded or filed. The mailbox's owner (an Exchange administrator) must give your account the 'Send As' permission on this mailbox (Exchange admin centre: Recipients > Mailboxes > the shared mailbox > Delegation > Send as). Then press the button again: it will be sent once.",
  folderFailed:
    "The folder for restricted correspondence couldn't be found or made, so the email was not filed and is still where it was.",
  signedOut: 'You need to sign in again. Nothing was done.',
  wrongAccount:
    "Contact Guard was signed in with a different account from this mailbox's, so it was refused and nothing was done. Sign in with your own school account.",
  offline:
    "Microsoft 365 couldn't be reached, so nothing more was done. Check the connection and try again: nothing will be done twice.",
  unavailable:
    'Microsoft 365 is busy or unavailable just now. Try again in a minute: nothing will be done twice.',
  failed:
    'Something went wrong, and the action did not finish. Try again: nothing will be done twice.',
};

export class ActionFailure extends Error {
  constructor(
    readonly problem: ActionProblem,
    readonly graphError?: GraphAccessError,
  ) {
    super(problemText[problem]);
    this.name = 'ActionFailure';
  }
}

/** Failures that waiting can cure, so attempt() tries again. Never a sign-in or a wrong account. */
export const TRANSIENT: ReadonlySet<GraphAccessErrorKind> = new Set<GraphAccessErrorKind>([
  'throttled',
  'unavailable',
  'offline',
]);
/** Sign-in problems pass through untouched: they are about the account, not the folder. */
export const SIGN_IN: ReadonlySet<GraphAccessErrorKind> = new Set<GraphAccessErrorKind>([
  'signedOut',
  'wrongAccount',
]);
/** Graph's code for a send from a mailbox the user has no Send As (or Send on Behalf) on. */
export const SEND_AS_DENIED = 'ErrorSendAsDenied';
/**
 * Any error of an action in plain words, for the pane: an ActionFailure as it is, anything else
 * (a Graph failure) as failureFor maps it.
 */
export function asFailure(e: unknown): ActionFailure {
  return e instanceof ActionFailure ? e : failureFor(toGraphAccessError(e));
}

export function failureFor(error: GraphAccessError): ActionFailure {
  switch (error.kind) {
    case 'notFound':
    case 'gone':
      return new ActionFailure('alreadyMoved', error);
    case 'forbidden':
      return new ActionFailure(error.code === SEND_AS_DENIED ? 'sendAsDenied' : 'forbidden', error);
    case 'signedOut':
      return new ActionFailure('signedOut', error);
    case 'wrongAccount':
      return new ActionFailure('wrongAccount', error);
    case 'offline':
      return new ActionFailure('offline', error);
    case 'throttled':
    case 'unavailable':
      return new ActionFailure('unavailable', error);
    default:
      return new ActionFailure('failed', error);
  }
}
