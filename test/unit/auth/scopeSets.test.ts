// Least scopes (issue 10, item 6): staff sign in with the staff set; a reviewer's or admin's extra
// scopes are asked for only when a call for that purpose first needs a token, by every sign-in path
// (nested app auth, the Office dialog and its page, the review page's MSAL, the Graph client).
import * as msal from '@azure/msal-browser';
import { defaultConfig, type AppConfig } from '../../../src/config/appConfig';
import {
  createBrowserTokenProvider,
  createTokenProvider,
} from '../../../src/auth/createTokenProvider';
import { scopesFor } from '../../../src/auth/scopeSets';
import { createOfficeDialogTokenProvider } from '../../../src/auth/officeDialogTokenProvider';
import { dialogUrlFor, purposeIn, runAuthDialog } from '../../../src/auth/dialog/authDialogFlow';
import type { ScopePurpose, TokenProvider } from '../../../src/auth/tokenProvider';
import type { MailHost } from '../../../src/host/mailHost';
import { createGraphClient } from '../../../src/graph/client';
import { installFakeOffice, type FakeOffice } from '../host/fakeOffice';
import { account, createFakeApp, tokenResult, type FakeApp } from './msalMock';
import { installFetchMock, jsonReply } from '../graph/fetchMock';

jest.mock('@azure/msal-browser', () =>
  jest.requireActual<typeof import('./msalMock')>('./msalMock').msalModuleMock(),
);

const mocked = jest.mocked(msal);
const ORIGIN = 'https://addin.oakfield.sch.uk';
const USER = 'sam.teacher@oakfield.sch.uk';
const STAFF = ['User.Read', 'Sites.Selected', 'Mail.ReadWrite'];
const config: AppConfig = {
  ...defaultConfig,
  profile: 'production',
  auth: {
    mode: 'msal',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenantId: 'oakfield.onmicrosoft.com',
    scopes: STAFF,
    reviewerScopes: ['Mail.Send'],
    adminScopes: ['User.Read.All', 'user.read'],
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

let app: FakeApp;
let fake: FakeOffice | undefined;
beforeEach(() => {
  app = createFakeApp();
  mocked.PublicClientApplication.mockImplementation(
    () => app as unknown as msal.PublicClientApplication,
  );
  mocked.createNestablePublicClientApplication.mockImplementation(
    (configuration, _correlationId, factory) =>
      Promise.resolve(factory!(configuration, {} as never)),
  );
});
afterEach(() => {
  fake?.uninstall();
  fake = undefined;
  jest.clearAllMocks();
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 50 && !condition(); attempt += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}

describe('scopesFor', () => {
  it('is the staff set, plus the purpose’s extra scopes, each once', () => {
    expect(scopesFor(config.auth)).toEqual(STAFF);
    expect(scopesFor(config.auth, 'staff')).toEqual(STAFF);
    expect(scopesFor(config.auth, 'reviewer')).toEqual([...STAFF, 'Mail.Send']);
    expect(scopesFor(config.auth, 'admin')).toEqual([...STAFF, 'User.Read.All']);
    expect(scopesFor({ scopes: STAFF }, 'admin')).toEqual(STAFF);
  });
});

describe('the pane under nested app auth', () => {
  it('signs in with the staff scopes, and asks for the admin ones only for an admin call', async () => {
    fake = installFakeOffice({ supportedSets: { Mailbox: '1.8', NestedAppAuth: '1.1' } });
    Object.assign(fake.office, {
      auth: {
        getAuthContext: () =>
          Promise.resolve({ userPrincipalName: USER, tenantId: 'tenant-1', userObjectId: 'l' }),
      },
    });
    app.getAccount.mockReturnValue(account);
    app.acquireTokenSilent.mockImplementation((request: { scopes: string[] }) =>
      Promise.resolve(tokenResult(`token-for:${request.scopes.join(' ')}`)),
    );
    const tokens = createTokenProvider(config, host, { origin: ORIGIN });
    await expect(tokens.getAccessToken()).resolves.toBe(`token-for:${STAFF.join(' ')}`);
    expect(app.acquireTokenSilent.mock.calls.map((c) => c[0].scopes)).toEqual([STAFF]);
    await expect(tokens.getAccessToken('admin')).resolves.toBe(
      `token-for:${[...STAFF, 'User.Read.All'].join(' ')}`,
    );
  });

  it('asks interactively (Outlook’s consent) when the wider set cannot be had silently', async () => {
    fake = installFakeOffice({ supportedSets: { Mailbox: '1.8', NestedAppAuth: '1.1' } });
    Object.assign(fake.office, {
      auth: {
        getAuthContext: () =>
          Promise.resolve({ userPrincipalName: USER, tenantId: 'tenant-1', userObjectId: 'l' }),
      },
    });
    app.getAccount.mockReturnValue(account);
    app.acquireTokenSilent.mockImplementation((request: { scopes: string[] }) =>
      request.scopes.includes('User.Read.All')
        ? Promise.reject(
            new mocked.InteractionRequiredAuthError('consent_required', '', '', '', '', '', ''),
          )
        : Promise.resolve(tokenResult('staff-token')),
    );
    app.ssoSilent.mockRejectedValue(
      new mocked.InteractionRequiredAuthError('consent_required', '', '', '', '', '', ''),
    );
    app.acquireTokenPopup.mockResolvedValue(tokenResult('admin-token'));
    const tokens = createTokenProvider(config, host, { origin: ORIGIN });
    await expect(tokens.getAccessToken()).resolves.toBe('staff-token');
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
    await expect(tokens.getAccessToken('admin')).resolves.toBe('admin-token');
    expect(app.acquireTokenPopup).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: [...STAFF, 'User.Read.All'] }),
    );
  });
});

describe('the Office dialog', () => {
  it('names the scope set in the dialog URL and keeps one token per set', async () => {
    fake = installFakeOffice({ supportedSets: { Mailbox: '1.8' } });
    const tokens = createTokenProvider(config, host, { origin: ORIGIN });
    const message = (accessToken: string) =>
      JSON.stringify({
        kind: 'token',
        accessToken,
        expiresOn: Date.now() + 3_600_000,
        username: USER,
      });

    const staff = tokens.getAccessToken();
    await waitFor(() => fake!.dialogs.length === 1);
    expect(fake.dialogs[0]!.url).toBe(
      `${ORIGIN}/auth-dialog.html?login_hint=sam.teacher%40oakfield.sch.uk`,
    );
    fake.dialogs[0]!.sendMessage(message('staff-token'), ORIGIN);
    await expect(staff).resolves.toBe('staff-token');

    const admin = tokens.getAccessToken('admin');
    await waitFor(() => fake!.dialogs.length === 2);
    expect(fake.dialogs[1]!.url).toBe(
      `${ORIGIN}/auth-dialog.html?login_hint=sam.teacher%40oakfield.sch.uk&scopes=admin`,
    );
    fake.dialogs[1]!.sendMessage(message('admin-token'), ORIGIN);
    await expect(admin).resolves.toBe('admin-token');

    // Each kept for its own purpose: no third dialog.
    await expect(tokens.getAccessToken()).resolves.toBe('staff-token');
    await expect(tokens.getAccessToken('admin')).resolves.toBe('admin-token');
    expect(fake.dialogs).toHaveLength(2);
  });

  it('opens one dialog at a time: a second purpose waits for the first (Office refuses two)', async () => {
    fake = installFakeOffice({ supportedSets: { Mailbox: '1.8' } });
    const dialogs = createOfficeDialogTokenProvider({
      dialogUrl: (purpose) => dialogUrlFor(`${ORIGIN}/auth-dialog.html`, USER, purpose),
      expectedUsers: [USER],
    });
    const message = (accessToken: string) =>
      JSON.stringify({
        kind: 'token',
        accessToken,
        expiresOn: Date.now() + 3_600_000,
        username: USER,
      });
    const staff = dialogs.getAccessToken('staff');
    const reviewer = dialogs.getAccessToken('reviewer');
    await waitFor(() => fake!.dialogs.length === 1);
    for (let i = 0; i < 10; i += 1) await new Promise<void>((r) => setImmediate(r));
    expect(fake.dialogs).toHaveLength(1);
    fake.dialogs[0]!.sendMessage(message('staff-token'), ORIGIN);
    await expect(staff).resolves.toBe('staff-token');
    await waitFor(() => fake!.dialogs.length === 2);
    expect(fake.dialogs[1]!.url).toContain('scopes=reviewer');
    fake.dialogs[1]!.sendMessage(message('reviewer-token'), ORIGIN);
    await expect(reviewer).resolves.toBe('reviewer-token');
  });

  it('the dialog page asks for the set its URL names, and only for a set the config has', async () => {
    expect(purposeIn('?login_hint=a%40b.c&scopes=admin')).toBe('admin');
    expect(purposeIn('?scopes=Directory.ReadWrite.All')).toBe('staff');
    expect(purposeIn('')).toBe('staff');
    const sent: string[] = [];
    const run = (search: string) =>
      runAuthDialog({
        location: { hash: '', search, origin: ORIGIN },
        config,
        loadMsal: () => Promise.resolve(msal),
        loadRedirectBridge: () =>
          Promise.resolve({ broadcastResponseToMainFrame: () => Promise.resolve() }),
        officeReady: () =>
          Promise.resolve({
            context: { ui: { messageParent: (text: string) => sent.push(text) } },
          } as unknown as typeof Office),
        redirectMarker: { isSet: () => false, set: () => undefined, clear: () => undefined },
        showStatus: () => undefined,
      });
    await expect(run(`?login_hint=${encodeURIComponent(USER)}&scopes=admin`)).resolves.toBe(
      'redirecting',
    );
    expect(app.acquireTokenRedirect).toHaveBeenLastCalledWith({
      scopes: [...STAFF, 'User.Read.All'],
      loginHint: USER,
    });
    await run(`?login_hint=${encodeURIComponent(USER)}&scopes=Directory.ReadWrite.All`);
    expect(app.acquireTokenRedirect).toHaveBeenLastCalledWith({ scopes: STAFF, loginHint: USER });
  });
});

describe('the review page (MSAL in a top-level page)', () => {
  it('asks for the reviewer’s extra scopes only for the review’s calls', async () => {
    app.getAccount.mockReturnValue(account);
    app.acquireTokenSilent.mockImplementation((request: { scopes: string[] }) =>
      Promise.resolve(tokenResult(`token-for:${request.scopes.join(' ')}`)),
    );
    const tokens = createBrowserTokenProvider(config, USER, { origin: ORIGIN });
    await tokens.handleRedirectPromise();
    await expect(tokens.getAccessToken()).resolves.toBe(`token-for:${STAFF.join(' ')}`);
    await expect(tokens.getAccessToken('reviewer')).resolves.toBe(
      `token-for:${[...STAFF, 'Mail.Send'].join(' ')}`,
    );
  });
});

describe('the Graph client', () => {
  it('asks the token provider for its own purpose on every request', async () => {
    const asked: (ScopePurpose | undefined)[] = [];
    const tokenProvider: TokenProvider = {
      method: 'local',
      getAccessToken: (purpose) => {
        asked.push(purpose);
        return Promise.resolve('t');
      },
    };
    installFetchMock([jsonReply({ value: [] }), jsonReply({ value: [] })]);
    const base = 'http://127.0.0.1:3999';
    await createGraphClient({ baseUrl: base, tokenProvider }).api('/me').get();
    await createGraphClient({ baseUrl: base, tokenProvider, purpose: 'admin' }).api('/me').get();
    expect(asked).toEqual(['staff', 'admin']);
    jest.restoreAllMocks();
  });
});
