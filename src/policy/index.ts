// The policy rules: pure functions over the domain types. No I/O anywhere below this folder.
export * from './types';
export {
  displayNamesMatch,
  isEmailAddress,
  normalizeAddress,
  normalizeDisplayName,
  parseAddress,
  sameAddress,
  splitAddressList,
} from './addresses';
export {
  SCHOOL_TIME_ZONE,
  addDays,
  compareLocalDates,
  isLocalDate,
  londonDateOf,
  readSharePointDate,
  todayInLondon,
} from './londonDate';
export {
  RESTRICTING_STATUSES,
  RESTRICTION_COLUMNS,
  parseRestrictionItem,
  parseRestrictionItems,
  type ParsedRestrictionItem,
  type RestrictionListItem,
} from './restrictionItem';
export {
  isInForce,
  isReviewOverdue,
  restrictionState,
  restrictionsInForce,
  type RestrictionState,
} from './activeness';
export {
  buildRestrictionIndex,
  countUnreadable,
  decideVerdict,
  decideVerdictIndexed,
  type RestrictionIndex,
} from './verdict';
