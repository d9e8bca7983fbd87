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

export const VARIANTS = [
  { name: 'duplicate-400', env: { LOCAL_GRAPH_DUPLICATE_ANSWER: '400' }, tests: KEYED_CREATES },
  { name: 'duplicate-409', env: { LOCAL_GRAPH_DUPLICATE_ANSWER: '409' }, tests: KEYED_CREATES },
  {
    name: 'etag-mismatch-412',
    env: { LOCAL_GRAPH_ETAG_MISMATCH_ANSWER: '412' },
    tests: ETAG_WRITES,
  },
];
