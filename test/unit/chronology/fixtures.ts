// Fixtures shared by the chronology's tests: a contact event at a time, and one decision.
import type { ChronologyEventInput } from '../../../src/policy/chronology';
import type { DecisionRecord } from '../../../src/policy/lifecycle';

export const event = (
  at: string,
  extra: Partial<ChronologyEventInput> = {},
): ChronologyEventInput => ({
  occurredAt: at,
  summary: `Contact at ${at}`,
  channel: 'Email',
  behaviours: [],
  threat: false,
  ...extra,
});

export const decision: DecisionRecord = {
  transition: 'impose',
  fromStage: 'warning',
  toStage: 'provisional',
  decidedOn: '2026-03-02',
  recordedAt: '2026-03-02T10:00:00Z',
  decidedBy: { name: 'Helen Marsh', role: 'headTeacher' },
  recordedBy: { name: 'Helen Marsh', email: 'head@example.org' },
  reasons: 'It continued after the warning.',
  details: ['Restriction imposed.'],
  deadlines: [],
};
