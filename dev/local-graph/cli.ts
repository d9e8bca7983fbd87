// Runs the local Graph service from the command line:
//   npx tsx dev/local-graph/cli.ts [--seed FILE] [--port N] [--host H] [--latency MS]
//                                  [--throttle 0.3] [--unavailable 0.1] [--random-seed N] [--log]
//                                  [--delta-without-fields]
// Prints the URL; with --log prints one line per Graph request (method, path without query
// values, status, ms): never tokens, bodies or the values of query options (they can hold addresses).
import { type RequestLogEntry, startLocalGraph } from './index';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    'usage: tsx dev/local-graph/cli.ts [--seed FILE] [--port N] [--host H] [--latency MS] [--throttle RATE] [--unavailable RATE] [--random-seed N] [--log] [--delta-without-fields]',
  );
  process.exit(2);
}

/** `/v1.0/x?$filter=fields/Emails eq 'a@b'&$top=5` → `/v1.0/x?$filter=…&$top=…` */
export function redactQueryValues(path: string): string {
  const q = path.indexOf('?');
  if (q < 0) return path;
  const names = path
    .slice(q + 1)
    .split('&')
    .map((kv) => kv.split('=')[0] + '=…');
  return `${path.slice(0, q)}?${names.join('&')}`;
}

function parseArgs(argv: string[]) {
  const out: {
    seed?: string;
    port: number;
    host?: string;
    latency?: number;
    throttle?: number;
    unavailable?: number;
    randomSeed?: number;
    log: boolean;
    deltaWithoutFields?: boolean;
  } = {
    port: 4000,
    log: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    const num = () => {
      const n = Number(value());
      if (!Number.isFinite(n)) usage(`${flag} needs a number`);
      return n;
    };
    switch (flag) {
      case '--seed':
        out.seed = value();
        break;
      case '--port':
        out.port = num();
        break;
      case '--host':
        out.host = value();
        break;
      case '--latency':
        out.latency = num();
        break;
      case '--throttle':
        out.throttle = num();
        break;
      case '--unavailable':
        out.unavailable = num();
        break;
      case '--random-seed':
        out.randomSeed = num();
        break;
      case '--log':
        out.log = true;
        break;
      case '--delta-without-fields':
        out.deltaWithoutFields = true;
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown option ${flag}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const printLine = (e: RequestLogEntry) =>
    console.log(
      `${e.method} ${redactQueryValues(e.path)} ${e.status === 0 ? 'DROPPED' : e.status} ${e.ms}ms`,
    );
  const graph = await startLocalGraph({
    port: args.port,
    ...(args.host ? { host: args.host } : {}),
    ...(args.seed ? { seed: args.seed } : {}),
    ...(args.latency !== undefined ? { latencyMs: args.latency } : {}),
    ...(args.randomSeed !== undefined ? { randomSeed: args.randomSeed } : {}),
    faults: {
      throttleRate: args.throttle ?? 0,
      unavailableRate: args.unavailable ?? 0,
      ...(args.deltaWithoutFields ? { deltaWithoutFields: true } : {}),
    },
    ...(args.log ? { onRequest: printLine } : {}),
  });
  console.log(
    `local Graph listening on ${graph.url} (Graph root ${graph.url}/v1.0; dev controls ${graph.url}/_dev)`,
  );
  const stop = () => {
    graph.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error('local Graph failed to start:', e instanceof Error ? e.message : 'unknown error');
    process.exit(1);
  });
}
