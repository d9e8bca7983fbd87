// The provision command, separate from its entry point so tests can run it in-process.

import fs from 'node:fs';
import path from 'node:path';
import type { TokenProvider } from '../../src/auth/tokenProvider';
import { defaultConfig } from '../../src/config/appConfig';
import { createGraphClient } from '../../src/graph/client';
import { GraphCalls } from '../../src/graph/graphCalls';
import { PROVISIONED_LISTS } from '../../src/graph/schema/lists';
import { provisionList, ProvisionError, type ProvisionReport } from './provisioner';
import type { ListSchema } from '../../src/graph/schema/types';
import {
  MissingGroupsError,
  permissionPlan,
  type ConfiguredGroups,
  type ListPermissionPlan,
} from '../../src/graph/schema/permissionPlan';
import {
  GROUP_ID,
  parseProvisionArgs,
  PROVISION_USAGE,
  UsageError,
  type ProvisionArgs,
} from './args';
import { deviceCodeSession, environmentTokenProvider } from './nodeTokenProviders';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';
import { applyPermissions, checkPermissions } from './permissionSync';
import { SharePointError, SharePointPermissions, sharePointForNode } from './sharePointPermissions';

export interface CommandIO {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where contact-guard.config.json is looked for (default: the current directory). */
  cwd?: string;
}

/** Hosts that serve Microsoft Graph (global and national clouds): the only ones a sign-in token goes to. */
const MICROSOFT_GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);

/**
 * SharePoint Online hosts (worldwide, GCC High, DoD, 21Vianet): the only ones a SharePoint sign-in
 * token goes to.
 */
const SHAREPOINT_HOST = /\.(sharepoint\.com|sharepoint\.us|sharepoint-mil\.us|sharepoint\.cn)$/i;

/** Lists, columns and indexes: Sites.ReadWrite.All only reaches items. */
const PROVISION_SCOPE = 'Sites.Manage.All';
/** Permissions and item-level settings: SharePoint's REST API, as a site owner. */
const SHAREPOINT_SCOPE = 'AllSites.FullControl';

/** `--check` found the permissions differ from the plan (1 stays "could not run"). */
export const EXIT_DRIFT = 2;

/**
 * Runs the command and returns its exit code: 0 done (warnings included) or `--check` found no
 * drift, 1 failed, 2 `--check` found drift.
 */
export async function runProvision(
  argv: string[],
  io: CommandIO,
  lists: readonly ListSchema[] = PROVISIONED_LISTS,
): Promise<number> {
  let args: ProvisionArgs | 'help';
  try {
    args = parseProvisionArgs(argv);
  } catch (error) {
    io.err(error instanceof UsageError ? error.message : 'Unreadable arguments');
    io.err(PROVISION_USAGE);
    return 1;
  }
  if (args === 'help') {
    io.out(PROVISION_USAGE);
    return 0;
  }

  try {
    const tokens = chooseTokenProviders(args, io);
    const plans = planFor(args, io, lists);
    const siteUrl = args.isLocal
      ? `${args.graphUrl}${args.sitePath}`
      : `https://${args.hostname}${args.sitePath}`;
    const sharePoint = new SharePointPermissions(sharePointForNode(siteUrl, tokens.sharePoint));
    // Asked before anything changes: someone who is not a site owner gets a plain answer and a
    // site exactly as it was (lists included, which the site's members could otherwise create).
    if (!(await canManage(sharePoint, args))) {
      throw new ProvisionError(
        `you must be a site owner of ${args.hostname}${args.sitePath} to provision it or check its permissions. Nothing was changed.`,
      );
    }

    if (args.check) return await runCheck(sharePoint, plans, io);

    if (!tokens.graph) throw new ProvisionError('No Graph sign-in');
    const client = new GraphCalls(
      createGraphClient({ baseUrl: args.graphUrl, tokenProvider: tokens.graph }),
    );
    const site = { hostname: args.hostname, sitePath: args.sitePath };
    const reports: { schema: ListSchema; report: ProvisionReport }[] = [];
    for (const schema of lists) {
      const report = await provisionList(client, site, schema, io.out);
      reports.push({ schema, report });
      printReport(schema, report, io.out);
    }

    io.out('');
    io.out('Permissions (SharePoint):');
    let changed = 0;
    await applyPermissions(sharePoint, plans, (list, drifts) => {
      if (list === 'Site' && !drifts.length) return;
      changed += drifts.length;
      const subject = list === 'Site' ? 'Permission levels' : `List "${list}"`;
      io.out(`  ${subject}: ${drifts.length ? 'repaired' : 'already as planned'}`);
      for (const drift of drifts) io.out(`    was: ${drift.message}`);
    });
    io.out(
      changed
        ? `  ${changed} difference${changed > 1 ? 's' : ''} from the plan repaired.`
        : '  Nothing changed: every list was already as planned.',
    );
    printConfiguration(args, reports, io.out);
    printManualSteps(args, plans, reports, io.out);
    return 0;
  } catch (error) {
    io.err(`Provisioning failed: ${plainFailure(error)}`);
    return 1;
  }
}

async function canManage(sharePoint: SharePointPermissions, args: ProvisionArgs) {
  try {
    return await sharePoint.canManagePermissions();
  } catch (error) {
    if (error instanceof SharePointError && error.status === 404) {
      throw new ProvisionError(
        `No site at ${args.hostname}:${args.sitePath}: check the host name and the site path`,
      );
    }
    throw error;
  }
}

async function runCheck(
  sharePoint: SharePointPermissions,
  plans: readonly ListPermissionPlan[],
  io: CommandIO,
): Promise<number> {
  const { drifts } = await checkPermissions(sharePoint, plans);
  if (!drifts.length) {
    io.out("No drift: every list's permissions are as planned.");
    return 0;
  }
  io.out(`${drifts.length} difference${drifts.length > 1 ? 's' : ''} from the plan:`);
  for (const drift of drifts) io.out(`  ${drift.message}`);
  io.out('Run npm run provision (without --check) as a site owner to repair them.');
  return EXIT_DRIFT;
}

/** The plan for the lists being provisioned, from the groups in options, configuration and env. */
function planFor(
  args: ProvisionArgs,
  io: CommandIO,
  lists: readonly ListSchema[],
): ListPermissionPlan[] {
  const groups = configuredGroups(args, io);
  const titles = new Set(lists.map((l) => l.displayName.toLowerCase()));
  // The lists' names are the contract's (the schemas'), as the Graph side creates them.
  return permissionPlan(groups, defaultConfig.sharePoint.lists).filter((p) =>
    titles.has(p.title.toLowerCase()),
  );
}

const GROUP_ENV: Record<keyof ConfiguredGroups, string> = {
  staff: 'CG_GROUP_STAFF',
  reviewers: 'CG_GROUP_REVIEWERS',
  admins: 'CG_GROUP_ADMINS',
};

/** --x-group, else CG_GROUP_X, else groups.x of the configuration file; '' when none says. */
function configuredGroups(args: ProvisionArgs, io: CommandIO): ConfiguredGroups {
  const cwd = io.cwd ?? process.cwd();
  const schoolFile = path.join(cwd, 'contact-guard.config.json');
  // Against the local service, the demo school's groups (the workbench's configuration) unless
  // the school's own file is there: `npm run provision -- --graph-url http://127.0.0.1:3000 …`
  // then works on a fresh clone.
  const workbenchFile = path.join(cwd, 'config', 'workbench.json');
  const file =
    args.configFile ??
    (args.isLocal && !fs.existsSync(schoolFile) && fs.existsSync(workbenchFile)
      ? workbenchFile
      : schoolFile);
  let fromFile: Partial<Record<keyof ConfiguredGroups, unknown>> = {};
  if (args.configFile || fs.existsSync(file)) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { groups?: unknown };
      if (parsed.groups && typeof parsed.groups === 'object') fromFile = parsed.groups;
    } catch {
      throw new ProvisionError(`The configuration file ${file} could not be read as JSON`);
    }
  }
  const groups: ConfiguredGroups = { staff: '', reviewers: '', admins: '' };
  for (const key of Object.keys(groups) as (keyof ConfiguredGroups)[]) {
    const fileValue = typeof fromFile[key] === 'string' ? fromFile[key] : '';
    const value = (args.groups[key] ?? io.env[GROUP_ENV[key]] ?? fileValue).trim();
    if (value && !GROUP_ID.test(value)) {
      throw new ProvisionError(
        `groups.${key} (or ${GROUP_ENV[key]}) must be the group's object id from Entra ID (a GUID)`,
      );
    }
    groups[key] = value.toLowerCase();
  }
  return groups;
}

interface TokenProviders {
  /** Absent for `--check`, which never calls Graph. */
  graph?: TokenProvider;
  sharePoint: TokenProvider;
}

function chooseTokenProviders(args: ProvisionArgs, io: CommandIO): TokenProviders {
  const fromEnv = (name: string) => {
    if (!io.env[name]?.trim()) {
      throw new ProvisionError(`The environment variable ${name} is empty or not set`);
    }
    return environmentTokenProvider(name, io.env);
  };
  if (args.isLocal) {
    // The local service is Graph and SharePoint at once, and takes the same token for both.
    const local = args.tokenEnv ? fromEnv(args.tokenEnv) : createLocalTokenProvider(args.user);
    const sharePoint = args.sharePointTokenEnv ? fromEnv(args.sharePointTokenEnv) : local;
    return { graph: local, sharePoint };
  }

  // A SharePoint token is a real credential: it only ever goes to SharePoint Online itself.
  if (!SHAREPOINT_HOST.test(args.hostname)) {
    throw new ProvisionError(
      `${args.hostname} is not a SharePoint Online host: a sign-in token is only sent to *.sharepoint.com (or a national cloud's SharePoint)`,
    );
  }
  // Checked first, before any sign-in: a Graph origin that is not Microsoft's is refused at once.
  const graphUrl = args.check || args.tokenEnv ? args.graphUrl : graphUrlForSignIn(args);
  const graphFromEnv = args.tokenEnv ? fromEnv(args.tokenEnv) : undefined;
  const sharePointFromEnv = args.sharePointTokenEnv ? fromEnv(args.sharePointTokenEnv) : undefined;
  if (graphFromEnv && !sharePointFromEnv) {
    throw new ProvisionError(
      `Also pass --sharepoint-token-env NAME: a variable holding a token for https://${args.hostname} ` +
        `(delegated ${SHAREPOINT_SCOPE}, as a site owner); a Graph token does not reach SharePoint's permissions`,
    );
  }
  let session: ReturnType<typeof deviceCodeSession> | undefined;
  const signIn = (scope: string) => {
    session ??= deviceCodeSessionFor(args, io);
    return session([scope]);
  };
  const sharePoint = sharePointFromEnv ?? signIn(`https://${args.hostname}/${SHAREPOINT_SCOPE}`);
  const graph = args.check ? undefined : (graphFromEnv ?? signIn(`${graphUrl}/${PROVISION_SCOPE}`));
  return { graph, sharePoint };
}

function graphUrlForSignIn(args: ProvisionArgs): string {
  const host = new URL(args.graphUrl).hostname;
  if (!MICROSOFT_GRAPH_HOSTS.has(host)) {
    // A device-code token is a real credential: it only ever goes to Microsoft Graph itself.
    throw new ProvisionError(
      `${host} is not Microsoft Graph: sign-in is only used with Graph (use --token-env otherwise)`,
    );
  }
  return args.graphUrl;
}

function deviceCodeSessionFor(args: ProvisionArgs, io: CommandIO) {
  const clientId = io.env.CG_CLIENT_ID?.trim();
  const tenantId = io.env.CG_TENANT_ID?.trim();
  if (!clientId || !tenantId) {
    throw new ProvisionError(
      'Set CG_CLIENT_ID and CG_TENANT_ID (the app registration and the school tenant) to sign in, ' +
        'or pass --token-env and --sharepoint-token-env NAMES_OF_VARIABLES_HOLDING_TOKENS',
    );
  }
  return deviceCodeSession({ clientId, tenantId, showInstructions: io.err });
}

function printReport(schema: ListSchema, report: ProvisionReport, out: (line: string) => void) {
  const changed =
    report.listCreated || report.columnsAdded.length > 0 || report.columnsIndexed.length > 0;
  const state = report.listCreated ? 'created' : changed ? 'updated' : 'already up to date';
  out(`List "${schema.displayName}": ${state}`);
  if (report.columnsAdded.length > 0) out(`  columns added: ${report.columnsAdded.join(', ')}`);
  if (report.columnsIndexed.length > 0)
    out(`  columns indexed: ${report.columnsIndexed.join(', ')}`);
  for (const warning of report.warnings) out(`  warning: ${warning}`);
}

function printConfiguration(
  args: ProvisionArgs,
  reports: { schema: ListSchema; report: ProvisionReport }[],
  out: (line: string) => void,
) {
  out('');
  out('For the add-in configuration:');
  out(`  SharePoint host name: ${args.hostname}`);
  out(`  site path: ${args.sitePath}`);
  const siteId = reports[0]?.report.siteId;
  if (siteId) out(`  site id: ${siteId}`);
  for (const { schema, report } of reports) {
    out(`  list "${schema.displayName}" id: ${report.listId}`);
  }
}

/**
 * What provisioning cannot do with a site owner's sign-in: give the routing job's app access to
 * only the lists it needs (Sites.Selected / Lists.SelectedOperations.Selected). Consenting to and
 * granting that is for a Global Administrator or Privileged Role Administrator; the exact Graph
 * requests are printed on every run (docs/lists.md, docs/routing.md).
 */
function printManualSteps(
  args: ProvisionArgs,
  plans: readonly ListPermissionPlan[],
  reports: { schema: ListSchema; report: ProvisionReport }[],
  out: (line: string) => void,
) {
  const grants = plans.flatMap((plan) => {
    const report = reports.find((r) => r.schema.displayName === plan.title)?.report;
    return plan.routingApp && report
      ? [{ plan, role: plan.routingApp, listId: report.listId }]
      : [];
  });
  const siteId = reports[0]?.report.siteId;
  if (!grants.length || !siteId) return;
  const graph = args.isLocal ? 'https://graph.microsoft.com' : args.graphUrl;
  out('');
  out(
    'Still to do by hand, once, by a Global Administrator or Privileged Role Administrator: give the',
  );
  out(
    "routing job's app (its client id: docs/routing.md) access to these lists only, with Microsoft Graph:",
  );
  for (const { plan, role, listId } of grants) {
    out(`  ${plan.title} (${role}):`);
    out(`    POST ${graph}/v1.0/sites/${siteId}/lists/${listId}/permissions`);
    out(
      `    {"roles":["${role}"],"grantedToV2":{"application":{"id":"<routing app client id>","displayName":"Contact Guard routing"}}}`,
    );
  }
}

function plainFailure(error: unknown): string {
  if (error instanceof ProvisionError) return error.message;
  if (error instanceof MissingGroupsError) return error.message;
  if (error instanceof SharePointError) return error.message;
  if (error instanceof Error && error.name === 'SignInRequiredError') return error.message;
  // msal-node errors carry an errorCode such as authorization_pending or invalid_client.
  const msalCode = (error as { errorCode?: unknown } | null)?.errorCode;
  if (typeof msalCode === 'string' && msalCode) return `sign-in failed (${msalCode})`;
  return 'unexpected error';
}
