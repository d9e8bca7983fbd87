// Argument parsing of `npm run provision`: the checks that keep a token off the wrong host.

import {
  DEFAULT_GRAPH_URL,
  DEFAULT_LOCAL_USER,
  parseProvisionArgs,
  UsageError,
} from '../../../tools/lib/args';

describe('parseProvisionArgs', () => {
  it('reads the Graph form host:/path and defaults to Microsoft Graph', () => {
    expect(parseProvisionArgs(['--site', 'Oakfield.SharePoint.com:/sites/ContactGuard/'])).toEqual({
      hostname: 'oakfield.sharepoint.com',
      sitePath: '/sites/ContactGuard',
      graphUrl: DEFAULT_GRAPH_URL,
      isLocal: false,
      tokenEnv: undefined,
      sharePointTokenEnv: undefined,
      user: DEFAULT_LOCAL_USER,
      check: false,
      groups: {},
      configFile: undefined,
    });
  });

  it('reads --check, the three groups (lower case), --config and --sharepoint-token-env', () => {
    expect(
      parseProvisionArgs([
        '--site',
        'oakfield.sharepoint.com:/sites/ContactGuard',
        '--check',
        '--staff-group',
        'B5D2C8E1-6A3F-4C7D-9E0B-2F1A3C4D5E6F',
        '--reviewers-group',
        '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c',
        '--config',
        'school.json',
        '--sharepoint-token-env',
        'CG_SP_TOKEN',
      ]),
    ).toMatchObject({
      check: true,
      groups: {
        staff: 'b5d2c8e1-6a3f-4c7d-9e0b-2f1a3c4d5e6f',
        reviewers: '0c6f9a7e-2b1d-4c3e-8f5a-6d7e8f9a0b1c',
      },
      configFile: 'school.json',
      sharePointTokenEnv: 'CG_SP_TOKEN',
    });
  });

  it('accepts a full site URL with an encoded space', () => {
    const args = parseProvisionArgs([
      '--site',
      'https://oakfield.sharepoint.com/sites/Contact%20Guard',
    ]);
    expect(args).toMatchObject({
      hostname: 'oakfield.sharepoint.com',
      sitePath: '/sites/Contact Guard',
    });
  });

  it('treats 127.0.0.1 as the local service and takes --user there', () => {
    const args = parseProvisionArgs([
      '--site=oakfield.sharepoint.com:/sites/ContactGuard',
      '--graph-url',
      'http://127.0.0.1:3000/',
      '--user',
      'head@oakfield.sch.uk',
    ]);
    expect(args).toMatchObject({
      graphUrl: 'http://127.0.0.1:3000',
      isLocal: true,
      user: 'head@oakfield.sch.uk',
    });
  });

  it('returns help for --help', () => {
    expect(parseProvisionArgs(['--help'])).toBe('help');
  });

  it.each([
    [[], /--site is required/],
    [['--site', 'oakfield.sharepoint.com'], /must look like/],
    [['--site', 'oakfield.sharepoint.com:sites/x'], /must start with/],
    [['--site', 'not a host:/sites/x'], /not a host name/],
    [['--site', 'a.b:/s', '--graph-url', 'http://graph.example.com'], /must use https/],
    [['--site', 'a.b:/s', '--graph-url', 'https://graph.microsoft.com/v1.0'], /origin only/],
    [['--site', 'a.b:/s', '--token-env', 'eyJ0eXAiOi.JKV1Q'], /NAME of an environment variable/],
    [['--site', 'a.b:/s', '--user', 'x@y.z'], /only applies to the local service/],
    [['--site', 'a.b:/s', '--sharepoint-token-env', 'eyJ0eXAiOi.secret'], /NAME of an/],
    [['--site', 'a.b:/s', '--staff-group', 'Oakfield Staff secret'], /object id \(a GUID\)/],
    [['--site', 'a.b:/s', '--unknown'], /Unknown option --unknown/],
    [['--site', 'a.b:/s', 'eyJ0eXAiOi.secret'], /^Unexpected argument: every value/],
    [['--site'], /missing its value/],
  ])('rejects %j without echoing stray values', (argv, message) => {
    expect(() => parseProvisionArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseProvisionArgs(argv as string[])).toThrow(message);
    expect(() => parseProvisionArgs(argv as string[])).not.toThrow(/secret/);
  });
});
