// The review service's contract (issue #5): what the Review view (task pane and review.html) asks
// of the data layer. The UI codes against this; src/app/review/reviewService.ts implements it over
// Graph (Restriction Cases, Contact Restrictions, Contact Events, Audit, Settings lists).
import type { LocalDate } from '../../policy/types';
import type {
  RestrictionCase,
  Transition,
  TransitionKind,
  TransitionResult,
  DueItem,
} from '../../policy/lifecycle';
import type { SenderActivity, SenderSummary } from '../../policy/hints';
import type { CaseFairness, LetterFacts, LetterKind } from '../../policy/letters';
import type { EntryAuthor } from '../../policy/chronology/authorship';
import type { ReviewSettings } from './reviewSettings';

/** One person in the flagged-senders list, ranked by what needs attention. */
export interface FlaggedSender {
  /** Lower-case address (or a name key for contact that did not come by email). */
  personKey: string;
  personName: string;
  emails: string[];
  activity: SenderActivity;
  /** Counts, behaviours, threats and hints, computed with the school's thresholds (Settings). */
  summary?: SenderSummary;
  /** The person's case, when there is one (stage, deadlines). */
  caseSummary?: { caseId: string; stageLabel: string; nextDue?: LocalDate; overdue: boolean };
}

export type ChronologyEntryKind =
  'event' | 'forwarded' | 'filed' | 'spocOutcome' | 'decision' | 'letter' | 'review';

/** One line of a person's chronology, in time order. */
export interface ChronologyEntry {
  at: string; // ISO instant
  kind: ChronologyEntryKind;
  title: string;
  /** Plain detail lines (reviewers only: may hold behaviour, reasons). */
  details: string[];
  /** Policy 002 headings A–D / 004 checklist codes recorded on an event (for the filter). */
  headings: string[];
  /** Names of staff and witnesses in this entry (redacted on export when asked). */
  staffNames: string[];
  /** Link to open the original email, when there is one. */
  messageLink?: string;
  threat?: boolean;
  /**
   * Who created the entry and when, from SharePoint's own record of the item (createdBy,
   * createdDateTime); the last change when another account made it; the client-written name when
   * it disagrees (flagged to reviewers).
   */
  author?: EntryAuthor;
}

export interface Chronology {
  personKey: string;
  personName: string;
  /** The person's own addresses (kept when names and addresses are redacted). */
  personEmails?: string[];
  /** Staff the review knows of beyond the entries' names (the SPOC): withheld when redacting. */
  otherStaffNames?: string[];
  entries: ChronologyEntry[];
  /** Contacts per ISO week (Monday, London) for the chart. */
  perWeek: { weekStart: LocalDate; count: number }[];
}

export type TransitionOutcome =
  | { ok: true; case: RestrictionCase }
  | { ok: false; kind: 'refused'; message: string }
  /** Someone else saved first (ETag / If-Match): never silently overwritten. */
  | { ok: false; kind: 'conflict'; message: string; changedBy?: string; changedAt?: string }
  | { ok: false; kind: 'failed'; message: string };

export interface LetterDraftResult {
  /** Outlook draft in the reviewer's mailbox: never sent automatically. */
  draftId: string;
  webLink?: string;
  subject: string;
  /**
   * Whether the case recorded the letter (its chronology entry, and the windows it states moved to
   * its date). False when that save failed: the draft exists, but the case still counts from before.
   */
  recorded: boolean;
}

/** What reviewers write beside the decisions (Restriction Cases, reviewers only). */
export interface CaseDetailsView {
  /** 000 §1.1, §5.2; 002 §65, §68, §69. */
  fairness: CaseFairness;
  /** What the letters may say: the parent-facing explanation and the incident. */
  letterFacts: LetterFacts;
}

export interface ReviewService {
  /** The school's review settings (the Settings list): thresholds, term dates, lifecycle choices. */
  settings(): Promise<ReviewSettings>;
  /** Everyone with contact events, ranked (hints included). */
  flaggedSenders(): Promise<FlaggedSender[]>;
  chronology(personKey: string): Promise<Chronology>;
  /** The person's case (undefined when none yet). */
  caseFor(personKey: string): Promise<RestrictionCase | undefined>;
  /** Transitions valid now for this case (the UI offers only these). */
  availableTransitions(c: RestrictionCase | undefined): TransitionKind[];
  /**
   * What a decision would do to the case as the reviewer sees it, without saving anything: the
   * same plan the save runs (the school's settings and term dates), so the deadlines the form
   * shows are the deadlines saved.
   */
  previewTransition(personKey: string, transition: Transition): Promise<TransitionResult>;
  /** Applies a decision: Restriction Cases + Contact Restrictions (+ Audit), with If-Match. */
  apply(personKey: string, transition: Transition): Promise<TransitionOutcome>;
  /** What falls due in the next 14 days and what is late, across all cases. */
  dueAndOverdue(): Promise<DueItem[]>;
  /**
   * 002 §49, 004 Actions: records in the case that the chair (of governors, or of the Local Area
   * Group) was told of a decision, today, by the signed-in reviewer; with If-Match.
   */
  recordNotice(caseId: string, notice: NonNullable<DueItem['notice']>): Promise<TransitionOutcome>;
  /** The fairness duties and letter facts of the person's case (empty when none yet). */
  caseDetails(personKey: string): Promise<CaseDetailsView>;
  /** Saves them (a case at stage "none" is made for a person with none yet), with If-Match. */
  saveCaseDetails(personKey: string, details: CaseDetailsView): Promise<TransitionOutcome>;
  /**
   * A letter as an Outlook draft addressed to the person (and copied to a representative whose
   * address is given), for the head teacher to edit and send. `letterDate` defaults to today in
   * Europe/London; every window the letter states is counted from it.
   */
  draftLetter(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<LetterDraftResult>;
  /**
   * Records in the case that this letter was printed (to be posted or handed over): its chronology
   * entry, and the windows it states counted from its date, as a draft does.
   */
  recordLetterPrinted(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ recorded: boolean }>;
  /** The same letter for printing. */
  letterPreview(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ subject: string; bodyHtml: string }>;
  /** CSV of the chronology; redact = replace staff and witness names (policy 003 Appendix 5). */
  exportCsv(personKey: string, options: { redact: boolean }): Promise<string>;
}
