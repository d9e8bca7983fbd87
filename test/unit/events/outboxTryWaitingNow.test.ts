// When sign-in works again the outbox tries its waiting events at once, not after its backoff;
// events that failed for good stay failed until the user presses "try again".
import { EventOutbox } from '../../../src/app/events/outbox';
import { SignInRequiredError } from '../../../src/auth/tokenProvider';
import { GraphAccessError } from '../../../src/graph/errors';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import { sampleEvent } from './sampleEvent';
import { flushPromises } from '../host/fakeOffice';

const HEAD = { name: 'Helen Marsh', email: 'head@oakfield.sch.uk' };
const event = (key: string) => sampleEvent(key, HEAD);

const settle = () => flushPromises(30);

it('tries a waiting event at once, ignoring its backoff; a failed one is left alone', async () => {
  let signedIn = false;
  const saved: string[] = [];
  const timers: number[] = [];
  const box = new EventOutbox({
    store: new MemoryStore(),
    storeKey: 'outbox|test|head@oakfield.sch.uk',
    target: {
      save: (e) => {
        if (e.key === 'refused') return Promise.reject(new GraphAccessError('forbidden'));
        if (!signedIn) return Promise.reject(new SignInRequiredError());
        saved.push(e.key);
        return Promise.resolve();
      },
    },
    setTimer: (_fn, ms) => timers.push(ms),
    clearTimer: () => undefined,
    baseDelayMs: 60_000,
  });
  await box.enqueue(event('refused'));
  await box.enqueue(event('waiting'));
  await settle();
  expect(box.snapshot().map((e) => [e.event.key, e.status])).toEqual([
    ['refused', 'failed'],
    ['waiting', 'waiting'],
  ]);
  expect(box.entryFor('waiting')?.nextAttemptAt).toBeGreaterThan(Date.now());
  expect(saved).toEqual([]);

  signedIn = true;
  await box.tryWaitingNow();
  await settle();
  expect(saved).toEqual(['waiting']);
  expect(box.entryFor('refused')?.status).toBe('failed');
  box.stop();
});
