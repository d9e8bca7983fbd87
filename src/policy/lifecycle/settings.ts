// What differs between schools' policies, as settings. Defaults follow the strictest reading that
// is fair to the parent: the chair of governors confirms (003), an appeal window exists (000).
import { POLICY_WINDOWS } from '../dates/deadlines';
import type { DeliveryMethod } from '../dates/deadlines';
import type { ReviewPlan } from '../dates/periods';
import type { DeciderRole } from './types';

export interface LifecycleSettings {
  /**
   * Policy 003: a restriction is provisional until the chair of governors confirms or overturns it,
   * with representations invited first. Policies 000, 001, 002 and 004: the head teacher decides.
   */
  chairConfirms: boolean;
  /** Counting days for representations to the chair (003: 10). */
  representationsDays: number;
  /** Counting days for the chair's answer after the representations (003: 10). */
  chairAnswerDays: number;
  /** Counting days to appeal to the clerk to governors (000 §7.1: 20); null where the policy has none. */
  appealDays: number | null;
  /** Counting days for the parent's own account after a warning (003 Appendix 5 Level 1: 10); null for none. */
  versionOfEventsDays: number | null;
  /** When a restriction is first reviewed (003: about six months). */
  reviewPlan: ReviewPlan;
  /** How an extended restriction is reviewed (001: "reviewed on a termly basis"). */
  extendedReviewPlan: ReviewPlan;
  /**
   * When a written warning is looked at again (a school setting, not a policy rule: 004 lets the
   * process resume "within a reasonable period of time"). In months.
   */
  warningReviewMonths: number;
  /**
   * How long a written warning counts before a restriction may follow it (004: resumed "within a
   * reasonable period of time"; the other policies name no period). In months; default 12.
   */
  warningValidMonths: number;
  /**
   * Who may impose a restriction, or vary one to something stricter. 000 §6.2 and §7.1: the head
   * teacher (the governing body manages contact, §6.1); 001: the head teacher; 002 §10 and §44:
   * "only ... at a Headteacher/Governor level"; 003: the head teacher, or a senior leader in their
   * absence; 004: "the Head and SLT". Default: the head teacher or the governing board (002).
   */
  imposers: readonly DeciderRole[];
  /**
   * Who may extend a restriction. 003 Level 3: the governing board at its review ("Governors may
   * decide to maintain, extend or remove"); 001 and 002: the head teacher. When unset: the chair or
   * the board where the chair confirms, else also the head teacher (extendersFor).
   */
  extenders?: readonly DeciderRole[];
  /**
   * The longest a restriction may run from the decision that sets its end (impose from its start,
   * extend from the review): 002 §50 and §52 name 3, 6 or 12 months or a term's end; 001 "between
   * 3 and 6 months" unless exceptional. No policy allows an indefinite restriction. Default 12.
   */
  longestTermMonths: number;
  /** How decision letters go out: a posted letter's windows start on its deemed receipt (000 §7.1 "of receiving"). */
  letterDelivery?: DeliveryMethod;
}

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  chairConfirms: true,
  representationsDays: POLICY_WINDOWS.representations,
  chairAnswerDays: POLICY_WINDOWS.chairAnswer,
  appealDays: POLICY_WINDOWS.appeal,
  versionOfEventsDays: POLICY_WINDOWS.versionOfEvents,
  reviewPlan: 'sixMonths',
  extendedReviewPlan: 'termly',
  warningReviewMonths: 6,
  letterDelivery: 'email',
  warningValidMonths: 12,
  imposers: ['headTeacher', 'governingBoard'],
  longestTermMonths: 12,
};

/** Who may extend under these settings (see `extenders`). */
export function extendersFor(settings: LifecycleSettings): readonly DeciderRole[] {
  if (settings.extenders !== undefined) return settings.extenders;
  return settings.chairConfirms
    ? ['chairOfGovernors', 'governingBoard']
    : ['headTeacher', 'chairOfGovernors', 'governingBoard'];
}
