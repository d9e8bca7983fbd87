// What a letter may say beyond the lifecycle record, and how the school's policy shapes it. Pure
// types and small text helpers.
//
// Reviewers' reasons (DecisionRecord.reasons) are private to reviewers and never reach a letter:
// the letter says only what a reviewer wrote for the parent (`parentExplanation`).
import type { DateRules, DeliveryMethod } from '../dates/deadlines';
import { lowerEachItem, oneLine, withoutClosingStops } from './fit';

/** Written by a reviewer for the letters (Restriction Cases, reviewers only). */
export interface LetterFacts {
  /** What to tell the parent about why: the only "why" a letter carries. */
  parentExplanation?: string;
  /** When the incident happened, London wall clock `YYYY-MM-DDTHH:mm` (003 model warning letter). */
  incidentAt?: string;
  /** The member of staff who reported it (003 Model Letters 2 and 4). */
  reportedBy?: string;
  /** Its effect on staff and pupils (003 Model Letters 2 and 4; 002 §47). */
  effectOnStaffAndPupils?: string;
}

/** Fairness duties on the case (000 §1.1, §5.2; 002 §65, §68, §69). */
export interface CaseFairness {
  /** Reasonable adjustments for the person, e.g. "large print; read the letter to her by phone". */
  adjustments?: string;
  /** A representative or advocate who acts for them, e.g. "Sam Patel, advocate, sam@example.org". */
  representative?: string;
}

/** What differs between schools' letters (docs/review.md "Letters"). */
export interface LetterPolicy {
  /** 003 Model Letters 4 and 5: a banned parent keeps one meeting a year about the child's progress. */
  progressMeeting: boolean;
  /**
   * The statutory exceptions named in a ban letter (002 §61 "where the school is required by law";
   * no policy names them one by one, so the school chooses; on by default, the protective reading).
   */
  statutoryExceptions: boolean;
  /** The policy a letter refers to and encloses (002 §48; 000 §6.4; 001). */
  policyTitle: string;
}

export const DEFAULT_LETTER_POLICY: LetterPolicy = {
  progressMeeting: true,
  statutoryExceptions: true,
  policyTitle: 'policy on managing contact with parents and visitors',
};

/** What the windows a letter states are counted with: from the letter's own date. */
export interface LetterWindows {
  dates: DateRules;
  /** 003: 10 counting days "of the date of this letter". */
  representationsDays: number;
  /** 000 §7.1: 20 working days "of receiving it"; null where the policy has no appeal. */
  appealDays: number | null;
  /** 003 Appendix 5 Level 1: 10 days for their own account; null for none. */
  versionOfEventsDays: number | null;
  /** Posted letters are received later (deemed receipt): the appeal counts from receipt. */
  delivery: DeliveryMethod;
}

/**
 * A reviewer's phrase placed inside a sentence ("I am writing to you about {{behaviour}}."):
 * one line, no final stop, and its first word (and each "; " item's) lower-cased by THE CASE
 * RULE of fit.ts, so "The tone of recent emails." reads "about the tone of recent emails.". Names
 * and acronyms ("Mr Smith", "CCTV", "PTA", "SENCo", "I") and the names known in the case keep
 * their capitals.
 */
export function midSentence(text: string, names: ReadonlySet<string> = new Set()): string {
  return lowerEachItem(withoutClosingStops(oneLine(text)), names);
}

/** A reviewer's text used as whole sentences: a capital first letter and a final stop. */
export function asSentence(text: string): string {
  const body = text.trim().replace(/[\s,;:]+$/u, '');
  if (body === '') return '';
  const capital = body.charAt(0).toUpperCase() + body.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The windows of a school's lifecycle settings, for letters. */
export function letterWindows(
  dates: DateRules,
  settings: {
    representationsDays: number;
    appealDays: number | null;
    versionOfEventsDays: number | null;
    letterDelivery?: DeliveryMethod;
  },
): LetterWindows {
  return {
    dates,
    representationsDays: settings.representationsDays,
    appealDays: settings.appealDays,
    versionOfEventsDays: settings.versionOfEventsDays,
    delivery: settings.letterDelivery ?? 'email',
  };
}
