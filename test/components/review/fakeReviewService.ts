// A ReviewService in memory for the review's component tests: the real lifecycle rules (with a
// fixed bank-holiday list), a chronology per person, and switches for a concurrent edit.
import type {
  CaseDetailsView,
  Chronology,
  FlaggedSender,
  LetterDraftResult,
  ReviewService,
  TransitionOutcome,
} from '../../../src/app/review/types';
import { fixedBankHolidayCalendar } from '../../../src/policy/dates/calendar';
import {
  DEFAULT_LIFECYCLE_SETTINGS,
  applyTransition,
  availableTransitions,
  dueItems,
  newCase,
  type DueItem,
  type RestrictionCase,
  type Transition,
  type TransitionKind,
} from '../../../src/policy/lifecycle';
import type { LetterKind } from '../../../src/policy/letters';
import { todayInLondon } from '../../../src/policy/londonDate';
import { readReviewSettings } from '../../../src/app/review/reviewSettings';

export const NOW = new Date('2026-03-16T10:00:00Z'); // a Monday
export const TODAY = todayInLondon(NOW);
export const BANK_HOLIDAYS = fixedBankHolidayCalendar([
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
]);

const daysAgo = (d: number, hour = 9) =>
  new Date(NOW.getTime() - d * 86_400_000 - (10 - hour) * 3_600_000).toISOString();

export const MARK: FlaggedSender = {
  personKey: 'mark.denton1978@gmail.com',
  personName: 'Mark Denton',
  emails: ['mark.denton1978@gmail.com'],
  activity: {
    key: 'mark.denton1978@gmail.com',
    name: 'Mark Denton',
    stage: 'warning',
    warnedOn: '2026-02-02',
    events: [
      { occurredAt: daysAgo(1), behaviours: ['Threatening'], matter: 'trip' },
      { occurredAt: daysAgo(3), behaviours: ['AggressiveOrAbusive'], matter: 'trip' },
      { occurredAt: daysAgo(12), behaviours: ['UnreasonableLevelOfContact'], matter: 'trip' },
      { occurredAt: daysAgo(20), behaviours: ['UnreasonableDemands'], matter: 'trip' },
      { occurredAt: daysAgo(60), behaviours: ['Tone'] },
    ],
  },
  caseSummary: { caseId: '7', stageLabel: 'Written warning', overdue: false },
};

export const JO: FlaggedSender = {
  personKey: 'jo@example.org',
  personName: 'Jo Parent',
  emails: ['jo@example.org'],
  activity: {
    key: 'jo@example.org',
    name: 'Jo Parent',
    stage: 'none',
    events: [{ occurredAt: daysAgo(40), behaviours: ['Tone'] }],
  },
};

export const MARK_CHRONOLOGY: Chronology = {
  personKey: MARK.personKey,
  personName: MARK.personName,
  // Deliberately out of order: the panel shows them oldest first.
  entries: [
    {
      at: daysAgo(1),
      kind: 'event',
      title: 'Phone call: threatened Mrs Okafor',
      details: ['Mrs Okafor took the call; Mr Bell heard it.'],
      headings: ['Threatening'],
      staffNames: ['Mrs Okafor', 'Mr Bell'],
      messageLink:
        'https://outlook.office365.com/owa/?ItemID=AAMk1&exvsurl=1&viewmodel=ReadMessageItem',
      threat: true,
    },
    {
      at: daysAgo(20),
      kind: 'forwarded',
      title: 'Email forwarded to the SPOC',
      details: [],
      headings: [],
      staffNames: [],
    },
    {
      at: daysAgo(12),
      kind: 'event',
      title: 'Emails every hour',
      details: ['Logged by Sarah Whitfield'],
      headings: ['UnreasonableLevelOfContact'],
      staffNames: ['Sarah Whitfield'],
    },
  ],
  perWeek: [
    { weekStart: '2026-02-16', count: 1 },
    { weekStart: '2026-02-23', count: 1 },
    { weekStart: '2026-03-02', count: 1 },
    { weekStart: '2026-03-09', count: 2 },
  ],
};

export function warnedCase(): RestrictionCase {
  return {
    ...newCase({ name: MARK.personName, emails: MARK.emails }),
    id: '7',
    stage: 'warning',
    warning: {
      issuedOn: '2026-02-02',
      behaviour: 'Shouting at staff',
      whyUnacceptable: 'Staff must feel safe',
      stepsTaken: 'A meeting',
      whatFollows: 'Restrictions',
      reviewDate: '2026-08-02',
    },
    deadlines: [{ kind: 'warningReview', due: '2026-08-02', notes: [] }],
  };
}

export class FakeReviewService implements ReviewService {
  cases = new Map<string, RestrictionCase>([[MARK.personKey, warnedCase()]]);
  senders: FlaggedSender[] = [MARK, JO];
  applied: Transition[] = [];
  drafts: { personKey: string; kind: LetterKind; letterDate?: string }[] = [];
  previews: { kind: LetterKind; letterDate?: string }[] = [];
  details = new Map<string, CaseDetailsView>();
  savedDetails: CaseDetailsView[] = [];
  exports: { personKey: string; redact: boolean }[] = [];
  /** The next apply is refused as a concurrent edit. */
  conflictNext: { changedBy: string; changedAt: string } | null = null;
  calls: string[] = [];
  extraDue: DueItem[] = [];

  async flaggedSenders() {
    this.calls.push('flaggedSenders');
    return this.senders;
  }
  async chronology(personKey: string): Promise<Chronology> {
    this.calls.push(`chronology:${personKey}`);
    if (personKey === MARK.personKey) return MARK_CHRONOLOGY;
    return { personKey, personName: 'Jo Parent', entries: [], perWeek: [] };
  }
  async caseFor(personKey: string) {
    this.calls.push(`caseFor:${personKey}`);
    return this.cases.get(personKey);
  }
  availableTransitions(c: RestrictionCase | undefined): TransitionKind[] {
    return availableTransitions(c ?? newCase({ name: '', emails: [] }), TODAY);
  }
  /** The plan the preview and the save share (the real rules, the policies' defaults). */
  private decide(personKey: string, t: Transition, operationKey: string) {
    const sender = this.senders.find((s) => s.personKey === personKey)!;
    const current =
      this.cases.get(personKey) ?? newCase({ name: sender.personName, emails: sender.emails });
    return applyTransition(current, t, {
      today: TODAY,
      now: NOW,
      recordedBy: { name: 'Helen Marsh', email: 'head@oakfield.sch.uk' },
      dates: { bankHolidays: BANK_HOLIDAYS, counting: 'workingDays' },
      settings: DEFAULT_LIFECYCLE_SETTINGS,
      operationKey,
    });
  }
  async settings() {
    return readReviewSettings(new Map());
  }
  async previewTransition(personKey: string, t: Transition) {
    return this.decide(personKey, t, 'preview');
  }
  async apply(personKey: string, t: Transition): Promise<TransitionOutcome> {
    this.applied.push(t);
    if (this.conflictNext) {
      const c = this.conflictNext;
      this.conflictNext = null;
      return { ok: false, kind: 'conflict', message: 'changed', ...c };
    }
    const result = this.decide(personKey, t, `op-${this.applied.length}`);
    if (!result.ok) return { ok: false, kind: 'refused', message: result.message };
    this.cases.set(personKey, result.case);
    return { ok: true, case: result.case };
  }
  async dueAndOverdue(): Promise<DueItem[]> {
    return [...dueItems([...this.cases.values()], TODAY, BANK_HOLIDAYS), ...this.extraDue];
  }
  notices: { caseId: string; notice: NonNullable<DueItem['notice']> }[] = [];
  async recordNotice(
    caseId: string,
    notice: NonNullable<DueItem['notice']>,
  ): Promise<TransitionOutcome> {
    this.notices.push({ caseId, notice });
    this.extraDue = this.extraDue.filter(
      (d) =>
        !(
          d.caseId === caseId &&
          d.notice?.decision === notice.decision &&
          d.notice.to === notice.to
        ),
    );
    const c = [...this.cases.values()][0]!;
    return { ok: true, case: c };
  }
  async caseDetails(personKey: string): Promise<CaseDetailsView> {
    return this.details.get(personKey) ?? { fairness: {}, letterFacts: {} };
  }
  async saveCaseDetails(personKey: string, d: CaseDetailsView): Promise<TransitionOutcome> {
    this.savedDetails.push(d);
    if (this.conflictNext) {
      const c = this.conflictNext;
      this.conflictNext = null;
      return { ok: false, kind: 'conflict', message: 'changed', ...c };
    }
    this.details.set(personKey, d);
    const c = this.cases.get(personKey) ?? newCase({ name: personKey, emails: [personKey] });
    return { ok: true, case: c };
  }
  async draftLetter(
    personKey: string,
    kind: LetterKind,
    letterDate?: string,
  ): Promise<LetterDraftResult> {
    this.drafts.push({ personKey, kind, ...(letterDate ? { letterDate } : {}) });
    return {
      draftId: 'draft-1',
      subject: `Letter (${kind})`,
      webLink: 'https://outlook.example/d',
      recorded: this.recordLetters,
    };
  }
  /** Whether the case records a letter (false: the save failed). */
  recordLetters = true;
  printed: { personKey: string; kind: LetterKind; letterDate?: string }[] = [];
  async recordLetterPrinted(personKey: string, kind: LetterKind, letterDate?: string) {
    this.printed.push({ personKey, kind, ...(letterDate ? { letterDate } : {}) });
    return { recorded: this.recordLetters };
  }
  async letterPreview(_personKey: string, kind: LetterKind, letterDate?: string) {
    this.previews.push({ kind, ...(letterDate ? { letterDate } : {}) });
    return {
      subject: `Letter (${kind})`,
      bodyHtml: `<p>Dear Mr Denton,</p><p>About your ${kind} &lt;b&gt;</p>`,
    };
  }
  async exportCsv(personKey: string, options: { redact: boolean }) {
    this.exports.push({ personKey, redact: options.redact });
    return 'at,kind,title\n';
  }
}
