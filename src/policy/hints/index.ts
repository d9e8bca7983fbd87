// Hints for reviewers from the contact events: counts over the last 7, 30 and 90 days, the
// behaviour headings recorded, a threats flag, and configurable thresholds that suggest what the
// policies would consider next. Hints only: the decision is the head teacher's (policy 002 §44:
// "This will only be taken after careful consideration of the situation by Headteacher"). Pure.
import {
  REPORTED_BEHAVIOURS,
  type Behaviour,
  type ContactEvent,
  type Feeling,
  type InformedAnswer,
} from '../events';
import { addDays, compareLocalDates, londonDateOf } from '../londonDate';
import type { Stage } from '../lifecycle/types';
import type { LocalDate } from '../types';

/**
 * The parts of a contact event (src/policy/events) the hints read. `matter` and `newIssue` come
 * from the SPOC's outcome ("no new issue - filed" / "new issue raised") where it was recorded.
 */
export type HintEvent = Pick<ContactEvent, 'occurredAt' | 'behaviours'> & {
  feelings?: readonly Feeling[];
  threat?: { headTeacherTold?: InformedAnswer; policeInformed?: InformedAnswer };
  /** What the contact was about, as recorded (compared trimmed and case-insensitively). */
  matter?: string;
  /** True when it raised a new issue: such contact is treated on its merits (002 §53). */
  newIssue?: boolean;
};

export interface SenderActivity {
  /** A stable key for the person (their case id or first address). */
  key: string;
  name: string;
  stage: Stage;
  events: readonly HintEvent[];
  /** When the written warning was given, if one was. */
  warnedOn?: LocalDate;
  reviewOverdue?: boolean;
}

export interface HintThresholds {
  /** "N events about the same matter in D days with no new information" (002 §46-48, 000 §3.2). */
  sameMatterEvents: number;
  sameMatterDays: number;
  /** "N contacts in D days" (002 §27: "a number of calls in one day ... or a longer period"). */
  volumeEvents: number;
  volumeDays: number;
  /** How far back threats and aggression are looked for. */
  lookbackDays: number;
}

export const DEFAULT_HINT_THRESHOLDS: HintThresholds = {
  sameMatterEvents: 4,
  sameMatterDays: 30,
  volumeEvents: 10,
  volumeDays: 7,
  lookbackDays: 90,
};

export const HINT_KINDS = [
  'policeNotTold',
  'threats',
  'afterWarning',
  'sameMatter',
  'volume',
  'aggression',
  'reviewOverdue',
] as const;
export type HintKind = (typeof HINT_KINDS)[number];

export interface Hint {
  kind: HintKind;
  message: string;
  policy: string;
}

/** Shown with every hint. */
export const HINT_DISCLAIMER =
  "A hint from the policies, not a decision: the decision is the head teacher's (policy 002 §44).";

export interface SenderSummary {
  key: string;
  name: string;
  stage: Stage;
  counts: { last7: number; last30: number; last90: number; total: number };
  /** The behaviours recorded in the last 90 days, in the vocabulary's order. */
  behaviours: Behaviour[];
  threats: boolean;
  /** A threat was recorded and the police were not (or not said to be) informed. */
  policeNotTold: boolean;
  lastEventAt?: string;
  hints: Hint[];
  /** Higher needs attention sooner (see rankSenders). */
  score: number;
}

const CONCERNING: readonly Behaviour[] = [
  'AggressiveOrAbusive',
  'UnreasonableDemands',
  'UnreasonableLevelOfContact',
  'UnreasonableUseOfComplaints',
  'Threatening',
  'Stalking',
  'ProlificCorrespondence',
  'Physicality',
];
const BEHAVIOUR_ORDER: readonly Behaviour[] = [
  'AggressiveOrAbusive',
  'UnreasonableDemands',
  'UnreasonableLevelOfContact',
  'UnreasonableUseOfComplaints',
  'Threatening',
  'Stalking',
  'ProlificCorrespondence',
  'Tone',
  'Tenor',
  'Words',
  'Physicality',
  'Other',
];

// What the person did decides (threat, physicality, stalking: 002 §33); how staff felt does not
// (a feeling of being threatened is not a threat, issue 14 item 6).
function isThreat(e: HintEvent): boolean {
  return e.threat !== undefined || e.behaviours.some((b) => REPORTED_BEHAVIOURS.includes(b));
}

function dayOf(e: HintEvent): LocalDate | undefined {
  const instant = new Date(e.occurredAt);
  return Number.isNaN(instant.getTime()) ? undefined : londonDateOf(instant);
}

/** Events on the last `days` London days, today included (7 = today and the 6 days before). */
function inLast<T extends { day: LocalDate }>(
  events: readonly T[],
  today: LocalDate,
  days: number,
): T[] {
  const first = addDays(today, -(days - 1));
  return events.filter(
    (e) => compareLocalDates(first, e.day) <= 0 && compareLocalDates(e.day, today) <= 0,
  );
}

function nextStep(stage: Stage): { message: string; policy: string } {
  if (stage === 'none' || stage === 'concern' || stage === 'overturned' || stage === 'ended')
    return { message: 'consider a written warning', policy: 'policy 002 §46–48' };
  if (stage === 'warning')
    return { message: 'consider restricting contact', policy: 'policy 002 §50' };
  return {
    message: 'consider reviewing or varying the restriction',
    policy: 'policy 002 §50 and §63',
  };
}

/** The summary and hints for one person on `today` (the school's date). */
export function summarizeSender(
  sender: SenderActivity,
  today: LocalDate,
  thresholds: HintThresholds = DEFAULT_HINT_THRESHOLDS,
): SenderSummary {
  const dated = sender.events
    .map((e) => ({ e, day: dayOf(e) }))
    .filter(
      (x): x is { e: HintEvent; day: LocalDate } =>
        x.day !== undefined && compareLocalDates(x.day, today) <= 0,
    );
  const last7 = inLast(dated, today, 7);
  const last30 = inLast(dated, today, 30);
  const recent = inLast(dated, today, Math.max(90, thresholds.lookbackDays));
  const lookback = inLast(dated, today, thresholds.lookbackDays);
  const recorded = new Set(recent.flatMap((x) => x.e.behaviours));
  const threatEvents = lookback.filter((x) => isThreat(x.e));
  const policeNotTold = threatEvents.some((x) => x.e.threat?.policeInformed !== 'Yes');
  const hints: Hint[] = [];
  const step = nextStep(sender.stage);

  if (policeNotTold) {
    hints.push({
      kind: 'policeNotTold',
      message:
        'A threat, violence or stalking was recorded and the police have not been told: the policies say these are always reported to the police.',
      policy: 'policy 002 §33, policy 000 §2.3',
    });
  }
  if (
    threatEvents.length > 0 &&
    (sender.stage === 'none' || sender.stage === 'concern' || sender.stage === 'warning')
  ) {
    hints.push({
      kind: 'threats',
      message: `Threats recorded in the last ${thresholds.lookbackDays} days: a restriction may be imposed without further warning in extreme cases.`,
      policy: 'policy 001, policy 002 §33, policy 004',
    });
  }
  if (sender.stage === 'warning' && sender.warnedOn !== undefined) {
    const after = dated.filter(
      (x) =>
        compareLocalDates(x.day, sender.warnedOn!) > 0 &&
        x.e.behaviours.some((b) => CONCERNING.includes(b)),
    );
    if (after.length > 0) {
      hints.push({
        kind: 'afterWarning',
        message: `${after.length} ${after.length === 1 ? 'event' : 'events'} since the written warning: "If the behaviour continues", consider restricting contact.`,
        policy: 'policy 002 §50',
      });
    }
  }
  const window = inLast(dated, today, thresholds.sameMatterDays);
  const byMatter = new Map<string, { count: number; newIssue: boolean }>();
  for (const { e } of window) {
    const matter = (e.matter ?? '').trim().toLowerCase();
    if (matter === '') continue;
    const entry = byMatter.get(matter) ?? { count: 0, newIssue: false };
    entry.count += 1;
    entry.newIssue ||= e.newIssue === true;
    byMatter.set(matter, entry);
  }
  const repeated = [...byMatter.values()].filter(
    (m) => !m.newIssue && m.count >= thresholds.sameMatterEvents,
  );
  if (repeated.length > 0) {
    const most = Math.max(...repeated.map((m) => m.count));
    hints.push({
      kind: 'sameMatter',
      message: `${most} events about the same matter in ${thresholds.sameMatterDays} days with no new information: ${step.message}, ${step.policy}.`,
      policy: step.policy,
    });
  }
  const volume = inLast(dated, today, thresholds.volumeDays).length;
  if (volume >= thresholds.volumeEvents) {
    hints.push({
      kind: 'volume',
      message: `${volume} contacts in ${thresholds.volumeDays} days, an unreasonable level of contact (policy 002 §27–28): ${step.message}, ${step.policy}.`,
      policy: `policy 002 §27–28, ${step.policy}`,
    });
  }
  if (
    (sender.stage === 'none' || sender.stage === 'concern') &&
    last30.some((x) => x.e.behaviours.includes('AggressiveOrAbusive'))
  ) {
    hints.push({
      kind: 'aggression',
      message:
        'Aggressive or abusive behaviour recorded in the last 30 days: tell the person it is unacceptable and consider a written warning.',
      policy: 'policy 002 §34 and §38–40, §46–48',
    });
  }
  if (sender.reviewOverdue) {
    hints.push({
      kind: 'reviewOverdue',
      message: 'The restriction is past its review date: review it, extend, vary or end it.',
      policy: 'policy 003, policy 001',
    });
  }

  const latest = dated.reduce<string | undefined>(
    (max, x) => (max === undefined || x.e.occurredAt > max ? x.e.occurredAt : max),
    undefined,
  );
  const score =
    (threatEvents.length > 0 ? 1000 : 0) +
    (policeNotTold ? 500 : 0) +
    (sender.reviewOverdue ? 400 : 0) +
    hints.length * 100 +
    last7.length * 10 +
    last30.length * 3 +
    recent.length;
  return {
    key: sender.key,
    name: sender.name,
    stage: sender.stage,
    counts: {
      last7: last7.length,
      last30: last30.length,
      last90: inLast(dated, today, 90).length,
      total: dated.length,
    },
    behaviours: BEHAVIOUR_ORDER.filter((b) => recorded.has(b)),
    threats: threatEvents.length > 0,
    policeNotTold,
    ...(latest ? { lastEventAt: latest } : {}),
    hints,
    score,
  };
}

/**
 * Flagged senders ranked by what needs attention: threats (and threats the police were not told
 * of), an overdue review, then the number of hints, then recent activity (7 days weigh most), then
 * the latest event, then the name. People with no events and no hints are left out.
 */
export function rankSenders(
  senders: readonly SenderActivity[],
  today: LocalDate,
  thresholds: HintThresholds = DEFAULT_HINT_THRESHOLDS,
): SenderSummary[] {
  return senders
    .map((s) => summarizeSender(s, today, thresholds))
    .filter((s) => s.counts.total > 0 || s.hints.length > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.lastEventAt ?? '').localeCompare(a.lastEventAt ?? '') ||
        a.name.localeCompare(b.name),
    );
}

/** Reads thresholds a school changed, keeping defaults for anything missing or unusable. */
export function readHintThresholds(values: Partial<Record<keyof HintThresholds, unknown>>): {
  thresholds: HintThresholds;
  problems: string[];
} {
  const thresholds = { ...DEFAULT_HINT_THRESHOLDS };
  const problems: string[] = [];
  for (const key of Object.keys(DEFAULT_HINT_THRESHOLDS) as (keyof HintThresholds)[]) {
    const raw = values[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
    if (Number.isInteger(n) && n >= 1 && n <= 365) thresholds[key] = n;
    else
      problems.push(
        `The hint setting ${key} must be a whole number from 1 to 365; the default ${DEFAULT_HINT_THRESHOLDS[key]} is used.`,
      );
  }
  return { thresholds, problems };
}
