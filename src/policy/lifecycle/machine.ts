// The life of a restriction as a state machine (DOMAIN.md "The rules the policies set"; policy 002
// §43-66; policy 003 Appendix 5 and Model Letters; policy 001 "Imposing Restrictions"; policy 000
// §5-7; policy 004 "The Schools' actions"). `applyTransition` is pure: it returns the new case, the
// Contact Restrictions columns to write, the deadlines set, and the decision and audit records, or
// a refusal in plain words. It never reads a clock: today and now are in the context.
import { isLocalDate, compareLocalDates, addDays } from '../londonDate';
import { addCountingDays, deemedReceipt } from '../dates/deadlines';
import {
  durationLabel,
  endDateFor,
  reviewDateFor,
  sameDateMonthsLater,
  type ReviewPlan,
} from '../dates/periods';
import { formatLongDate } from '../dates/format';
import type { LocalDate } from '../types';
import {
  allowedContactText,
  checkTerms,
  describeTermForPerson,
  emergencyNoteText,
  handlingFor,
  staffGuidanceText,
  type RestrictionTerms,
} from './terms';
import {
  DECIDER_ROLE_LABELS,
  WITHOUT_WARNING_GROUNDS,
  type CaseDeadline,
  type CaseRestriction,
  type DeciderRole,
  type DecisionRecord,
  type ListChange,
  type RestrictionCase,
  type RestrictionFields,
  type Stage,
  type Transition,
  type TransitionContext,
  type TransitionKind,
  type TransitionResult,
} from './types';

const RESTRICTING: ReadonlySet<Stage> = new Set(['provisional', 'active', 'extended']);
const REASONS_MAX = 4000;
const TEXT_MAX = 2000;

/** The stages each transition may start from (a restriction past its end date counts as ended). */
export const ALLOWED_FROM: Record<TransitionKind, readonly Stage[]> = {
  recordConcern: ['none', 'concern', 'overturned', 'ended'],
  issueWarning: ['none', 'concern', 'warning', 'overturned', 'ended'],
  impose: ['none', 'concern', 'warning', 'overturned', 'ended'],
  recordRepresentations: ['provisional'],
  confirm: ['provisional'],
  overturn: ['provisional'],
  review: ['active', 'extended'],
  extend: ['active', 'extended'],
  vary: ['provisional', 'active', 'extended'],
  end: ['concern', 'warning', 'provisional', 'active', 'extended'],
  recordAppeal: ['provisional', 'active', 'extended'],
  decideAppeal: ['provisional', 'active', 'extended'],
};

/** Who may take each decision. Recording something received is open to any reviewer. */
const DECIDERS: Record<TransitionKind, readonly DeciderRole[]> = {
  recordConcern: ['headTeacher', 'seniorLeader'],
  // 002 §48, 003 Appendix 5: the head teacher or appropriate senior staff.
  issueWarning: ['headTeacher', 'seniorLeader'],
  // 002 §10 and §44: "only ... at Headteacher/Governor level"; 003: a senior leader in the head's absence.
  impose: ['headTeacher', 'seniorLeader', 'governingBoard'],
  recordRepresentations: ['headTeacher', 'seniorLeader', 'chairOfGovernors', 'governingBoard'],
  // 003 Level 3: "The Chair of Governors would then decide whether to confirm or remove the conditions."
  confirm: ['chairOfGovernors', 'governingBoard'],
  overturn: ['chairOfGovernors', 'governingBoard'],
  // 003: the governing board reviews; 001, 002: the head teacher.
  review: ['headTeacher', 'chairOfGovernors', 'governingBoard'],
  extend: ['headTeacher', 'chairOfGovernors', 'governingBoard'],
  vary: ['headTeacher', 'chairOfGovernors', 'governingBoard'],
  end: ['headTeacher', 'chairOfGovernors', 'governingBoard'],
  recordAppeal: [
    'headTeacher',
    'seniorLeader',
    'chairOfGovernors',
    'governingBoard',
    'appealPanel',
  ],
  // 000 §7.1: dealt with under the complaints procedure (a governors' panel).
  decideAppeal: ['chairOfGovernors', 'governingBoard', 'appealPanel'],
};

const VERBS: Record<TransitionKind, string> = {
  recordConcern: 'record an informal concern',
  issueWarning: 'give a written warning',
  impose: 'impose a restriction',
  recordRepresentations: 'record representations to the chair of governors',
  confirm: 'confirm the restriction',
  overturn: 'overturn the restriction',
  review: 'record a review',
  extend: 'extend the restriction',
  vary: 'vary the terms',
  end: 'end it',
  recordAppeal: 'record an appeal',
  decideAppeal: 'record the outcome of an appeal',
};

const STAGE_NOW: Record<Stage, string> = {
  none: 'nothing has been recorded for this person yet',
  concern: 'only an informal concern has been recorded',
  warning: 'only a written warning has been given',
  provisional: 'the restriction is provisional, waiting for the chair of governors',
  active: 'a restriction is in force',
  extended: 'an extended restriction is in force',
  overturned: 'the restriction was overturned',
  ended: 'the restriction has ended',
};

/** True when a restricting stage has passed its end date: it no longer applies (activeness.ts). */
export function isExpired(c: RestrictionCase, today: LocalDate): boolean {
  return (
    RESTRICTING.has(c.stage) &&
    c.restriction !== undefined &&
    compareLocalDates(c.restriction.endDate, today) < 0
  );
}

/** The stage as the rules see it today: a restriction past its end date counts as ended. */
export function effectiveStage(c: RestrictionCase, today: LocalDate): Stage {
  return isExpired(c, today) ? 'ended' : c.stage;
}

function refusal(message: string, problems: string[] = []): TransitionResult {
  return { ok: false, message, problems };
}

function stageRefusal(c: RestrictionCase, t: Transition, today: LocalDate): string {
  const imposed = c.restriction !== undefined && RESTRICTING.has(c.stage);
  if (
    isExpired(c, today) &&
    (t.kind === 'review' || t.kind === 'extend' || t.kind === 'vary' || t.kind === 'confirm')
  ) {
    return `This restriction ended on ${formatLongDate(c.restriction!.endDate)}. To restrict contact again, impose a new restriction.`;
  }
  switch (t.kind) {
    case 'confirm':
    case 'overturn':
      if (c.stage === 'active' || c.stage === 'extended')
        return t.kind === 'confirm'
          ? 'This restriction has already been confirmed.'
          : 'Only a provisional restriction can be overturned by the chair; an appeal that is upheld overturns one in force.';
      return `There is nothing to ${t.kind}: no restriction has been imposed.`;
    case 'impose':
      if (imposed) return 'A restriction is already in place. Vary or extend it instead.';
      break;
    case 'issueWarning':
    case 'recordConcern':
      if (imposed)
        return `A restriction is already in place, so you cannot ${VERBS[t.kind]}. Record the contact as an event.`;
      break;
    case 'review':
    case 'extend':
    case 'vary':
      if (c.stage === 'provisional')
        return `The restriction is still provisional: the chair of governors confirms or overturns it first.`;
      return `There is no restriction in force to ${t.kind === 'review' ? 'review' : t.kind}.`;
    case 'recordRepresentations':
      return 'Representations to the chair of governors are for a provisional restriction only (policy 003).';
    case 'recordAppeal':
    case 'decideAppeal':
      return 'There is no restriction to appeal against.';
    case 'end':
      return 'There is nothing in force to end.';
  }
  return `You cannot ${VERBS[t.kind]}: ${STAGE_NOW[c.stage]}.`;
}

function checkDecision(t: Transition): string[] {
  const problems: string[] = [];
  if ((t.decidedBy?.name ?? '').trim() === '') problems.push('Say who made the decision.');
  const reasons = (t.reasons ?? '').trim();
  if (reasons === '')
    problems.push('Say why: every decision is recorded with its reasons (policy 002 §45).');
  if (reasons.length > REASONS_MAX)
    problems.push(`The reasons are too long: the most is ${REASONS_MAX} characters.`);
  return problems;
}

function required(value: string | undefined, message: string, problems: string[]): string {
  const text = (value ?? '').trim();
  if (text === '') problems.push(message);
  else if (text.length > TEXT_MAX)
    problems.push(`${message.replace(/\.$/, '')}: the most is ${TEXT_MAX} characters.`);
  return text;
}

function deadline(kind: CaseDeadline['kind'], due: LocalDate, notes: string[] = []): CaseDeadline {
  return { kind, due, notes };
}

function restrictionFields(
  person: RestrictionCase['person'],
  r: CaseRestriction,
  status: 'Provisional' | 'Active' | 'Extended',
): RestrictionFields {
  return {
    Title: person.name.trim(),
    Emails: person.emails.join('\n'),
    Status: status,
    StartDate: r.startDate,
    EndDate: r.endDate,
    ReviewDate: r.reviewDate,
    ...termFields(r.terms),
  };
}

function termFields(terms: RestrictionTerms): RestrictionFields {
  return {
    Handling: handlingFor(terms.terms),
    SpocName: terms.spoc.name.trim(),
    SpocEmail: terms.spoc.email.trim().toLowerCase(),
    AllowedContact: allowedContactText(terms),
    StaffGuidance: staffGuidanceText(terms),
    EmergencyNote: emergencyNoteText(terms),
  };
}

function statusFor(stage: Stage): 'Provisional' | 'Active' | 'Extended' {
  return stage === 'provisional' ? 'Provisional' : stage === 'extended' ? 'Extended' : 'Active';
}

/** Where a window's count starts: the letter's date, or its deemed receipt when posted. */
function receivedOn(ctx: TransitionContext): { date: LocalDate; notes: string[] } {
  return deemedReceipt(ctx.today, ctx.settings.letterDelivery ?? 'email', ctx.dates);
}

function appealDeadline(ctx: TransitionContext): CaseDeadline[] {
  if (ctx.settings.appealDays === null) return [];
  const from = receivedOn(ctx);
  const due = addCountingDays(from.date, ctx.settings.appealDays, ctx.dates);
  return [deadline('appeal', due.date, [...from.notes, ...due.notes])];
}

function termLines(terms: RestrictionTerms): string[] {
  return terms.terms.map((term) => describeTermForPerson(term, terms.spoc));
}

/**
 * Applies one decision to a case. Refuses, with a plain message, a transition that is not valid
 * for the current stage ("no confirming what was never imposed"), a decider whose role may not
 * take it, and missing or unsound details.
 */
export function applyTransition(
  c: RestrictionCase,
  t: Transition,
  ctx: TransitionContext,
): TransitionResult {
  const today = ctx.today;
  if (!isLocalDate(today)) return refusal("Today's date is not known.");
  const stage = effectiveStage(c, today);
  const expired = isExpired(c, today);
  let allowed = ALLOWED_FROM[t.kind]?.includes(stage) ?? false;
  // Ending a restriction that ran out records what happened; nothing else runs on an expired one.
  if (expired && t.kind === 'end') allowed = true;
  if (!allowed) return refusal(stageRefusal(c, t, today));
  if (!DECIDERS[t.kind].includes(t.decidedBy?.role)) {
    const who = DECIDERS[t.kind].map((role) => DECIDER_ROLE_LABELS[role]);
    return refusal(
      `Only ${who.slice(0, -1).join(', ')}${who.length > 1 ? ' or ' : ''}${who[who.length - 1]} can ${VERBS[t.kind]}.`,
    );
  }
  const problems = checkDecision(t);
  const next: RestrictionCase = { ...c, history: [...c.history] };
  let listChange: ListChange | null = null;
  let deadlines: CaseDeadline[] = [];
  let toStage: Stage = c.stage;
  const details: string[] = [];
  let what = '';
  const itemAction: ListChange['action'] = c.restrictionItemId ? 'update' : 'create';

  switch (t.kind) {
    case 'recordConcern': {
      const summary = required(t.summary, 'Write a short summary of the concern.', problems);
      if (problems.length) return refusal('The concern cannot be recorded yet.', problems);
      toStage = 'concern';
      next.concern = { recordedOn: today, summary };
      details.push(`Informal concern: ${summary}`);
      what = 'Informal concern recorded';
      break;
    }
    case 'issueWarning': {
      const behaviour = required(
        t.behaviour,
        'Describe the unacceptable behaviour (002 §48).',
        problems,
      );
      const why = required(
        t.whyUnacceptable,
        'Explain why it is unacceptable (002 §48).',
        problems,
      );
      const steps = required(
        t.stepsTaken,
        'Say what steps the school has taken (002 §48).',
        problems,
      );
      if (problems.length) return refusal('The warning cannot be recorded yet.', problems);
      const whatFollows =
        (t.whatFollows ?? '').trim() ||
        'If this happens again, the school will restrict the ways in which you may contact it.';
      const reviewDate = sameDateMonthsLater(today, ctx.settings.warningReviewMonths);
      toStage = 'warning';
      next.warning = {
        issuedOn: today,
        behaviour,
        whyUnacceptable: why,
        stepsTaken: steps,
        whatFollows,
        reviewDate,
      };
      deadlines.push(deadline('warningReview', reviewDate));
      if (ctx.settings.versionOfEventsDays !== null) {
        const due = addCountingDays(today, ctx.settings.versionOfEventsDays, ctx.dates);
        deadlines.push(deadline('versionOfEvents', due.date, due.notes));
      }
      if (c.person.emails.length > 0) {
        listChange = {
          action: itemAction,
          fields: {
            Title: c.person.name.trim(),
            Emails: c.person.emails.join('\n'),
            Status: 'Warning',
            StartDate: today,
            EndDate: null,
            ReviewDate: reviewDate,
            Handling: null,
            SpocName: null,
            SpocEmail: null,
            AllowedContact: null,
            StaffGuidance:
              'A written warning has been given. Nothing is restricted: reply as usual, and log any further unacceptable contact as an event.',
            EmergencyNote: null,
          },
        };
      }
      details.push(
        `Written warning given on ${formatLongDate(today)}; looked at again on ${formatLongDate(reviewDate)}.`,
      );
      what = 'Written warning recorded';
      break;
    }
    case 'impose': {
      const warned =
        c.warning !== undefined ||
        c.history.some((r) => r.transition === 'issueWarning' || r.transition === 'impose');
      if (t.withoutWarning !== undefined && !WITHOUT_WARNING_GROUNDS.includes(t.withoutWarning))
        problems.push(
          'Choose why there was no warning first: violence, threats, stalking, or a risk to immediate safety.',
        );
      if (!warned && t.withoutWarning === undefined)
        problems.push(
          'No written warning has been given. Without one, a restriction is only for extreme cases (violence, threats, stalking, or a risk to the immediate safety of staff or pupils: policies 001, 002 §33, 004): say which.',
        );
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
      const plan: ReviewPlan = t.reviewPlan ?? ctx.settings.reviewPlan;
      const review = reviewDateFor(start, plan, end.date, ctx.dates.school);
      if (!review.ok) return refusal(review.message, [review.message]);
      toStage = ctx.settings.chairConfirms ? 'provisional' : 'active';
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
      if (toStage === 'provisional') {
        const due = addCountingDays(today, ctx.settings.representationsDays, ctx.dates);
        deadlines.push(deadline('representations', due.date, due.notes));
      } else {
        deadlines.push(...appealDeadline(ctx));
      }
      deadlines.push(deadline('review', review.date), deadline('end', end.date));
      listChange = {
        action: itemAction,
        fields: restrictionFields(c.person, restriction, statusFor(toStage)),
      };
      details.push(
        `Restriction imposed${toStage === 'provisional' ? ' (provisional until the chair of governors decides)' : ''}: ${durationLabel(t.duration)}, from ${formatLongDate(start)} to ${formatLongDate(end.date)}; review by ${formatLongDate(review.date)}.`,
        ...termLines(t.terms),
      );
      what = `Restriction imposed${toStage === 'provisional' ? ' (provisional)' : ''} until ${formatLongDate(end.date)}`;
      break;
    }
    case 'recordRepresentations': {
      if (!isLocalDate(t.receivedOn))
        problems.push('The date the representations were received is not a date.');
      else if (compareLocalDates(t.receivedOn, today) > 0)
        problems.push('Representations cannot be received in the future.');
      else if (compareLocalDates(t.receivedOn, c.restriction!.imposedOn) < 0)
        problems.push('Representations cannot be received before the restriction was imposed.');
      if (next.representations !== undefined)
        problems.push('Representations have already been recorded.');
      if (problems.length) return refusal('The representations cannot be recorded yet.', problems);
      const window = c.deadlines.find((d) => d.kind === 'representations');
      const late = window !== undefined && compareLocalDates(t.receivedOn, window.due) > 0;
      next.representations = { receivedOn: t.receivedOn, late };
      const due = addCountingDays(t.receivedOn, ctx.settings.chairAnswerDays, ctx.dates);
      deadlines = [
        ...c.deadlines.filter((d) => d.kind !== 'representations' && d.kind !== 'chairAnswer'),
        deadline('chairAnswer', due.date, due.notes),
      ];
      details.push(
        `Representations received on ${formatLongDate(t.receivedOn)}${late ? ', after the window closed (the chair may still consider them)' : ''}; the chair answers by ${formatLongDate(due.date)}.`,
      );
      what = 'Representations to the chair recorded';
      break;
    }
    case 'confirm': {
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
      const review = reviewDateFor(today, r.reviewPlan, r.endDate, ctx.dates.school);
      if (!review.ok) return refusal(review.message, [review.message]);
      toStage = 'active';
      next.restriction = { ...r, reviewDate: review.date };
      deadlines.push(
        ...appealDeadline(ctx),
        deadline('review', review.date),
        deadline('end', r.endDate),
      );
      listChange = { action: itemAction, fields: { Status: 'Active', ReviewDate: review.date } };
      details.push(
        `Confirmed by ${DECIDER_ROLE_LABELS[t.decidedBy.role]}; review by ${formatLongDate(review.date)}.`,
      );
      what = 'Restriction confirmed';
      break;
    }
    case 'overturn': {
      if (problems.length) return refusal('The decision cannot be recorded yet.', problems);
      toStage = 'overturned';
      listChange = { action: itemAction, fields: { Status: 'Overturned' } };
      details.push(`Overturned by ${DECIDER_ROLE_LABELS[t.decidedBy.role]}: it no longer applies.`);
      what = 'Restriction overturned';
      break;
    }
    case 'review': {
      if (problems.length) return refusal('The review cannot be recorded yet.', problems);
      const r = c.restriction!;
      const plan = c.stage === 'extended' ? ctx.settings.extendedReviewPlan : r.reviewPlan;
      const review = reviewDateFor(today, plan, r.endDate, ctx.dates.school);
      if (!review.ok) return refusal(review.message, [review.message]);
      next.restriction = { ...r, reviewDate: review.date };
      next.lastReviewedOn = today;
      deadlines = [
        ...c.deadlines.filter((d) => d.kind !== 'review'),
        deadline('review', review.date),
      ];
      listChange = { action: itemAction, fields: { ReviewDate: review.date } };
      details.push(
        `Reviewed and kept as it is until ${formatLongDate(r.endDate)}; next review by ${formatLongDate(review.date)}.`,
      );
      what = 'Restriction reviewed and kept';
      break;
    }
    case 'extend': {
      if (problems.length) return refusal('The extension cannot be recorded yet.', problems);
      const r = c.restriction!;
      const from = addDays(r.endDate, 1);
      const end = endDateFor(from, t.duration, ctx.dates.school);
      if (!end.ok) return refusal(end.message, [end.message]);
      const plan = t.reviewPlan ?? ctx.settings.extendedReviewPlan;
      const review = reviewDateFor(today, plan, end.date, ctx.dates.school);
      if (!review.ok) return refusal(review.message, [review.message]);
      toStage = 'extended';
      next.restriction = {
        ...r,
        duration: t.duration,
        reviewPlan: plan,
        endDate: end.date,
        reviewDate: review.date,
      };
      next.lastReviewedOn = today;
      deadlines.push(
        ...appealDeadline(ctx),
        deadline('review', review.date),
        deadline('end', end.date),
      );
      listChange = {
        action: itemAction,
        fields: { Status: 'Extended', EndDate: end.date, ReviewDate: review.date },
      };
      details.push(
        `Extended by ${durationLabel(t.duration)} to ${formatLongDate(end.date)}; reviewed by ${formatLongDate(review.date)}.`,
      );
      what = `Restriction extended to ${formatLongDate(end.date)}`;
      break;
    }
    case 'vary': {
      problems.push(...checkTerms(t.terms));
      if (problems.length) return refusal('The new terms cannot be recorded yet.', problems);
      const r = c.restriction!;
      next.restriction = { ...r, terms: t.terms };
      if (c.stage !== 'provisional') next.lastReviewedOn = today;
      deadlines = c.deadlines.filter((d) => d.kind !== 'appeal');
      if (c.stage !== 'provisional') deadlines.push(...appealDeadline(ctx));
      listChange = { action: itemAction, fields: termFields(t.terms) };
      details.push('Terms varied:', ...termLines(t.terms));
      what = 'Restriction terms varied';
      break;
    }
    case 'end': {
      if (problems.length) return refusal('The decision cannot be recorded yet.', problems);
      toStage = 'ended';
      const hadItem = c.restrictionItemId !== undefined || c.stage !== 'concern';
      if (hadItem && c.person.emails.length > 0)
        listChange = { action: itemAction, fields: { Status: 'Ended' } };
      details.push(
        expired
          ? `Recorded as ended: it ran to its end date, ${formatLongDate(c.restriction!.endDate)}.`
          : `Ended on ${formatLongDate(today)}: it no longer applies.`,
      );
      what =
        c.stage === 'concern'
          ? 'Concern closed'
          : c.stage === 'warning'
            ? 'Warning closed'
            : 'Restriction ended';
      break;
    }
    case 'recordAppeal': {
      if (ctx.settings.appealDays === null)
        problems.push("The school's policy has no appeal to the clerk to governors.");
      if (!isLocalDate(t.receivedOn))
        problems.push('The date the appeal was received is not a date.');
      else if (compareLocalDates(t.receivedOn, today) > 0)
        problems.push('An appeal cannot be received in the future.');
      if (c.appeal !== undefined && c.appeal.outcome === undefined)
        problems.push('An appeal is already waiting for a decision.');
      if (problems.length) return refusal('The appeal cannot be recorded yet.', problems);
      const window = c.deadlines.find((d) => d.kind === 'appeal');
      const late = window !== undefined && compareLocalDates(t.receivedOn, window.due) > 0;
      next.appeal = { receivedOn: t.receivedOn, late };
      deadlines = c.deadlines.filter((d) => d.kind !== 'appeal');
      details.push(
        `Appeal received on ${formatLongDate(t.receivedOn)}${late ? ', after the window closed' : ''}; it goes to the clerk to governors under the complaints procedure (000 §7.1).`,
      );
      what = 'Appeal recorded';
      break;
    }
    case 'decideAppeal': {
      if (c.appeal === undefined || c.appeal.outcome !== undefined)
        problems.push('No appeal is waiting for a decision.');
      if (problems.length) return refusal('The appeal decision cannot be recorded yet.', problems);
      next.appeal = { ...c.appeal!, outcome: t.upheld ? 'upheld' : 'dismissed' };
      deadlines = c.deadlines;
      if (t.upheld) {
        toStage = 'overturned';
        deadlines = [];
        listChange = { action: itemAction, fields: { Status: 'Overturned' } };
      }
      details.push(
        t.upheld
          ? 'Appeal upheld: the restriction is overturned.'
          : 'Appeal dismissed: the restriction stays.',
      );
      what = t.upheld ? 'Appeal upheld; restriction overturned' : 'Appeal dismissed';
      break;
    }
  }

  if (problems.length) return refusal(`You cannot ${VERBS[t.kind]} yet.`, problems);
  // Each transition sets the case's open deadlines in full (kept, replaced or cleared).
  const caseDeadlines = deadlines;
  next.stage = toStage;
  next.deadlines = caseDeadlines;
  const record: DecisionRecord = {
    transition: t.kind,
    fromStage: c.stage,
    toStage,
    decidedOn: today,
    recordedAt: ctx.now.toISOString(),
    decidedBy: { name: t.decidedBy.name.trim(), role: t.decidedBy.role },
    recordedBy: { ...ctx.recordedBy },
    reasons: t.reasons.trim(),
    details,
    deadlines: caseDeadlines,
  };
  next.history.push(record);
  const audit = {
    key: `RestrictionChanged:${ctx.operationKey}`,
    action: 'RestrictionChanged' as const,
    what,
    actorName: ctx.recordedBy.name,
    actorEmail: ctx.recordedBy.email,
    at: ctx.now.toISOString(),
    ...(c.id ? { target: c.id } : {}),
  };
  return { ok: true, case: next, listChange, deadlines: caseDeadlines, record, audit };
}

/** A new case for a person (stage `none`). */
export function newCase(person: { name: string; emails: string[] }): RestrictionCase {
  return {
    person: { name: person.name, emails: [...person.emails] },
    stage: 'none',
    deadlines: [],
    history: [],
  };
}

/** The transitions offered now: those whose stage rule allows them (roles and details aside). */
export function availableTransitions(c: RestrictionCase, today: LocalDate): TransitionKind[] {
  const stage = effectiveStage(c, today);
  return (Object.keys(ALLOWED_FROM) as TransitionKind[]).filter((kind) => {
    if (kind === 'end' && isExpired(c, today)) return true;
    if (!ALLOWED_FROM[kind].includes(stage)) return false;
    if (kind === 'decideAppeal') return c.appeal !== undefined && c.appeal.outcome === undefined;
    return true;
  });
}
