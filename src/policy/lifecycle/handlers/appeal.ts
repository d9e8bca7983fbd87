// An appeal to the clerk to governors, dealt with under the complaints procedure (000 §7.1). Pure.
import { formatLongDate } from '../../dates/format';
import { compareLocalDates, isLocalDate } from '../../londonDate';
import { lateFor, refusal, type TransitionSpec } from './common';

const APPEAL_STAGES = ['provisional', 'active', 'extended'] as const;
const noAppeal = () => 'There is no restriction to appeal against.';

export const recordAppeal: TransitionSpec<'recordAppeal'> = {
  from: APPEAL_STAGES,
  // A record of something received: open to any reviewer.
  deciders: () => [
    'headTeacher',
    'seniorLeader',
    'chairOfGovernors',
    'governingBoard',
    'appealPanel',
  ],
  verb: 'record an appeal',
  stageRefusal: noAppeal,
  apply: ({ c, t, ctx, today, problems, next }) => {
    if (ctx.settings.appealDays === null)
      problems.push("The school's policy has no appeal to the clerk to governors.");
    if (!isLocalDate(t.receivedOn))
      problems.push('The date the appeal was received is not a date.');
    else if (compareLocalDates(t.receivedOn, today) > 0)
      problems.push('An appeal cannot be received in the future.');
    if (c.appeal !== undefined && c.appeal.outcome === undefined)
      problems.push('An appeal is already waiting for a decision.');
    if (problems.length) return refusal('The appeal cannot be recorded yet.', problems);
    const late = lateFor(c, 'appeal', t.receivedOn);
    next.appeal = { receivedOn: t.receivedOn, late };
    return {
      ok: true,
      toStage: c.stage,
      deadlines: c.deadlines.filter((d) => d.kind !== 'appeal'),
      listChange: null,
      details: [
        `Appeal received on ${formatLongDate(t.receivedOn)}${late ? ', after the window closed' : ''}; it goes to the clerk to governors under the complaints procedure (000 §7.1).`,
      ],
      what: 'Appeal recorded',
    };
  },
};

export const decideAppeal: TransitionSpec<'decideAppeal'> = {
  from: APPEAL_STAGES,
  // 000 §7.1: dealt with under the complaints procedure (a governors' panel).
  deciders: () => ['chairOfGovernors', 'governingBoard', 'appealPanel'],
  verb: 'record the outcome of an appeal',
  stageRefusal: noAppeal,
  apply: ({ c, t, problems, next, itemAction }) => {
    if (c.appeal === undefined || c.appeal.outcome !== undefined)
      problems.push('No appeal is waiting for a decision.');
    if (problems.length) return refusal('The appeal decision cannot be recorded yet.', problems);
    next.appeal = { ...c.appeal!, outcome: t.upheld ? 'upheld' : 'dismissed' };
    return t.upheld
      ? {
          ok: true,
          toStage: 'overturned',
          deadlines: [],
          listChange: { action: itemAction, fields: { Status: 'Overturned' } },
          details: ['Appeal upheld: the restriction is overturned.'],
          what: 'Appeal upheld; restriction overturned',
        }
      : {
          ok: true,
          toStage: c.stage,
          deadlines: c.deadlines,
          listChange: null,
          details: ['Appeal dismissed: the restriction stays.'],
          what: 'Appeal dismissed',
        };
  },
};
