// Fixtures shared by the contact event tests: a draft that passes, changed where a test says.
import { emptyDraft, type ContactEventDraft } from '../../../src/policy/events';

/** A complete, valid draft: an email from Mark Denton with its evidence. */
export function good(over: Partial<ContactEventDraft> = {}): ContactEventDraft {
  return emptyDraft({
    occurredAt: '2025-03-03T09:30:00Z',
    channel: 'Email',
    summary: 'Demanding email about the trip',
    person: { name: 'Mark Denton', email: 'Mark.Denton1978@gmail.com' },
    behaviours: ['UnreasonableDemands', 'Tone'],
    evidence: {
      messageId: 'AAMk1',
      internetMessageId: '<a@b>',
      webLink: 'https://x/y',
      attachCopy: false,
    },
    ...over,
  });
}
