// Appeals to the clerk to governors (000 §7.1), through applyTransition: who records and decides
// them, when one is refused, and what the case, the list and the records say afterwards.
import {
  DECIDER_ROLES,
  applyTransition,
  type DeciderRole,
  type RestrictionCase,
  type Transition,
} from '../../../src/policy/lifecycle';
import { BOARD, caseAt, CHAIR, ctx, decided, HEAD, PANEL, refusedWith, step, T } from './helpers';

const ON = '2026-03-06';
// caseAt('active') was confirmed on 6 March 2026: the appeal window (20 working days, Good Friday
// and Easter Monday not counted) closes on 7 April 2026.
const WINDOW_CLOSES = '2026-04-07';

function appealOn(receivedOn: string, decidedBy = HEAD): Transition {
  return { ...T.appeal, receivedOn, decidedBy };
}

describe('recording an appeal (000 §7.1)', () => {
  it('any reviewer may record an appeal received, whatever their role', () => {
    for (const role of DECIDER_ROLES) {
      const result = applyTransition(
        caseAt('active'),
        appealOn(ON, { name: 'Someone', role }),
        ctx(ON),
      );
      expect([role, result.ok]).toEqual([role, true]);
    }
    expect(
      applyTransition(
        caseAt('active'),
        appealOn(ON, { name: 'A parent', role: 'parent' as DeciderRole }),
        ctx(ON),
      ),
    ).toEqual({
      ok: false,
      message:
        'Only the head teacher, a senior leader, the chair of governors, the governing board or the appeal panel can record an appeal.',
      problems: [],
    });
  });

  it('an appeal in time closes the appeal window, keeps the restriction as it is and tells staff nothing new', () => {
    const result = decided(applyTransition(caseAt('active'), appealOn(ON), ctx(ON)));
    expect(result.case.stage).toBe('active');
    expect(result.case.appeal).toStrictEqual({ receivedOn: ON, late: false });
    expect(result.deadlines).toEqual([
      { kind: 'review', due: '2026-09-01', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
    ]);
    expect(result.case.deadlines).toEqual(result.deadlines);
    expect(result.listChange).toBeNull();
    expect(result.record.details).toEqual([
      'Appeal received on 6 March 2026; it goes to the clerk to governors under the complaints procedure (000 §7.1).',
    ]);
    expect(result.audit.what).toBe('Appeal recorded');
  });

  it('an appeal against a provisional restriction keeps the representations window open', () => {
    const result = decided(applyTransition(caseAt('provisional'), appealOn(ON), ctx(ON)));
    expect(result.case.stage).toBe('provisional');
    expect(result.deadlines.map((d) => d.kind)).toEqual(['representations', 'review', 'end']);
  });

  it('an appeal after the window closed is still recorded, and marked late', () => {
    const onLastDay = decided(
      applyTransition(caseAt('active'), appealOn(WINDOW_CLOSES), ctx(WINDOW_CLOSES)),
    );
    expect(onLastDay.case.appeal).toEqual({ receivedOn: WINDOW_CLOSES, late: false });
    const late = decided(
      applyTransition(caseAt('active'), appealOn('2026-04-08'), ctx('2026-04-08')),
    );
    expect(late.case.appeal).toStrictEqual({ receivedOn: '2026-04-08', late: true });
    expect(late.record.details).toEqual([
      'Appeal received on 8 April 2026, after the window closed; it goes to the clerk to governors under the complaints procedure (000 §7.1).',
    ]);
    expect(late.deadlines.map((d) => d.kind)).toEqual(['review', 'end']);
  });

  it('there is nothing to appeal against before a restriction is imposed', () => {
    expect(applyTransition(caseAt('warning'), appealOn(ON), ctx(ON))).toEqual({
      ok: false,
      message: 'There is no restriction to appeal against.',
      problems: [],
    });
  });

  it('refused where the school has no appeal, for a date that is not one or in the future', () => {
    const active = caseAt('active');
    expect(
      refusedWith(applyTransition(active, appealOn(ON), ctx(ON, { appealDays: null }))),
    ).toEqual([
      'The appeal cannot be recorded yet.',
      "The school's policy has no appeal to the clerk to governors.",
    ]);
    expect(refusedWith(applyTransition(active, appealOn('6/3/2026'), ctx(ON)))).toEqual([
      'The appeal cannot be recorded yet.',
      'The date the appeal was received is not a date.',
    ]);
    expect(refusedWith(applyTransition(active, appealOn('2026-03-07'), ctx(ON)))).toEqual([
      'The appeal cannot be recorded yet.',
      'An appeal cannot be received in the future.',
    ]);
    expect(applyTransition(active, appealOn(ON), ctx(ON)).ok).toBe(true);
  });

  it('one appeal at a time: a second waits until the first is decided', () => {
    const waiting = step(caseAt('active'), appealOn(ON), ON);
    expect(
      refusedWith(applyTransition(waiting, appealOn('2026-03-09'), ctx('2026-03-09'))),
    ).toEqual([
      'The appeal cannot be recorded yet.',
      'An appeal is already waiting for a decision.',
    ]);
    const dismissed = step(waiting, T.decideAppeal, '2026-03-09');
    const again = decided(applyTransition(dismissed, appealOn('2026-03-10'), ctx('2026-03-10')));
    expect(again.case.appeal).toStrictEqual({ receivedOn: '2026-03-10', late: false });
  });

  it('every problem is listed at once', () => {
    const waiting = step(caseAt('active'), appealOn(ON), ON);
    expect(
      refusedWith(applyTransition(waiting, appealOn('2026-03-09'), ctx(ON, { appealDays: null }))),
    ).toEqual([
      'The appeal cannot be recorded yet.',
      "The school's policy has no appeal to the clerk to governors.",
      'An appeal cannot be received in the future.',
      'An appeal is already waiting for a decision.',
    ]);
  });
});

describe('deciding an appeal (000 §7.1: the complaints procedure, a governors’ panel)', () => {
  const waiting = (): RestrictionCase => step(caseAt('active'), appealOn(ON), ON);

  it('the chair of governors, the governing board or the appeal panel decide it; the head teacher does not', () => {
    for (const decidedBy of [CHAIR, BOARD, PANEL]) {
      const result = applyTransition(waiting(), { ...T.decideAppeal, decidedBy }, ctx(ON));
      expect([decidedBy.role, result.ok]).toEqual([decidedBy.role, true]);
    }
    expect(applyTransition(waiting(), { ...T.decideAppeal, decidedBy: HEAD }, ctx(ON))).toEqual({
      ok: false,
      message:
        'Only the chair of governors, the governing board or the appeal panel can record the outcome of an appeal.',
      problems: [],
    });
  });

  it('upheld: the restriction is overturned at once, for staff too, and nothing more falls due', () => {
    const result = decided(
      applyTransition(waiting(), { ...T.decideAppeal, upheld: true }, ctx('2026-03-10')),
    );
    expect(result.case.stage).toBe('overturned');
    expect(result.case.appeal).toStrictEqual({ receivedOn: ON, late: false, outcome: 'upheld' });
    expect(result.deadlines).toEqual([]);
    expect(result.case.deadlines).toEqual([]);
    expect(result.listChange).toEqual({ action: 'create', fields: { Status: 'Overturned' } });
    expect(result.record.details).toEqual(['Appeal upheld: the restriction is overturned.']);
    expect(result.audit.what).toBe('Appeal upheld; restriction overturned');
  });

  it('dismissed: the restriction stays as it was, with its dates', () => {
    const result = decided(applyTransition(waiting(), T.decideAppeal, ctx('2026-03-10')));
    expect(result.case.stage).toBe('active');
    expect(result.case.appeal).toStrictEqual({ receivedOn: ON, late: false, outcome: 'dismissed' });
    expect(result.deadlines).toEqual([
      { kind: 'review', due: '2026-09-01', notes: [] },
      { kind: 'end', due: '2026-09-01', notes: [] },
    ]);
    expect(result.listChange).toBeNull();
    expect(result.record.details).toEqual(['Appeal dismissed: the restriction stays.']);
    expect(result.audit.what).toBe('Appeal dismissed');
  });

  it('refused when no appeal is waiting: none received, or already decided', () => {
    const noneWaiting = [
      'The appeal decision cannot be recorded yet.',
      'No appeal is waiting for a decision.',
    ];
    expect(refusedWith(applyTransition(caseAt('active'), T.decideAppeal, ctx(ON)))).toEqual(
      noneWaiting,
    );
    const dismissed = step(waiting(), T.decideAppeal, ON);
    expect(
      refusedWith(applyTransition(dismissed, { ...T.decideAppeal, upheld: true }, ctx(ON))),
    ).toEqual(noneWaiting);
    expect(
      refusedWith(applyTransition(waiting(), { ...T.decideAppeal, reasons: '' }, ctx(ON))),
    ).toEqual([
      'The appeal decision cannot be recorded yet.',
      'Say why: every decision is recorded with its reasons (policy 002 §45).',
    ]);
  });
});
