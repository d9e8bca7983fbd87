// The review page's sign-in (a top-level page): silent, then MSAL's popup, then a redirect when
// the popup is blocked; always as the expected account.
import * as msal from '@azure/msal-browser';
import { createBrowserTokenProvider } from '../../../src/auth/createTokenProvider';
import { SignInRequiredError, WrongAccountError } from '../../../src/auth/tokenProvider';
import { defaultConfig, type AppConfig } from '../../../src/config/appConfig';
import { account, createFakeApp, otherAccount, tokenResult, type FakeApp } from './msalMock';

jest.mock('@azure/msal-browser', () =>
  jest.requireActual<typeof import('./msalMock')>('./msalMock').msalModuleMock(),
);

const mocked = jest.mocked(msal);
const ORIGIN = 'https://addin.oakfield.sch.uk';
const USER = 'sam.teacher@oakfield.sch.uk';
const SCOPES = ['User.Read'];
const config: AppConfig = {
  ...defaultConfig,
  auth: { mode: 'msal', clientId: 'client-1', tenantId: 'tenant-1', scopes: SCOPES },
};

let app: FakeApp;

beforeEach(() => {
  app = createFakeApp();
  mocked.PublicClientApplication.mockImplementation(
    () => app as unknown as msal.PublicClientApplication,
  );
});

afterEach(() => jest.clearAllMocks());

function interactionRequired(): Error {
  return new mocked.InteractionRequiredAuthError('interaction_required', '', '', '', '', '', '');
}

function browserError(code: string): Error {
  return new mocked.BrowserAuthError(code, 'correlation');
}

function tokens(loginHint: string | undefined = USER) {
  return createBrowserTokenProvider(config, loginHint, { origin: ORIGIN });
}

describe('createBrowserTokenProvider', () => {
  it("asks silently with the hinted user's own account, never the active one", async () => {
    app.getActiveAccount.mockReturnValue(otherAccount);
    app.getAccount.mockImplementation(({ username }: { username: string }) =>
      username === USER ? account : null,
    );
    app.acquireTokenSilent.mockResolvedValue(tokenResult('silent-token'));
    await expect(tokens().getAccessToken()).resolves.toBe('silent-token');
    expect(mocked.PublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: expect.objectContaining({ redirectUri: `${ORIGIN}/auth-dialog.html` }),
      }),
    );
    expect(app.acquireTokenSilent).toHaveBeenCalledWith({ scopes: SCOPES, account });
    expect(app.getActiveAccount).not.toHaveBeenCalled();
  });

  it('opens the popup when interaction is required', async () => {
    app.ssoSilent.mockRejectedValue(interactionRequired());
    app.acquireTokenPopup.mockResolvedValue(tokenResult('popup-token'));
    await expect(tokens().getAccessToken()).resolves.toBe('popup-token');
    expect(app.acquireTokenPopup).toHaveBeenCalledWith({ scopes: SCOPES, loginHint: USER });
    expect(app.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('does not open a popup when the silent call fails for another reason', async () => {
    app.ssoSilent.mockRejectedValue(browserError('no_network_connectivity'));
    await expect(tokens().getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it.each(['popup_window_error', 'empty_window_error'])(
    'signs in with a redirect when the popup is blocked (%s), and goes straight there next time',
    async (code) => {
      app.ssoSilent.mockRejectedValue(interactionRequired());
      app.acquireTokenPopup.mockRejectedValue(browserError(code));
      const provider = tokens();
      await expect(provider.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
      expect(app.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: SCOPES, loginHint: USER });

      await provider.getAccessToken().catch(() => undefined);
      expect(app.acquireTokenPopup).toHaveBeenCalledTimes(1);
      expect(app.acquireTokenRedirect).toHaveBeenCalledTimes(2);
    },
  );

  it("uses the redirect's answer, picked up by handleRedirectPromise when the page starts", async () => {
    app.handleRedirectPromise.mockResolvedValue(tokenResult('redirect-token'));
    const provider = tokens();
    await provider.handleRedirectPromise();
    expect(app.initialize).toHaveBeenCalled();
    await expect(provider.getAccessToken()).resolves.toBe('redirect-token');
    expect(app.handleRedirectPromise).toHaveBeenCalledTimes(1);
    expect(app.acquireTokenSilent).not.toHaveBeenCalled();
  });

  it("refuses a redirect's answer for someone else, and forgets that account", async () => {
    app.handleRedirectPromise.mockResolvedValue(tokenResult('other-token', null, otherAccount));
    await expect(tokens().handleRedirectPromise()).rejects.toBeInstanceOf(WrongAccountError);
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
  });

  it("refuses a popup's answer for someone else, and forgets that account", async () => {
    app.ssoSilent.mockRejectedValue(interactionRequired());
    app.acquireTokenPopup.mockResolvedValue(tokenResult('other-token', null, otherAccount));
    const error = await tokens()
      .getAccessToken()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WrongAccountError);
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
  });

  it('refuses a silent answer for someone else, and forgets that account', async () => {
    app.ssoSilent.mockResolvedValue(tokenResult('other-token', null, otherAccount));
    await expect(tokens().getAccessToken()).rejects.toBeInstanceOf(WrongAccountError);
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
  });

  it("forgets other users' cached accounts when it creates its app, keeping the expected one", async () => {
    app.getAllAccounts.mockReturnValue([
      account,
      otherAccount,
      { ...account, username: 'SAM.TEACHER@oakfield.sch.uk' },
    ]);
    app.ssoSilent.mockResolvedValue(tokenResult('sso-token'));
    await tokens().getAccessToken();
    expect(app.clearCache).toHaveBeenCalledTimes(1);
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
  });

  it('without a hint: never picks a cached account, and keeps the one that signed in', async () => {
    app.getAllAccounts.mockReturnValue([otherAccount]);
    app.getActiveAccount.mockReturnValue(otherAccount);
    app.acquireTokenPopup.mockResolvedValue(tokenResult('popup-token'));
    app.acquireTokenSilent.mockResolvedValue(tokenResult('silent-token'));
    const provider = tokens('');
    await expect(provider.getAccessToken()).resolves.toBe('popup-token');
    expect(app.acquireTokenPopup).toHaveBeenCalledWith({ scopes: SCOPES });
    expect(app.clearCache).not.toHaveBeenCalled(); // nobody is expected: nothing to compare with
    await expect(provider.getAccessToken()).resolves.toBe('silent-token');
    expect(app.acquireTokenSilent).toHaveBeenCalledWith({ scopes: SCOPES, account });
  });
});
