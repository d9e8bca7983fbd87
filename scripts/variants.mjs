// The CI matrix: tests that depend on an answer Microsoft 365 gives in more than one way run again
// under each other answer the local service can give (dev/local-graph/behaviours.ts). The main run
// uses the defaults (the least forgiving answers); each entry here is one more run of the tests
// whose paths match `tests`, with `env` set.

/** Every test that creates an item keyed by a unique column (events, audit entries, cases). */
const KEYED_CREATES = [
  'test/integration/graph/keyedCreates',
  'test/integration/events/saveEvents',
  'test/integration/events/evidenceCopy',
  'test/integration/review/reviewService',
  'test/integration/actions/restrictedActions',
  'test/integration/local-graph/sharepoint-strict',
];

/** Every test that writes with If-Match (the review's "changed by", list item updates). */
const ETAG_WRITES = [
  'test/integration/review/reviewService',
  'test/integration/local-graph/sharepoint-strict',
];

// The tests that write or read date-only columns, run with the site in UTC and in a US zone.
const DATE_TESTS = [
  'test/integration/review/',
  'test/integration/graph/',
  'test/integration/local-graph/site-dates',
];

// The tests of what a person reads or types as a date or time, run with the device (the process)
// in New York: every answer must be London's whatever zone the school laptop is set to (issue
// #11). The main run's zone is the machine's (UTC in CI, itself not London's clock in summer).
const DEVICE_ZONE_TESTS = [
  'test/unit/dates/',
  'test/unit/policy/londonDate',
  'test/unit/routing/transportRule',
  'test/unit/chronology/chronology',
  'test/components/events/',
];

export const VARIANTS = [
  // Issue 9, behaviour 5: createForward keeps the custom headers of its `message` (undocumented).
  {
    name: 'forward-headers-kept',
    env: { LOCAL_GRAPH_FORWARD_HEADERS: 'keep' },
    tests: ['test/integration/actions/'],
  },
  // Issue 9, behaviour 5: the send completes at once (the retry meets the Sent Items copy, never
  // the Outbox) and, the other way, at the realistic default delay.
  {
    name: 'send-immediate',
    env: { LOCAL_GRAPH_SEND_DELAY_MS: '0' },
    tests: ['test/integration/actions/restrictedActions'],
  },
  {
    name: 'send-default-delay',
    env: { LOCAL_GRAPH_SEND_DELAY_MS: '5000' },
    tests: ['test/integration/actions/restrictedActions'],
  },
  { name: 'duplicate-400', env: { LOCAL_GRAPH_DUPLICATE_ANSWER: '400' }, tests: KEYED_CREATES },
  { name: 'duplicate-409', env: { LOCAL_GRAPH_DUPLICATE_ANSWER: '409' }, tests: KEYED_CREATES },
  {
    name: 'etag-mismatch-412',
    env: { LOCAL_GRAPH_ETAG_MISMATCH_ANSWER: '412' },
    tests: ETAG_WRITES,
  },
  // #1 $batch ordering: the routing job under the looser shapes users report (its batches are
  // fully parallel or fully sequential, so it must behave the same under each).
  {
    name: 'batch-ordering-sdkPatterns',
    env: { LOCAL_GRAPH_BATCH_ORDERING: 'sdkPatterns' },
    tests: ['test/integration/routing/reconciler'],
  },
  {
    name: 'batch-ordering-any',
    env: { LOCAL_GRAPH_BATCH_ORDERING: 'any' },
    tests: ['test/integration/routing/reconciler'],
  },
  { name: 'site-utc', env: { LOCAL_GRAPH_SITE_TIME_ZONE: 'UTC' }, tests: DATE_TESTS },
  {
    name: 'site-new-york',
    env: { LOCAL_GRAPH_SITE_TIME_ZONE: 'America/New_York' },
    tests: DATE_TESTS,
  },
  { name: 'device-zone-new-york', env: { TZ: 'America/New_York' }, tests: DEVICE_ZONE_TESTS },
  {
    name: 'list-view-threshold-sharepoint-500',
    env: { LOCAL_GRAPH_LIST_VIEW_THRESHOLD_ANSWER: 'sharepoint' },
    tests: ['test/integration/review/'],
  },
];
