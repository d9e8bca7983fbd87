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
}

export const DEFAULT_BEHAVIOURS: Behaviours = {
  duplicateAnswer: '500',
  listViewThresholdAnswer: 'graph',
};

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
  const threshold = env.LOCAL_GRAPH_LIST_VIEW_THRESHOLD_ANSWER;
  if (threshold) {
    if (threshold !== 'graph' && threshold !== 'sharepoint')
      throw new Error(
        `LOCAL_GRAPH_LIST_VIEW_THRESHOLD_ANSWER must be graph or sharepoint, not '${threshold}'`,
      );
    out.listViewThresholdAnswer = threshold;
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
  return out;
}

/** Defaults, then the environment, then what the caller chose. */
export function resolveBehaviours(chosen: Partial<Behaviours> = {}): Behaviours {
  return { ...DEFAULT_BEHAVIOURS, ...behavioursFromEnv(), ...chosen };
}
