// The CI matrix: tests that depend on an answer Microsoft 365 gives in more than one way run again
// under each other answer the local service can give (dev/local-graph/behaviours.ts). The main run
// uses the defaults (the least forgiving answers); each entry here is one more run of the tests
// whose paths match `tests`, with `env` set.
export const VARIANTS = [
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
];
