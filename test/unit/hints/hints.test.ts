import {
  DEFAULT_HINT_THRESHOLDS,
  HINT_DISCLAIMER,
  rankSenders,
  readHintThresholds,
  summarizeSender,
  type HintEvent,
} from '../../../src/policy/hints';
import { TODAY, event, sender } from './fixtures';

const sameMatter = (n: number, init: Partial<HintEvent> = {}) =>
  Array.from({ length: n }, (_, i) =>
    event(`2026-03-${String(10 + i).padStart(2, '0')}`, { matter: 'Class move ', ...init }),
  );

describe('counts', () => {
  it('counts the last 7, 30 and 90 London days, today included, across the clock change', () => {
    const events = [
      event('2026-03-30'),
      event('2026-03-24'), // 7th day back: in the 7
      event('2026-03-23'), // 8th: not
      event('2026-03-01'), // 30th day back
      event('2026-02-28'),
      event('2025-12-31'), // 90th day back
      event('2025-12-30'),
      event('2026-04-02'), // in the future: ignored
    ];
    // 23:30Z on 29 March is 00:30 on 30 March in London (BST).
    events.push({ occurredAt: '2026-03-29T23:30:00Z', behaviours: ['Tone'] });
    const s = summarizeSender(sender(events), TODAY);
    expect(s.counts).toEqual({ last7: 3, last30: 5, last90: 7, total: 8 });
    expect(s.behaviours).toEqual(['UnreasonableLevelOfContact', 'Tone']);
  });
});

describe('thresholds', () => {
  it('4 events about the same matter in 30 days with no new information: consider a written warning', () => {
    expect(summarizeSender(sender(sameMatter(3)), TODAY).hints).toEqual([]);
    const hints = summarizeSender(sender(sameMatter(4)), TODAY).hints;
    expect(hints).toEqual([
      {
        kind: 'sameMatter',
        message:
          '4 events about the same matter in 30 days with no new information: consider a written warning, policy 002 §46–48.',
        policy: 'policy 002 §46–48',
      },
    ]);
  });

  it('no hint when one of them raised a new issue (002 §53), or the matters differ', () => {
    const events = sameMatter(5);
    events[2] = { ...events[2]!, newIssue: true };
    expect(summarizeSender(sender(events), TODAY).hints).toEqual([]);
    const differing = sameMatter(4).map((e, i) => ({ ...e, matter: `matter ${i}` }));
    expect(summarizeSender(sender(differing), TODAY).hints).toEqual([]);
  });

  it('the next step depends on the stage', () => {
    expect(
      summarizeSender(sender(sameMatter(4), { stage: 'warning' }), TODAY).hints[0]?.message,
    ).toMatch(/consider restricting contact, policy 002 §50\.$/);
    expect(
      summarizeSender(sender(sameMatter(4), { stage: 'active' }), TODAY).hints[0]?.message,
    ).toMatch(/consider reviewing or varying the restriction/);
  });

  it('thresholds are configurable', () => {
    const { thresholds, problems } = readHintThresholds({
      sameMatterEvents: '3',
      volumeDays: 0,
      sameMatterDays: 'x',
    });
    expect(thresholds).toEqual({ ...DEFAULT_HINT_THRESHOLDS, sameMatterEvents: 3 });
    expect(problems).toEqual([
      'The hint setting sameMatterDays must be a whole number from 1 to 365; the default 30 is used.',
      'The hint setting volumeDays must be a whole number from 1 to 365; the default 7 is used.',
    ]);
    expect(summarizeSender(sender(sameMatter(3)), TODAY, thresholds).hints[0]?.kind).toBe(
      'sameMatter',
    );
  });

  it('volume: 10 contacts in 7 days', () => {
    const nine = Array.from({ length: 9 }, () => event('2026-03-28'));
    expect(summarizeSender(sender(nine), TODAY).hints).toEqual([]);
    const ten = [...nine, event('2026-03-29')];
    expect(summarizeSender(sender(ten), TODAY).hints[0]).toMatchObject({
      kind: 'volume',
      message: expect.stringMatching(/^10 contacts in 7 days/),
    });
  });

  it('threats are flagged, and whether the police were told', () => {
    const told = summarizeSender(
      sender([
        event('2026-03-01', { behaviours: ['Threatening'], threat: { policeInformed: 'Yes' } }),
      ]),
      TODAY,
    );
    expect(told.threats).toBe(true);
    expect(told.policeNotTold).toBe(false);
    expect(told.hints.map((h) => h.kind)).toEqual(['threats']);
    const notTold = summarizeSender(
      sender([event('2026-03-01', { behaviours: ['Stalking'] })]),
      TODAY,
    );
    expect(notTold.policeNotTold).toBe(true);
    expect(notTold.hints.map((h) => h.kind)).toEqual(['policeNotTold', 'threats']);
    // 002 §39 vs §33: a feeling of being threatened is not a threat (issue 14, item 6).
    const felt = summarizeSender(
      sender([event('2026-03-01', { feelings: ['Threatened'], behaviours: ['Words'] })]),
      TODAY,
    );
    expect(felt.threats).toBe(false);
    expect(felt.policeNotTold).toBe(false);
    const old = summarizeSender(
      sender([event('2025-12-01', { behaviours: ['Threatening'] })]),
      TODAY,
    );
    expect(old.threats).toBe(false);
  });

  it('behaviour after a written warning, aggression, and an overdue review', () => {
    const after = summarizeSender(
      sender(
        [event('2026-03-01'), event('2026-03-20', { behaviours: ['Tone'] }), event('2026-03-21')],
        { stage: 'warning', warnedOn: '2026-03-10' },
      ),
      TODAY,
    );
    expect(after.hints.map((h) => h.message)).toEqual([
      '1 event since the written warning: "If the behaviour continues", consider restricting contact.',
    ]);
    const abusive = summarizeSender(
      sender([event('2026-03-20', { behaviours: ['AggressiveOrAbusive'] })]),
      TODAY,
    );
    expect(abusive.hints.map((h) => h.kind)).toEqual(['aggression']);
    const overdue = summarizeSender(sender([], { stage: 'active', reviewOverdue: true }), TODAY);
    expect(overdue.hints.map((h) => h.kind)).toEqual(['reviewOverdue']);
    expect(HINT_DISCLAIMER).toMatch(/002 §44/);
  });
});

describe('ranking flagged senders', () => {
  it('threats first, then an overdue review, then hints, then recent activity; quiet people left out', () => {
    const ranked = rankSenders(
      [
        sender([event('2026-03-29')], { key: 'recent', name: 'Recent' }),
        sender([event('2026-01-10'), event('2026-01-11')], { key: 'older', name: 'Older' }),
        sender(sameMatter(4), { key: 'hinted', name: 'Hinted' }),
        sender(
          [event('2026-02-01', { behaviours: ['Threatening'], threat: { policeInformed: 'Yes' } })],
          { key: 'threat', name: 'Threat' },
        ),
        sender([], { key: 'overdue', name: 'Overdue', stage: 'active', reviewOverdue: true }),
        sender([], { key: 'quiet', name: 'Quiet' }),
      ],
      TODAY,
    );
    expect(ranked.map((s) => s.key)).toEqual(['threat', 'overdue', 'hinted', 'recent', 'older']);
  });
});
