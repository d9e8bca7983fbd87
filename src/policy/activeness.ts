// Whether a restriction applies on a given day. "Fair to the parent" (DOMAIN.md): an expired,
// overturned or ended restriction stops applying at once, so these rules are the only place that
// decides it, and `today` is always the school's date passed in by the caller.
import { compareLocalDates, isLocalDate } from './londonDate';
import type { LocalDate, Restriction } from './types';

export type RestrictionState =
  'inForce' | 'notStarted' | 'expired' | 'warningOnly' | 'overturned' | 'ended';

/**
 * Where a restriction stands on `today`. The status decides first (a Warning restricts nothing, an
 * Overturned or Ended one never applies again); for Provisional, Active and Extended the dates
 * decide, both ends inclusive. A restriction without a readable end date is treated as expired:
 * every restriction must have an end (no policy allows an indefinite one).
 */
export function restrictionState(r: Restriction, today: LocalDate): RestrictionState {
  switch (r.status) {
    case 'Warning':
      return 'warningOnly';
    case 'Overturned':
      return 'overturned';
    case 'Ended':
      return 'ended';
    case 'Provisional':
    case 'Active':
    case 'Extended':
      break;
    default:
      // A status outside the contract (a record not built by parseRestrictionItem) restricts nothing.
      return 'ended';
  }
  if (!isLocalDate(r.startDate) || compareLocalDates(today, r.startDate) < 0) return 'notStarted';
  if (!isLocalDate(r.endDate) || compareLocalDates(today, r.endDate) > 0) return 'expired';
  return 'inForce';
}

/** Status Provisional, Active or Extended, and StartDate <= today <= EndDate. */
export function isInForce(r: Restriction, today: LocalDate): boolean {
  return restrictionState(r, today) === 'inForce';
}

/**
 * In force and past its ReviewDate (the review day itself is not overdue). It still applies; it
 * is flagged so that reviewers look at it rather than letting it run on unexamined.
 */
export function isReviewOverdue(r: Restriction, today: LocalDate): boolean {
  return (
    isInForce(r, today) &&
    r.reviewDate !== undefined &&
    isLocalDate(r.reviewDate) &&
    compareLocalDates(r.reviewDate, today) < 0
  );
}

/** The restrictions that apply on `today`, in their given order (e.g. to keep mail rules in step). */
export function restrictionsInForce(
  restrictions: readonly Restriction[],
  today: LocalDate,
): Restriction[] {
  return restrictions.filter((r) => isInForce(r, today));
}
