// What the records make due, at the edges: mixed behaviours, damaged notices, receipts and the
// chair's own decisions, decisions kept out of order, and events that name nobody.
import {
  chairNotificationsDue,
  escalationsDue,
  localAreaGroupNotificationsDue,
  policeReportsDue,
  recordNotice,
  DEFAULT_RECORDS_DUE_SETTINGS,
  type CaseNotice,
  type RecordedEvent,
  type RestrictionCase,
} from '../../../src/policy/lifecycle';
import { CHAIR, T, caseAt, step } from './helpers';

const ev = (over: Partial<RecordedEvent> = {}): RecordedEvent => ({
  occurredAt: '2026-03-10T09:00:00Z',
  personName: "Mary O'Brien",
  personEmail: 'mary.obrien@example.org',
  behaviours: ['Tone'],
  ...over,
});

const LAG = { ...DEFAULT_RECORDS_DUE_SETTINGS, notifyLocalAreaGroup: true };

const problem = (r: ReturnType<typeof recordNotice>) => (r.ok ? 'ok' : r.problem);

describe('002 §33: police reports', () => {
  it('002 §33: a threat among other behaviour is still reported; a future event is not yet', () => {
    expect(
      policeReportsDue(
        [
          ev({ behaviours: ['Tone', 'Threatening'], personName: ' Mary ' }),
          ev({ behaviours: ['Stalking'], occurredAt: '2026-03-21T09:00:00Z' }),
        ],
        '2026-03-20',
      ),
    ).toEqual([{ kind: 'reportToPolice', personName: 'Mary', due: '2026-03-10', state: 'late' }]);
  });

  it('002 §33: without a name, the address is given trimmed', () => {
    expect(
      policeReportsDue(
        [
          {
            occurredAt: '2026-03-10T09:00:00Z',
            personEmail: ' x@y.org ',
            behaviours: ['Stalking'],
          },
        ],
        '2026-03-20',
      ),
    ).toEqual([
      { kind: 'reportToPolice', personName: 'x@y.org', due: '2026-03-10', state: 'late' },
    ]);
  });

  it('002 §33: an event with no name and no address is still reported, under no name', () => {
    expect(
      policeReportsDue(
        [{ occurredAt: '2026-03-10T09:00:00Z', behaviours: ['Physicality'] }],
        '2026-03-20',
      ),
    ).toEqual([{ kind: 'reportToPolice', personName: '', due: '2026-03-10', state: 'late' }]);
  });
});

describe('002 §49, 004 Actions: reminders to tell the chair', () => {
  it('002 §49: a told decision is not listed again, whatever else the notices hold; an untold one is', () => {
    const c = caseAt('active'); // head teacher's letters: the warning (0) and the imposition (1)
    const notices = [
      null,
      undefined,
      'told',
      { to: 'localAreaGroup', decision: 1, toldOn: '2026-03-03', recordedBy: 'Ms Head' },
      { to: 'chairOfGovernors', decision: 0, toldOn: '2026-03-03', recordedBy: 'Ms Head' },
    ] as unknown as CaseNotice[];
    const damaged = { ...c, notices };
    expect(chairNotificationsDue([damaged], '2026-03-06').map((i) => i.notice)).toEqual([
      { to: 'chairOfGovernors', decision: 1 },
    ]);
    expect(
      localAreaGroupNotificationsDue([damaged], '2026-03-06', LAG).map((i) => i.notice),
    ).toEqual([
      { to: 'localAreaGroup', decision: 0 },
      { to: 'localAreaGroup', decision: 3 },
    ]);
  });

  it('004 Actions: a concern or an appeal received is a record, not a decision to tell the chair of the LAG of', () => {
    expect(localAreaGroupNotificationsDue([caseAt('concern')], '2026-03-02', LAG)).toEqual([]);
    const appealed = step(caseAt('active'), T.appeal, '2026-03-09');
    expect(appealed.history[4]?.transition).toBe('recordAppeal');
    expect(
      localAreaGroupNotificationsDue([appealed], '2026-03-10', LAG).map((i) => i.notice!.decision),
    ).toEqual([0, 1, 3]);
    const n = (decision: number) => ({
      to: 'localAreaGroup' as const,
      decision,
      toldOn: '2026-03-09',
      recordedBy: 'Ms Head',
    });
    expect(problem(recordNotice(appealed, n(4), '2026-03-10'))).toBe(
      'That is a record, not a decision to tell of.',
    );
    // A receipt is no letter either: the chair of governors' refusal says so.
    expect(problem(recordNotice(appealed, { ...n(4), to: 'chairOfGovernors' }, '2026-03-10'))).toBe(
      'The chair of governors is told only of the head teacher’s letters.',
    );
    expect(problem(recordNotice(caseAt('concern'), n(0), '2026-03-02'))).toBe(
      'That is a record, not a decision to tell of.',
    );
    // The chair of governors is told of the head teacher's letter whatever the LAG rule says.
    expect(problem(recordNotice(appealed, { ...n(0), to: 'chairOfGovernors' }, '2026-03-10'))).toBe(
      'ok',
    );
  });

  it("002 §49: a letter the chair of governors decided is not the head teacher's to report to the chair", () => {
    const active = caseAt('active');
    const byChair = {
      ...active,
      history: active.history.map((r) =>
        r.transition === 'impose' ? { ...r, decidedBy: CHAIR } : r,
      ),
    };
    expect(chairNotificationsDue([byChair], '2026-03-06').map((i) => i.notice!.decision)).toEqual([
      0,
    ]);
    expect(
      problem(
        recordNotice(
          byChair,
          { to: 'chairOfGovernors', decision: 1, toldOn: '2026-03-06', recordedBy: 'Ms Head' },
          '2026-03-06',
        ),
      ),
    ).toBe('The chair of governors is told only of the head teacher’s letters.');
  });
});

describe('002 §63: escalation, from the last decision', () => {
  const stalking = (day: string) =>
    ev({ behaviours: ['Stalking'], occurredAt: `${day}T10:00:00Z` });

  it('002 §63: the last decision is the latest day, whatever order the decisions are kept in or an unreadable one', () => {
    const active = caseAt('active'); // decisions 2 and 6 March
    const newestFirst = { ...active, history: [...active.history].reverse() };
    expect(escalationsDue([newestFirst], [stalking('2026-03-04')], '2026-03-20')).toEqual([]);
    expect(escalationsDue([newestFirst], [stalking('2026-03-09')], '2026-03-20')).toHaveLength(1);
    const unreadableLast = {
      ...active,
      history: [...active.history, { ...active.history[3]!, decidedOn: 'soon' }],
    };
    expect(escalationsDue([unreadableLast], [stalking('2026-03-04')], '2026-03-20')).toEqual([]);
    expect(escalationsDue([unreadableLast], [stalking('2026-03-09')], '2026-03-20')).toHaveLength(
      1,
    );
  });

  it('002 §63: listed from the first day the behaviour continued, in whatever order the events come', () => {
    const items = escalationsDue(
      [caseAt('active')],
      [
        ev({ behaviours: ['Tone', 'AggressiveOrAbusive'], occurredAt: '2026-03-09T10:00:00Z' }),
        stalking('2026-03-12'),
        stalking('2026-03-05'),
      ],
      '2026-03-20',
    );
    expect(items).toEqual([expect.objectContaining({ since: '2026-03-09', due: '2026-03-20' })]);
  });

  it('a restriction record with no readable decision and no start date cannot be measured: nothing listed', () => {
    const active = caseAt('active');
    const noRestriction: RestrictionCase = { ...active, history: [], restriction: undefined };
    const blankStart: RestrictionCase = {
      ...active,
      history: [],
      restriction: { ...active.restriction!, startDate: '' },
    };
    for (const c of [noRestriction, blankStart])
      expect(escalationsDue([c], [stalking('2026-03-09')], '2026-03-20')).toEqual([]);
  });

  it('an event with no address is matched by name only, ignoring case; with neither, it is nobody’s', () => {
    const active = caseAt('active');
    const noAddress = (personName?: string) =>
      ev({ personEmail: undefined, personName, behaviours: ['Stalking'] });
    expect(escalationsDue([active], [noAddress("MARY O'BRIEN")], '2026-03-20')).toHaveLength(1);
    expect(escalationsDue([active], [noAddress('Someone Else')], '2026-03-20')).toEqual([]);
    expect(escalationsDue([active], [noAddress(undefined)], '2026-03-20')).toEqual([]);
    const spaced = { ...active, person: { ...active.person, name: " Mary O'Brien " } };
    expect(escalationsDue([spaced], [noAddress("mary o'brien")], '2026-03-20')).toHaveLength(1);
    const nameless = { ...active, person: { ...active.person, name: '' } };
    expect(escalationsDue([nameless], [noAddress(undefined)], '2026-03-20')).toEqual([]);
    expect(escalationsDue([nameless], [noAddress('  ')], '2026-03-20')).toEqual([]);
  });
});
