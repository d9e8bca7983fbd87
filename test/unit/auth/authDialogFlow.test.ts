import * as msal from '@azure/msal-browser';
import {
  dialogUrlFor,
  hasAuthAnswer,
  runAuthDialog,
  type AuthDialogDependencies,
} from '../../../src/auth/dialog/authDialogFlow';
import { parseAuthDialogMessage } from '../../../src/auth/dialog/dialogProtocol';
import { defaultConfig, type AppConfig } from '../../../src/config/appConfig';
import {
  account,
  createFakeApp,
  FakeAuthError,
  otherAccount,
  tokenResult,
  type FakeApp,
} from './msalMock';

jest.mock('@azure/msal-browser', () => ({ PublicClientApplication: jest.fn() }));

const mocked = jest.mocked(msal);
const ORIGIN = 'https://addin.oakfield.sch.uk';
const USER = 'sam.teacher@oakfield.sch.uk';
/** The query the pane opens the dialog with (dialogUrlFor). */
const HINTED = `?login_hint=${encodeURIComponent(USER)}`;
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
    location: { hash: '', search: HINTED, origin: ORIGIN },
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
      deps({ location: { hash: '#code=a&state=s', search: HINTED, origin: ORIGIN } }),
    );
    expect(outcome).toBe('relayedAnswer');
    expect(bridge).toHaveBeenCalledTimes(1);
    expect(mocked.PublicClientApplication).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('redirects to sign in as the mailbox user (login hint from the URL) when nothing is cached', async () => {
    await expect(runAuthDialog(deps())).resolves.toBe('redirecting');
    expect(mocked.PublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: expect.objectContaining({
          redirectUri: `${ORIGIN}/auth-dialog.html`,
          authority: 'https://login.microsoftonline.com/tenant-1',
        }),
      }),
    );
    expect(app.getAccount).toHaveBeenCalledWith({ username: USER });
    expect(app.acquireTokenRedirect).toHaveBeenCalledWith({
      scopes: ['User.Read'],
      loginHint: USER,
    });
    expect(marker).toBe(true);
  });

  it('builds the dialog URL the pane opens, with the hint encoded', () => {
    expect(dialogUrlFor(`${ORIGIN}/auth-dialog.html`, "o'brien+x@oakfield.sch.uk")).toBe(
      `${ORIGIN}/auth-dialog.html?login_hint=o'brien%2Bx%40oakfield.sch.uk`,
    );
    expect(dialogUrlFor(`${ORIGIN}/auth-dialog.html`, undefined)).toBe(
      `${ORIGIN}/auth-dialog.html`,
    );
  });

  it('uses the configured authority when there is one', async () => {
    await runAuthDialog(
      deps({
        config: { ...config, auth: { ...config.auth, authority: 'https://localhost:8443/t' } },
      }),
    );
    expect(mocked.PublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: expect.objectContaining({
          authority: 'https://localhost:8443/t',
          knownAuthorities: ['localhost:8443'],
        }),
      }),
    );
  });

  it("never uses another user's cached account, even when it is the only one", async () => {
    app.getAllAccounts.mockReturnValue([otherAccount]);
    app.getActiveAccount.mockReturnValue(otherAccount);
    app.acquireTokenSilent.mockResolvedValue(tokenResult('other-token', null, otherAccount));
    await expect(runAuthDialog(deps())).resolves.toBe('redirecting');
    expect(app.acquireTokenSilent).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it("forgets other users' cached accounts, keeping the mailbox user's", async () => {
    app.getAllAccounts.mockReturnValue([otherAccount, account]);
    await runAuthDialog(deps());
    expect(app.clearCache).toHaveBeenCalledTimes(1);
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
  });

  it('refuses a sign-in that came back for someone else, and forgets that account', async () => {
    marker = true;
    app.handleRedirectPromise.mockResolvedValue(tokenResult('other-token', null, otherAccount));
    await expect(runAuthDialog(deps())).resolves.toBe('sentError');
    expect(sent.map(parseAuthDialogMessage)).toEqual([{ kind: 'error', reason: 'wrongAccount' }]);
    expect(sent.join()).not.toContain('other-token');
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
  });

  it('sends the token back to the task pane after the redirect returns', async () => {
    marker = true;
    const expiresOn = new Date('2025-03-04T10:00:00Z');
    app.handleRedirectPromise.mockResolvedValue(tokenResult('dialog-token', expiresOn));
    await expect(runAuthDialog(deps())).resolves.toBe('sentToken');
    expect(sent.map(parseAuthDialogMessage)).toEqual([
      {
        kind: 'token',
        accessToken: 'dialog-token',
        expiresOn: expiresOn.getTime(),
        username: 'sam.teacher@oakfield.sch.uk',
      },
    ]);
    expect(marker).toBe(false);
  });

  it("uses the mailbox user's own cached account silently before redirecting", async () => {
    app.getAccount.mockImplementation(({ username }: { username: string }) =>
      username === USER ? account : null,
    );
    app.acquireTokenSilent.mockResolvedValue(tokenResult('cached-token'));
    await expect(runAuthDialog(deps())).resolves.toBe('sentToken');
    expect(app.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['User.Read'], account });
    expect(sent.map(parseAuthDialogMessage)).toEqual([
      { kind: 'token', accessToken: 'cached-token', expiresOn: null, username: USER },
    ]);
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
