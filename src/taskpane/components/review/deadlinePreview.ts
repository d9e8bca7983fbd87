// The deadlines a decision will set, worked out before it is saved (never typed): the same pure
// rules the save applies (applyTransition), run on the case as it is now. When the review service
// offers its own preview (with the school's settings and term dates from the Settings list), that
// is used; otherwise the rules run here with the policies' default settings and the bank holidays
// of England and Wales, and the form says so.
import type { ReviewSettings } from '../../../app/review/reviewSettings';
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

/**
 * Optional extras a review service may offer: its own preview, or the school's settings (term
 * dates, closures, counting, lifecycle choices, hint thresholds) for the rules run here.
 */
export interface PreviewingReviewService extends ReviewService {
  previewTransition?(personKey: string, transition: Transition): Promise<TransitionResult>;
  settings?(): Promise<ReviewSettings>;
}

/** The school's review settings, when the service can give them. */
export function schoolSettingsOf(
  review: ReviewService,
): (() => Promise<ReviewSettings>) | undefined {
  const service = review as PreviewingReviewService;
  return typeof service.settings === 'function' ? () => service.settings!() : undefined;
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

/**
 * The rules run on this device (bank holidays loaded on first use), with the school's settings
 * when `school` gives them, else the policies' defaults (and the preview says so).
 */
export function createLocalPreviewer(
  options: {
    now?: () => Date;
    settings?: LifecycleSettings;
    dates?: Omit<DateRules, 'bankHolidays'>;
    school?: () => Promise<ReviewSettings>;
  } = {},
): Previewer {
  const now = options.now ?? (() => new Date());
  let calendar: { key: string; value: ReturnType<typeof loadBankHolidayCalendar> } | undefined;
  return async (_personKey, current, person, transition) => {
    const school = options.school ? await options.school() : undefined;
    const extraClosures = school?.extraClosures ?? [];
    const key = extraClosures.join(',');
    if (calendar?.key !== key) {
      const value = loadBankHolidayCalendar({ extraClosures }).catch((e: unknown) => {
        calendar = undefined;
        throw e;
      });
      calendar = { key, value };
    }
    const bankHolidays = await calendar.value;
    const at = now();
    const dates: DateRules = school
      ? {
          bankHolidays,
          counting: school.counting,
          ...(school.school ? { school: school.school } : {}),
        }
      : { counting: 'workingDays', ...options.dates, bankHolidays };
    const result = applyTransition(current ?? newCase(person), transition, {
      today: todayInLondon(at),
      now: at,
      recordedBy: { name: 'preview', email: 'preview@invalid' },
      dates,
      settings: school?.lifecycle ?? options.settings ?? DEFAULT_LIFECYCLE_SETTINGS,
      operationKey: 'preview',
    });
    return outcomeOf(result, school ? undefined : LOCAL_BASIS);
  };
}

/**
 * The service's own preview when it has one; else the rules run here with the school's settings
 * from the service, or with `fallback` when the service cannot give them.
 */
export function previewerFor(
  review: ReviewService,
  fallback: Previewer,
  now?: () => Date,
): Previewer {
  const service = review as PreviewingReviewService;
  if (typeof service.previewTransition === 'function')
    return async (personKey, _current, _person, transition) =>
      outcomeOf(await service.previewTransition!(personKey, transition));
  const school = schoolSettingsOf(review);
  return school ? createLocalPreviewer({ now, school }) : fallback;
}
