// One token provider for every Graph call, whatever the sign-in method behind it.
import type { ScopePurpose } from './scopeSets';

export type { ScopePurpose } from './scopeSets';

export class SignInRequiredError extends Error {
  constructor(message = 'Sign-in is required') {
    super(message);
    this.name = 'SignInRequiredError';
  }
}

/**
 * Sign-in answered for an account that is not the mailbox user's (someone else's cached sign-in on
 * a shared computer, or the wrong account picked on the sign-in page). The token is never handed
 * out. A SignInRequiredError, so that whatever treats "sign in again" still stops; its own name so
 * that the pane can say what happened (the Graph library keeps the name as its error's code).
 */
export class WrongAccountError extends SignInRequiredError {
  constructor(
    message = "Contact Guard was signed in with a different account from this mailbox's, so it was refused. Sign in with your own school account.",
  ) {
    super(message);
    this.name = 'WrongAccountError';
  }
}

export interface TokenProvider {
  /**
   * A bearer token for Microsoft Graph (or the local service). Throws SignInRequiredError.
   * `purpose` names the scope set the token must carry (scopeSets.ts): 'staff' (the default) for
   * what every member of staff does; 'reviewer' and 'admin' add their extra scopes, which are
   * asked for (and consented to) only when first needed. Providers whose tokens are not scoped by
   * purpose (local tokens, the command-line tools' and the routing job's) may ignore it.
   */
  getAccessToken(purpose?: ScopePurpose): Promise<string>;
  /**
   * Sign-in method in use, for status lines (never the token). 'nestedAppAuth' and 'officeDialog'
   * are the task pane's, 'popup' the review page's (popup, or redirect when it is blocked), 'local'
   * the local service's; 'environment' and 'deviceCode' are the command-line tools'
   * (tools/lib/nodeTokenProviders.ts), 'clientCertificate' the routing job's app-only sign-in
   * (tools/routing/appOnlyToken.ts).
   */
  readonly method:
    | 'nestedAppAuth'
    | 'popup'
    | 'officeDialog'
    | 'local'
    | 'environment'
    | 'deviceCode'
    | 'clientCertificate';
}
