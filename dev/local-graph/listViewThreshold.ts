// SharePoint's list view threshold (README.md, behaviour 9): on a list of more than 5,000 items a
// query may only walk an index, and the index it walks must hold at most 5,000 matching rows.
// - The index used is the one of the FIRST condition of the filter's top-level `and` chain that
//   is a comparison on an indexed column; what comes after it is evaluated on those rows. If that
//   condition matches more than 5,000 items the query is refused, whatever `$top` says. Other
//   comparisons on that same column in the chain (`ge a and lt b`) bound the same index walk, so
//   they count as one range: Microsoft documents neither reading, and a range is how SharePoint's
//   own large-list guidance filters an indexed date column.
// - `or` is not guaranteed an index (users report both), so an `or` (or `not`, `ne`, startswith)
//   never counts as the indexed condition: the least forgiving reading.
// - A filter with no indexed condition, or an orderby on a column that is not indexed, scans the
//   list: refused on a large list even with the Prefer: HonorNonIndexedQueriesWarningMayFailRandomly
//   header (that header only lets such a query run while the list is small).
// Without a filter the list is walked in ID order, which is always allowed.
import type { Behaviours } from './behaviours';
import { GraphError } from './graphErrors';
import type { FilterNode } from './odataFilter';

export const LIST_VIEW_THRESHOLD = 5000;

export interface ThresholdQuery<T> {
  /** Every item of the list, whoever may read it: SharePoint counts rows, not what you see. */
  itemCount: number;
  filter?: FilterNode;
  orderPaths: string[];
  isIndexed(path: string): boolean;
  /** The items of the whole list one condition matches. */
  itemsMatching(condition: FilterNode): T[];
}

/** SharePoint's answer through Graph (behaviours.listViewThresholdAnswer). */
export function thresholdError(answer: Behaviours['listViewThresholdAnswer']): GraphError {
  if (answer === 'sharepoint') {
    return new GraphError(
      500,
      '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      'The attempted operation is prohibited because it exceeds the list view threshold.',
    );
  }
  return new GraphError(
    400,
    'notSupported',
    'The request is unprocessable because it uses too many resources',
    {},
    'tooManyResources',
  );
}

/** The top-level `and` chain, left to right. */
function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

const seeks = (c: FilterNode): c is Extract<FilterNode, { kind: 'compare' }> =>
  c.kind === 'compare' && c.op !== 'ne';

/**
 * The conditions of the index walk SharePoint makes: the first indexed comparison and the other
 * comparisons on its column, as one `and`; undefined when no condition can use an index.
 */
export function firstIndexedCondition(
  filter: FilterNode,
  isIndexed: (path: string) => boolean,
): FilterNode | undefined {
  const all = conjuncts(filter);
  const first = all.find((c) => seeks(c) && isIndexed(c.path));
  if (!first || first.kind !== 'compare') return undefined;
  return all
    .filter((c) => seeks(c) && c.path === first.path)
    .reduce((left, right) => ({ kind: 'and', left, right }));
}

/**
 * Throws SharePoint's refusal when the query would cross the threshold. Otherwise gives the rows
 * of the index walk on a large list (the rest of the filter applies to them alone), or undefined
 * when the whole list is the starting point (a small list, or no filter).
 */
export function checkListViewThreshold<T>(
  q: ThresholdQuery<T>,
  answer: Behaviours['listViewThresholdAnswer'],
): T[] | undefined {
  if (q.itemCount <= LIST_VIEW_THRESHOLD) return undefined;
  if (q.orderPaths.some((p) => !q.isIndexed(p))) throw thresholdError(answer);
  if (!q.filter) return undefined;
  const first = firstIndexedCondition(q.filter, q.isIndexed);
  if (!first) throw thresholdError(answer);
  const rows = q.itemsMatching(first);
  if (rows.length > LIST_VIEW_THRESHOLD) throw thresholdError(answer);
  return rows;
}
