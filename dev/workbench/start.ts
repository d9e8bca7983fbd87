// `npm start`: builds the workbench bundle, starts the local Graph service and serves the workbench
// page beside it on one port. Options (or SEED / PORT / LATENCY_MS in the environment):
//   --seed FILE     another seed (default dev/local-graph/seeds/demo-school.json)
//   --port N        port (default 3000; 0 picks a free one)
//   --latency MS    added to every Graph request
//   --no-build      serve the existing dist/workbench (tests build once, then start many servers)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLocalGraph } from '../local-graph';
import { workbenchEnvironment } from './mailboxes';
import { buildWorkbench } from './build';

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
}

export interface RunningWorkbench {
  url: string;
  port: number;
  close(): Promise<void>;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
  const graph = createLocalGraph({ seed, latencyMs: options.latencyMs ?? 0 });
  const environmentJson = JSON.stringify(workbenchEnvironment(seed));

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
        await serveStatic(req, res);
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
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
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
  });
  console.log(`Contact Guard workbench: ${running.url}/`);
  console.log('Local Graph service:     ' + `${running.url}/v1.0 (tokens "local:<user>")`);
  console.log('Press Ctrl+C to stop.');
}

if (require.main === module) {
  cli().catch((error: unknown) => {
    console.error(`Could not start the workbench: ${(error as Error).message}`);
    process.exit(1);
  });
}
