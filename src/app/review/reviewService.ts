// The head teacher's review over Graph (issue #5): the ReviewService the views call (./types.ts),
// put together from parts with one job each:
//   reviewContext.ts  the clock, the reviewer, the school's settings and date rules
//   seenCases.ts      the cases and staff items as the reviewer saw them (ETags for If-Match)
//   reviewQueries.ts  the reads: flagged senders (ranked), what falls due, a chronology
//   decisions.ts      a decision's plan (the preview and the save share it) and its write order
//   letters.ts        letters previewed, drafted in Outlook and recorded in the case
// Who a person is and how they rank are the policy core's (src/policy/people, src/policy/hints).
import type { AppConfig } from '../../config/appConfig';
import type { GraphCalls } from '../../graph/graphCalls';
import type { BankHolidayCalendar } from '../../policy/dates';
import type {
  DueItem,
  RestrictionCase,
  Transition,
  TransitionKind,
  TransitionResult,
} from '../../policy/lifecycle';
import type { LetterKind } from '../../policy/letters';
import type { LocalDate } from '../../policy/types';
import { Decisions } from './decisions';
import { Letters } from './letters';
import { ReviewContext, type Reviewer } from './reviewContext';
import { ReviewQueries, type ReviewStats } from './reviewQueries';
import type { ReviewSettings } from './reviewSettings';
import { SeenCases } from './seenCases';
import type {
  CaseDetailsView,
  Chronology,
  FlaggedSender,
  LetterDraftResult,
  ReviewService,
  TransitionOutcome,
} from './types';

export { conflictMessage } from './outcomes';
export { representativeAddress } from './letters';
export type { ReviewStats } from './reviewQueries';

export interface ReviewServiceDeps {
  /** The one Graph call surface (built where the client is). */
  client: GraphCalls;
  /** The configuration (its sharePoint part is used), or the sharePoint part alone. */
  config?: Pick<AppConfig, 'sharePoint'>;
  sharePoint?: AppConfig['sharePoint'];
  /** The signed-in reviewer (or a function giving them). */
  user: Reviewer | (() => Reviewer);
  now?: () => Date;
  /** A new unique key per decision attempt (the audit entry's key). */
  newKey?: () => string;
  /** Bank holidays (default: date-holidays, loaded on demand by a dynamic import). */
  loadBankHolidays?: (extraClosures: LocalDate[]) => Promise<BankHolidayCalendar>;
  /** How long read settings and the look-back window are reused (default 60 s). */
  cacheMs?: number;
}

export class GraphReviewService implements ReviewService {
  private readonly context: ReviewContext;
  private readonly queries: ReviewQueries;
  private readonly decisions: Decisions;
  private readonly letters: Letters;

  constructor(deps: ReviewServiceDeps) {
    const sharePoint = deps.sharePoint ?? deps.config?.sharePoint;
    if (!sharePoint) throw new Error('The review service needs the SharePoint configuration.');
    const calls = deps.client;
    this.context = new ReviewContext({ ...deps, sharePoint });
    const seen = new SeenCases();
    this.queries = new ReviewQueries(calls, sharePoint, this.context, seen);
    this.decisions = new Decisions(calls, sharePoint, this.context, seen, this.queries);
    this.letters = new Letters(calls, sharePoint, this.context, seen, this.decisions);
  }

  /** Counters for the bench and tests: Graph requests made by the last call of each kind. */
  get stats(): ReviewStats {
    return this.queries.stats;
  }

  settings(): Promise<ReviewSettings> {
    return this.context.settings();
  }

  flaggedSenders(): Promise<FlaggedSender[]> {
    return this.queries.flaggedSenders();
  }

  dueAndOverdue(): Promise<DueItem[]> {
    return this.queries.dueAndOverdue();
  }

  chronology(personKey: string): Promise<Chronology> {
    return this.queries.chronology(personKey);
  }

  exportCsv(personKey: string, options: { redact: boolean }): Promise<string> {
    return this.queries.exportCsv(personKey, options);
  }

  caseFor(personKey: string): Promise<RestrictionCase | undefined> {
    return this.decisions.caseFor(personKey);
  }

  availableTransitions(c: RestrictionCase | undefined): TransitionKind[] {
    return this.decisions.availableTransitions(c);
  }

  previewTransition(personKey: string, transition: Transition): Promise<TransitionResult> {
    return this.decisions.preview(personKey, transition);
  }

  apply(personKey: string, transition: Transition): Promise<TransitionOutcome> {
    return this.decisions.apply(personKey, transition);
  }

  recordNotice(caseId: string, notice: NonNullable<DueItem['notice']>): Promise<TransitionOutcome> {
    return this.decisions.recordNotice(caseId, notice);
  }

  caseDetails(personKey: string): Promise<CaseDetailsView> {
    return this.decisions.caseDetails(personKey);
  }

  saveCaseDetails(personKey: string, details: CaseDetailsView): Promise<TransitionOutcome> {
    return this.decisions.saveCaseDetails(personKey, details);
  }

  letterPreview(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ subject: string; bodyHtml: string }> {
    return this.letters.preview(personKey, kind, letterDate);
  }

  draftLetter(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<LetterDraftResult> {
    return this.letters.draft(personKey, kind, letterDate);
  }

  recordLetterPrinted(
    personKey: string,
    kind: LetterKind,
    letterDate?: LocalDate,
  ): Promise<{ recorded: boolean }> {
    return this.letters.recordPrinted(personKey, kind, letterDate);
  }
}

export function createReviewService(deps: ReviewServiceDeps): GraphReviewService {
  return new GraphReviewService(deps);
}
