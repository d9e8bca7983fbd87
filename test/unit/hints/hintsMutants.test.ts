// Further rules of the reviewers' hints (src/policy/hints): the exact hints a reviewer sees at
// each stage, what counts as a threat, behaviour after a written warning, how matters are
// compared, the ranking order and reading a school's thresholds.
import {
  DEFAULT_HINT_THRESHOLDS,
  rankSenders,
  readHintThresholds,
  summarizeSender,
} from '../../../src/policy/hints';
import { TODAY, event, sender } from './fixtures';

const sameMatter = (n: number, matter = 'Class move') =>
  Array.from({ length: n }, (_, i) =>
    event(`2026-03-${String(10 + i).padStart(2, '0')}`, { matter }),
  );

const kinds = (s: { hints: { kind: string }[] }) => s.hints.map((h) => h.kind);

const POLICE_NOT_TOLD = {
  kind: 'policeNotTold',
  message:
    'A threat, violence or stalking was recorded and the police have not been told: the policies say these are always reported to the police.',
  policy: 'policy 002 §33, policy 000 §2.3',
};
const threatsHint = (days: number) => ({
  kind: 'threats',
  message: `Threats recorded in the last ${days} days: a restriction may be imposed without further warning in extreme cases.`,
  policy: 'policy 001, policy 002 §33, policy 004',
});

describe('threats (002 §33)', () => {
  it('a recorded threat counts even when the behaviours ticked are not threats; any threatening behaviour among others counts', () => {
    const recordedThreat = summarizeSender(
      sender([event('2026-03-20', { behaviours: ['Words'], threat: { policeInformed: 'No' } })]),
      TODAY,
    );
    expect(recordedThreat.threats).toBe(true);
    expect(recordedThreat.hints).toEqual([POLICE_NOT_TOLD, threatsHint(90)]);

    const mixed = summarizeSender(
      sender([event('2026-03-20', { behaviours: ['Tone', 'Threatening'] })]),
      TODAY,
    );
    expect(mixed.threats).toBe(true);
    expect(mixed.policeNotTold).toBe(true);

    const nothingTicked = summarizeSender(sender([event('2026-03-20', { behaviours: [] })]), TODAY);
    expect(nothingTicked.threats).toBe(false);
    expect(nothingTicked.hints).toEqual([]);
  });

  it.each(['none', 'concern', 'warning'] as const)(
    'before a restriction (stage %s) a threat suggests a restriction without further warning',
    (stage) => {
      const s = summarizeSender(
        sender(
          [event('2026-03-20', { behaviours: ['Threatening'], threat: { policeInformed: 'Yes' } })],
          { stage },
        ),
        TODAY,
      );
      expect(s.hints).toEqual([threatsHint(90)]);
    },
  );

  it.each(['provisional', 'active', 'extended'] as const)(
    'under a restriction (stage %s) there is no "restriction without warning" hint, but the police hint stays',
    (stage) => {
      const s = summarizeSender(
        sender([event('2026-03-20', { behaviours: ['Physicality'] })], { stage }),
        TODAY,
      );
      expect(s.threats).toBe(true);
      expect(s.hints).toEqual([POLICE_NOT_TOLD]);
    },
  );

  it('threats are looked for over the lookback; behaviours are listed over at least 90 days', () => {
    // 2025-12-20 is the 101st day back: inside a 120-day lookback.
    const longer = summarizeSender(
      sender([
        event('2025-12-20', { behaviours: ['Threatening'], threat: { policeInformed: 'Yes' } }),
      ]),
      TODAY,
      { ...DEFAULT_HINT_THRESHOLDS, lookbackDays: 120 },
    );
    expect(longer.threats).toBe(true);
    expect(longer.behaviours).toEqual(['Threatening']);
    expect(longer.hints).toEqual([threatsHint(120)]);

    // 60 days back: outside a 30-day lookback, but still one of the behaviours of the last 90 days.
    const shorter = summarizeSender(
      sender([event('2026-01-29', { behaviours: ['Threatening', 'Tone'] })]),
      TODAY,
      { ...DEFAULT_HINT_THRESHOLDS, lookbackDays: 30 },
    );
    expect(shorter.threats).toBe(false);
    expect(shorter.policeNotTold).toBe(false);
    expect(shorter.behaviours).toEqual(['Threatening', 'Tone']);
    expect(shorter.hints).toEqual([]);
  });
});

describe('after a written warning (002 §50)', () => {
  it('counts concerning events after the day of the warning only, and says "events" for more than one', () => {
    const s = summarizeSender(
      sender(
        [
          event('2026-03-01', { behaviours: ['UnreasonableDemands'] }), // before
          event('2026-03-05', { behaviours: ['AggressiveOrAbusive'] }), // before
          event('2026-03-10', { behaviours: ['AggressiveOrAbusive'] }), // the day of the warning
          event('2026-03-15', { behaviours: ['Tone', 'AggressiveOrAbusive'] }), // after
          event('2026-03-20', { behaviours: ['UnreasonableDemands'] }), // after
          event('2026-03-22', { behaviours: ['Tone'] }), // after, not concerning
        ],
        { stage: 'warning', warnedOn: '2026-03-10' },
      ),
      TODAY,
    );
    // Aggression at the warning stage is not told again to give a warning (002 §46–48 done).
    expect(s.hints).toEqual([
      {
        kind: 'afterWarning',
        message:
          '2 events since the written warning: "If the behaviour continues", consider restricting contact.',
        policy: 'policy 002 §50',
      },
    ]);
  });

  it('no hint when nothing concerning happened since the warning, or once a restriction is in place', () => {
    const calm = summarizeSender(
      sender([event('2026-03-01'), event('2026-03-20', { behaviours: ['Tone'] })], {
        stage: 'warning',
        warnedOn: '2026-03-10',
      }),
      TODAY,
    );
    expect(calm.hints).toEqual([]);
    const restricted = summarizeSender(
      sender([event('2026-03-20'), event('2026-03-21')], {
        stage: 'active',
        warnedOn: '2026-03-10',
      }),
      TODAY,
    );
    expect(restricted.hints).toEqual([]);
  });
});

describe('the next step by stage', () => {
  it.each(['none', 'concern', 'overturned', 'ended'] as const)(
    'at stage %s repeated contact suggests a written warning (002 §46–48)',
    (stage) => {
      expect(summarizeSender(sender(sameMatter(4), { stage }), TODAY).hints).toEqual([
        {
          kind: 'sameMatter',
          message:
            '4 events about the same matter in 30 days with no new information: consider a written warning, policy 002 §46–48.',
          policy: 'policy 002 §46–48',
        },
      ]);
    },
  );

  it.each(['provisional', 'active', 'extended'] as const)(
    'at stage %s repeated contact suggests reviewing or varying the restriction (002 §50 and §63)',
    (stage) => {
      expect(summarizeSender(sender(sameMatter(4), { stage }), TODAY).hints).toEqual([
        {
          kind: 'sameMatter',
          message:
            '4 events about the same matter in 30 days with no new information: consider reviewing or varying the restriction, policy 002 §50 and §63.',
          policy: 'policy 002 §50 and §63',
        },
      ]);
    },
  );

  it('10 contacts in 7 days: the volume hint names 002 §27–28 and the next step', () => {
    const ten = Array.from({ length: 10 }, () => event('2026-03-28'));
    expect(summarizeSender(sender(ten), TODAY).hints).toEqual([
      {
        kind: 'volume',
        message:
          '10 contacts in 7 days, an unreasonable level of contact (policy 002 §27–28): consider a written warning, policy 002 §46–48.',
        policy: 'policy 002 §27–28, policy 002 §46–48',
      },
    ]);
  });
});

describe('same matter (002 §46–48, §53)', () => {
  it('matters are compared ignoring case and surrounding spaces; the hint gives the most repeated', () => {
    const events = [
      event('2026-03-10', { matter: 'Class move' }),
      event('2026-03-11', { matter: ' class MOVE' }),
      event('2026-03-12', { matter: 'CLASS MOVE  ' }),
      event('2026-03-13', { matter: 'class move' }),
    ];
    expect(summarizeSender(sender(events), TODAY).hints[0]?.message).toMatch(
      /^4 events about the same matter in 30 days/,
    );
    const two = [...sameMatter(4), ...sameMatter(5, 'Lunch')];
    expect(summarizeSender(sender(two), TODAY).hints.map((h) => h.message)).toEqual([
      '5 events about the same matter in 30 days with no new information: consider a written warning, policy 002 §46–48.',
    ]);
  });

  it('case is folded to lower case: "Å" written with the Ångström sign is the same letter', () => {
    const events = [
      event('2026-03-10', { matter: '\u212Brsrapport' }),
      event('2026-03-11', { matter: '\u00C5RSRAPPORT' }),
      event('2026-03-12', { matter: '\u00E5rsrapport' }),
      event('2026-03-13', { matter: '\u212BRSRAPPORT' }),
    ];
    expect(kinds(summarizeSender(sender(events), TODAY))).toEqual(['sameMatter']);
  });
});

describe('aggression (002 §34, §38–40)', () => {
  it.each(['none', 'concern'] as const)(
    'at stage %s aggression in the last 30 days suggests a written warning',
    (stage) => {
      const s = summarizeSender(
        sender([event('2026-03-20', { behaviours: ['AggressiveOrAbusive'] })], { stage }),
        TODAY,
      );
      expect(s.hints).toEqual([
        {
          kind: 'aggression',
          message:
            'Aggressive or abusive behaviour recorded in the last 30 days: tell the person it is unacceptable and consider a written warning.',
          policy: 'policy 002 §34 and §38–40, §46–48',
        },
      ]);
    },
  );

  it.each(['warning', 'active'] as const)(
    'at stage %s there is no aggression hint (a warning was already given or a restriction is in place)',
    (stage) => {
      const s = summarizeSender(
        sender([event('2026-03-20', { behaviours: ['AggressiveOrAbusive'] })], { stage }),
        TODAY,
      );
      expect(kinds(s)).not.toContain('aggression');
    },
  );

  it('an overdue review says to review, extend, vary or end it (003)', () => {
    expect(
      summarizeSender(sender([], { stage: 'active', reviewOverdue: true }), TODAY).hints,
    ).toEqual([
      {
        kind: 'reviewOverdue',
        message: 'The restriction is past its review date: review it, extend, vary or end it.',
        policy: 'policy 003, policy 001',
      },
    ]);
  });
});

describe('last event', () => {
  it('is the latest dated event up to today, whatever the order recorded', () => {
    const s = summarizeSender(
      sender([
        event('2026-03-15'),
        event('2026-03-27'),
        event('2026-03-02'),
        event('2026-04-05'), // future: ignored
        { occurredAt: 'not a date', behaviours: ['Tone'] },
      ]),
      TODAY,
    );
    expect(s.lastEventAt).toBe('2026-03-27T09:00:00Z');
    expect(s.counts.total).toBe(3);
    expect(summarizeSender(sender([]), TODAY)).not.toHaveProperty('lastEventAt');
  });
});

describe('ranking', () => {
  it('threats the police were not told of, threats, hints, then 7-day, 30-day and 90-day activity', () => {
    const ranked = rankSenders(
      [
        sender([event('2026-01-20')], { key: 'older1', name: 'A' }),
        sender([event('2026-01-15'), event('2026-01-15')], { key: 'older2', name: 'B' }),
        sender(
          Array.from({ length: 5 }, () => event('2026-01-15')),
          { key: 'older5', name: 'C' },
        ),
        sender([event('2026-03-05'), event('2026-03-05')], { key: 'month', name: 'D' }),
        sender([event('2026-03-29')], { key: 'week', name: 'E' }),
        sender([event('2026-03-29'), event('2026-03-29'), event('2026-03-29')], {
          key: 'busy',
          name: 'F',
        }),
        sender(sameMatter(4), { key: 'hinted', name: 'G' }),
        sender(
          [event('2026-03-01', { behaviours: ['Threatening'], threat: { policeInformed: 'Yes' } })],
          { key: 'told', name: 'H' },
        ),
        sender([event('2026-03-01', { behaviours: ['Threatening'] })], {
          key: 'notTold',
          name: 'I',
        }),
      ],
      TODAY,
    );
    expect(ranked.map((s) => s.key)).toEqual([
      'notTold',
      'told',
      'hinted',
      'busy',
      'week',
      'month',
      'older5',
      'older2',
      'older1',
    ]);
  });

  it('on equal standing, the latest event first (none counts as earliest), then the name, whatever the input order', () => {
    const senders = [
      sender([{ occurredAt: '2026-03-20T08:00:00Z', behaviours: ['Tone'] }], {
        key: 'early',
        name: 'A',
      }),
      sender([], { key: 'overdueNoEvents', name: 'A', stage: 'active', reviewOverdue: true }),
      sender([{ occurredAt: '2026-03-20T15:00:00Z', behaviours: ['Tone'] }], {
        key: 'late',
        name: 'B',
      }),
      // An event long ago (outside the 90 days): same standing as no event at all.
      sender([event('2025-06-01')], {
        key: 'overdueOldEvent',
        name: 'B',
        stage: 'active',
        reviewOverdue: true,
      }),
      sender([{ occurredAt: '2026-03-20T08:00:00Z', behaviours: ['Tone'] }], {
        key: 'earlyC',
        name: 'C',
      }),
    ];
    const expected = ['overdueOldEvent', 'overdueNoEvents', 'late', 'early', 'earlyC'];
    expect(rankSenders(senders, TODAY).map((s) => s.key)).toEqual(expected);
    expect(rankSenders([...senders].reverse(), TODAY).map((s) => s.key)).toEqual(expected);
  });
});

describe('reading thresholds', () => {
  it('blank and missing settings keep the default silently; 1 and 365 are allowed, 366 is not', () => {
    const { thresholds, problems } = readHintThresholds({
      sameMatterEvents: null,
      sameMatterDays: '',
      volumeEvents: 1,
      volumeDays: ' 365 ',
      lookbackDays: 366,
    });
    expect(thresholds).toEqual({ ...DEFAULT_HINT_THRESHOLDS, volumeEvents: 1, volumeDays: 365 });
    expect(problems).toEqual([
      'The hint setting lookbackDays must be a whole number from 1 to 365; the default 90 is used.',
    ]);
    expect(readHintThresholds({ volumeEvents: '1', lookbackDays: 365 }).thresholds).toEqual({
      ...DEFAULT_HINT_THRESHOLDS,
      volumeEvents: 1,
      lookbackDays: 365,
    });
  });
});
