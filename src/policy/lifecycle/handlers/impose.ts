// Imposing a restriction (002 §49-52; 003 Level 3 and Model Letters 2 and 4; 001 "Imposing
// Restrictions"; 000 §6; 004): provisional where the chair of governors confirms, else in force at
// once with the appeal window. Pure.
import { addCountingDays } from '../../dates/deadlines';
import {
  durationLabel,
  endDateFor,
  periodProblems,
  reviewDateFor,
  type ReviewPlan,
} from '../../dates/periods';
import { formatLongDate } from '../../dates/format';
import { compareLocalDates, isLocalDate } from '../../londonDate';
import { checkTerms } from '../terms';
import { priorWarning, type PriorWarning } from '../warnings';
import { WITHOUT_WARNING_GROUNDS, type CaseDeadline, type CaseRestriction } from '../types';
import {
  appealDeadline,
  deadline,
  isImposed,
  refusal,
  restrictionFields,
  statusFor,
  termLines,
  type TransitionSpec,
} from './common';

const EXTREME_ONLY =
  'Without one, a restriction is only for extreme cases (violence, threats, stalking, or a risk to the immediate safety of staff or pupils: policies 001, 002 §33, 004): say which.';

/** Why no warning counts, in plain words. */
function noWarningBecause(prior: PriorWarning, months: number): string {
  if (prior.lapsedOn !== undefined)
    return `The last written warning or restriction (${formatLongDate(prior.lapsedOn)}) is more than ${months} months ago, so it no longer counts as a warning (004: "within a reasonable period of time"). Give a new written warning first.`;
  if (prior.overturned)
    return 'No written warning has been given, and an overturned restriction is not a warning.';
  return 'No written warning has been given.';
}

export const impose: TransitionSpec<'impose'> = {
  from: ['none', 'concern', 'warning', 'overturned', 'ended'],
  // Per school (settings.imposers): 002 §10 and §44 "only ... at a Headteacher/Governor level".
  deciders: (settings) => settings.imposers,
  verb: 'impose a restriction',
  stageRefusal: (c) =>
    isImposed(c) ? 'A restriction is already in place. Vary or extend it instead.' : undefined,
  apply: ({ c, t, ctx, today, problems, next, itemAction }) => {
    const prior = priorWarning(c, today, ctx.settings.warningValidMonths);
    if (t.withoutWarning !== undefined && !WITHOUT_WARNING_GROUNDS.includes(t.withoutWarning))
      problems.push(
        'Choose why there was no warning first: violence, threats, stalking, or a risk to immediate safety.',
      );
    if (!prior.counts && t.withoutWarning === undefined)
      problems.push(`${noWarningBecause(prior, ctx.settings.warningValidMonths)} ${EXTREME_ONLY}`);
    problems.push(...checkTerms(t.terms));
    if (c.person.emails.length === 0)
      problems.push(
        'Add at least one email address for the person, so that staff see the restriction when their email arrives.',
      );
    if ((c.person.name ?? '').trim() === '') problems.push("Add the person's name.");
    const start = t.startDate ?? today;
    if (!isLocalDate(start)) problems.push('The start date is not a date.');
    else if (compareLocalDates(start, today) < 0)
      problems.push('A restriction cannot start before today.');
    if (problems.length) return refusal('The restriction cannot be imposed yet.', problems);
    const end = endDateFor(start, t.duration, ctx.dates.school);
    if (!end.ok) return refusal(end.message, [end.message]);
    const period = periodProblems({
      decidedOn: today,
      start,
      end: end.date,
      from: start,
      longestMonths: ctx.settings.longestTermMonths,
    });
    if (period.length) return refusal('The restriction cannot be imposed yet.', period);
    const plan: ReviewPlan = t.reviewPlan ?? ctx.settings.reviewPlan;
    const review = reviewDateFor(start, plan, end.date, ctx.dates.school);
    if (!review.ok) return refusal(review.message, [review.message]);
    const toStage = ctx.settings.chairConfirms ? 'provisional' : 'active';
    const restriction: CaseRestriction = {
      terms: t.terms,
      duration: t.duration,
      reviewPlan: plan,
      startDate: start,
      endDate: end.date,
      reviewDate: review.date,
      imposedOn: today,
    };
    if (t.withoutWarning !== undefined) restriction.withoutWarning = t.withoutWarning;
    next.restriction = restriction;
    delete next.representations;
    delete next.appeal;
    delete next.lastReviewedOn;
    const deadlines: CaseDeadline[] = [];
    if (toStage === 'provisional') {
      const due = addCountingDays(today, ctx.settings.representationsDays, ctx.dates);
      deadlines.push(deadline('representations', due.date, due.notes));
    } else {
      deadlines.push(...appealDeadline(ctx));
    }
    deadlines.push(deadline('review', review.date), deadline('end', end.date));
    const provisional = toStage === 'provisional';
    return {
      ok: true,
      toStage,
      deadlines,
      listChange: {
        action: itemAction,
        fields: restrictionFields(c.person, restriction, statusFor(toStage)),
      },
      details: [
        `Restriction imposed${provisional ? ' (provisional until the chair of governors decides)' : ''}: ${durationLabel(t.duration)}, from ${formatLongDate(start)} to ${formatLongDate(end.date)}; review by ${formatLongDate(review.date)}.`,
        ...termLines(t.terms),
      ],
      what: `Restriction imposed${provisional ? ' (provisional)' : ''} until ${formatLongDate(end.date)}`,
    };
  },
};
