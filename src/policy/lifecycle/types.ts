// The life of a restriction as data (DOMAIN.md "The rules the policies set"). Pure types.
import type { DateRules } from '../dates/deadlines';
import type { Duration, ReviewPlan } from '../dates/periods';
import type { LocalDate, RestrictionStatus } from '../types';
import type { RestrictionTerms } from './terms';
import type { LifecycleSettings } from './settings';

/**
 * informal concern -> written warning -> restriction imposed (provisional where the chair of
 * governors must confirm, 003) -> confirmed (active) or overturned -> reviewed -> extended,
 * varied or ended. `none` is a person with no stage yet.
 */
export const STAGES = [
  'none',
  'concern',
  'warning',
  'provisional',
  'active',
  'extended',
  'overturned',
  'ended',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  none: 'No action',
  concern: 'Informal concern',
  warning: 'Written warning',
  provisional: 'Restriction imposed, waiting for the chair of governors',
  active: 'Restriction in force',
  extended: 'Restriction extended',
  overturned: 'Restriction overturned',
  ended: 'Ended',
};

export const DECIDER_ROLES = [
  'headTeacher',
  'seniorLeader',
  'chairOfGovernors',
  'governingBoard',
  'appealPanel',
] as const;
export type DeciderRole = (typeof DECIDER_ROLES)[number];
export const DECIDER_ROLE_LABELS: Record<DeciderRole, string> = {
  headTeacher: 'the head teacher',
  seniorLeader: 'a senior leader',
  chairOfGovernors: 'the chair of governors',
  governingBoard: 'the governing board',
  appealPanel: 'the appeal panel',
};

export interface Decider {
  name: string;
  role: DeciderRole;
}

export interface Recorder {
  name: string;
  email: string;
}

/** Policy 001 ("so extreme ... we may not give prior warning"), 002 §33, 003, 004 ("extreme situations"). */
export const WITHOUT_WARNING_GROUNDS = [
  'violence',
  'threats',
  'stalking',
  'immediateSafety',
] as const;
export type WithoutWarningGround = (typeof WITHOUT_WARNING_GROUNDS)[number];

export const DEADLINE_KINDS = [
  'versionOfEvents',
  'representations',
  'chairAnswer',
  'appeal',
  'review',
  'end',
  'warningReview',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  versionOfEvents: 'Their account of events due (003 Appendix 5)',
  representations: 'Representations to the chair of governors due (003)',
  chairAnswer: "The chair of governors' answer due (003)",
  appeal: 'Appeal window closes (000 §7.1)',
  review: 'Review due',
  end: 'Restriction ends',
  warningReview: 'Written warning to be looked at again',
};

export interface CaseDeadline {
  kind: DeadlineKind;
  due: LocalDate;
  /** Plain words about how it was counted (e.g. no term dates entered). */
  notes: string[];
}

export interface CaseRestriction {
  terms: RestrictionTerms;
  duration: Duration;
  reviewPlan: ReviewPlan;
  startDate: LocalDate;
  endDate: LocalDate;
  reviewDate: LocalDate;
  /** The day the head teacher decided (the letter's date). */
  imposedOn: LocalDate;
  withoutWarning?: WithoutWarningGround;
}

/** One decision in the Restriction Cases list (reviewers only): who decided, when and why. */
export interface DecisionRecord {
  transition: TransitionKind;
  fromStage: Stage;
  toStage: Stage;
  /** The school's date of the decision. */
  decidedOn: LocalDate;
  /** When it was recorded (ISO instant). */
  recordedAt: string;
  decidedBy: Decider;
  recordedBy: Recorder;
  /** Why: stays in the reviewers-only list, never on Contact Restrictions. */
  reasons: string;
  /** Plain lines: the terms, dates and windows the decision set. */
  details: string[];
  deadlines: CaseDeadline[];
}

export interface RestrictionCase {
  /** Restriction Cases item id, once saved. */
  id?: string;
  /** Contact Restrictions item id, once one exists. */
  restrictionItemId?: string;
  person: { name: string; emails: string[] };
  stage: Stage;
  concern?: { recordedOn: LocalDate; summary: string };
  warning?: {
    issuedOn: LocalDate;
    behaviour: string;
    whyUnacceptable: string;
    stepsTaken: string;
    whatFollows: string;
    reviewDate: LocalDate;
  };
  restriction?: CaseRestriction;
  representations?: {
    receivedOn: LocalDate;
    late: boolean;
    /** The date on the parent's letter: the chair's 10 days count from it (003 Level 3). */
    letterDate?: LocalDate;
  };
  /**
   * Terms varied to something stricter, waiting for the chair of governors like an imposition
   * (003 Level 3): what applied before, restored if the chair overturns the variation.
   */
  variation?: {
    previousTerms: RestrictionTerms;
    previousStage: 'active' | 'extended';
    proposedOn: LocalDate;
  };
  appeal?: { receivedOn: LocalDate; late: boolean; outcome?: 'upheld' | 'dismissed' };
  lastReviewedOn?: LocalDate;
  /** The open deadlines, replaced by each transition. */
  deadlines: CaseDeadline[];
  history: DecisionRecord[];
  /** Who was told of which decision, and when (002 §49; 004 Actions). */
  notices?: CaseNotice[];
}

/** 002 §49: the chair of governors told of a letter; 004 Actions: the chair of the LAG kept informed. */
export interface CaseNotice {
  to: 'chairOfGovernors' | 'localAreaGroup';
  /** The decision told of: its index in `history`. */
  decision: number;
  toldOn: LocalDate;
  recordedBy: string;
}

interface Common {
  decidedBy: Decider;
  /** Why (reviewers only). Required for every decision: records are kept (002 §45, §66). */
  reasons: string;
}

export type Transition = Common &
  (
    | { kind: 'recordConcern'; summary: string }
    | {
        kind: 'issueWarning';
        /** 002 §48: identify the unacceptable behaviour ... */
        behaviour: string;
        /** ... explain why it is inappropriate ... */
        whyUnacceptable: string;
        /** ... explain the steps we have taken ... */
        stepsTaken: string;
        /** ... and that, if it happens again, restrictions will be put in place (a default is used). */
        whatFollows?: string;
      }
    | {
        kind: 'impose';
        terms: RestrictionTerms;
        duration: Duration;
        /** Defaults to today; never before it. */
        startDate?: LocalDate;
        reviewPlan?: ReviewPlan;
        /** Required when no written warning was ever given (extreme cases only). */
        withoutWarning?: WithoutWarningGround;
      }
    | {
        kind: 'recordRepresentations';
        receivedOn: LocalDate;
        /** The date on the parent's letter (003: the chair answers within 10 days of it). */
        letterDate?: LocalDate;
      }
    | { kind: 'confirm' }
    | { kind: 'overturn' }
    | { kind: 'review' }
    | { kind: 'extend'; duration: Duration; reviewPlan?: ReviewPlan }
    | { kind: 'vary'; terms: RestrictionTerms }
    | { kind: 'end' }
    | { kind: 'recordAppeal'; receivedOn: LocalDate }
    | { kind: 'decideAppeal'; upheld: boolean }
  );
export type TransitionKind = Transition['kind'];
export const TRANSITION_KINDS: readonly TransitionKind[] = [
  'recordConcern',
  'issueWarning',
  'impose',
  'recordRepresentations',
  'confirm',
  'overturn',
  'review',
  'extend',
  'vary',
  'end',
  'recordAppeal',
  'decideAppeal',
];

export interface TransitionContext {
  /** The school's date (todayInLondon(now)). */
  today: LocalDate;
  now: Date;
  recordedBy: Recorder;
  dates: DateRules;
  settings: LifecycleSettings;
  /** Unique per attempt, made on the device: the audit entry's key, so a retry adds no second entry. */
  operationKey: string;
}

/** Contact Restrictions columns (exact internal names); null clears a column. */
export type RestrictionColumn =
  | 'Title'
  | 'Emails'
  | 'Status'
  | 'StartDate'
  | 'EndDate'
  | 'ReviewDate'
  | 'Handling'
  | 'SpocName'
  | 'SpocEmail'
  | 'AllowedContact'
  | 'StaffGuidance'
  | 'EmergencyNote';
export type RestrictionFields = Partial<Record<RestrictionColumn, string | null>>;

export interface ListChange {
  /** `create` when the case has no Contact Restrictions item yet. */
  action: 'create' | 'update';
  /** Dates as `YYYY-MM-DD` London days; the repository writes them as SharePoint dates. */
  fields: RestrictionFields;
}

/** Shaped like the Audit list's entry (src/graph/repositories/auditRepository.ts). */
export interface LifecycleAuditEntry {
  key: string;
  action: 'RestrictionChanged';
  /** Plain, no reasons and no addresses: "Restriction imposed (provisional) until 1 September 2026". */
  what: string;
  actorName: string;
  actorEmail: string;
  at: string;
  /** The Restriction Cases item id, when known. */
  target?: string;
}

export type TransitionResult =
  | {
      ok: true;
      case: RestrictionCase;
      /** What to write to Contact Restrictions; null when staff see no change. */
      listChange: ListChange | null;
      /** The deadlines this decision set (also in case.deadlines). */
      deadlines: CaseDeadline[];
      record: DecisionRecord;
      audit: LifecycleAuditEntry;
    }
  | { ok: false; message: string; problems: string[] };

export type { RestrictionStatus };
