// What the pane says about an event kept on this device (src/app/events/savePhase.ts, issue 13
// item 6): "waiting to save" only after a second without an answer; a failure's answer at once;
// never "saved" before Graph has confirmed it.
import { WAITING_AFTER_MS, savePhase, serviceUnreachable } from '../../../src/app/events/savePhase';

describe('savePhase', () => {
  it('"saving" until a second has passed without an answer, then "waiting"', () => {
    expect(WAITING_AFTER_MS).toBe(1_000);
    expect(savePhase({ status: 'waiting' }, 0)).toBe('saving');
    expect(savePhase({ status: 'saving' }, 999)).toBe('saving');
    expect(savePhase({ status: 'saving' }, 1_000)).toBe('waiting');
    expect(savePhase({ status: 'waiting' }, 60_000)).toBe('waiting');
  });

  it('a failed attempt is an answer: "waiting" at once, also while it is tried again', () => {
    expect(savePhase({ status: 'waiting', lastError: 'offline' }, 0)).toBe('waiting');
    expect(savePhase({ status: 'saving', lastError: 'offline' }, 0)).toBe('waiting');
  });

  it('"saved" and "failed" are what the outbox says, however long it took', () => {
    expect(savePhase({ status: 'saved' }, 0)).toBe('saved');
    expect(savePhase({ status: 'failed', lastError: 'refused' }, 0)).toBe('failed');
    expect(savePhase({ status: 'saved' }, 10_000)).toBe('saved');
  });
});

describe('serviceUnreachable', () => {
  it('is true only while an unsaved event waits because Microsoft 365 gave no answer (or 503)', () => {
    expect(serviceUnreachable([])).toBe(false);
    expect(serviceUnreachable([{ status: 'waiting' }])).toBe(false);
    expect(serviceUnreachable([{ status: 'waiting', lastErrorKind: 'offline' }])).toBe(true);
    expect(serviceUnreachable([{ status: 'saving', lastErrorKind: 'unavailable' }])).toBe(true);
    // Answered: busy, refused or signed out is not "cannot be reached".
    expect(serviceUnreachable([{ status: 'waiting', lastErrorKind: 'throttled' }])).toBe(false);
    expect(serviceUnreachable([{ status: 'failed', lastErrorKind: 'forbidden' }])).toBe(false);
    expect(serviceUnreachable([{ status: 'waiting', lastErrorKind: 'signedOut' }])).toBe(false);
    // Saved since: reachable again.
    expect(serviceUnreachable([{ status: 'saved', lastErrorKind: 'offline' }])).toBe(false);
  });
});
