// The CI matrix: tests that depend on an answer Microsoft 365 gives in more than one way run again
// under each other answer the local service can give (dev/local-graph/behaviours.ts). The main run
// uses the defaults (the least forgiving answers); each entry here is one more run of the tests
// whose paths match `tests`, with `env` set.
export const VARIANTS = [];
