// A compose item as Office.js presents it to an event handler, for unit tests: callbacks with
// AsyncResult objects ({ status: 'succeeded' | 'failed', value, error }), as documented for
// Office.MessageCompose. Each call can be made to fail or never answer.
import type { OfficeApi } from '../../../src/launchevent/officeCompose';

export interface Recipient {
  emailAddress: string;
  displayName?: string;
}

export interface FakeOfficeOptions {
  user?: string;
  to?: Recipient[];
  cc?: Recipient[];
  bcc?: Recipient[];
  from?: string;
  sessionData?: Record<string, string>;
  /** Highest Mailbox requirement set the client supports (default 1.15). */
  mailbox?: string;
  platform?: string;
  /** Names of calls that answer with a failure ('to', 'from', ...), or never answer ('hang:to'). */
  failures?: string[];
}

export interface FakeOffice {
  office: OfficeApi;
  notifications: Map<string, Record<string, unknown>>;
  removed: string[];
}

function answer<T>(
  name: string,
  failures: string[],
  value: T,
  callback?: (result: Office.AsyncResult<T>) => void,
): void {
  if (failures.includes(`hang:${name}`)) return;
  const result = failures.includes(name)
    ? { status: 'failed', error: { code: 9000, name: 'Failed', message: 'failed' } }
    : { status: 'succeeded', value };
  setTimeout(() => callback?.(result as unknown as Office.AsyncResult<T>), 0);
}

function versionAtMost(version: string, max: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = max.split('.').map(Number);
  return a < c || (a === c && b <= d);
}

export function fakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  const failures = options.failures ?? [];
  const notifications = new Map<string, Record<string, unknown>>();
  const removed: string[] = [];
  const field = (name: string, list: Recipient[] = []) => ({
    getAsync: (cb: (r: Office.AsyncResult<Office.EmailAddressDetails[]>) => void) =>
      answer(
        name,
        failures,
        list.map((r) => ({
          emailAddress: r.emailAddress,
          displayName: r.displayName ?? r.emailAddress,
        })) as Office.EmailAddressDetails[],
        cb,
      ),
  });
  const user = options.user ?? 'ta@school.example.org';
  const office: OfficeApi = {
    context: {
      mailbox: {
        userProfile: { emailAddress: user, displayName: 'Teaching Assistant' },
        item: {
          to: field('to', options.to),
          cc: field('cc', options.cc),
          bcc: field('bcc', options.bcc),
          from: {
            getAsync: (cb) =>
              answer(
                'from',
                failures,
                { emailAddress: options.from ?? user } as Office.EmailAddressDetails,
                cb,
              ),
          },
          sessionData: {
            getAsync: (key, cb) => {
              const value = options.sessionData?.[key];
              if (value === undefined) {
                setTimeout(() =>
                  cb({
                    status: 'failed',
                    error: { code: 9057, name: 'KeyNotFound', message: 'not found' },
                  } as unknown as Office.AsyncResult<string>),
                );
                return;
              }
              answer('sessionData', failures, value, cb);
            },
          },
          notificationMessages: {
            replaceAsync: (key, details, cb) => {
              notifications.set(key, details);
              answer('replaceAsync', failures, undefined, cb);
            },
            removeAsync: (key, cb) => {
              removed.push(key);
              const had = notifications.delete(key);
              answer(had ? 'removeAsync' : 'missing', had ? failures : ['missing'], undefined, cb);
            },
          },
        },
      },
      requirements: {
        isSetSupported: (name, version = '1.1') =>
          name === 'Mailbox' && versionAtMost(version, options.mailbox ?? '1.15'),
      },
      platform: options.platform ?? 'OfficeOnline',
    },
  };
  return { office, notifications, removed };
}

/** An event whose completed() resolves `done` with what the handler passed. */
export function launchEvent(): {
  event: { completed(options?: Record<string, unknown>): void };
  done: Promise<Record<string, unknown> | undefined>;
  calls: () => number;
} {
  let count = 0;
  let resolve!: (options: Record<string, unknown> | undefined) => void;
  const done = new Promise<Record<string, unknown> | undefined>((r) => (resolve = r));
  return {
    event: {
      completed(options) {
        count += 1;
        resolve(options);
      },
    },
    done,
    calls: () => count,
  };
}
