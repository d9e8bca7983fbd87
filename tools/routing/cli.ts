// `npm run routing -- plan|apply|transport-rule [options]`: keeps the auto-forward inbox rules of
// every protected mailbox in step with the restrictions in force (docs/routing.md).
// `plan` (the default) changes nothing; `apply` makes the plan so; `transport-rule` writes the
// Exchange Online PowerShell of the org-wide alternative to a file.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createLocalAppOnlyTokenProvider,
  createLocalTokenProvider,
} from '../../src/auth/localTokenProvider';
import type { TokenProvider } from '../../src/auth/tokenProvider';
import { MemoryStore } from '../../src/cache/keyValueStore';
import { defaultConfig, type AppConfig } from '../../src/config/appConfig';
import { readRoutingSettings, transportRuleScript } from '../../src/policy/routing';
import { parseSite } from '../lib/args';
import { appOnlyTokenProvider } from './appOnlyToken';
import { FileStore } from './fileStore';
import { reconcile } from '../../src/routing/reconciler';
import { printReport, routingExitCode, routingFailureText } from '../../src/routing/report';
import { routingServices } from '../../src/routing/services';

export const ROUTING_USAGE = [
  'Usage: npm run routing -- [plan|apply|transport-rule] [options]',
  '  plan            show what would change on each protected mailbox (the default; changes nothing)',
  '  apply           make the inbox rules right, and write the report to the Routing Status list',
  '  transport-rule  write Exchange Online PowerShell for one mail-flow rule per restriction',
  'Options:',
  '  --site HOST:/sites/PATH  the SharePoint site (default CG_SP_HOSTNAME and CG_SP_SITE_PATH)',
  '  --graph-url URL          Graph origin (default https://graph.microsoft.com; http://127.0.0.1:PORT = local service)',
  '  --user UPN               local service only: act as this signed-in user (delegated) instead of the app-only token',
  '  --state FILE             where the copy of the restrictions is kept between runs (default .contact-guard-routing.json; - = none)',
  '  --out FILE               transport-rule: the PowerShell file (default contact-guard-transport-rules.ps1)',
  '  --no-status              do not write the Routing Status list',
  '  --json                   print the report as JSON',
  'Against Microsoft Graph it signs in as the application (no user), with a certificate:',
  '  CG_CLIENT_ID, CG_TENANT_ID, CG_CERT_THUMBPRINT_SHA256 and CG_CERT_PRIVATE_KEY_FILE (PEM).',
].join('\n');

export interface RoutingIO {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
  /** A terminal to draw the progress bar on, or undefined. */
  progress?: (text: string) => void;
}

interface Args {
  command: 'plan' | 'apply' | 'transport-rule';
  graphUrl: string;
  isLocal: boolean;
  site: { hostname: string; sitePath: string };
  /** Local service only: a delegated user to act as; absent = the app-only token, as in a tenant. */
  user?: string;
  state: string;
  out: string;
  writeStatus: boolean;
  json: boolean;
}

class UsageError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parse(argv: string[], env: NodeJS.ProcessEnv): Args | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        site: { type: 'string' },
        'graph-url': { type: 'string' },
        user: { type: 'string' },
        state: { type: 'string' },
        out: { type: 'string' },
        'no-status': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch {
    throw new UsageError('Unknown option or a missing value');
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const command = (positionals[0] ?? 'plan') as Args['command'];
  if (!['plan', 'apply', 'transport-rule'].includes(command) || positionals.length > 1) {
    throw new UsageError('The command is plan, apply or transport-rule');
  }
  let url: URL;
  try {
    url = new URL(values['graph-url'] ?? env.CG_GRAPH_BASE_URL ?? 'https://graph.microsoft.com');
  } catch {
    throw new UsageError('--graph-url is not a URL');
  }
  const isLocal = LOOPBACK.has(url.hostname);
  if (!isLocal && url.protocol !== 'https:') throw new UsageError('--graph-url must use https://');
  if (url.pathname !== '/') throw new UsageError('--graph-url takes an origin only (no /v1.0)');
  if (values.user && !isLocal) throw new UsageError('--user only applies to the local service');
  const siteText =
    values.site ??
    (env.CG_SP_HOSTNAME && env.CG_SP_SITE_PATH
      ? `${env.CG_SP_HOSTNAME}:${env.CG_SP_SITE_PATH}`
      : isLocal
        ? `${defaultConfig.sharePoint.hostname}:${defaultConfig.sharePoint.sitePath}`
        : undefined);
  if (!siteText)
    throw new UsageError(
      '--site is required, e.g. --site contoso.sharepoint.com:/sites/ContactGuard',
    );
  let site;
  try {
    site = parseSite(siteText);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : '--site is not readable');
  }
  return {
    command,
    graphUrl: url.origin,
    isLocal,
    site,
    user: values.user,
    state: values.state ?? '.contact-guard-routing.json',
    out: values.out ?? 'contact-guard-transport-rules.ps1',
    writeStatus: !values['no-status'],
    json: values.json === true,
  };
}

function tokenProvider(args: Args, env: NodeJS.ProcessEnv): TokenProvider {
  // No certificate for the local service: its app-only token stands for the client credentials.
  if (args.isLocal)
    return args.user ? createLocalTokenProvider(args.user) : createLocalAppOnlyTokenProvider();
  const clientId = env.CG_CLIENT_ID?.trim();
  const tenantId = env.CG_TENANT_ID?.trim();
  const thumbprint = env.CG_CERT_THUMBPRINT_SHA256?.trim();
  const keyFile = env.CG_CERT_PRIVATE_KEY_FILE?.trim();
  const key = keyFile ? fs.readFileSync(keyFile, 'utf8') : env.CG_CERT_PRIVATE_KEY;
  if (!clientId || !tenantId || !thumbprint || !key) {
    throw new UsageError(
      'App-only sign-in needs CG_CLIENT_ID, CG_TENANT_ID, CG_CERT_THUMBPRINT_SHA256 and CG_CERT_PRIVATE_KEY_FILE',
    );
  }
  return appOnlyTokenProvider({
    clientId,
    tenantId,
    thumbprintSha256: thumbprint,
    privateKey: key,
    graphUrl: args.graphUrl,
  });
}

/** A one-line progress bar for a terminal: no dependency, redrawn in place. */
export function progressBar(phase: string, done: number, total: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `${phase.padEnd(26)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`;
}

export async function runRouting(argv: string[], io: RoutingIO): Promise<number> {
  let args: Args | 'help';
  try {
    args = parse(argv, io.env);
  } catch (e) {
    io.err(e instanceof UsageError ? e.message : 'Unreadable arguments');
    io.err(ROUTING_USAGE);
    return 2;
  }
  if (args === 'help') {
    io.out(ROUTING_USAGE);
    return 0;
  }
  try {
    const sharePoint: AppConfig['sharePoint'] = { ...defaultConfig.sharePoint, ...args.site };
    const mail = { restrictedFolderName: defaultConfig.mail.restrictedFolderName };
    const deps = routingServices({
      graphUrl: args.graphUrl,
      tokenProvider: tokenProvider(args, io.env),
      sharePoint,
      mail,
      store:
        args.command === 'transport-rule' || args.state === '-'
          ? new MemoryStore()
          : new FileStore(path.resolve(args.state)),
    });
    if (args.command === 'transport-rule') {
      let tenantDomains: string[];
      try {
        tenantDomains = await deps.tenantDomains();
      } catch {
        io.err(
          "The school's verified domains could not be read from Microsoft Entra (GET /organization; the app needs Organization.Read.All). No script was written: rules are never made from a guessed list of domains.",
        );
        return 1;
      }
      const settings = readRoutingSettings(
        await deps.settings.readMap(),
        deps.defaults,
        tenantDomains,
      ).settings;
      const { restrictions } = await deps.restrictions.refresh();
      const result = transportRuleScript({
        restrictions,
        acceptedDomains: settings.acceptedDomains,
        protectedMailboxes: settings.protectedMailboxes,
        today: deps.today,
        generatedAt: new Date().toISOString(),
      });
      fs.writeFileSync(args.out, result.script, { mode: 0o600 });
      io.out(
        `Wrote ${result.rules} mail-flow rules to ${args.out} (it holds parents' addresses: delete it after use).`,
      );
      for (const p of result.problems) io.out(`  ${p}`);
      return result.problems.some((p) => p.includes('a tenant allows')) ? 1 : 0;
    }
    const report = await reconcile(args.command, {
      ...deps,
      writeStatus: args.writeStatus,
      ...(io.progress
        ? { onProgress: (phase, done, total) => io.progress?.(progressBar(phase, done, total)) }
        : {}),
    });
    io.progress?.('');
    if (args.json) io.out(JSON.stringify(report, null, 2));
    else printReport(report, io.out);
    return routingExitCode(report);
  } catch (e) {
    io.err(e instanceof UsageError ? e.message : routingFailureText(e));
    return 1;
  }
}

if (require.main === module) {
  const tty = process.stderr.isTTY;
  runRouting(process.argv.slice(2), {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ...(tty ? { progress: (text: string) => process.stderr.write(`\r\x1b[2K${text}`) } : {}),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      console.error('The routing job failed unexpectedly.');
      process.exitCode = 1;
    },
  );
}
