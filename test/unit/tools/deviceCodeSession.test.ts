// One device-code sign-in gives provisioning both of its tokens: Graph's, then SharePoint's,
// asked for silently with the account already signed in (tools/lib/nodeTokenProviders.ts).
import { deviceCodeSession } from '../../../tools/lib/nodeTokenProviders';

const calls: { kind: string; scopes: string[] }[] = [];
const account = { homeAccountId: 'a', environment: 'login', tenantId: 't', username: 'it.admin' };
const inAnHour = () => new Date(Date.now() + 3600_000);

jest.mock('@azure/msal-node', () => ({
  PublicClientApplication: class {
    acquireTokenByDeviceCode(request: {
      scopes: string[];
      deviceCodeCallback: (r: { message: string }) => void;
    }) {
      calls.push({ kind: 'deviceCode', scopes: request.scopes });
      request.deviceCodeCallback({ message: 'go to https://microsoft.com/devicelogin' });
      return Promise.resolve({ accessToken: 'graph-token', account, expiresOn: inAnHour() });
    }
    acquireTokenSilent(request: { scopes: string[]; account: unknown }) {
      calls.push({ kind: 'silent', scopes: request.scopes });
      expect(request.account).toBe(account);
      return Promise.resolve({ accessToken: 'sharepoint-token', account, expiresOn: inAnHour() });
    }
  },
}));

it('signs in once, then gets the SharePoint token silently for the same account', async () => {
  const shown: string[] = [];
  const session = deviceCodeSession({
    clientId: 'c',
    tenantId: 't',
    showInstructions: (m) => shown.push(m),
  });
  const graph = session(['https://graph.microsoft.com/Sites.Manage.All']);
  const sharePoint = session(['https://oakfield.sharepoint.com/AllSites.FullControl']);

  expect(await graph.getAccessToken()).toBe('graph-token');
  expect(await sharePoint.getAccessToken()).toBe('sharepoint-token');
  expect(await sharePoint.getAccessToken()).toBe('sharepoint-token');

  expect(calls).toEqual([
    { kind: 'deviceCode', scopes: ['https://graph.microsoft.com/Sites.Manage.All'] },
    { kind: 'silent', scopes: ['https://oakfield.sharepoint.com/AllSites.FullControl'] },
  ]);
  expect(shown).toEqual(['go to https://microsoft.com/devicelogin']);
});
