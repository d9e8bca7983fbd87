// `npm start`: builds the workbench bundle, starts the local Graph service and serves the workbench
// page beside it on one port. Options (or SEED / PORT / LATENCY_MS in the environment):
//   --seed FILE     another seed (default dev/local-graph/seeds/demo-school.json)
//   --port N        port (default 3000; 0 picks a free one)
//   --latency MS    added to every Graph request
//   --no-build      serve the existing dist/workbench (tests build once, then start many servers)
//   --sign-in       real sign-in: the pane signs in with MSAL against a local OpenID Connect provider
//                   (dev/local-identity, Entra's stand-in) through the Office dialog the workbench
//                   plays; the local service accepts that provider's tokens (and still local:<user>)
//   --identity-port N  the provider's https port with --sign-in (default 3443; 0 picks a free one)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLocalGraph } from '../local-graph';
import { workbenchEnvironment } from './mailboxes';
import { buildWorkbench } from './build';
import { startLocalIdentity, type LocalIdentity } from '../local-identity/identityProvider';
import type { WorkbenchSignIn } from '../../src/host/workbench/protocol';
import type { AppConfig } from '../../src/config/appConfig';

const root = path.resolve(__dirname, '..', '..');
const distDir = path.join(root, 'dist', 'workbench');
const defaultSeed = path.join(root, 'dev', 'local-graph', 'seeds', 'demo-school.json');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export interface WorkbenchOptions {
  seed?: string;
  port?: number;
  host?: string;
  latencyMs?: number;
  build?: boolean;
  quiet?: boolean;
  /** Start the local identity provider and have the pane sign in through it (`--sign-in`). */
  signIn?: boolean;
  identityPort?: number;
  /** The moment the seed's relative dates are resolved against (the local service's seedTime). */
  seedTime?: Date;
}

export interface RunningWorkbench {
  url: string;
  port: number;
  /** With signIn: the identity provider (its authority, token grants seen). */
  identity?: LocalIdentity;
  close(): Promise<void>;
}

/** The workbench's app registration at the local identity provider (any fixed GUID would do). */
export const WORKBENCH_CLIENT_ID = '8d3c5b1e-7a2f-4c6d-9e0b-1f2a3b4c5d6e';

/**
 * The delegated scope sets the production build asks for (config/production.json with a school's
 * contact-guard.config.json and CG_SCOPES / CG_REVIEWER_SCOPES / CG_ADMIN_SCOPES, as `npm run
 * build` reads them): --sign-in asks the same, each when the production build would.
 */
function productionScopes(): Pick<WorkbenchSignIn, 'scopes' | 'reviewerScopes' | 'adminScopes'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadBuildConfig } = require(path.join(root, 'build', 'config.js'));
  const { scopes, reviewerScopes, adminScopes } = (loadBuildConfig('production') as AppConfig).auth;
  return { scopes, reviewerScopes: reviewerScopes ?? [], adminScopes: adminScopes ?? [] };
}

/** The pages the add-in hosts: served under its Content-Security-Policy (docs/hosting.md). */
const HOSTED_PAGES = new Set([
  '/taskpane.html',
  '/review.html',
  '/auth-dialog.html',
  '/launchevent.html',
]);

/**
 * The hosted pages' Content-Security-Policy as a production host sends it (build/csp.js), for
 * the workbench build's configuration: only local origins added (the local identity provider
 * with --sign-in), and framed only by the workbench page itself.
 */
function workbenchCsp(identityOrigin?: string): string {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { loadBuildConfig } = require(path.join(root, 'build', 'config.js'));
  const { headerCsp } = require(path.join(root, 'build', 'csp.js'));
  /* eslint-enable @typescript-eslint/no-require-imports */
  return headerCsp(loadBuildConfig('workbench') as AppConfig, {
    officeJs: false,
    extraOrigins: identityOrigin ? [identityOrigin] : [],
    frameAncestors: ["'self'"],
  }) as string;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, csp: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://workbench');
  const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = path.normalize(path.join(distDir, relative));
  if (!file.startsWith(distDir + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      // Never a Cross-Origin-Opener-Policy: the dialog and MSAL's popups need their opener.
      ...(HOSTED_PAGES.has(url.pathname) ? { 'Content-Security-Policy': csp } : {}),
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<RunningWorkbench> {
  const seedPath = path.resolve(options.seed ?? defaultSeed);
  if (options.build !== false) await buildWorkbench({ quiet: options.quiet });
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error('dist/workbench is missing: run without --no-build first.');
  }
  const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
  const graph = createLocalGraph({
    seed,
    latencyMs: options.latencyMs ?? 0,
    seedTime: options.seedTime,
  });
  let environmentJson = JSON.stringify(workbenchEnvironment(seed));
  let csp = workbenchCsp();

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (await graph.handle(req, res)) return;
        if (req.url === '/workbench/environment.json') {
          res
            .writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
            .end(environmentJson);
          return;
        }
        await serveStatic(req, res, csp);
      } catch {
        if (!res.headersSent) res.writeHead(500).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 3000);
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  let identity: LocalIdentity | undefined;
  if (options.signIn) {
    try {
      identity = await startLocalIdentity({
        users: (seed.users as { id: string; userPrincipalName: string; displayName: string }[]).map(
          (u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName }),
        ),
        tenantName: (seed.tenant as { name?: string } | undefined)?.name,
        clientId: WORKBENCH_CLIENT_ID,
        redirectUris: [`${url}/auth-dialog.html`],
        port: options.identityPort ?? 3443,
      });
    } catch (error) {
      await closeServer();
      throw error;
    }
    graph.trustIdentity({ issuer: identity.issuer, jwks: identity.jwks });
    const signIn: WorkbenchSignIn = {
      clientId: identity.clientId,
      tenantId: identity.tenantId,
      authority: identity.authority,
      ...productionScopes(),
    };
    environmentJson = JSON.stringify({ ...workbenchEnvironment(seed), signIn });
    csp = workbenchCsp(new URL(identity.authority).origin);
  }
  return {
    url,
    port,
    identity,
    close: async () => {
      await identity?.close();
      await closeServer();
    },
  };
}

async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(option(args, '--port') ?? process.env.PORT ?? 3000);
  const seed = option(args, '--seed') ?? process.env.SEED;
  const latencyMs = Number(option(args, '--latency') ?? process.env.LATENCY_MS ?? 0);
  const running = await startWorkbench({
    seed,
    port,
    latencyMs,
    host: option(args, '--host'),
    build: !args.includes('--no-build'),
    signIn: args.includes('--sign-in'),
    identityPort: option(args, '--identity-port')
      ? Number(option(args, '--identity-port'))
      : undefined,
  });
  console.log(`Contact Guard workbench: ${running.url}/`);
  console.log('Local Graph service:     ' + `${running.url}/v1.0 (tokens "local:<user>")`);
  if (running.identity) {
    console.log(`Local identity provider: ${running.identity.authority} (Entra's stand-in)`);
    console.log(
      '  Its certificate is self-signed: open that address once in your browser and accept it,',
    );
    console.log('  then sign in from the pane with any seed user (no password).');
  }
  console.log('Press Ctrl+C to stop.');
}

if (require.main === module) {
  cli().catch((error: unknown) => {
    console.error(`Could not start the workbench: ${(error as Error).message}`);
    process.exit(1);
  });
}
