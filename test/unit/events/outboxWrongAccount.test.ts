// A wrong account is not transient: the outbox keeps the event waiting, in order, and never tries
// it again by itself (each try would ask for sign-in again); "try again" does.
import { EventOutbox } from '../../../src/app/events/outbox';
import { WrongAccountError } from '../../../src/auth/tokenProvider';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import { sampleEvent as event } from './sampleEvent';

it('holds an event refused for a wrong account: waiting, no timer, sent on "try again"', async () => {
  const store = new MemoryStore();
  const timers: number[] = [];
  let refuse = true;
  const saved: string[] = [];
  const box = new EventOutbox({
    store,
    storeKey: 'outbox|test|reception@oakfield.sch.uk',
    target: {
      save: (e) => {
        if (refuse) return Promise.reject(new WrongAccountError());
        saved.push(e.key);
        return Promise.resolve();
      },
    },
    setTimer: (_fn, ms) => timers.push(ms),
    clearTimer: () => undefined,
  });
  await box.enqueue(event('a'));
  await box.enqueue(event('b'));
  for (let round = 0; round < 20; round += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  const entries = box.snapshot();
  expect(entries.map((e) => [e.event.key, e.status, e.lastErrorKind])).toEqual([
    ['a', 'waiting', 'wrongAccount'],
    ['b', 'waiting', undefined],
  ]);
  expect(entries[0]?.nextAttemptAt).toBeUndefined();
  expect(timers).toEqual([]);
  const stored = await store.get<{ status: string }[]>('outbox|test|reception@oakfield.sch.uk');
  expect(stored?.map((e) => e.status)).toEqual(['waiting', 'waiting']);

  refuse = false;
  await box.retryNow();
  for (let round = 0; round < 50 && saved.length < 2; round += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  expect(saved).toEqual(['a', 'b']);
  box.stop();
});
