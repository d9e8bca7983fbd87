// Adds `Authorization: Bearer <token>` to every request, and only to requests for the configured
// Graph origin: a bearer token must never follow a link to some other host.
import type { Context } from '@microsoft/microsoft-graph-client';
import type { ScopePurpose, TokenProvider } from '../../auth/tokenProvider';
import { LinkedMiddleware } from './linkedMiddleware';
import { requestHeaders, requestUrl } from './requestParts';

export class UntrustedHostError extends Error {
  constructor() {
    // No URL in the message: it may carry personal data.
    super('Refused to send a Graph token to a host other than the configured one');
    this.name = 'UntrustedHostError';
  }
}

export class AuthMiddleware extends LinkedMiddleware {
  constructor(
    private readonly tokenProvider: TokenProvider,
    private readonly trustedOrigin: string,
    /** The scope set this client's tokens are asked for (the admin view's, say). */
    private readonly purpose: ScopePurpose = 'staff',
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    if (new URL(requestUrl(context)).origin !== this.trustedOrigin) {
      throw new UntrustedHostError();
    }
    // SignInRequiredError propagates unchanged; the library wraps it in a GraphError whose `code`
    // is 'SignInRequiredError', which toGraphAccessError maps to kind 'signedOut'.
    const token = await this.tokenProvider.getAccessToken(this.purpose);
    requestHeaders(context).set('Authorization', `Bearer ${token}`);
    await this.callNext(context);
  }
}
