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
  /**
   * Sign-in method in use, for status lines (never the token). The first four are the task pane's;
   * 'environment' and 'deviceCode' are the command-line tools' (tools/lib/nodeTokenProviders.ts),
   * 'clientCertificate' the routing job's app-only sign-in (tools/routing/appOnlyToken.ts).
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
