import {
  createLocalAppOnlyTokenProvider,
  createLocalTokenProvider,
} from '../../../src/auth/localTokenProvider';
import { createTokenProvider } from '../../../src/auth/createTokenProvider';
import { defaultConfig } from '../../../src/config/appConfig';
import type { MailHost } from '../../../src/host/mailHost';

// Records whether anything loads MSAL: in local mode nothing may (the workbench never fetches it).
const mockMsalLoads: string[] = [];
jest.mock('@azure/msal-browser', () => {
  mockMsalLoads.push('@azure/msal-browser');
  return {};
});

const host: MailHost = {
  kind: 'workbench',
  getCurrentMessage: () => Promise.resolve(null),
  onMessageChanged: () => () => undefined,
  getTheme: () => 'light',
  onThemeChanged: () => () => undefined,
  getUser: () => ({ displayName: 'Sam', emailAddress: 'sam@oakfield.sch.uk' }),
};

describe('createLocalTokenProvider', () => {
  it('gives local:<upn> tokens and reports the local method', async () => {
    const provider = createLocalTokenProvider("o'brien@oakfield.sch.uk");
    expect(provider.method).toBe('local');
    await expect(provider.getAccessToken()).resolves.toBe("local:o'brien@oakfield.sch.uk");
  });

  it('gives local-app:<name> tokens for app-only sign-in (the routing job)', async () => {
    await expect(createLocalAppOnlyTokenProvider().getAccessToken()).resolves.toBe(
      'local-app:contact-guard-routing',
    );
    await expect(createLocalAppOnlyTokenProvider('x').getAccessToken()).resolves.toBe(
      'local-app:x',
    );
  });

  it('is what createTokenProvider gives in local mode, and MSAL is never loaded', async () => {
    const provider = createTokenProvider(defaultConfig, host);
    await expect(provider.getAccessToken()).resolves.toBe('local:sam@oakfield.sch.uk');
    expect(mockMsalLoads).toEqual([]);
  });
});
