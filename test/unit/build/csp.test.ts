// build/csp.js: the hosted pages' Content-Security-Policy from the build configuration (issue 10,
// item 9). The browser test (test/e2e/contentSecurityPolicy.test.ts) proves the pages work under
// it; this checks what each configuration puts in it.
import path from 'node:path';
import type { AppConfig } from '../../../src/config/appConfig';

interface CspModule {
  cspDirectives(
    config: AppConfig,
    options?: { officeJs?: boolean; extraOrigins?: string[]; frameAncestors?: string[] },
  ): Record<string, string[]>;
  metaCsp(config: AppConfig, options?: { officeJs?: boolean }): string;
  headerCsp(config: AppConfig, options?: { officeJs?: boolean; extraOrigins?: string[] }): string;
}
interface BuildConfigModule {
  loadBuildConfig(profile: string, env?: Record<string, string | undefined>): AppConfig;
}
// build/*.js are plain CommonJS for webpack.config.js, so they are required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const csp = require(path.resolve(__dirname, '../../../build/csp.js')) as CspModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.resolve(__dirname, '../../../build/config.js')) as BuildConfigModule;

const production = build.loadBuildConfig('production', {});

test('production: scripts only from the add-in and Office.js, Graph and Entra for requests', () => {
  const d = csp.cspDirectives(production, { officeJs: true });
  expect(d['script-src']).toEqual([
    "'self'",
    'https://appsforoffice.microsoft.com',
    'https://ajax.aspnetcdn.com',
    'https://browser.pipe.aria.microsoft.com',
  ]);
  expect(d['connect-src']).toEqual(
    expect.arrayContaining([
      "'self'",
      'https://graph.microsoft.com',
      'https://login.microsoftonline.com',
    ]),
  );
  expect(d['frame-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
  expect(d['object-src']).toEqual(["'none'"]);
  expect(Object.values(d).flat()).not.toContain("'unsafe-eval'");
  expect(d['script-src']).not.toContain("'unsafe-inline'");
});

test('a configured authority (another sign-in service) is trusted for requests and frames', () => {
  const config: AppConfig = {
    ...production,
    auth: { ...production.auth, authority: 'https://id.example.org:8443/tenant' },
  };
  const d = csp.cspDirectives(config, { officeJs: true });
  expect(d['connect-src']).toContain('https://id.example.org:8443');
  expect(d['frame-src']).toContain('https://id.example.org:8443');
});

test('the meta tag leaves out frame-ancestors (ignored there); the header names Outlook', () => {
  expect(csp.metaCsp(production, { officeJs: true })).not.toContain('frame-ancestors');
  const header = csp.headerCsp(production, { officeJs: true });
  expect(header).toMatch(/frame-ancestors 'self' https:\/\/outlook\.office\.com /);
  expect(header).toContain('https://outlook.cloud.microsoft');
});

test('the workbench (local tokens, its own origin): nothing outside this machine', () => {
  const workbench = build.loadBuildConfig('workbench', {});
  const d = csp.cspDirectives(workbench, {
    extraOrigins: ['https://127.0.0.1:3443'],
    frameAncestors: ["'self'"],
  });
  const all = Object.values(d).flat();
  expect(all.filter((v) => v.startsWith('http') && !v.startsWith('https://127.0.0.1:'))).toEqual(
    [],
  );
});

test('build configuration: the three scope sets, each overridable from the environment', () => {
  expect(production.auth.scopes).toContain('Sites.Selected');
  expect(production.auth.scopes).not.toContain('Sites.ReadWrite.All');
  expect(production.auth.scopes).not.toContain('User.Read.All');
  expect(production.auth.adminScopes).toEqual(['User.Read.All']);
  expect(production.auth.reviewerScopes).toEqual([]);
  const overridden = build.loadBuildConfig('production', {
    CG_SCOPES: 'User.Read Sites.ReadWrite.All',
    CG_REVIEWER_SCOPES: 'Mail.Send, Mail.Send.Shared',
    CG_ADMIN_SCOPES: 'User.ReadBasic.All',
  });
  expect(overridden.auth.scopes).toEqual(['User.Read', 'Sites.ReadWrite.All']);
  expect(overridden.auth.reviewerScopes).toEqual(['Mail.Send', 'Mail.Send.Shared']);
  expect(overridden.auth.adminScopes).toEqual(['User.ReadBasic.All']);
});
