import * as msal from '@azure/msal-browser';
import { defaultConfig, type AppConfig } from '../../../src/config/appConfig';
import { createTokenProvider } from '../../../src/auth/createTokenProvider';
import type { OfficeAuthContext } from '../../../src/auth/officeSignInApi';
import { SignInRequiredError, WrongAccountError } from '../../../src/auth/tokenProvider';
import type { MailHost } from '../../../src/host/mailHost';
import { installFakeOffice, type FakeOffice } from '../host/fakeOffice';
import { account, createFakeApp, otherAccount, tokenResult, type FakeApp } from './msalMock';

jest.mock('@azure/msal-browser', () =>
  jest.requireActual<typeof import('./msalMock')>('./msalMock').msalModuleMock(),
);

const mocked = jest.mocked(msal);
const ORIGIN = 'https://addin.oakfield.sch.uk';
const USER = 'sam.teacher@oakfield.sch.uk';
/** The UPN Outlook reports can differ from the mailbox's address. */
const UPN = 'Sam.Teacher@oakfield.onmicrosoft.com';
const upnAccount = { ...account, username: UPN };

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

function cancelled(): Error {
  return new mocked.BrowserAuthError('user_cancelled', 'correlation');
}

let fake: FakeOffice;
let app: FakeApp;

/** Outlook with (or without) nested app auth; getAuthContext answers with `context`. */
function setUp(
  supportedSets: Record<string, string>,
  context?: Partial<OfficeAuthContext> | 'fails',
): void {
  fake = installFakeOffice({ supportedSets });
  if (context) {
    Object.assign(fake.office, {
      auth: {
        getAuthContext: () =>
          context === 'fails'
            ? Promise.reject(new Error('not supported'))
            : Promise.resolve({ tenantId: 'tenant-1', userObjectId: 'local-1', ...context }),
      },
    });
  }
  app = createFakeApp();
  // The bridge answers: MSAL builds the nested app with our factory (a real nested controller).
  mocked.createNestablePublicClientApplication.mockImplementation(
    (configuration, _correlationId, factory) =>
      Promise.resolve(factory!(configuration, {} as never)),
  );
  mocked.PublicClientApplication.mockImplementation(
    () => app as unknown as msal.PublicClientApplication,
  );
}

/** The bridge does not answer: MSAL quietly falls back to a standard app (no factory call). */
function bridgeDoesNotAnswer(): void {
  mocked.createNestablePublicClientApplication.mockReset();
  mocked.createNestablePublicClientApplication.mockResolvedValue(
    app as unknown as msal.IPublicClientApplication,
  );
}

afterEach(() => {
  fake.uninstall();
  jest.clearAllMocks();
});

function provider() {
  return createTokenProvider(msalConfig, host, { origin: ORIGIN });
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}

function dialogToken(accessToken: string, username: string): string {
  return JSON.stringify({
    kind: 'token',
    accessToken,
    expiresOn: Date.now() + 3_600_000,
    username,
  });
}

/** The pane must never open an MSAL browser popup: only the nested (brokered) one. */
function expectNoBrowserPopup(): void {
  for (const call of mocked.PublicClientApplication.mock.calls) {
    expect(call[1]).toBeDefined(); // every app the pane builds is a nested one (has a controller)
  }
}

describe('createTokenProvider chooses the sign-in method', () => {
  it('uses local tokens for auth.mode local, without MSAL', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' });
    const tokens = createTokenProvider(defaultConfig, host, { origin: ORIGIN });
    expect(tokens.method).toBe('local');
    await expect(tokens.getAccessToken()).resolves.toBe(`local:${USER}`);
    expect(mocked.createNestablePublicClientApplication).not.toHaveBeenCalled();
    expect(mocked.PublicClientApplication).not.toHaveBeenCalled();
  });

  it('says plainly that sign-in is not configured when there is no client id', async () => {
    setUp({ Mailbox: '1.8' });
    const tokens = createTokenProvider(
      { ...msalConfig, auth: { ...msalConfig.auth, clientId: '' } },
      host,
      { origin: ORIGIN },
    );
    await expect(tokens.getAccessToken()).rejects.toThrow(/not configured/);
  });

  it('accepts a plain object standing in for Office (the workbench facade)', async () => {
    setUp({ Mailbox: '1.8' });
    fake.uninstall();
    const opened: string[] = [];
    const tokens = createTokenProvider(msalConfig, host, {
      origin: ORIGIN,
      office: {
        context: {
          requirements: { isSetSupported: () => false },
          ui: {
            displayDialogAsync: (url, _options, callback) => {
              opened.push(url);
              callback({
                status: 'succeeded',
                value: {
                  addEventHandler: (event: never, handler) => {
                    if (event === ('message' as never)) {
                      queueMicrotask(() =>
                        handler({ message: dialogToken('facade-token', USER), origin: ORIGIN }),
                      );
                    }
                  },
                  close: () => undefined,
                },
              });
            },
          },
        },
        EventType: { DialogMessageReceived: 'message', DialogEventReceived: 'event' },
      },
    });
    await expect(tokens.getAccessToken()).resolves.toBe('facade-token');
    expect(opened).toEqual([`${ORIGIN}/auth-dialog.html?login_hint=sam.teacher%40oakfield.sch.uk`]);
  });
});

describe('nested app authentication, as in Microsoft sample', () => {
  it("finds getAuthContext's account and asks for a token silently with it", async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    app.getAccount.mockReturnValue(upnAccount);
    app.acquireTokenSilent.mockResolvedValue(tokenResult('naa-token', null, upnAccount));
    const tokens = provider();
    expect(tokens.method).toBe('nestedAppAuth');
    await expect(tokens.getAccessToken()).resolves.toBe('naa-token');
    expect(mocked.createNestablePublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({
        auth: expect.objectContaining({
          clientId: msalConfig.auth.clientId,
          authority: 'https://login.microsoftonline.com/oakfield.onmicrosoft.com',
        }),
      }),
      undefined,
      expect.any(Function),
    );
    expect(app.getAccount).toHaveBeenCalledWith({
      username: UPN,
      tenantId: 'tenant-1',
      localAccountId: 'local-1',
    });
    expect(app.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: msalConfig.auth.scopes,
      account: upnAccount,
    });
    expect(app.getActiveAccount).not.toHaveBeenCalled();
    expect(app.ssoSilent).not.toHaveBeenCalled();
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('then ssoSilent with the UPN, then the brokered interactive sign-in', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    const order: string[] = [];
    app.ssoSilent.mockImplementation(() => {
      order.push('ssoSilent');
      return Promise.reject(interactionRequired());
    });
    app.acquireTokenPopup.mockImplementation(() => {
      order.push('interactive');
      return Promise.resolve(tokenResult('brokered-token', null, upnAccount));
    });
    await expect(provider().getAccessToken()).resolves.toBe('brokered-token');
    expect(order).toEqual(['ssoSilent', 'interactive']);
    expect(app.ssoSilent).toHaveBeenCalledWith({ scopes: msalConfig.auth.scopes, loginHint: UPN });
    expect(app.acquireTokenPopup).toHaveBeenCalledWith({
      scopes: msalConfig.auth.scopes,
      loginHint: UPN,
    });
    expectNoBrowserPopup();
    expect(fake.dialogs).toHaveLength(0);
  });

  it("uses getAuthContext's login hint when it gives one", async () => {
    setUp(
      { Mailbox: '1.8', NestedAppAuth: '1.1' },
      { userPrincipalName: UPN, loginHint: 'hint-from-outlook' },
    );
    app.ssoSilent.mockResolvedValue(tokenResult('sso-token', null, upnAccount));
    await expect(provider().getAccessToken()).resolves.toBe('sso-token');
    expect(app.ssoSilent).toHaveBeenCalledWith({
      scopes: msalConfig.auth.scopes,
      loginHint: 'hint-from-outlook',
    });
  });

  it('goes on to ssoSilent when the silent call with the account fails', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    app.getAccount.mockReturnValue(upnAccount);
    app.acquireTokenSilent.mockRejectedValue(new Error('expired'));
    app.ssoSilent.mockResolvedValue(tokenResult('sso-token', null, upnAccount));
    await expect(provider().getAccessToken()).resolves.toBe('sso-token');
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it.each([['missing', undefined] as const, ['failing', 'fails'] as const])(
    "uses the mailbox user's address as login hint when getAuthContext is %s",
    async (_label, context) => {
      setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, context);
      app.ssoSilent.mockResolvedValue(tokenResult('sso-token'));
      await expect(provider().getAccessToken()).resolves.toBe('sso-token');
      expect(app.getAccount).not.toHaveBeenCalled();
      expect(app.ssoSilent).toHaveBeenCalledWith({
        scopes: msalConfig.auth.scopes,
        loginHint: USER,
      });
    },
  );

  it('shares one interactive sign-in between Graph calls made at the same time', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    app.ssoSilent.mockRejectedValue(new Error('no'));
    app.acquireTokenPopup.mockResolvedValue(tokenResult('brokered-token', null, upnAccount));
    const tokens = provider();
    await expect(Promise.all([tokens.getAccessToken(), tokens.getAccessToken()])).resolves.toEqual([
      'brokered-token',
      'brokered-token',
    ]);
    expect(app.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it('turns a cancelled sign-in into a plain SignInRequiredError, without a dialog', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    app.ssoSilent.mockRejectedValue(new Error('no'));
    app.acquireTokenPopup.mockRejectedValue(cancelled());
    const error = await provider()
      .getAccessToken()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect((error as Error).message).toBe('Sign-in was cancelled.');
    expect(fake.dialogs).toHaveLength(0);
  });

  it("refuses a token for someone else's account and tries to forget that account", async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    app.ssoSilent.mockResolvedValue(tokenResult('other-token', null, otherAccount));
    const error = await provider()
      .getAccessToken()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WrongAccountError);
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
  });

  it('still refuses when the nested app cannot clear its cache (it is Outlook’s)', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    app.getAccount.mockReturnValue(upnAccount);
    app.acquireTokenSilent.mockResolvedValue(tokenResult('other-token', null, otherAccount));
    app.clearCache.mockRejectedValue(new Error('unsupported'));
    await expect(provider().getAccessToken()).rejects.toBeInstanceOf(WrongAccountError);
  });
});

describe('the Office dialog, never an MSAL popup in the pane', () => {
  it('opens the dialog (as the mailbox user) without nested app auth; MSAL in the pane only looks in its cache', async () => {
    setUp({ Mailbox: '1.8' });
    const tokens = provider();
    expect(tokens.method).toBe('officeDialog');
    const pending = tokens.getAccessToken();
    await waitFor(() => fake.dialogs.length === 1);
    const dialog = fake.dialogs[0]!;
    expect(dialog.url).toBe(`${ORIGIN}/auth-dialog.html?login_hint=sam.teacher%40oakfield.sch.uk`);
    dialog.sendMessage(dialogToken('dialog-token', USER), ORIGIN);
    await expect(pending).resolves.toBe('dialog-token');
    expect(mocked.createNestablePublicClientApplication).not.toHaveBeenCalled();
    expect(app.getAccount).toHaveBeenCalledWith({ username: USER });
    expect(app.acquireTokenSilent).not.toHaveBeenCalled(); // nothing cached for this user
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
    expect(app.ssoSilent).not.toHaveBeenCalled();
    expect(app.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it("with the mailbox user's account in the cache the dialog writes, renews silently in the pane (no dialog)", async () => {
    setUp({ Mailbox: '1.8' });
    app.getAccount.mockImplementation((filter: { username?: string }) =>
      filter.username?.toLowerCase() === account.username ? account : null,
    );
    app.acquireTokenSilent.mockResolvedValue(tokenResult('renewed-token'));
    await expect(provider().getAccessToken()).resolves.toBe('renewed-token');
    expect(app.acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ account }));
    expect(fake.dialogs).toHaveLength(0);
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("removes another person's cached account from the device and never uses it", async () => {
    setUp({ Mailbox: '1.8' });
    app.getAllAccounts.mockReturnValue([otherAccount]);
    const pending = provider().getAccessToken();
    await waitFor(() => fake.dialogs.length === 1);
    expect(app.clearCache).toHaveBeenCalledWith({ account: otherAccount });
    expect(app.acquireTokenSilent).not.toHaveBeenCalled();
    fake.dialogs[0]!.sendMessage(dialogToken('dialog-token', USER), ORIGIN);
    await expect(pending).resolves.toBe('dialog-token');
  });

  it('opens the dialog when the nested app bridge does not answer (MSAL fell back)', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    bridgeDoesNotAnswer();
    const tokens = provider();
    const pending = tokens.getAccessToken();
    await waitFor(() => fake.dialogs.length === 1);
    fake.dialogs[0]!.sendMessage(dialogToken('dialog-token', USER), ORIGIN);
    await expect(pending).resolves.toBe('dialog-token');
    expect(tokens.method).toBe('officeDialog');
    // The standard app MSAL fell back to is never asked for anything: no browser popup.
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
    expect(app.ssoSilent).not.toHaveBeenCalled();
    expect(app.acquireTokenSilent).not.toHaveBeenCalled();

    // Next time: the dialog's kept token, without trying the bridge again.
    await expect(tokens.getAccessToken()).resolves.toBe('dialog-token');
    expect(mocked.createNestablePublicClientApplication).toHaveBeenCalledTimes(1);
    expect(fake.dialogs).toHaveLength(1);
  });

  it('opens the dialog when the nested app bridge fails to start', async () => {
    setUp({ Mailbox: '1.8', NestedAppAuth: '1.1' }, { userPrincipalName: UPN });
    mocked.createNestablePublicClientApplication.mockReset();
    mocked.createNestablePublicClientApplication.mockRejectedValue(new Error('no bridge'));
    const tokens = provider();
    const pending = tokens.getAccessToken();
    await waitFor(() => fake.dialogs.length === 1);
    fake.dialogs[0]!.sendMessage(dialogToken('dialog-token', USER), ORIGIN);
    await expect(pending).resolves.toBe('dialog-token');
    expect(tokens.method).toBe('officeDialog');
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it("refuses the dialog's token for someone else's account", async () => {
    setUp({ Mailbox: '1.8' });
    const pending = provider().getAccessToken();
    await waitFor(() => fake.dialogs.length === 1);
    fake.dialogs[0]!.sendMessage(dialogToken('other-token', otherAccount.username), ORIGIN);
    await expect(pending).rejects.toBeInstanceOf(WrongAccountError);
  });
});
