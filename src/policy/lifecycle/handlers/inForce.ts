// Decisions on a restriction in force: keep it at a review, extend it, vary its terms, or end it
// (003 Level 3 "maintain, extend or remove"; 001 "in exceptional cases may be extended ... reviewed
// on a termly basis"; 002 §50). Pure.
import { addCountingDays } from '../../dates/deadlines';
import { durationLabel, endDateFor, periodProblems, reviewDateFor } from '../../dates/periods';
import { formatLongDate } from '../../dates/format';
import { compareLocalDates } from '../../londonDate';
import { extendersFor } from '../settings';
import { addedTerms, checkTerms } from '../terms';
import type { ListChange, RestrictionCase } from '../types';
import {
  RESTRICTING,
  appealDeadline,
  deadline,
  refusal,
  termFields,
  termLines,
  type TransitionOf,
  type TransitionSpec,
} from './common';

const IN_FORCE_DECIDERS = () => ['headTeacher', 'chairOfGovernors', 'governingBoard'] as const;

function notInForce(what: string) {
  return (c: RestrictionCase): string =>
    c.stage === 'provisional'
      ? 'The restriction is still provisional: the chair of governors confirms or overturns it first.'
      : `There is no restriction in force to ${what}.`;
}

export const review: TransitionSpec<'review'> = {
  from: ['active', 'extended'],
  // 003: the governing board reviews; 001, 002: the head teacher.
  deciders: IN_FORCE_DECIDERS,
  verb: 'record a review',
  refusedOnceExpired: true,
  stageRefusal: notInForce('review'),
  apply: ({ c, ctx, today, problems, next, itemAction }) => {
    if (problems.length) return refusal('The review cannot be recorded yet.', problems);
    const r = c.restriction!;
    const plan = c.stage === 'extended' ? ctx.settings.extendedReviewPlan : r.reviewPlan;
    const review = reviewDateFor(today, plan, r.endDate, ctx.dates.school);
    if (!review.ok) return refusal(review.message, [review.message]);
    next.restriction = { ...r, reviewDate: review.date };
    next.lastReviewedOn = today;
    return {
      ok: true,
      toStage: c.stage,
      deadlines: [
        ...c.deadlines.filter((d) => d.kind !== 'review'),
        deadline('review', review.date),
      ],
      listChange: { action: itemAction, fields: { ReviewDate: review.date } },
      details: [
        `Reviewed and kept as it is until ${formatLongDate(r.endDate)}; next review by ${formatLongDate(review.date)}.`,
      ],
      what: 'Restriction reviewed and kept',
    };
  },
};

export const extend: TransitionSpec<'extend'> = {
  from: ['active', 'extended'],
  // Per school (extendersFor): 003 Level 3, the governing board at its review; 001, 002 the head.
  deciders: (settings) => extendersFor(settings),
  verb: 'extend the restriction',
  refusedOnceExpired: true,
  stageRefusal: notInForce('extend'),
  apply: ({ c, t, ctx, today, problems, next, itemAction }) => {
    if (problems.length) return refusal('The extension cannot be recorded yet.', problems);
    const r = c.restriction!;
    // Counted from the review that decides it (003: "Governors may decide to ... extend"), never
    // stacked on the old end: the new period runs from today.
    const end = endDateFor(today, t.duration, ctx.dates.school);
    if (!end.ok) return refusal(end.message, [end.message]);
    const period = periodProblems({
      decidedOn: today,
      start: today,
      end: end.date,
      from: today,
      longestMonths: ctx.settings.longestTermMonths,
    });
    if (compareLocalDates(end.date, r.endDate) <= 0)
      period.push(
        `Counted from today, ${durationLabel(t.duration)} ends on ${formatLongDate(end.date)}, no later than it already ends (${formatLongDate(r.endDate)}). Choose a longer duration, or keep it as it is with a review.`,
      );
    if (period.length) return refusal('The extension cannot be recorded yet.', period);
    const plan = t.reviewPlan ?? ctx.settings.extendedReviewPlan;
    const review = reviewDateFor(today, plan, end.date, ctx.dates.school);
    if (!review.ok) return refusal(review.message, [review.message]);
    next.restriction = {
      ...r,
      duration: t.duration,
      reviewPlan: plan,
      endDate: end.date,
      reviewDate: review.date,
    };
    next.lastReviewedOn = today;
    return {
      ok: true,
      toStage: 'extended',
      deadlines: [
        ...appealDeadline(ctx),
        deadline('review', review.date),
        deadline('end', end.date),
      ],
      listChange: {
        action: itemAction,
        fields: { Status: 'Extended', EndDate: end.date, ReviewDate: review.date },
      },
      details: [
        `Extended by ${durationLabel(t.duration)} from ${formatLongDate(today)} to ${formatLongDate(end.date)}; reviewed by ${formatLongDate(review.date)}.`,
      ],
      what: `Restriction extended to ${formatLongDate(end.date)}`,
    };
  },
};

/** Whether a variation adds terms (stricter) on a case whose restriction is in place. */
function stricter(c: RestrictionCase, t: TransitionOf<'vary'>): boolean {
  return c.restriction !== undefined && addedTerms(c.restriction.terms, t.terms).length > 0;
}

export const vary: TransitionSpec<'vary'> = {
  from: ['provisional', 'active', 'extended'],
  // Stricter terms are a new imposition: those who may impose decide them (settings.imposers).
  deciders: (settings, t, c) => (stricter(c, t) ? settings.imposers : IN_FORCE_DECIDERS()),
  verb: 'vary the terms',
  refusedOnceExpired: true,
  stageRefusal: notInForce('vary'),
  apply: ({ c, t, ctx, today, problems, next, itemAction }) => {
    problems.push(...checkTerms(t.terms));
    if (problems.length) return refusal('The new terms cannot be recorded yet.', problems);
    const r = c.restriction!;
    next.restriction = { ...r, terms: t.terms };
    if (stricter(c, t) && ctx.settings.chairConfirms) {
      // 003 Level 3: stricter terms are provisional until the chair of governors confirms them,
      // with the same representations window as imposing, counted from this letter.
      const previousStage =
        c.variation?.previousStage ??
        (c.stage === 'active' || c.stage === 'extended' ? c.stage : undefined);
      delete next.representations;
      if (previousStage !== undefined)
        next.variation = {
          previousTerms: c.variation?.previousTerms ?? r.terms,
          previousStage,
          proposedOn: today,
        };
      const due = addCountingDays(today, ctx.settings.representationsDays, ctx.dates);
      return {
        ok: true,
        toStage: 'provisional',
        deadlines: [
          deadline('representations', due.date, due.notes),
          deadline('review', r.reviewDate),
          deadline('end', r.endDate),
        ],
        listChange: {
          action: itemAction,
          fields: { Status: 'Provisional', ...termFields(t.terms) },
        },
        details: [
          'Terms varied to something stricter (provisional until the chair of governors decides):',
          ...termLines(t.terms),
        ],
        what: 'Restriction terms varied (provisional)',
      };
    }
    const inForce = c.stage !== 'provisional';
    if (inForce) next.lastReviewedOn = today;
    const deadlines = c.deadlines.filter((d) => d.kind !== 'appeal');
    if (inForce) deadlines.push(...appealDeadline(ctx));
    return {
      ok: true,
      toStage: c.stage,
      deadlines,
      listChange: { action: itemAction, fields: termFields(t.terms) },
      details: ['Terms varied:', ...termLines(t.terms)],
      what: 'Restriction terms varied',
    };
  },
};

export const end: TransitionSpec<'end'> = {
  from: ['concern', 'warning', 'provisional', 'active', 'extended'],
  deciders: IN_FORCE_DECIDERS,
  verb: 'end it',
  // Ending a restriction that ran out records what happened.
  allowedOnceExpired: true,
  stageRefusal: () => 'There is nothing in force to end.',
  apply: ({ c, today, expired, problems, itemAction }) => {
    if (problems.length) return refusal('The decision cannot be recorded yet.', problems);
    // A restriction always has a list item (made by the decision that imposed it); a concern or a
    // warning has one only when an older version wrote it (002 §51: warnings are no longer on the
    // all-staff list), so closing a warning never creates a blank item there.
    const hadItem = c.restrictionItemId !== undefined || RESTRICTING.has(c.stage);
    const listChange: ListChange | null =
      hadItem && c.person.emails.length > 0
        ? { action: itemAction, fields: { Status: 'Ended' } }
        : null;
    return {
      ok: true,
      toStage: 'ended',
      deadlines: [],
      listChange,
      details: [
        expired
          ? `Recorded as ended: it ran to its end date, ${formatLongDate(c.restriction!.endDate)}.`
          : `Ended on ${formatLongDate(today)}: it no longer applies.`,
      ],
      what:
        c.stage === 'concern'
          ? 'Concern closed'
          : c.stage === 'warning'
            ? 'Warning closed'
            : 'Restriction ended',
    };
  },
};
