// The workbench's settings applied to the build's configuration, the same for the pane, the
// review page and the sign-in dialog (npm start -- --seed FILE, npm start -- --sign-in).
import { defaultConfig } from '../../../src/config/appConfig';
import { withWorkbenchSettings } from '../../../src/host/workbench/workbenchConfig';

const SIGN_IN = {
  clientId: 'client-1',
  tenantId: 'tenant-1',
  authority: 'https://127.0.0.1:3443/tenant-1',
  scopes: ['User.Read'],
};

test('without settings the configuration is the build’s own (local tokens)', () => {
  expect(withWorkbenchSettings(defaultConfig, {})).toEqual(defaultConfig);
});

test("the seed's site replaces the configured one, lists kept", () => {
  const config = withWorkbenchSettings(defaultConfig, {
    site: { hostname: 'elm.sharepoint.com', sitePath: '/sites/Guard' },
  });
  expect(config.sharePoint).toEqual({
    ...defaultConfig.sharePoint,
    hostname: 'elm.sharepoint.com',
    sitePath: '/sites/Guard',
  });
  expect(config.auth).toEqual(defaultConfig.auth);
});

test('with --sign-in, MSAL at the local identity provider with its client, tenant and scopes', () => {
  const config = withWorkbenchSettings(defaultConfig, { signIn: SIGN_IN });
  expect(config.auth).toEqual({ mode: 'msal', ...SIGN_IN });
  expect(config.sharePoint).toEqual(defaultConfig.sharePoint);
});

test('with --sign-in, the production build’s reviewer and admin scope sets too', () => {
  const config = withWorkbenchSettings(defaultConfig, {
    signIn: { ...SIGN_IN, reviewerScopes: [], adminScopes: ['User.Read.All'] },
  });
  expect(config.auth.adminScopes).toEqual(['User.Read.All']);
  expect(config.auth.reviewerScopes).toEqual([]);
});
