// Mail routing (issue #6): pure rules. No I/O below this folder.
export * from './types';
export {
  canonicalRuleContent,
  estimateRuleBytes,
  hash53,
  parseOwnedName,
  ruleFingerprint,
  ruleName,
  RULE_NAME_PREFIX,
} from './ruleContent';
export {
  MIGRATED_RULE_QUOTA_BYTES,
  RULE_QUOTA_BYTES,
  compactRule,
  desiredRulesFor,
  destinationMailboxes,
  folderIdFromRules,
  isAcceptedDomain,
  isPlanEmpty,
  planMailbox,
  planRouting,
  routesBySpoc,
  routingCategories,
  spocAddresses,
  unreadableEntryRefusals,
  unreadableRecordRefusals,
} from './planner';
export {
  RETIRED_ROUTING_SETTING_KEYS,
  ROUTING_SETTING_KEYS,
  readRoutingSettings,
  type RoutingSettingsDefaults,
} from './settings';
export {
  TRANSPORT_HEADER_NAME,
  TRANSPORT_RULE_MAX_BYTES,
  TRANSPORT_RULE_PREFIX,
  TRANSPORT_RULES_PER_TENANT,
  literalPattern,
  londonMidnightUtc,
  PS1_BYTE_ORDER_MARK,
  TRANSPORT_URGENT_SUBJECT_PREFIX,
  psCommentText,
  psQuote,
  transportRuleScript,
  type TransportRuleOutput,
} from './transportRule';
export { URGENT_PHRASES_MAX_CHARS, URGENT_RULE_PHRASES } from './urgentRulePhrases';
