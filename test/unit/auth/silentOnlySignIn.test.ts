// The event handlers' sign-in (issue 12): nested app authentication, silently only. An event has
// no window for the user, so where the pane would go on to Outlook's brokered sign-in or the Office
// dialog, the handler's provider stops with SignInRequiredError (the handler then uses its cache).
import * as msal from '@azure/msal-browser';
import { createPaneTokenProvider } from '../../../src/auth/msalTokenProvider';
import { SignInRequiredError } from '../../../src/auth/tokenProvider';
import { installFakeOffice } from '../host/fakeOffice';
import { account, createFakeApp, tokenResult, type FakeApp } from './msalMock';

jest.mock('@azure/msal-browser', () =>
  jest.requireActual<typeof import('./msalMock')>('./msalMock').msalModuleMock(),
);

const mocked = jest.mocked(msal);
const UPN = 'sam.teacher@oakfield.sch.uk';
const SCOPES = ['https://graph.microsoft.com/Sites.Read.All'];
let app: FakeApp;

function provider(dialog = jest.fn(() => Promise.resolve('dialog-token'))) {
  const fake = installFakeOffice({ supportedSets: { Mailbox: '1.12', NestedAppAuth: '1.1' } });
  Object.assign(fake.office, {
    auth: {
      getAuthContext: () =>
        Promise.resolve({ userPrincipalName: UPN, tenantId: 't', userObjectId: 'o' }),
    },
  });
  app = createFakeApp();
  mocked.createNestablePublicClientApplication.mockImplementation(
    (configuration, _correlationId, factory) =>
      Promise.resolve(factory!(configuration, {} as never)),
  );
  mocked.PublicClientApplication.mockImplementation(
    () => app as unknown as msal.PublicClientApplication,
  );
  return {
    dialog,
    tokens: createPaneTokenProvider({
      configuration: { auth: { clientId: 'client-1' } },
      scopes: { scopes: SCOPES },
      mailboxUser: UPN,
      useNestedAppAuth: true,
      interactive: false,
      office: fake.office as never,
      dialog: { method: 'officeDialog', getAccessToken: dialog },
    }),
  };
}

afterEach(() => jest.clearAllMocks());

describe('silent-only nested app authentication (event runtime)', () => {
  it('gives the silent token when MSAL has one', async () => {
    const { tokens } = provider();
    app.getAccount.mockReturnValue(account);
    app.acquireTokenSilent.mockResolvedValue(tokenResult('silent-token', null, account));
    await expect(tokens.getAccessToken()).resolves.toBe('silent-token');
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('never opens the brokered sign-in: "needs the user" is SignInRequiredError', async () => {
    const { tokens, dialog } = provider();
    app.getAccount.mockReturnValue(null);
    app.ssoSilent.mockRejectedValue(
      new mocked.InteractionRequiredAuthError('interaction_required', '', '', '', '', '', ''),
    );
    await expect(tokens.getAccessToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(app.acquireTokenPopup).not.toHaveBeenCalled();
    expect(dialog).not.toHaveBeenCalled();
  });
});
