// Issue 14, items 6 and 7: what the records make due, each citing its paragraph.
import {
  applyTransition,
  staffListChange,
  DEFAULT_RECORDS_DUE_SETTINGS,
  DUE_LABELS,
  RECORDS_DUE_KINDS,
  RECORDS_DUE_LABELS,
  chairNotificationsDue,
  localAreaGroupNotificationsDue,
  recordNotice,
  dueItems,
  escalationsDue,
  listItemsDue,
  policeReportsDue,
  type RecordedEvent,
} from '../../../src/policy/lifecycle';
import type { Restriction } from '../../../src/policy/types';
import { CHAIR, T, bankHolidays, caseAt, ctx, person, step } from './helpers';

const ev = (over: Partial<RecordedEvent> = {}): RecordedEvent => ({
  occurredAt: '2026-03-10T09:00:00Z',
  personName: "Mary O'Brien",
  personEmail: 'mary.obrien@example.org',
  behaviours: ['Tone'],
  ...over,
});

describe('002 §33: threats, violence and stalking are always reported to the police', () => {
  it('002 §33: a recorded stalking, threat or physicality the police were not told of is late, from its day', () => {
    const items = policeReportsDue(
      [
        ev({ behaviours: ['Stalking'], policeInformed: 'No' }),
        ev({ behaviours: ['Threatening'], occurredAt: '2026-03-11T23:30:00Z' }),
        ev({ behaviours: ['Physicality'], policeInformed: 'Yes' }),
        ev({ behaviours: ['Tone', 'Words'] }),
      ],
      '2026-03-20',
    );
    expect(items).toEqual([
      { kind: 'reportToPolice', personName: "Mary O'Brien", due: '2026-03-10', state: 'late' },
      // 23:30 UTC in March is 23:30 in London: still the 11th.
      { kind: 'reportToPolice', personName: "Mary O'Brien", due: '2026-03-11', state: 'late' },
    ]);
  });

  it('002 §39 vs §33: a feeling of being threatened alone makes nothing due', () => {
    expect(policeReportsDue([{ ...ev(), behaviours: ['Words'] }], '2026-03-20')).toEqual([]);
  });

  it('names the person by address when no name was recorded; skips undated and future events', () => {
    const items = policeReportsDue(
      [
        { occurredAt: '2026-03-10T09:00:00Z', personEmail: 'x@y.org', behaviours: ['Stalking'] },
        ev({ behaviours: ['Stalking'], occurredAt: 'yesterday' }),
        ev({ behaviours: ['Stalking'], occurredAt: '2026-03-21T09:00:00Z' }),
      ],
      '2026-03-20',
    );
    expect(items).toEqual([
      { kind: 'reportToPolice', personName: 'x@y.org', due: '2026-03-10', state: 'late' },
    ]);
  });
});

describe('002 §49: the head teacher notifies the chair of governors of a letter to the parent', () => {
  it("002 §49: the warning and the imposition (head teacher's letters) are due, the chair's own confirmation is not", () => {
    const c = { ...caseAt('active'), id: 'c1' }; // warning and imposition on 2 March, chair confirmed 6 March
    expect(chairNotificationsDue([c], '2026-03-06')).toEqual([
      {
        kind: 'notifyChair',
        personName: "Mary O'Brien",
        caseId: 'c1',
        due: '2026-03-06',
        since: '2026-03-02',
        state: 'due',
        notice: { to: 'chairOfGovernors', decision: 0 },
      },
      {
        kind: 'notifyChair',
        personName: "Mary O'Brien",
        caseId: 'c1',
        due: '2026-03-06',
        since: '2026-03-02',
        state: 'due',
        notice: { to: 'chairOfGovernors', decision: 1 },
      },
    ]);
    expect(c.history.some((r) => r.decidedBy.role === CHAIR.role)).toBe(true);
  });

  it('002 §49: listed until a reviewer records that the chair was told; late after 14 days', () => {
    const c = caseAt('warning'); // 2 March
    expect(chairNotificationsDue([c], '2026-03-16')).toMatchObject([
      { state: 'due', due: '2026-03-16' },
    ]);
    expect(chairNotificationsDue([c], '2026-05-01')).toMatchObject([
      { state: 'late', due: '2026-03-16', since: '2026-03-02' },
    ]);
    expect(chairNotificationsDue([c], '2026-03-01')).toEqual([]);
    const told = recordNotice(
      c,
      { to: 'chairOfGovernors', decision: 0, toldOn: '2026-03-03', recordedBy: 'Ms Head' },
      '2026-03-04',
    );
    if (!told.ok) throw new Error(told.problem);
    expect(told.case.notices).toEqual([
      { to: 'chairOfGovernors', decision: 0, toldOn: '2026-03-03', recordedBy: 'Ms Head' },
    ]);
    expect(chairNotificationsDue([told.case], '2026-05-01')).toEqual([]);
    // Told the chair of governors is not told the chair of the LAG.
    const lag = { ...DEFAULT_RECORDS_DUE_SETTINGS, notifyLocalAreaGroup: true };
    expect(localAreaGroupNotificationsDue([told.case], '2026-03-04', lag)).toHaveLength(1);
  });

  it('002 §49, 004 Actions: a notice is refused for a decision not there, one needing none, twice, or on an impossible day', () => {
    const c = caseAt('active'); // warning, imposition (2 March); representations, confirmation (6 March)
    const n = (
      to: 'chairOfGovernors' | 'localAreaGroup',
      decision: number,
      toldOn = '2026-03-06',
    ) => ({
      to,
      decision,
      toldOn,
      recordedBy: 'Ms Head',
    });
    const problem = (r: ReturnType<typeof recordNotice>) => (r.ok ? 'ok' : r.problem);
    expect(problem(recordNotice(c, n('chairOfGovernors', 9), '2026-03-06'))).toBe(
      'That decision is not in this case.',
    );
    expect(problem(recordNotice(c, n('chairOfGovernors', 3), '2026-03-06'))).toBe(
      'The chair of governors is told only of the head teacher’s letters.',
    );
    expect(problem(recordNotice(c, n('localAreaGroup', 3), '2026-03-06'))).toBe('ok');
    expect(problem(recordNotice(c, n('chairOfGovernors', 1, '2026-03-07'), '2026-03-06'))).toBe(
      'The day told cannot be in the future.',
    );
    expect(problem(recordNotice(c, n('chairOfGovernors', 1, '2026-03-01'), '2026-03-06'))).toBe(
      'The day told cannot be before the decision.',
    );
    expect(problem(recordNotice(c, n('chairOfGovernors', 1, 'Tuesday'), '2026-03-06'))).toBe(
      'The day told is not a date.',
    );
    expect(
      problem(recordNotice(c, { ...n('chairOfGovernors', 1), recordedBy: ' ' }, '2026-03-06')),
    ).toBe('Who recorded it is not known.');
    const once = recordNotice(c, n('chairOfGovernors', 1), '2026-03-06');
    if (!once.ok) throw new Error(once.problem);
    expect(problem(recordNotice(once.case, n('chairOfGovernors', 1), '2026-03-06'))).toBe(
      'That has already been recorded.',
    );
    // A later decision keeps the notices: the machine copies the case.
    expect(step(once.case, T.review, '2026-03-10').notices).toEqual(once.case.notices);
  });

  it('not for a concern (no letter) nor where the school sets it off', () => {
    expect(chairNotificationsDue([caseAt('concern')], '2026-03-02')).toEqual([]);
    const off = { ...DEFAULT_RECORDS_DUE_SETTINGS, notifyChairOfLetters: false };
    expect(chairNotificationsDue([caseAt('warning')], '2026-03-02', off)).toEqual([]);
  });
});

describe('004 Actions: the chair of the Local Area Group is kept informed at all times', () => {
  const on = { ...DEFAULT_RECORDS_DUE_SETTINGS, notifyLocalAreaGroup: true };

  it("004 Actions: every decision, the chair of governors' included, is due until recorded, late after 14 days", () => {
    const c = { ...caseAt('active'), id: 'c1' }; // warning and imposition 2 March, confirmed 6 March
    const items = localAreaGroupNotificationsDue([c], '2026-03-06', on);
    // The warning, the imposition and the confirmation; the representations received are a record.
    expect(c.history.map((r) => r.transition)).toEqual([
      'issueWarning',
      'impose',
      'recordRepresentations',
      'confirm',
    ]);
    expect(items.map((i) => i.notice!.decision)).toEqual([0, 1, 3]);
    expect(items[0]).toEqual({
      kind: 'notifyLocalAreaGroup',
      personName: "Mary O'Brien",
      caseId: 'c1',
      due: '2026-03-06',
      since: '2026-03-02',
      state: 'due',
      notice: { to: 'localAreaGroup', decision: 0 },
    });
    expect(localAreaGroupNotificationsDue([c], '2026-03-20', on).map((i) => i.state)).toEqual([
      'late',
      'late',
      'due',
    ]);
    expect(localAreaGroupNotificationsDue([c], '2026-03-01', on)).toEqual([]);
  });

  it('002 §49, 004 Actions: a closed case brings back no old reminders; a damaged notices value reads as none told', () => {
    const ended = step(caseAt('active'), T.end, '2026-03-10');
    expect(ended.stage).toBe('ended');
    // Within 14 days (the confirmation of 6 March, the end of 10 March) still told of; the warning
    // and imposition of 2 March, late in a closed case, are not.
    expect(localAreaGroupNotificationsDue([ended], '2026-03-20', on).map((i) => i.since)).toEqual([
      '2026-03-06',
      '2026-03-10',
    ]);
    expect(chairNotificationsDue([ended], '2026-03-20')).toEqual([]);
    const damaged = { ...caseAt('warning'), notices: 'told' as unknown as [] };
    expect(chairNotificationsDue([damaged], '2026-03-03')).toHaveLength(1);
  });

  it('004 Actions: a receipt is not a decision to tell of; a decision that is not a whole number is refused', () => {
    const c = caseAt('active');
    const n = (decision: number) => ({
      to: 'localAreaGroup' as const,
      decision,
      toldOn: '2026-03-06',
      recordedBy: 'Ms Head',
    });
    const problem = (r: ReturnType<typeof recordNotice>) => (r.ok ? 'ok' : r.problem);
    expect(problem(recordNotice(c, n(2), '2026-03-06'))).toBe(
      'That is a record, not a decision to tell of.',
    );
    expect(problem(recordNotice(c, n(1.5), '2026-03-06'))).toBe(
      'That decision is not in this case.',
    );
    expect(problem(recordNotice(c, n(3), '2026-03-06'))).toBe('ok');
  });

  it('004 Actions: only where the school names a Local Area Group (off by default: 000–003 name none)', () => {
    expect(localAreaGroupNotificationsDue([caseAt('active')], '2026-03-06')).toEqual([]);
    expect(RECORDS_DUE_LABELS.notifyLocalAreaGroup).toContain('004');
  });
});

describe('002 §63: behaviour continuing under a restriction may be escalated', () => {
  it('002 §63: unacceptable behaviour after the last decision on a restriction in place is due, once per case, from its first day', () => {
    const c = { ...caseAt('active'), id: 'a1' }; // last decision 6 March
    const items = escalationsDue(
      [c],
      [
        ev({ behaviours: ['UnreasonableLevelOfContact'], occurredAt: '2026-03-12T10:00:00Z' }),
        ev({ behaviours: ['AggressiveOrAbusive'], occurredAt: '2026-03-09T10:00:00Z' }),
        ev({ behaviours: ['AggressiveOrAbusive'], occurredAt: '2026-03-05T10:00:00Z' }),
      ],
      '2026-03-20',
    );
    expect(items).toEqual([
      {
        kind: 'escalation',
        personName: "Mary O'Brien",
        caseId: 'a1',
        due: '2026-03-20',
        since: '2026-03-09',
        state: 'due',
      },
    ]);
  });

  it('matches the person by address (any case) or, without one, by name', () => {
    const c = caseAt('active');
    const byName = ev({
      personEmail: undefined,
      personName: " mary o'brien ",
      behaviours: ['Stalking'],
    });
    const byAddress = ev({
      personEmail: 'MOB@example.net',
      personName: 'Someone',
      behaviours: ['Threatening'],
    });
    const other = ev({ personEmail: 'else@example.org', behaviours: ['Threatening'] });
    expect(escalationsDue([c], [byName], '2026-03-20')).toHaveLength(1);
    expect(escalationsDue([c], [byAddress], '2026-03-20')).toHaveLength(1);
    expect(escalationsDue([c], [other], '2026-03-20')).toEqual([]);
  });

  it('not for tone alone, nor before the decision, nor in the future, nor without a restriction', () => {
    const active = caseAt('active');
    expect(escalationsDue([active], [ev({ behaviours: ['Tone'] })], '2026-03-20')).toEqual([]);
    const later = ev({ behaviours: ['Stalking'], occurredAt: '2026-03-25T10:00:00Z' });
    expect(escalationsDue([active], [later], '2026-03-20')).toEqual([]);
    const onTheDay = ev({ behaviours: ['Stalking'], occurredAt: '2026-03-06T10:00:00Z' });
    expect(escalationsDue([active], [onTheDay], '2026-03-20')).toEqual([]);
    const stalking = ev({ behaviours: ['Stalking'] });
    for (const stage of ['warning', 'ended', 'overturned'] as const)
      expect(escalationsDue([caseAt(stage)], [stalking], '2026-03-20')).toEqual([]);
    expect(escalationsDue([caseAt('provisional')], [stalking], '2026-03-20')).toHaveLength(1);
    expect(escalationsDue([caseAt('extended')], [stalking], '2026-03-20')).toHaveLength(1);
    const off = { ...DEFAULT_RECORDS_DUE_SETTINGS, escalation: false };
    expect(escalationsDue([active], [stalking], '2026-03-20', off)).toEqual([]);
  });

  it('a later decision (a review) answers it', () => {
    const reviewed = step(
      caseAt('active'),
      { kind: 'review', decidedBy: CHAIR, reasons: 'Looked again' },
      '2026-03-12',
    );
    const stalking = ev({ behaviours: ['Stalking'], occurredAt: '2026-03-10T10:00:00Z' });
    expect(escalationsDue([reviewed], [stalking], '2026-03-20')).toEqual([]);
  });
});

const item = (over: Partial<Restriction> = {}): Restriction => ({
  id: '9',
  personName: 'Hand Edited',
  emails: ['h@example.org'],
  status: 'Active',
  startDate: '2026-01-01',
  endDate: '2026-06-30',
  reviewDate: '2026-04-01',
  handling: 'Forward',
  spocName: 'Office',
  spocEmail: 'office@example.org',
  allowedContact: '',
  staffGuidance: '',
  emergencyNote: '',
  ...over,
});

describe('issue 14 item 7: hand-edited Contact Restrictions items', () => {
  const today = '2026-03-20';
  it('002 §50, 000 §6.4: an item in force with no review date is flagged (no restriction is indefinite)', () => {
    const { reviewDate: _r, ...noReview } = item();
    expect(listItemsDue([noReview], today)).toEqual([
      { kind: 'noReviewDate', personName: 'Hand Edited', due: today, state: 'late' },
    ]);
    expect(listItemsDue([item()], today)).toEqual([]);
  });

  it('002 §50, §52: an item ending more than the longest term (12 months) ahead is flagged; the last day allowed is not', () => {
    expect(listItemsDue([item({ endDate: '2027-03-20' })], today)).toEqual([]);
    expect(listItemsDue([item({ endDate: '2027-03-21' })], today)).toEqual([
      { kind: 'endsBeyondLongestTerm', personName: 'Hand Edited', due: today, state: 'late' },
    ]);
    const sixMonths = { ...DEFAULT_RECORDS_DUE_SETTINGS, longestTermMonths: 6 };
    expect(listItemsDue([item({ endDate: '2026-09-21' })], today, sixMonths)).toHaveLength(1);
    expect(listItemsDue([item({ endDate: '2026-09-20' })], today, sixMonths)).toEqual([]);
  });

  it('only items in force: an ended, overturned or not yet started item is not flagged for dates', () => {
    const { reviewDate: _r, ...noReview } = item({ endDate: '2030-01-01' });
    for (const over of [
      { status: 'Ended' },
      { status: 'Overturned' },
      { startDate: '2026-04-01' },
    ] as const)
      expect(listItemsDue([{ ...noReview, ...over }], today)).toEqual([]);
  });

  it('002 §51: a Warning item on the list all staff read is flagged, whatever its dates', () => {
    expect(listItemsDue([item({ status: 'Warning', endDate: '' })], today)).toEqual([
      { kind: 'warningOnStaffList', personName: 'Hand Edited', due: today, state: 'late' },
    ]);
  });
});

describe('the due list carries the records, each citing its paragraph', () => {
  it('every kind has a label that cites a policy paragraph', () => {
    // 000 and 002 number their paragraphs; 004 is cited by heading (docs/policies.md).
    for (const kind of RECORDS_DUE_KINDS)
      expect(DUE_LABELS[kind]).toMatch(/\d{3} §\d+|004 Actions/);
    expect(DUE_LABELS.reportToPolice).toContain('002 §33');
    expect(DUE_LABELS.notifyChair).toContain('002 §49');
    expect(DUE_LABELS.escalation).toContain('002 §63');
    expect(DUE_LABELS.notifyLocalAreaGroup).toContain('004 Actions');
  });

  it('dueItems lists records with the deadlines, late first, with days counted', () => {
    const items = dueItems([], '2026-03-20', bankHolidays, 14, {
      records: [
        {
          kind: 'notifyChair',
          personName: 'B',
          caseId: 'c',
          due: '2026-03-20',
          state: 'due',
          since: '2026-03-18',
        },
        { kind: 'reportToPolice', personName: 'A', due: '2026-03-10', state: 'late' },
      ],
    });
    expect(items).toEqual([
      {
        personName: 'A',
        kind: 'reportToPolice',
        due: '2026-03-10',
        state: 'late',
        daysFromToday: -10,
        countingDaysLeft: 0,
        label: DUE_LABELS.reportToPolice,
      },
      {
        caseId: 'c',
        personName: 'B',
        kind: 'notifyChair',
        due: '2026-03-20',
        state: 'due',
        daysFromToday: 0,
        countingDaysLeft: 0,
        label: DUE_LABELS.notifyChair,
        since: '2026-03-18',
      },
    ]);
    expect(person().history).toEqual([]);
  });
});

describe('issue 14 item 7: a warning is not on the all-staff list', () => {
  it('002 §51: a decision that would write Status Warning writes nothing to Contact Restrictions', () => {
    const warned = applyTransition(person(), T.warning, ctx('2026-03-02'));
    if (!warned.ok) throw new Error('refused');
    expect(warned.listChange?.fields.Status).toBe('Warning');
    expect(staffListChange(warned.listChange)).toBeNull();
    const imposed = applyTransition(warned.case, T.impose, ctx('2026-03-02'));
    if (!imposed.ok) throw new Error('refused');
    expect(staffListChange(imposed.listChange)).toBe(imposed.listChange);
    expect(staffListChange(null)).toBeNull();
  });
});

describe('records: the edges of each rule', () => {
  it('002 §33: an event today is already due; a blank name falls back to the address', () => {
    expect(
      policeReportsDue(
        [ev({ behaviours: ['Physicality'], personName: '  ', occurredAt: '2026-03-20T08:00:00Z' })],
        '2026-03-20',
      ),
    ).toEqual([
      {
        kind: 'reportToPolice',
        personName: 'mary.obrien@example.org',
        due: '2026-03-20',
        state: 'late',
      },
    ]);
  });

  it("002 §49: an extension the head teacher decides is a letter; the governing board's is not the head's to report", () => {
    const extendedByBoard = caseAt('extended'); // extended on 6 March by the governing board (T.extend)
    const boardExtension = extendedByBoard.history.find((r) => r.transition === 'extend')!;
    expect(boardExtension.decidedBy.role).toBe('governingBoard');
    expect(
      chairNotificationsDue([extendedByBoard], '2026-03-10').filter(
        (d) => d.since === '2026-03-06',
      ),
    ).toEqual([]);
    const byHead = {
      ...extendedByBoard,
      history: extendedByBoard.history.map((r) =>
        r.transition === 'extend'
          ? { ...r, decidedBy: { name: 'Helen Marsh', role: 'headTeacher' as const } }
          : r,
      ),
    };
    expect(
      chairNotificationsDue([byHead], '2026-03-10').filter((d) => d.since === '2026-03-06'),
    ).toHaveLength(1);
    const unreadable = {
      ...byHead,
      history: byHead.history.map((r) => ({ ...r, decidedOn: 'soon' })),
    };
    expect(chairNotificationsDue([unreadable], '2026-03-10')).toEqual([]);
  });

  it("002 §63: an address that is not the case's wins over a matching name; behaviour today counts", () => {
    const c = caseAt('active');
    const sameNameOtherAddress = ev({ personEmail: 'other@example.org', behaviours: ['Stalking'] });
    expect(escalationsDue([c], [sameNameOtherAddress], '2026-03-20')).toEqual([]);
    const today = ev({ behaviours: ['Stalking'], occurredAt: '2026-03-20T08:00:00Z' });
    expect(escalationsDue([c], [today], '2026-03-20')).toEqual([
      expect.objectContaining({ since: '2026-03-20' }),
    ]);
    const undated = ev({ behaviours: ['Stalking'], occurredAt: 'not a date' });
    expect(escalationsDue([c], [undated], '2026-03-20')).toEqual([]);
  });

  it('002 §63: without any readable decision, the restriction start is the line', () => {
    const c = caseAt('active');
    const noHistory = { ...c, history: [] };
    const after = ev({ behaviours: ['Stalking'], occurredAt: '2026-03-04T08:00:00Z' });
    const before = ev({ behaviours: ['Stalking'], occurredAt: '2026-03-01T08:00:00Z' });
    expect(escalationsDue([noHistory], [after], '2026-03-20')).toHaveLength(1);
    expect(escalationsDue([noHistory], [before], '2026-03-20')).toEqual([]);
  });

  it('no indefinite restriction: a review date that is not a date counts as none', () => {
    expect(listItemsDue([item({ reviewDate: 'next term' })], '2026-03-20')).toEqual([
      expect.objectContaining({ kind: 'noReviewDate' }),
    ]);
  });
});

describe('002 §51: closing a warning leaves the all-staff list alone', () => {
  it('002 §51: ending a warning with no list item writes nothing to Contact Restrictions', () => {
    const result = applyTransition(caseAt('warning'), T.end, ctx('2026-03-06'));
    expect(result.ok && result.listChange).toBeNull();
  });

  it('002 §51: a warning an older version did write to the list is marked Ended there', () => {
    const older = { ...caseAt('warning'), restrictionItemId: '41' };
    const result = applyTransition(older, T.end, ctx('2026-03-06'));
    expect(result.ok && result.listChange).toEqual({
      action: 'update',
      fields: { Status: 'Ended' },
    });
  });

  it('ending a restriction in force still marks its item Ended', () => {
    const result = applyTransition(caseAt('active'), T.end, ctx('2026-03-06'));
    expect(result.ok && result.listChange).toMatchObject({ fields: { Status: 'Ended' } });
  });
});
