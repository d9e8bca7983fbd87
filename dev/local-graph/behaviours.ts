// Where Microsoft 365 has more than one reported answer, the local service can give each of them.
// The default of every choice is the least forgiving answer users report (README.md, "Behaviours
// and their sources"); a test can pick another one to run the product against each.
//
// Choices come from `createLocalGraph({ behaviours })` and, for the CI matrix that reruns some
// tests under each variant (scripts/variants.mjs), from LOCAL_GRAPH_* environment variables.

export interface Behaviours {
  /**
   * How SharePoint answers a write that would duplicate a unique column's value through Graph.
   * Reported: 500 with SPDuplicateValuesFoundException (default), 400, or 409 nameAlreadyExists.
   */
  duplicateAnswer: '500' | '400' | '409';
  /**
   * The site's regional time zone (IANA name) when the seed gives none: date-only columns are
   * stored as the UTC instant of local midnight in this zone.
   */
  siteTimeZone?: string;
  /**
   * Which `dependsOn` shapes a `$batch` accepts (README #1). Graph refuses a batch that mixes
   * chains with independent requests: 400 "Batch should be either fully sequential or fully
   * parallel". `chain` (default, least forgiving): no request has `dependsOn`, or every request
   * after the first depends on exactly the one before it. `sdkPatterns`: also the "same" pattern
   * the Graph JS SDK allows (every dependant names the same single request). `any`: any
   * dependencies on earlier requests (OData JSON batch, what the docs' old example showed).
   */
  batchOrdering: 'chain' | 'sdkPatterns' | 'any';
  /**
   * Whether `Access-Control-Expose-Headers` lists `Retry-After` (README #2). `false` (default):
   * the list users reported from Graph without it, so a browser cannot read the header; `true`:
   * the list later responses show with it.
   */
  corsExposesRetryAfter: boolean;
}

export const DEFAULT_BEHAVIOURS: Behaviours = {
  duplicateAnswer: '500',
  batchOrdering: 'chain',
  corsExposesRetryAfter: false,
};

const BATCH_ORDERINGS = new Set<Behaviours['batchOrdering']>(['chain', 'sdkPatterns', 'any']);

const DUPLICATE_ANSWERS = new Set<Behaviours['duplicateAnswer']>(['500', '400', '409']);

/** The choices named by LOCAL_GRAPH_* variables (unknown values are refused, not ignored). */
export function behavioursFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Behaviours> {
  const out: Partial<Behaviours> = {};
  const duplicate = env.LOCAL_GRAPH_DUPLICATE_ANSWER;
  if (duplicate) {
    if (!DUPLICATE_ANSWERS.has(duplicate as Behaviours['duplicateAnswer']))
      throw new Error(`LOCAL_GRAPH_DUPLICATE_ANSWER must be 500, 400 or 409, not '${duplicate}'`);
    out.duplicateAnswer = duplicate as Behaviours['duplicateAnswer'];
  }
  const zone = env.LOCAL_GRAPH_SITE_TIME_ZONE;
  if (zone) {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    } catch {
      throw new Error(`LOCAL_GRAPH_SITE_TIME_ZONE must be an IANA time zone, not '${zone}'`);
    }
    out.siteTimeZone = zone;
  }
  const ordering = env.LOCAL_GRAPH_BATCH_ORDERING;
  if (ordering) {
    if (!BATCH_ORDERINGS.has(ordering as Behaviours['batchOrdering']))
      throw new Error(
        `LOCAL_GRAPH_BATCH_ORDERING must be chain, sdkPatterns or any, not '${ordering}'`,
      );
    out.batchOrdering = ordering as Behaviours['batchOrdering'];
  }
  const expose = env.LOCAL_GRAPH_CORS_EXPOSES_RETRY_AFTER;
  if (expose) {
    if (expose !== 'true' && expose !== 'false')
      throw new Error(
        `LOCAL_GRAPH_CORS_EXPOSES_RETRY_AFTER must be true or false, not '${expose}'`,
      );
    out.corsExposesRetryAfter = expose === 'true';
  }
  return out;
}

/** Defaults, then the environment, then what the caller chose. */
export function resolveBehaviours(chosen: Partial<Behaviours> = {}): Behaviours {
  return { ...DEFAULT_BEHAVIOURS, ...behavioursFromEnv(), ...chosen };
}
