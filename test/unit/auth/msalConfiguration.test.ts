import { authorityOf } from '../../../src/auth/authUrls';
import { msalConfiguration } from '../../../src/auth/msalConfiguration';

const REDIRECT = 'https://addin.oakfield.sch.uk/auth-dialog.html';

describe('authorityOf', () => {
  it("is Entra ID's for the tenant when none is configured", () => {
    expect(authorityOf({ tenantId: 'oakfield.onmicrosoft.com' })).toBe(
      'https://login.microsoftonline.com/oakfield.onmicrosoft.com',
    );
    expect(authorityOf({ tenantId: '', authority: '  ' })).toBe(
      'https://login.microsoftonline.com/organizations',
    );
  });

  it('is the configured authority when there is one', () => {
    expect(authorityOf({ tenantId: 't', authority: 'https://localhost:8443/oakfield/' })).toBe(
      'https://localhost:8443/oakfield',
    );
  });
});

describe('msalConfiguration', () => {
  it('leaves instance discovery alone for Entra ID', () => {
    const configuration = msalConfiguration({
      clientId: 'c',
      authority: 'https://login.microsoftonline.com/oakfield.onmicrosoft.com',
      redirectUri: REDIRECT,
    });
    expect(configuration.auth.authority).toBe(
      'https://login.microsoftonline.com/oakfield.onmicrosoft.com',
    );
    expect(configuration.auth.knownAuthorities).toBeUndefined();
    expect(configuration.system?.protocolMode).toBeUndefined();
  });

  it('names another authority (host and port) as known, so MSAL skips instance discovery', () => {
    const configuration = msalConfiguration({
      clientId: 'c',
      authority: 'https://LocalHost:8443/oakfield',
      redirectUri: REDIRECT,
    });
    expect(configuration.auth.authority).toBe('https://LocalHost:8443/oakfield');
    expect(configuration.auth.knownAuthorities).toEqual(['localhost:8443']);
    expect(configuration.system?.protocolMode).toBeUndefined();
  });
});
