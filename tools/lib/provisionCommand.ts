// The provision command, separate from its entry point so tests can run it in-process.

import type { TokenProvider } from '../../src/auth/tokenProvider';
import { createGraphClient } from '../../src/graph/client';
import { GraphCalls } from '../../src/graph/graphCalls';
import { PROVISIONED_LISTS } from '../../src/graph/schema/lists';
import {
  provisionList,
  ProvisionError,
  type ProvisionReport,
} from '../../src/graph/schema/provisioner';
import type { ListSchema } from '../../src/graph/schema/types';
import { parseProvisionArgs, PROVISION_USAGE, UsageError, type ProvisionArgs } from './args';
import { deviceCodeTokenProvider, environmentTokenProvider } from './nodeTokenProviders';
import { createLocalTokenProvider } from '../../src/auth/localTokenProvider';

export interface CommandIO {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Hosts that serve Microsoft Graph (global and national clouds): the only ones a sign-in token goes to. */
const MICROSOFT_GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);

/** Lists, columns and indexes: Sites.ReadWrite.All only reaches items. */
const PROVISION_SCOPE = 'Sites.Manage.All';

/** Runs the command and returns its exit code: 0 done (warnings included), 1 failed. */
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
    const tokenProvider = chooseTokenProvider(args, io);
    const client = new GraphCalls(createGraphClient({ baseUrl: args.graphUrl, tokenProvider }));
    const site = { hostname: args.hostname, sitePath: args.sitePath };
    const reports: { schema: ListSchema; report: ProvisionReport }[] = [];
    for (const schema of lists) {
      const report = await provisionList(client, site, schema, io.out);
      reports.push({ schema, report });
      printReport(schema, report, io.out);
    }
    printConfiguration(args, reports, io.out);
    printManualSteps(lists, io.out);
    return 0;
  } catch (error) {
    io.err(`Provisioning failed: ${plainFailure(error)}`);
    return 1;
  }
}

function chooseTokenProvider(args: ProvisionArgs, io: CommandIO): TokenProvider {
  if (args.tokenEnv) {
    if (!io.env[args.tokenEnv]?.trim()) {
      throw new ProvisionError(`The environment variable ${args.tokenEnv} is empty or not set`);
    }
    return environmentTokenProvider(args.tokenEnv, io.env);
  }
  if (args.isLocal) return createLocalTokenProvider(args.user);

  const host = new URL(args.graphUrl).hostname;
  if (!MICROSOFT_GRAPH_HOSTS.has(host)) {
    // A device-code token is a real credential: it only ever goes to Microsoft Graph itself.
    throw new ProvisionError(
      `${host} is not Microsoft Graph: sign-in is only used with Graph (use --token-env otherwise)`,
    );
  }
  const clientId = io.env.CG_CLIENT_ID?.trim();
  const tenantId = io.env.CG_TENANT_ID?.trim();
  if (!clientId || !tenantId) {
    throw new ProvisionError(
      'Set CG_CLIENT_ID and CG_TENANT_ID (the app registration and the school tenant) to sign in, ' +
        'or pass --token-env NAME_OF_VARIABLE_HOLDING_A_TOKEN',
    );
  }
  return deviceCodeTokenProvider({
    clientId,
    tenantId,
    scopes: [`${args.graphUrl}/${PROVISION_SCOPE}`],
    showInstructions: io.err,
  });
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

/** Steps Graph cannot do (item-level and list permissions): printed on every run, for each list. */
function printManualSteps(lists: readonly ListSchema[], out: (line: string) => void) {
  const withSteps = lists.filter((l) => l.postProvisionSteps?.length);
  if (!withSteps.length) return;
  out('');
  out('Still to do by hand, once, as a site owner (Microsoft Graph cannot set these permissions):');
  for (const schema of withSteps) {
    out(`  List "${schema.displayName}":`);
    schema.postProvisionSteps?.forEach((step, i) => out(`    ${i + 1}. ${step}`));
  }
}

function plainFailure(error: unknown): string {
  if (error instanceof ProvisionError) return error.message;
  if (error instanceof Error && error.name === 'SignInRequiredError') return error.message;
  // msal-node errors carry an errorCode such as authorization_pending or invalid_client.
  const msalCode = (error as { errorCode?: unknown } | null)?.errorCode;
  if (typeof msalCode === 'string' && msalCode) return `sign-in failed (${msalCode})`;
  return 'unexpected error';
}
