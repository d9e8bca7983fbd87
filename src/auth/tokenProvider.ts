// One token provider for every Graph call, whatever the sign-in method behind it.

export class SignInRequiredError extends Error {
  constructor(message = 'Sign-in is required') {
    super(message);
    this.name = 'SignInRequiredError';
  }
}

export interface TokenProvider {
  /** A bearer token for Microsoft Graph (or the local service). Throws SignInRequiredError. */
  getAccessToken(): Promise<string>;
  /** Sign-in method in use, for the pane's status line (never the token). */
  readonly method: 'nestedAppAuth' | 'popup' | 'officeDialog' | 'local';
}
