// The handler bundle as Outlook loads it (issue 12): the production launchevent.js, built here,
// run under plain Node in a context that has ECMAScript's built-ins and nothing of a browser — no
// window, document, localStorage, indexedDB, self or fetch — as classic Outlook's JavaScript-only
// runtime has none (learn.microsoft.com/office/dev/add-ins/testing/runtimes: "doesn't support local
// storage or cookies", no rendering engine). Office and OfficeRuntime.storage are given, as that
// runtime gives them; Office.onReady is never called there, so it is not given at all.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import webpack from 'webpack';
import { saveSendTimeCache } from '../../src/cache/sendTimeStore';
import {
  COMPOSE_NOTIFICATION_KEY,
  COMPOSE_PANE_COMMAND_ID,
  HANDLER_BUNDLE_FILE,
  HANDLER_FUNCTIONS,
} from '../../src/launchevent/names';
import type { Restriction } from '../../src/policy/types';

const ROOT = path.resolve(__dirname, '..', '..');
const PARENT = 'parent@example.org';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (
  env: object,
  argv: object,
) => webpack.Configuration[];

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'cg-handlers-'));
  const handlers = makeConfig({ profile: 'production' }, { mode: 'production' }).find(
    (c) => c.name === 'handlers',
  );
  if (!handlers) throw new Error('webpack.config.js has no "handlers" compilation');
  const config: webpack.Configuration = {
    ...handlers,
    dependencies: undefined,
    devtool: false,
    output: { ...handlers.output, path: outDir },
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
  bundle = readFileSync(path.join(outDir, HANDLER_BUNDLE_FILE), 'utf8');
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function restriction(): Restriction {
  return {
    id: '1',
    personName: 'Pat Parent',
    emails: [PARENT],
    status: 'Active',
    startDate: '2000-01-01',
    endDate: '2999-12-31',
    handling: 'Forward',
    spocName: 'Priya Shah',
    spocEmail: 'business.manager@oakfield.sch.uk',
    allowedContact: '',
    staffGuidance: '',
    emergencyNote: '',
  };
}

interface Runtime {
  handlers: Record<string, (event: unknown) => void>;
  notifications: Map<string, Record<string, unknown>>;
  storage: Map<string, string>;
  context: vm.Context;
}

/** A JavaScript-only runtime: ECMAScript built-ins, timers, Office and OfficeRuntime.storage. */
function runtime(
  recipients: { to?: string[]; bcc?: string[] },
  storage = new Map<string, string>(),
): Runtime {
  const handlers: Record<string, (event: unknown) => void> = {};
  const notifications = new Map<string, Record<string, unknown>>();
  const ok = (value: unknown) => ({ status: 'succeeded', value });
  const line = (list: string[] = []) => ({
    getAsync: (cb: (r: unknown) => void) =>
      setTimeout(() => cb(ok(list.map((a) => ({ emailAddress: a, displayName: a })))), 0),
  });
  const Office = {
    actions: { associate: (name: string, fn: (event: unknown) => void) => (handlers[name] = fn) },
    context: {
      requirements: { isSetSupported: (name: string) => name === 'Mailbox' },
      mailbox: {
        userProfile: { emailAddress: 'reception@oakfield.sch.uk', displayName: 'Reception' },
        item: {
          to: line(recipients.to),
          cc: line(),
          bcc: line(recipients.bcc),
          from: {
            getAsync: (cb: (r: unknown) => void) =>
              cb(ok({ emailAddress: 'reception@oakfield.sch.uk' })),
          },
          sessionData: {
            getAsync: (_key: string, cb: (r: unknown) => void) =>
              cb({ status: 'failed', error: { code: 9057 } }),
          },
          notificationMessages: {
            replaceAsync: (
              key: string,
              details: Record<string, unknown>,
              cb: (r: unknown) => void,
            ) => {
              notifications.set(key, details);
              cb(ok(undefined));
            },
            removeAsync: (key: string, cb: (r: unknown) => void) => {
              notifications.delete(key);
              cb(ok(undefined));
            },
          },
        },
      },
    },
  };
  const OfficeRuntime = {
    storage: {
      getItem: (key: string) => Promise.resolve(storage.get(key) ?? null),
      setItem: (key: string, value: string) => {
        storage.set(key, value);
        return Promise.resolve();
      },
    },
  };
  const context = vm.createContext({ Office, OfficeRuntime, setTimeout, clearTimeout, console });
  vm.runInContext(bundle, context, { filename: HANDLER_BUNDLE_FILE });
  return { handlers, notifications, storage, context };
}

function fire(rt: Runtime, name: string): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => rt.handlers[name]?.({ completed: resolve }));
}

async function storageWithCache(): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  await saveSendTimeCache(
    {
      getItem: (k) => Promise.resolve(values.get(k) ?? null),
      setItem: (k, v) => {
        values.set(k, v);
        return Promise.resolve();
      },
    },
    'reception@oakfield.sch.uk',
    { restrictions: [restriction()], malformed: [] },
    new Date(),
  );
  return values;
}

describe('launchevent.js in a JavaScript-only runtime (plain Node, no DOM)', () => {
  it('is one file: no other script or chunk is ever loaded', () => {
    expect(readdirSync(outDir).filter((f) => f.endsWith('.js'))).toEqual([HANDLER_BUNDLE_FILE]);
    expect(bundle).not.toMatch(/importScripts|__webpack_require__\.e\(|\bimport\(/);
  });

  it('loads with no browser globals and associates the three manifest names at once', () => {
    const rt = runtime({});
    for (const global of ['window', 'document', 'localStorage', 'indexedDB', 'self', 'fetch'])
      expect(vm.runInContext(`typeof ${global}`, rt.context)).toBe('undefined');
    expect(Object.keys(rt.handlers).sort()).toEqual(Object.values(HANDLER_FUNCTIONS).sort());
  });

  it('decides from the cache: a restricted parent in Bcc is stopped, the SPOC named', async () => {
    const rt = runtime({ bcc: [PARENT] }, await storageWithCache());
    const options = await fire(rt, HANDLER_FUNCTIONS.OnMessageSend);
    expect(options).toMatchObject({ allowEvent: false, commandId: COMPOSE_PANE_COMMAND_ID });
    expect(String(options?.errorMessage)).toContain('Priya Shah');
  });

  it('an unrestricted recipient is let through', async () => {
    const rt = runtime({ to: ['someone@example.org'] }, await storageWithCache());
    expect(await fire(rt, HANDLER_FUNCTIONS.OnMessageSend)).toEqual({ allowEvent: true });
  });

  it('no cache and no token (no fetch, no sign-in here): the mail goes and nothing is said', async () => {
    const rt = runtime({ to: [PARENT] });
    expect(await fire(rt, HANDLER_FUNCTIONS.OnMessageSend)).toEqual({ allowEvent: true });
    await fire(rt, HANDLER_FUNCTIONS.OnNewMessageCompose);
    expect(rt.notifications.size).toBe(0);
  });

  it('while composing, the bar names the parent and the SPOC', async () => {
    const rt = runtime({ to: [PARENT] }, await storageWithCache());
    await fire(rt, HANDLER_FUNCTIONS.OnNewMessageCompose);
    expect(String(rt.notifications.get(COMPOSE_NOTIFICATION_KEY)?.message)).toMatch(
      /Pat Parent .*Priya Shah/,
    );
  });
});
