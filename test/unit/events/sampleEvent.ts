// A contact event for outbox tests: a phone call from the demo's restricted parent, recorded by
// `recordedBy`. Only the key and the recorder matter to the outbox.
import type { ContactEvent } from '../../../src/policy/events';

export function sampleEvent(
  key: string,
  recordedBy: ContactEvent['recordedBy'] = {
    name: 'Sarah Whitfield',
    email: 'reception@oakfield.sch.uk',
  },
): ContactEvent {
  return {
    key,
    occurredAt: '2025-03-03T09:00:00.000Z',
    channel: 'Phone',
    summary: `Event ${key}`,
    person: { name: 'Mark Denton', email: 'mark.denton1978@gmail.com' },
    behaviours: ['Tone'],
    feelings: [],
    policyAspects: [],
    recordedBy,
    recordedAt: '2025-03-03T09:05:00.000Z',
  };
}
