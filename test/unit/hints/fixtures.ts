// Fixtures shared by the reviewers' hints tests: the day they run on, an event, a sender.
import type { HintEvent, SenderActivity } from '../../../src/policy/hints';

export const TODAY = '2026-03-30';

export function event(day: string, init: Partial<HintEvent> = {}): HintEvent {
  return { occurredAt: `${day}T09:00:00Z`, behaviours: ['UnreasonableLevelOfContact'], ...init };
}

export function sender(events: HintEvent[], init: Partial<SenderActivity> = {}): SenderActivity {
  return { key: 'k', name: 'A Parent', stage: 'none', events, ...init };
}
