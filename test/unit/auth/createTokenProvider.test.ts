import * as msal from '@azure/msal-browser';
import { defaultConfig, type AppConfig } from '../../../src/config/appConfig';
import { createTokenProvider } from '../../../src/auth/createTokenProvider';
import { SignInRequiredError } from '../../../src/auth/tokenProvider';
import type { MailHost } from '../../../src/host/mailHost';
import { installFakeOffice, type FakeOffice } from '../host/fakeOffice';
import { account, createFakeApp, tokenResult, type FakeApp } from './msalMock';

jest.mock('@azure/msal-browser', () => {
  const { FakeAuthError } = jest.requireActual<typeof import('./msalMock')>('./msalMock');
  class InteractionRequiredAuthError extends FakeAuthError {}
  class BrowserAuthError extends FakeAuthError {}
  return {
    InteractionRequiredAuthError,
    BrowserAuthError,
    createNestablePublicClientApplication: jest.fn(),
    PublicClientApplication: jest.fn(),
  };
});

const mocked = jest.mocked(msal);
const ORIGIN = 'https://addin.oakfield.sch.uk';
const USER = 'sam.teacher@oakfield.sch.uk';

const msalConfig: AppConfig = {
  ...defaultConfig,
  profile: 'production',
  auth: {
    mode: 'msal',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'oakfield.onmicrosoft.com',
    scopes: ['https://graph.microsoft.com/Sites.Read.All'],
  },
};

const host: MailHost = {
  kind: 'office',
  getCurrentMessage: () => Promise.resolve(null),
  onMessageChanged: () => () => undefined,
  getTheme: () => 'light',
  onThemeChanged: () => () => undefined,
  getUser: () => ({ displayName: 'Sam Teacher', emailAddress: USER }),
};

function interactionRequired(): Error {
  return new mocked.InteractionRequiredAuthError('interaction_required', '', '', '', '', '', '');
}

function browserError(code: string): Error {
  return new mocked.BrowserAuthError(code, 'correlation');
}

let fake: FakeOffice;
let app: FakeApp;

function setUp(supportedSets: Record<string, string>): void {
  fake = installFakeOffice({ supportedSets });
  app = createFakeApp();
  mocked.createNestablePublicClientApplication.mockResolvedValue(
    app as unknown as msal.IPublicClientApplication,
  );
  mocked.PublicClientApplication.mockImplementation(
    () => app as unknown as msal.PublicClientApplication,
  );
}

afterEach(() => {
  fake.uninstall();
  jest.clearAllMocks();
});

describe('createTokenProvider chooses the sign-in method', () => {
  it('uses local tokens for auth.mode local, without MSAL', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' });
    const provider = createTokenProvider(defaultConfig, host, { origin: ORIGIN });
    expect(provider.method).toBe('local');
    await expect(provider.getAccessToken()).resolves.toBe(`local:${USER}`);
    expect(mocked.createNestablePublicClientApplication).not.toHaveBeenCalled();
    expect(mocked.PublicClientApplication).not.toHaveBeenCalled();
  });

  it('uses nested app auth when Office supports NestedAppAuth 1.1', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' });
    app.acquireTokenSilent.mockResolvedValue(tokenResult('naa-token'));
    const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });
    expect(provider.method).toBe('nestedAppAuth');
    await expect(provider.getAccessToken()).resolves.toBe('naa-token');
    expect(mocked.createNestablePublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: expect.objectContaining({
          clientId: msalConfig.auth.clientId,
          authority: 'https://login.microsoftonline.com/oakfield.onmicrosoft.com',
        }),
      }),
    );
    expect(mocked.PublicClientApplication).not.toHaveBeenCalled();
    expect(app.acquireTokenSilent).toHaveBeenCalledWith({ scopes: msalConfig.auth.scopes });
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('uses a standard MSAL app with the auth page as redirect URI without nested app auth', async () => {
    setUp({ Mailbox: '1.8' });
    app.getAccount.mockReturnValue(account);
    app.acquireTokenSilent.mockResolvedValue(tokenResult('silent-token'));
    const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });
    expect(provider.method).toBe('popup');
    await expect(provider.getAccessToken()).resolves.toBe('silent-token');
    expect(mocked.createNestablePublicClientApplication).not.toHaveBeenCalled();
    expect(mocked.PublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: expect.objectContaining({ redirectUri: `${ORIGIN}/auth-dialog.html` }),
      }),
    );
    expect(app.initialize).toHaveBeenCalled();
    expect(app.getAccount).toHaveBeenCalledWith({ username: USER });
    expect(app.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: msalConfig.auth.scopes,
      account,
    });
  });

  it('falls back to a standard app when the nested app bridge fails to start', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' });
    mocked.createNestablePublicClientApplication.mockRejectedValue(new Error('no bridge'));
    app.ssoSilent.mockResolvedValue(tokenResult('sso-token'));
    const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });
    await expect(provider.getAccessToken()).resolves.toBe('sso-token');
    expect(provider.method).toBe('popup');
    expect(app.ssoSilent).toHaveBeenCalledWith({ scopes: msalConfig.auth.scopes, loginHint: USER });
  });

  it('says plainly that sign-in is not configured when there is no client id', async () => {
    setUp({ Mailbox: '1.8' });
    const provider = createTokenProvider(
      { ...msalConfig, auth: { ...msalConfig.auth, clientId: '' } },
      host,
      { origin: ORIGIN },
    );
    await expect(provider.getAccessToken()).rejects.toThrow(/not configured/);
  });
});

describe('the MSAL chain: silent, then popup, then the Office dialog', () => {
  it('asks silently first and opens the popup only when interaction is required', async () => {
    setUp({ Mailbox: '1.8' });
    const order: string[] = [];
    app.ssoSilent.mockImplementation(() => {
      order.push('silent');
      return Promise.reject(interactionRequired());
    });
    app.acquireTokenPopup.mockImplementation(() => {
      order.push('popup');
      return Promise.resolve(tokenResult('popup-token'));
    });
    const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });
    await expect(provider.getAccessToken()).resolves.toBe('popup-token');
    expect(order).toEqual(['silent', 'popup']);
    expect(app.acquireTokenPopup).toHaveBeenCalledWith({
      scopes: msalConfig.auth.scopes,
      loginHint: USER,
    });
    expect(app.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('does not open a popup when the silent call fails for another reason', async () => {
    setUp({ Mailbox: '1.8' });
    app.ssoSilent.mockRejectedValue(browserError('no_network_connectivity'));
    const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });
    await expect(provider.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('shares one popup between Graph calls made at the same time', async () => {
    setUp({ Mailbox: '1.8' });
    app.ssoSilent.mockRejectedValue(interactionRequired());
    app.acquireTokenPopup.mockResolvedValue(tokenResult('popup-token'));
    const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });
    const tokens = await Promise.all([provider.getAccessToken(), provider.getAccessToken()]);
    expect(tokens).toEqual(['popup-token', 'popup-token']);
    expect(app.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it('turns a cancelled popup into a plain SignInRequiredError', async () => {
    setUp({ Mailbox: '1.8' });
    app.ssoSilent.mockRejectedValue(interactionRequired());
    app.acquireTokenPopup.mockRejectedValue(browserError('user_cancelled'));
    const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });
    const error = await provider.getAccessToken().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect((error as Error).message).toBe('Sign-in was cancelled.');
  });

  it.each(['popup_window_error', 'empty_window_error'])(
    'opens the Office dialog when the popup is blocked (%s)',
    async (code) => {
      setUp({ Mailbox: '1.8' });
      app.ssoSilent.mockRejectedValue(interactionRequired());
      app.acquireTokenPopup.mockRejectedValue(browserError(code));
      const provider = createTokenProvider(msalConfig, host, { origin: ORIGIN });

      const pending = provider.getAccessToken();
      await waitFor(() => fake.dialogs.length === 1);
      const dialog = fake.dialogs[0]!;
      expect(dialog.url).toBe(
        `${ORIGIN}/auth-dialog.html?login_hint=sam.teacher%40oakfield.sch.uk`,
      );
      dialog.sendMessage(
        JSON.stringify({
          kind: 'token',
          accessToken: 'dialog-token',
          expiresOn: Date.now() + 3_600_000,
          username: USER,
        }),
        ORIGIN,
      );
      await expect(pending).resolves.toBe('dialog-token');
      expect(dialog.closed).toBe(true);
      expect(provider.method).toBe('officeDialog');

      // Next time: silent first again, then the dialog's kept token; no second popup or dialog.
      await expect(provider.getAccessToken()).resolves.toBe('dialog-token');
      expect(app.ssoSilent).toHaveBeenCalledTimes(2);
      expect(app.acquireTokenPopup).toHaveBeenCalledTimes(1);
      expect(fake.dialogs).toHaveLength(1);
    },
  );
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}
