// Command-line arguments of `npm run provision`, parsed into a checked plain object.

import { parseArgs } from 'node:util';

export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';
/** The demo IT admin of the local service's seed. */
export const DEFAULT_LOCAL_USER = 'it.admin@oakfield.sch.uk';

export const PROVISION_USAGE = [
  'Usage: npm run provision -- --site <host>:<site path> [options]',
  '  --site                  the SharePoint site, e.g. oakfield.sharepoint.com:/sites/ContactGuard',
  '  --check                 change nothing: report every way the permissions differ from the plan',
  '  --staff-group ID        Entra object id of the group of all staff (or groups.staff in the config)',
  '  --reviewers-group ID    ... of the reviewers group (or groups.reviewers)',
  '  --admins-group ID       ... of the Contact Guard admins group (or groups.admins)',
  '  --config FILE           the add-in configuration to read groups.* from',
  '                          (default contact-guard.config.json, when it exists; locally,',
  '                          config/workbench.json; then CG_GROUP_*)',
  `  --graph-url             Graph origin (default ${DEFAULT_GRAPH_URL}; http://127.0.0.1:<port> for the local service)`,
  '  --token-env             name of an environment variable holding a Graph access token',
  '  --sharepoint-token-env  name of an environment variable holding a SharePoint access token',
  `  --user                  local service only: who to act as (default ${DEFAULT_LOCAL_USER})`,
  'Against Microsoft 365 without --token-env it signs in with a device code, using CG_CLIENT_ID and',
  'CG_TENANT_ID from the environment (delegated: Graph Sites.Manage.All, then SharePoint',
  'AllSites.FullControl for the permissions). Exit code: 0 done (or --check found nothing),',
  '1 failed, 2 --check found drift.',
].join('\n');

/** Group ids given on the command line; the configuration file fills in the rest. */
export interface GroupOptions {
  staff?: string;
  reviewers?: string;
  admins?: string;
}

export interface ProvisionArgs {
  hostname: string;
  sitePath: string;
  /** An origin, without a trailing slash. */
  graphUrl: string;
  /** True when graphUrl is this machine (the local Graph service). */
  isLocal: boolean;
  tokenEnv?: string;
  sharePointTokenEnv?: string;
  user: string;
  /** Only compare and report (`--check`). */
  check: boolean;
  groups: GroupOptions;
  configFile?: string;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseProvisionArgs(argv: string[]): ProvisionArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        site: { type: 'string' },
        'graph-url': { type: 'string' },
        'token-env': { type: 'string' },
        'sharepoint-token-env': { type: 'string' },
        user: { type: 'string' },
        check: { type: 'boolean' },
        'staff-group': { type: 'string' },
        'reviewers-group': { type: 'string' },
        'admins-group': { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  if (values.help) return 'help';

  const site = stringOption(values.site);
  if (!site)
    throw new UsageError(
      '--site is required, e.g. --site oakfield.sharepoint.com:/sites/ContactGuard',
    );
  const { hostname, sitePath } = parseSite(site);
  const { graphUrl, isLocal } = parseGraphUrl(
    stringOption(values['graph-url']) ?? DEFAULT_GRAPH_URL,
  );

  const tokenEnv = variableName(values['token-env'], '--token-env');
  const sharePointTokenEnv = variableName(values['sharepoint-token-env'], '--sharepoint-token-env');
  const user = stringOption(values.user);
  if (user !== undefined && !isLocal) {
    throw new UsageError(
      '--user only applies to the local service; Graph acts as whoever signs in',
    );
  }
  const groups: GroupOptions = {};
  for (const group of ['staff', 'reviewers', 'admins'] as const) {
    const id = stringOption(values[`${group}-group`]);
    if (id === undefined) continue;
    if (!GROUP_ID.test(id)) {
      throw new UsageError(`--${group}-group takes the group's object id (a GUID) from Entra ID`);
    }
    groups[group] = id.toLowerCase();
  }
  return {
    hostname,
    sitePath,
    graphUrl,
    isLocal,
    tokenEnv,
    sharePointTokenEnv,
    user: user ?? DEFAULT_LOCAL_USER,
    check: values.check === true,
    groups,
    configFile: stringOption(values.config),
  };
}

/** An Entra object id. */
export const GROUP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function variableName(value: string | boolean | undefined, option: string): string | undefined {
  const name = stringOption(value);
  if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new UsageError(`${option} takes the NAME of an environment variable, not a token`);
  }
  return name;
}

/**
 * node:util's messages quote the offending argument, which could be a token pasted in the wrong
 * place; only option names that look like option names are repeated.
 */
function describeParseError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'(--?[A-Za-z][A-Za-z-]{0,30})'/.exec(String((error as Error).message))?.[1];
    return option ? `Unknown option ${option}` : 'Unknown option';
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return 'Unexpected argument: every value follows its option, e.g. --site host:/sites/Name';
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return 'An option is missing its value';
  return 'Unreadable arguments';
}

function stringOption(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `host:/sites/Name` (the form Graph itself uses); a full https:// site URL is accepted too. */
export function parseSite(site: string): { hostname: string; sitePath: string } {
  if (/^https:\/\//i.test(site)) {
    const url = new URL(site);
    return checkedSite(url.hostname, decodeURIComponent(url.pathname).replace(/\/+$/, ''));
  }
  const colon = site.indexOf(':');
  if (colon <= 0)
    throw new UsageError('--site must look like oakfield.sharepoint.com:/sites/ContactGuard');
  return checkedSite(site.slice(0, colon), site.slice(colon + 1).replace(/\/+$/, ''));
}

function checkedSite(hostname: string, sitePath: string): { hostname: string; sitePath: string } {
  if (!/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(hostname)) {
    throw new UsageError(`--site: "${hostname}" is not a host name`);
  }
  if (!sitePath.startsWith('/') || sitePath.length < 2 || sitePath.includes(':')) {
    throw new UsageError('--site: the site path must start with "/", e.g. /sites/ContactGuard');
  }
  return { hostname: hostname.toLowerCase(), sitePath };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parseGraphUrl(raw: string): { graphUrl: string; isLocal: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--graph-url: "${raw}" is not a URL`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new UsageError(
      '--graph-url takes an origin only, e.g. https://graph.microsoft.com (no /v1.0)',
    );
  }
  const isLocal = LOOPBACK_HOSTS.has(url.hostname);
  // A real token must never travel unencrypted; only this machine's own service may use http.
  if (!isLocal && url.protocol !== 'https:') {
    throw new UsageError('--graph-url must use https:// unless it is this machine (127.0.0.1)');
  }
  return { graphUrl: url.origin, isLocal };
}
