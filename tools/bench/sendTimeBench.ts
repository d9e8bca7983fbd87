// The send-time check (issue 12): how long the OnMessageSend handler takes to answer from its
// cache, and how big the handler bundle is. Goal: median and p95 <= 50 ms (Outlook shows "taking
// longer than expected" after 5 s; the issue asks for the decision within 1 s from cache).
//
// The production launchevent.js is built with the project's webpack config and run under plain
// Node in a vm context with no DOM (as classic Outlook's JavaScript-only runtime), with Office.js
// answering asynchronously (each getAsync on the next turn, as Office's bridge does) and
// OfficeRuntime.storage holding a cache of RESTRICTIONS restrictions. Each run is a reply-all to
// RECIPIENTS recipients, one of them restricted: handler called → event.completed.
// Also: the time to load (parse and run) the bundle, paid once per runtime start.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import webpack from 'webpack';
import { saveSendTimeCache } from '../../src/cache/sendTimeStore';
import { HANDLER_BUNDLE_FILE, HANDLER_FUNCTIONS } from '../../src/launchevent/names';
import type { Restriction } from '../../src/policy/types';

export const SEND_TIME_TARGET_MS = 50;
const RESTRICTIONS = 500;
const RECIPIENTS = 40;
const RUNS = 200;
const LOADS = 10;
const USER = 'reception@oakfield.sch.uk';
const root = path.resolve(__dirname, '..', '..');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 100) / 100;

async function buildHandlerBundle(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'cg-bench-handlers-'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(root, 'webpack.config.js')) as (
      env: object,
      argv: object,
    ) => webpack.Configuration[];
    const handlers = makeConfig({ profile: 'production' }, { mode: 'production' }).find(
      (c) => c.name === 'handlers',
    );
    if (!handlers) throw new Error('no "handlers" compilation in webpack.config.js');
    await new Promise<void>((resolve, reject) =>
      webpack(
        {
          ...handlers,
          dependencies: undefined,
          devtool: false,
          output: { ...handlers.output, path: outDir },
        },
        (error, stats) => {
          if (error) return reject(error);
          if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
          resolve();
        },
      ),
    );
    return readFileSync(path.join(outDir, HANDLER_BUNDLE_FILE), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function restrictions(): Restriction[] {
  return Array.from({ length: RESTRICTIONS }, (_, i) => ({
    id: String(i + 1),
    personName: `Parent ${i + 1}`,
    emails: [`parent${i + 1}@example.org`, `parent${i + 1}.work@example.com`],
    status: 'Active' as const,
    startDate: '2000-01-01',
    endDate: '2999-12-31',
    handling: 'Forward' as const,
    spocName: 'Priya Shah',
    spocEmail: 'business.manager@oakfield.sch.uk',
    allowedContact: '',
    staffGuidance: '',
    emergencyNote: '',
  }));
}

function loadRuntime(bundle: string, storage: Map<string, string>) {
  const handlers: Record<string, (event: unknown) => void> = {};
  const ok = (value: unknown) => ({ status: 'succeeded', value });
  const next = (cb: (r: unknown) => void, value: unknown) => setImmediate(() => cb(ok(value)));
  const to = Array.from({ length: RECIPIENTS - 1 }, (_, i) => ({
    emailAddress: `colleague${i}@oakfield.sch.uk`,
    displayName: `Colleague ${i}`,
  }));
  to.push({ emailAddress: `parent${RESTRICTIONS}@example.org`, displayName: 'Parent' });
  const Office = {
    actions: { associate: (name: string, fn: (event: unknown) => void) => (handlers[name] = fn) },
    context: {
      requirements: { isSetSupported: (name: string) => name === 'Mailbox' },
      mailbox: {
        userProfile: { emailAddress: USER, displayName: 'Reception' },
        item: {
          to: { getAsync: (cb: (r: unknown) => void) => next(cb, to) },
          cc: { getAsync: (cb: (r: unknown) => void) => next(cb, []) },
          bcc: { getAsync: (cb: (r: unknown) => void) => next(cb, []) },
          from: { getAsync: (cb: (r: unknown) => void) => next(cb, { emailAddress: USER }) },
          sessionData: {
            getAsync: (_k: string, cb: (r: unknown) => void) =>
              setImmediate(() => cb({ status: 'failed', error: { code: 9057 } })),
          },
        },
      },
    },
  };
  const OfficeRuntime = {
    storage: {
      getItem: (key: string) => Promise.resolve(storage.get(key) ?? null),
      setItem: (key: string, value: string) => Promise.resolve(void storage.set(key, value)),
    },
  };
  const context = vm.createContext({ Office, OfficeRuntime, setTimeout, clearTimeout, console });
  const started = performance.now();
  vm.runInContext(bundle, context);
  return { handlers, loadMs: performance.now() - started };
}

export async function benchSendTime(): Promise<Record<string, unknown>> {
  const bundle = await buildHandlerBundle();
  const storage = new Map<string, string>();
  await saveSendTimeCache(
    {
      getItem: (k) => Promise.resolve(storage.get(k) ?? null),
      setItem: (k, v) => Promise.resolve(void storage.set(k, v)),
    },
    USER,
    { restrictions: restrictions(), malformed: [] },
    new Date(),
  );
  const loads: number[] = [];
  let runtime = loadRuntime(bundle, storage);
  for (let i = 0; i < LOADS; i += 1) {
    runtime = loadRuntime(bundle, storage);
    loads.push(runtime.loadMs);
  }
  const times: number[] = [];
  let stopped = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const options = await new Promise<Record<string, unknown> | undefined>((resolve) =>
      runtime.handlers[HANDLER_FUNCTIONS.OnMessageSend]?.({ completed: resolve }),
    );
    times.push(performance.now() - started);
    if (options?.allowEvent === false) stopped += 1;
  }
  if (stopped !== RUNS)
    throw new Error(`expected every run to stop the send, ${stopped}/${RUNS} did`);
  const bytes = Buffer.byteLength(bundle);
  return {
    decisionMs: {
      median: round(median(times)),
      p95: round(percentile(times, 95)),
      max: round(Math.max(...times)),
    },
    runs: RUNS,
    restrictionsCached: RESTRICTIONS,
    recipients: RECIPIENTS,
    cacheBytes: Buffer.byteLength([...storage.values()].join('')),
    bundleLoadMs: { median: round(median(loads)), max: round(Math.max(...loads)) },
    bundleKB: Math.round((bytes / 1024) * 10) / 10,
    bundleGzipKB: Math.round((gzipSync(bundle).length / 1024) * 10) / 10,
    targetMs: SEND_TIME_TARGET_MS,
  };
}
