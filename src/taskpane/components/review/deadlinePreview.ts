// The deadlines a decision will set, worked out before it is saved (never typed): the same pure
// rules the save applies (applyTransition), run on the case as it is now. When the review service
// offers its own preview (with the school's settings and term dates from the Settings list), that
// is used; otherwise the rules run here with the policies' default settings and the bank holidays
// of England and Wales, and the form says so.
import type { ReviewService } from '../../../app/review/types';
import { loadBankHolidayCalendar } from '../../../policy/dates';
import type { DateRules } from '../../../policy/dates/deadlines';
import { applyTransition, newCase } from '../../../policy/lifecycle/machine';
import {
  DEFAULT_LIFECYCLE_SETTINGS,
  type LifecycleSettings,
} from '../../../policy/lifecycle/settings';
import type {
  CaseDeadline,
  RestrictionCase,
  Stage,
  Transition,
  TransitionResult,
} from '../../../policy/lifecycle/types';
import { todayInLondon } from '../../../policy/londonDate';
import type { LocalDate } from '../../../policy/types';

export type PreviewOutcome =
  | {
      ok: true;
      stageAfter: Stage;
      deadlines: CaseDeadline[];
      endDate?: LocalDate;
      reviewDate?: LocalDate;
      /** Which settings the preview used, in plain words, when not the school's own. */
      basis?: string;
    }
  | { ok: false; message: string; problems: string[] };

export type Previewer = (
  personKey: string,
  current: RestrictionCase | undefined,
  person: { name: string; emails: string[] },
  transition: Transition,
) => Promise<PreviewOutcome>;

/** An optional extra a review service may offer: the preview with the school's own settings. */
export interface PreviewingReviewService extends ReviewService {
  previewTransition?(personKey: string, transition: Transition): Promise<TransitionResult>;
}

export function outcomeOf(result: TransitionResult, basis?: string): PreviewOutcome {
  if (!result.ok) return { ok: false, message: result.message, problems: result.problems };
  const r = result.case.restriction;
  return {
    ok: true,
    stageAfter: result.case.stage,
    deadlines: result.deadlines,
    ...(r ? { endDate: r.endDate, reviewDate: r.reviewDate } : {}),
    ...(basis ? { basis } : {}),
  };
}

export const LOCAL_BASIS =
  "Worked out with the policies' default settings; the saved dates follow the school's settings and term dates.";

/** The rules run on this device (bank holidays loaded on first use). */
export function createLocalPreviewer(
  options: {
    now?: () => Date;
    settings?: LifecycleSettings;
    dates?: Omit<DateRules, 'bankHolidays'>;
  } = {},
): Previewer {
  const now = options.now ?? (() => new Date());
  let calendar: ReturnType<typeof loadBankHolidayCalendar> | undefined;
  return async (_personKey, current, person, transition) => {
    calendar ??= loadBankHolidayCalendar().catch((e: unknown) => {
      calendar = undefined;
      throw e;
    });
    const bankHolidays = await calendar;
    const at = now();
    const result = applyTransition(current ?? newCase(person), transition, {
      today: todayInLondon(at),
      now: at,
      recordedBy: { name: 'preview', email: 'preview@invalid' },
      dates: { counting: 'workingDays', ...options.dates, bankHolidays },
      settings: options.settings ?? DEFAULT_LIFECYCLE_SETTINGS,
      operationKey: 'preview',
    });
    return outcomeOf(result, LOCAL_BASIS);
  };
}

/** The service's own preview when it has one, else the local rules. */
export function previewerFor(review: ReviewService, fallback: Previewer): Previewer {
  const service = review as PreviewingReviewService;
  if (typeof service.previewTransition !== 'function') return fallback;
  return async (personKey, _current, _person, transition) =>
    outcomeOf(await service.previewTransition!(personKey, transition));
}
