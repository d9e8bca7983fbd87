import * as msal from '@azure/msal-browser';
import {
  hasAuthAnswer,
  runAuthDialog,
  type AuthDialogDependencies,
} from '../../../src/auth/dialog/authDialogFlow';
import { parseAuthDialogMessage } from '../../../src/auth/dialog/dialogProtocol';
import { defaultConfig, type AppConfig } from '../../../src/config/appConfig';
import { account, createFakeApp, FakeAuthError, tokenResult, type FakeApp } from './msalMock';

jest.mock('@azure/msal-browser', () => ({ PublicClientApplication: jest.fn() }));

const mocked = jest.mocked(msal);
const ORIGIN = 'https://addin.oakfield.sch.uk';
const config: AppConfig = {
  ...defaultConfig,
  auth: { mode: 'msal', clientId: 'client-1', tenantId: 'tenant-1', scopes: ['User.Read'] },
};

let app: FakeApp;
let sent: string[];
let marker: boolean;
let bridge: jest.Mock;

function deps(overrides: Partial<AuthDialogDependencies> = {}): AuthDialogDependencies {
  return {
    location: { hash: '', search: '', origin: ORIGIN },
    config,
    loadMsal: () => Promise.resolve(msal),
    loadRedirectBridge: () => Promise.resolve({ broadcastResponseToMainFrame: bridge }),
    officeReady: () =>
      Promise.resolve({
        context: { ui: { messageParent: (text: string) => sent.push(text) } },
      } as unknown as typeof Office),
    redirectMarker: {
      isSet: () => marker,
      set: () => {
        marker = true;
      },
      clear: () => {
        marker = false;
      },
    },
    showStatus: () => undefined,
    ...overrides,
  };
}

beforeEach(() => {
  app = createFakeApp();
  mocked.PublicClientApplication.mockImplementation(
    () => app as unknown as msal.PublicClientApplication,
  );
  sent = [];
  marker = false;
  bridge = jest.fn().mockResolvedValue(undefined);
});

afterEach(() => jest.clearAllMocks());

describe('hasAuthAnswer', () => {
  it('recognises code or error with state, in the hash or the query', () => {
    expect(hasAuthAnswer({ hash: '#code=abc&state=xyz', search: '' })).toBe(true);
    expect(hasAuthAnswer({ hash: '', search: '?error=access_denied&state=xyz' })).toBe(true);
    expect(hasAuthAnswer({ hash: '#code=abc', search: '' })).toBe(false);
    expect(hasAuthAnswer({ hash: '', search: '' })).toBe(false);
  });
});

describe('runAuthDialog', () => {
  it("acts as MSAL's redirect bridge when the URL carries an answer, and nothing else", async () => {
    const outcome = await runAuthDialog(
      deps({ location: { hash: '#code=a&state=s', search: '', origin: ORIGIN } }),
    );
    expect(outcome).toBe('relayedAnswer');
    expect(bridge).toHaveBeenCalledTimes(1);
    expect(mocked.PublicClientApplication).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('redirects to sign in when there is no answer and no cached account', async () => {
    await expect(runAuthDialog(deps())).resolves.toBe('redirecting');
    expect(mocked.PublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: expect.objectContaining({ redirectUri: `${ORIGIN}/auth-dialog.html` }),
      }),
    );
    expect(app.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: ['User.Read'] });
    expect(marker).toBe(true);
  });

  it('sends the token back to the task pane after the redirect returns', async () => {
    marker = true;
    const expiresOn = new Date('2025-03-04T10:00:00Z');
    app.handleRedirectPromise.mockResolvedValue(tokenResult('dialog-token', expiresOn));
    await expect(runAuthDialog(deps())).resolves.toBe('sentToken');
    expect(sent.map(parseAuthDialogMessage)).toEqual([
      { kind: 'token', accessToken: 'dialog-token', expiresOn: expiresOn.getTime() },
    ]);
    expect(marker).toBe(false);
  });

  it('uses a cached account silently before redirecting', async () => {
    app.getAllAccounts.mockReturnValue([account]);
    app.acquireTokenSilent.mockResolvedValue(tokenResult('cached-token'));
    await expect(runAuthDialog(deps())).resolves.toBe('sentToken');
    expect(app.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('stops instead of looping when it comes back from sign-in without an answer', async () => {
    marker = true;
    await expect(runAuthDialog(deps())).resolves.toBe('sentError');
    expect(sent.map(parseAuthDialogMessage)).toEqual([{ kind: 'error', reason: 'failed' }]);
    expect(app.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('reports a refused sign-in as cancelled', async () => {
    app.handleRedirectPromise.mockRejectedValue(new FakeAuthError('access_denied'));
    await runAuthDialog(deps());
    expect(sent.map(parseAuthDialogMessage)).toEqual([{ kind: 'error', reason: 'cancelled' }]);
  });

  it('reports a missing client id without loading MSAL', async () => {
    const outcome = await runAuthDialog(
      deps({ config: { ...config, auth: { ...config.auth, clientId: '' } } }),
    );
    expect(outcome).toBe('sentError');
    expect(sent.map(parseAuthDialogMessage)).toEqual([{ kind: 'error', reason: 'notConfigured' }]);
    expect(mocked.PublicClientApplication).not.toHaveBeenCalled();
  });

  it('says where it belongs when opened outside Office', async () => {
    const status: string[] = [];
    const outcome = await runAuthDialog(
      deps({
        officeReady: () => Promise.resolve(undefined),
        showStatus: (text) => status.push(text),
      }),
    );
    expect(outcome).toBe('notInOffice');
    expect(status[0]).toMatch(/Open Contact Guard in Outlook/);
  });
});
