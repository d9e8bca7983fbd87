// The life of a restriction as a state machine (DOMAIN.md "The rules the policies set"; policy 002
// §43-66; policy 003 Appendix 5 and Model Letters; policy 001 "Imposing Restrictions"; policy 000
// §5-7; policy 004 "The Schools' actions"). `applyTransition` is pure: it returns the new case, the
// Contact Restrictions columns to write, the deadlines set, and the decision and audit records, or
// a refusal in plain words. It never reads a clock: today and now are in the context.
//
// Each decision kind is one small handler in the transition table (handlers/): where it may start,
// who may take it, and what it does. This module checks the stage and the decider, runs the
// handler, and makes the records every decision shares.
import { compareLocalDates, isLocalDate } from '../londonDate';
import { formatLongDate } from '../dates/format';
import type { LocalDate } from '../types';
import { RESTRICTING, type HandlerInput, type TransitionSpec } from './handlers/common';
import { TRANSITIONS } from './handlers';
import {
  DECIDER_ROLE_LABELS,
  type DecisionRecord,
  type RestrictionCase,
  type Stage,
  type Transition,
  type TransitionContext,
  type TransitionKind,
  type TransitionResult,
} from './types';

const REASONS_MAX = 4000;

/** The stages each transition may start from (a restriction past its end date counts as ended). */
export const ALLOWED_FROM = Object.fromEntries(
  (Object.keys(TRANSITIONS) as TransitionKind[]).map((kind) => [kind, TRANSITIONS[kind].from]),
) as Record<TransitionKind, readonly Stage[]>;

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

function specOf<K extends TransitionKind>(kind: K): TransitionSpec<K> | undefined {
  return TRANSITIONS[kind];
}

function stageRefusal(
  c: RestrictionCase,
  spec: TransitionSpec<TransitionKind>,
  today: LocalDate,
): string {
  if (isExpired(c, today) && spec.refusedOnceExpired)
    return `This restriction ended on ${formatLongDate(c.restriction!.endDate)}. To restrict contact again, impose a new restriction.`;
  return spec.stageRefusal?.(c) ?? `You cannot ${spec.verb}: ${STAGE_NOW[c.stage]}.`;
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

function allowedNow(spec: TransitionSpec<TransitionKind>, c: RestrictionCase, today: LocalDate) {
  if (spec.allowedOnceExpired && isExpired(c, today)) return true;
  return spec.from.includes(effectiveStage(c, today));
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
  // One row of the table; the casts tie the row to its own kind of decision.
  const spec = specOf(t.kind) as TransitionSpec<TransitionKind> | undefined;
  if (spec === undefined) return refusal('That is not a decision the policies know.');
  if (!allowedNow(spec, c, today)) return refusal(stageRefusal(c, spec, today));
  const deciders = spec.deciders(ctx.settings, t as never, c);
  if (!deciders.includes(t.decidedBy?.role)) {
    const who = deciders.map((role) => DECIDER_ROLE_LABELS[role]);
    return refusal(
      `Only ${who.slice(0, -1).join(', ')}${who.length > 1 ? ' or ' : ''}${who[who.length - 1]} can ${spec.verb}.`,
    );
  }
  const next: RestrictionCase = { ...c, history: [...c.history] };
  const input: HandlerInput<TransitionKind> = {
    c,
    t: t as never,
    ctx,
    today,
    expired: isExpired(c, today),
    problems: checkDecision(t),
    next,
    itemAction: c.restrictionItemId ? 'update' : 'create',
  };
  const outcome = spec.apply(input);
  if (!outcome.ok) return outcome;

  const { toStage, deadlines, listChange, details, what } = outcome;
  next.stage = toStage;
  next.deadlines = deadlines;
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
    deadlines,
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
  return { ok: true, case: next, listChange, deadlines, record, audit };
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
  return (Object.keys(TRANSITIONS) as TransitionKind[]).filter((kind) => {
    if (!allowedNow(TRANSITIONS[kind] as TransitionSpec<TransitionKind>, c, today)) return false;
    if (kind === 'decideAppeal') return c.appeal !== undefined && c.appeal.outcome === undefined;
    return true;
  });
}
