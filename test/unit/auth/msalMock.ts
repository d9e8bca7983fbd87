// Shared pieces for tests that mock '@azure/msal-browser' (jest.mock is hoisted in each test file;
// its factory calls msalModuleMock through jest.requireActual).
import type { AuthenticationResult } from '@azure/msal-browser';

export class FakeAuthError extends Error {
  constructor(readonly errorCode: string) {
    super(errorCode);
  }
}

/** The parts of '@azure/msal-browser' the sign-in code uses; the two app factories are jest.fn(). */
export function msalModuleMock() {
  class InteractionRequiredAuthError extends FakeAuthError {}
  class BrowserAuthError extends FakeAuthError {}
  return {
    InteractionRequiredAuthError,
    BrowserAuthError,
    createNestablePublicClientApplication: jest.fn(),
    PublicClientApplication: jest.fn(),
  };
}

export interface FakeApp {
  initialize: jest.Mock;
  getActiveAccount: jest.Mock;
  getAccount: jest.Mock;
  getAllAccounts: jest.Mock;
  acquireTokenSilent: jest.Mock;
  ssoSilent: jest.Mock;
  acquireTokenPopup: jest.Mock;
  acquireTokenRedirect: jest.Mock;
  handleRedirectPromise: jest.Mock;
  setActiveAccount: jest.Mock;
  clearCache: jest.Mock;
}

export const account = {
  homeAccountId: 'home-1',
  environment: 'login.microsoftonline.com',
  tenantId: 'tenant-1',
  username: 'sam.teacher@oakfield.sch.uk',
  localAccountId: 'local-1',
};

/** Someone else's account (another member of staff who used this computer). */
export const otherAccount = {
  homeAccountId: 'home-2',
  environment: 'login.microsoftonline.com',
  tenantId: 'tenant-1',
  username: 'jo.head@oakfield.sch.uk',
  localAccountId: 'local-2',
};

export function tokenResult(
  accessToken: string,
  expiresOn: Date | null = null,
  forAccount: typeof account = account,
): AuthenticationResult {
  return { accessToken, account: forAccount, expiresOn } as unknown as AuthenticationResult;
}

export function createFakeApp(): FakeApp {
  return {
    initialize: jest.fn().mockResolvedValue(undefined),
    getActiveAccount: jest.fn().mockReturnValue(null),
    getAccount: jest.fn().mockReturnValue(null),
    getAllAccounts: jest.fn().mockReturnValue([]),
    acquireTokenSilent: jest.fn(),
    ssoSilent: jest.fn(),
    acquireTokenPopup: jest.fn(),
    acquireTokenRedirect: jest.fn().mockResolvedValue(undefined),
    handleRedirectPromise: jest.fn().mockResolvedValue(null),
    setActiveAccount: jest.fn(),
    clearCache: jest.fn().mockResolvedValue(undefined),
  };
}
