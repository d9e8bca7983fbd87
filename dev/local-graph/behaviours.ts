// Where Microsoft 365 has more than one reported answer, the local service can give each of them.
// The default of every choice is the least forgiving answer users report (README.md, "Behaviours
// and their sources"); a test can pick another one to run the product against each.
//
// Choices come from `createLocalGraph({ behaviours })` and, for the CI matrix that reruns some
// tests under each variant (scripts/variants.mjs), from LOCAL_GRAPH_* environment variables.
import { checkTimeZone } from './siteDates';

export interface Behaviours {
  /**
   * How SharePoint answers a write that would duplicate a unique column's value through Graph.
   * Reported: 500 with SPDuplicateValuesFoundException (default), 400, or 409 nameAlreadyExists.
   */
  duplicateAnswer: '500' | '400' | '409';
  /**
   * How a list item write whose If-Match names an old version is refused (etags.ts).
   * Documented: 412 preconditionFailed; reported: 409 resourceModified (default).
   */
  etagMismatchAnswer: '409' | '412';
  /**
   * The site's regional time zone (IANA name), in place of the seed's (`timeZone` on a site,
   * default Europe/London): date-only columns are stored as the UTC instant of local midnight in
   * this zone.
   */
  siteTimeZone?: string;
  /**
   * How a query over the list view threshold is refused through Graph. Reported: 400 notSupported
   * with innerError tooManyResources (default), or SharePoint's own 500
   * SPQueryThrottledException passed through.
   */
  listViewThresholdAnswer: 'graph' | 'sharepoint';
  /**
   * How long a sent message waits in the Outbox before its Sent Items copy appears and it is
   * delivered (Graph's `send` is asynchronous; Microsoft gives no figure: "can take some time").
   */
  sendDelayMs: number;
  /**
   * Whether `createForward` keeps the custom `internetMessageHeaders` given in its `message`
   * parameter (undocumented: 'drop', the default, or 'keep').
   */
  forwardHeaders: 'drop' | 'keep';
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
  sendDelayMs: 5_000,
  forwardHeaders: 'drop',
  etagMismatchAnswer: '409',
  batchOrdering: 'chain',
  corsExposesRetryAfter: false,
  listViewThresholdAnswer: 'graph',
};

/** "a, b or c" */
function listed(values: readonly string[]): string {
  return values.length < 2
    ? values.join('')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** The value of `name` when it is one of `allowed`; undefined when unset; refused otherwise. */
function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = env[name];
  if (!value) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${name} must be ${listed(allowed)}, not '${value}'`);
  return value as T;
}

/** The choices named by LOCAL_GRAPH_* variables (unknown values are refused, not ignored). */
export function behavioursFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Behaviours> {
  const out: Partial<Behaviours> = {};
  const duplicate = oneOf(env, 'LOCAL_GRAPH_DUPLICATE_ANSWER', ['500', '400', '409'] as const);
  if (duplicate) out.duplicateAnswer = duplicate;
  const etag = oneOf(env, 'LOCAL_GRAPH_ETAG_MISMATCH_ANSWER', ['409', '412'] as const);
  if (etag) out.etagMismatchAnswer = etag;
  const threshold = oneOf(env, 'LOCAL_GRAPH_LIST_VIEW_THRESHOLD_ANSWER', [
    'graph',
    'sharepoint',
  ] as const);
  if (threshold) out.listViewThresholdAnswer = threshold;
  const headers = oneOf(env, 'LOCAL_GRAPH_FORWARD_HEADERS', ['drop', 'keep'] as const);
  if (headers) out.forwardHeaders = headers;
  const ordering = oneOf(env, 'LOCAL_GRAPH_BATCH_ORDERING', [
    'chain',
    'sdkPatterns',
    'any',
  ] as const);
  if (ordering) out.batchOrdering = ordering;
  const expose = oneOf(env, 'LOCAL_GRAPH_CORS_EXPOSES_RETRY_AFTER', ['true', 'false'] as const);
  if (expose) out.corsExposesRetryAfter = expose === 'true';
  const zone = env.LOCAL_GRAPH_SITE_TIME_ZONE;
  if (zone) {
    try {
      out.siteTimeZone = checkTimeZone(zone);
    } catch {
      throw new Error(`LOCAL_GRAPH_SITE_TIME_ZONE must be an IANA time zone, not '${zone}'`);
    }
  }
  const delay = env.LOCAL_GRAPH_SEND_DELAY_MS;
  if (delay) {
    if (!/^\d+$/.test(delay))
      throw new Error(`LOCAL_GRAPH_SEND_DELAY_MS must be a number of milliseconds, not '${delay}'`);
    out.sendDelayMs = Number(delay);
  }
  return out;
}

/** Defaults, then the environment, then what the caller chose. */
export function resolveBehaviours(chosen: Partial<Behaviours> = {}): Behaviours {
  return { ...DEFAULT_BEHAVIOURS, ...behavioursFromEnv(), ...chosen };
}
