// The CI matrix: tests that depend on an answer Microsoft 365 gives in more than one way run again
// under each other answer the local service can give (dev/local-graph/behaviours.ts). The main run
// uses the defaults (the least forgiving answers); each entry here is one more run of the tests
// whose paths match `tests`, with `env` set.
// The tests that write or read date-only columns, run with the site in UTC and in a US zone.
const DATE_TESTS = [
  'test/integration/review/',
  'test/integration/graph/',
  'test/integration/local-graph/site-dates',
];

export const VARIANTS = [
  { name: 'site in UTC', env: { LOCAL_GRAPH_SITE_TIME_ZONE: 'UTC' }, tests: DATE_TESTS },
  {
    name: 'site in New York',
    env: { LOCAL_GRAPH_SITE_TIME_ZONE: 'America/New_York' },
    tests: DATE_TESTS,
  },
  {
    name: "list view threshold as SharePoint's 500",
    env: { LOCAL_GRAPH_LIST_VIEW_THRESHOLD_ANSWER: 'sharepoint' },
    tests: ['test/integration/review/'],
  },
];
