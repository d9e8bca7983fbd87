// The deadlines a decision will set, worked out before it is saved (never typed). The review
// service previews the decision with the same plan its save runs (the school's settings, term
// dates and closures, the case as the reviewer saw it), so the dates shown are the dates saved.
import type { ReviewService } from '../../app/review/types';
import type {
  CaseDeadline,
  RestrictionCase,
  Stage,
  Transition,
  TransitionResult,
} from '../../policy/lifecycle/types';
import type { LocalDate } from '../../policy/types';

export type PreviewOutcome =
  | {
      ok: true;
      stageAfter: Stage;
      deadlines: CaseDeadline[];
      endDate?: LocalDate;
      reviewDate?: LocalDate;
    }
  | { ok: false; message: string; problems: string[] };

export type Previewer = (
  personKey: string,
  current: RestrictionCase | undefined,
  person: { name: string; emails: string[] },
  transition: Transition,
) => Promise<PreviewOutcome>;

export function outcomeOf(result: TransitionResult): PreviewOutcome {
  if (!result.ok) return { ok: false, message: result.message, problems: result.problems };
  const r = result.case.restriction;
  return {
    ok: true,
    stageAfter: result.case.stage,
    deadlines: result.deadlines,
    ...(r ? { endDate: r.endDate, reviewDate: r.reviewDate } : {}),
  };
}

/** The service's preview of a decision on the person's case (it knows the case and the person). */
export function previewerFor(review: ReviewService): Previewer {
  return async (personKey, _current, _person, transition) =>
    outcomeOf(await review.previewTransition(personKey, transition));
}
