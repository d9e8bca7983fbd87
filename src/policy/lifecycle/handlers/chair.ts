// The chair of governors' stage (003 Appendix 5 Level 3 and Model Letters 2-5): representations
// within 10 days of the head teacher's letter, then the chair confirms or overturns. Pure.
import { addCountingDays } from '../../dates/deadlines';
import { reviewDateFor } from '../../dates/periods';
import { formatLongDate } from '../../dates/format';
import { compareLocalDates, isLocalDate } from '../../londonDate';
import { DECIDER_ROLE_LABELS, type RestrictionCase } from '../types';
import {
  appealDeadline,
  deadline,
  lateFor,
  refusal,
  statusFor,
  termFields,
  termLines,
  type TransitionSpec,
} from './common';

export const recordRepresentations: TransitionSpec<'recordRepresentations'> = {
  from: ['provisional'],
  // A record of something received: open to any reviewer.
  deciders: () => ['headTeacher', 'seniorLeader', 'chairOfGovernors', 'governingBoard'],
  verb: 'record representations to the chair of governors',
  stageRefusal: () =>
    'Representations to the chair of governors are for a provisional restriction only (policy 003).',
  apply: ({ c, t, ctx, today, problems, next }) => {
    // The window opened with the head teacher's letter, or with a stricter variation's.
    const opened = c.variation?.proposedOn ?? c.restriction!.imposedOn;
    if (!isLocalDate(t.receivedOn))
      problems.push('The date the representations were received is not a date.');
    else if (compareLocalDates(t.receivedOn, today) > 0)
      problems.push('Representations cannot be received in the future.');
    else if (compareLocalDates(t.receivedOn, opened) < 0)
      problems.push('Representations cannot be received before the restriction was imposed.');
    const letterDate = t.letterDate ?? t.receivedOn;
    if (t.letterDate !== undefined) {
      if (!isLocalDate(t.letterDate))
        problems.push("The date of the parent's letter is not a date.");
      else if (isLocalDate(t.receivedOn) && compareLocalDates(t.letterDate, t.receivedOn) > 0)
        problems.push("The parent's letter cannot be dated after the day it was received.");
      else if (compareLocalDates(t.letterDate, opened) < 0)
        problems.push("The parent's letter cannot be dated before the head teacher's letter.");
    }
    if (next.representations !== undefined)
      problems.push('Representations have already been recorded.');
    if (problems.length) return refusal('The representations cannot be recorded yet.', problems);
    const late = lateFor(c, 'representations', t.receivedOn);
    next.representations = {
      receivedOn: t.receivedOn,
      late,
      ...(t.letterDate !== undefined ? { letterDate: t.letterDate } : {}),
    };
    // 003 Level 3: "within 10 working days of the date of the parent's letter".
    const due = addCountingDays(letterDate, ctx.settings.chairAnswerDays, ctx.dates);
    const notes =
      t.letterDate === undefined
        ? [
            "The date of the parent's letter was not given: the chair's answer is counted from the day it was received.",
            ...due.notes,
          ]
        : due.notes;
    return {
      ok: true,
      toStage: c.stage,
      deadlines: [
        ...c.deadlines.filter((d) => d.kind !== 'representations' && d.kind !== 'chairAnswer'),
        deadline('chairAnswer', due.date, notes),
      ],
      listChange: null,
      details: [
        `Representations received on ${formatLongDate(t.receivedOn)}${t.letterDate !== undefined ? ` (letter dated ${formatLongDate(t.letterDate)})` : ''}${late ? ', after the window closed (the chair may still consider them)' : ''}; the chair answers by ${formatLongDate(due.date)}.`,
      ],
      what: 'Representations to the chair recorded',
    };
  },
};

/** Confirming or overturning needs a provisional restriction. */
function notProvisional(kind: 'confirm' | 'overturn') {
  return (c: RestrictionCase): string => {
    if (c.stage === 'active' || c.stage === 'extended')
      return kind === 'confirm'
        ? 'This restriction has already been confirmed.'
        : 'Only a provisional restriction can be overturned by the chair; an appeal that is upheld overturns one in force.';
    return `There is nothing to ${kind}: no restriction has been imposed.`;
  };
}

export const confirm: TransitionSpec<'confirm'> = {
  from: ['provisional'],
  // 003 Level 3: "The Chair of Governors would then decide whether to confirm or remove the conditions."
  deciders: () => ['chairOfGovernors', 'governingBoard'],
  verb: 'confirm the restriction',
  refusedOnceExpired: true,
  stageRefusal: notProvisional('confirm'),
  apply: ({ c, t, ctx, today, problems, next, itemAction }) => {
    const window = c.deadlines.find((d) => d.kind === 'representations');
    if (
      next.representations === undefined &&
      window !== undefined &&
      compareLocalDates(today, window.due) <= 0
    ) {
      return refusal(
        `The person may send representations until ${formatLongDate(window.due)}. The chair confirms after that date, or once their representations have been received (policy 003).`,
      );
    }
    if (problems.length) return refusal('The decision cannot be recorded yet.', problems);
    const r = c.restriction!;
    const variation = c.variation;
    delete next.variation;
    if (variation !== undefined) {
      // A stricter variation confirmed: the restriction runs on as it was, with the new terms.
      const toStage = variation.previousStage;
      return {
        ok: true,
        toStage,
        deadlines: [
          ...appealDeadline(ctx),
          deadline('review', r.reviewDate),
          deadline('end', r.endDate),
        ],
        listChange: { action: itemAction, fields: { Status: statusFor(toStage) } },
        details: [
          `The new terms were confirmed by ${DECIDER_ROLE_LABELS[t.decidedBy.role]}; review by ${formatLongDate(r.reviewDate)}.`,
        ],
        what: 'Restriction terms confirmed',
      };
    }
    const review = reviewDateFor(today, r.reviewPlan, r.endDate, ctx.dates.school);
    if (!review.ok) return refusal(review.message, [review.message]);
    next.restriction = { ...r, reviewDate: review.date };
    return {
      ok: true,
      toStage: 'active',
      deadlines: [
        ...appealDeadline(ctx),
        deadline('review', review.date),
        deadline('end', r.endDate),
      ],
      listChange: { action: itemAction, fields: { Status: 'Active', ReviewDate: review.date } },
      details: [
        `Confirmed by ${DECIDER_ROLE_LABELS[t.decidedBy.role]}; review by ${formatLongDate(review.date)}.`,
      ],
      what: 'Restriction confirmed',
    };
  },
};

export const overturn: TransitionSpec<'overturn'> = {
  from: ['provisional'],
  deciders: () => ['chairOfGovernors', 'governingBoard'],
  verb: 'overturn the restriction',
  stageRefusal: notProvisional('overturn'),
  apply: ({ c, t, problems, next, itemAction }) => {
    if (problems.length) return refusal('The decision cannot be recorded yet.', problems);
    const variation = c.variation;
    const r = c.restriction!;
    delete next.variation;
    if (variation !== undefined) {
      // Only the stricter variation is overturned: the terms that applied before apply again.
      const toStage = variation.previousStage;
      next.restriction = { ...r, terms: variation.previousTerms };
      return {
        ok: true,
        toStage,
        deadlines: [deadline('review', r.reviewDate), deadline('end', r.endDate)],
        listChange: {
          action: itemAction,
          fields: { Status: statusFor(toStage), ...termFields(variation.previousTerms) },
        },
        details: [
          `The new terms were overturned by ${DECIDER_ROLE_LABELS[t.decidedBy.role]}: the earlier terms apply again.`,
          ...termLines(variation.previousTerms),
        ],
        what: 'Restriction terms overturned; earlier terms restored',
      };
    }
    return {
      ok: true,
      toStage: 'overturned',
      deadlines: [],
      listChange: { action: itemAction, fields: { Status: 'Overturned' } },
      details: [`Overturned by ${DECIDER_ROLE_LABELS[t.decidedBy.role]}: it no longer applies.`],
      what: 'Restriction overturned',
    };
  },
};
