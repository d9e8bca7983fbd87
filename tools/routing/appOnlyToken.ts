// App-only sign-in for the scheduled job: Microsoft Entra client credentials with a certificate
// (`clientCertificate`: the certificate's SHA-256 thumbprint and its private key). No user signs
// in; the application permissions (MailboxSettings.ReadWrite, Sites.Selected) decide, limited to
// the protected mailboxes by an Exchange application access policy / RBAC for Applications.
// The token is never printed.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { SignInRequiredError, type TokenProvider } from '../../src/auth/tokenProvider';

export interface CertificateCredentials {
  clientId: string;
  /** Tenant id or domain (not "organizations": app-only sign-in needs the tenant). */
  tenantId: string;
  /** SHA-256 thumbprint of the certificate uploaded to the app registration (hex). */
  thumbprintSha256: string;
  /** PEM private key of that certificate. */
  privateKey: string;
  /** Graph's origin, for the `.default` scope (https://graph.microsoft.com). */
  graphUrl: string;
}

const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export function appOnlyTokenProvider(credentials: CertificateCredentials): TokenProvider {
  if (!/^[0-9a-fA-F]{64}$/.test(credentials.thumbprintSha256.replace(/[:\s]/g, ''))) {
    throw new Error(
      'The certificate thumbprint must be its SHA-256 thumbprint: 64 hexadecimal digits.',
    );
  }
  if (['organizations', 'common', 'consumers'].includes(credentials.tenantId.toLowerCase())) {
    throw new Error('App-only sign-in needs the tenant id or domain, not "organizations".');
  }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      authority: `https://login.microsoftonline.com/${encodeURIComponent(credentials.tenantId)}`,
      clientCertificate: {
        thumbprintSha256: credentials.thumbprintSha256.replace(/[:\s]/g, ''),
        privateKey: credentials.privateKey,
      },
    },
  });
  let token: { value: string; expiresAt: number } | null = null;
  // The method names what signs in; the union in src/auth/tokenProvider.ts lists the pane's and
  // the device-code ones, and this is a third kind for tools.
  return {
    method: 'clientCertificate',
    getAccessToken: async () => {
      if (token && token.expiresAt - Date.now() > EXPIRY_MARGIN_MS) return token.value;
      const result = await app.acquireTokenByClientCredential({
        scopes: [`${credentials.graphUrl}/.default`],
      });
      if (!result?.accessToken)
        throw new SignInRequiredError('The app-only sign-in returned no token');
      token = {
        value: result.accessToken,
        expiresAt: result.expiresOn?.getTime() ?? Date.now() + 30 * 60 * 1000,
      };
      return token.value;
    },
  };
}
