// SharePoint's list view threshold (README.md, behaviour 9): on a list of more than 5,000 items a
// query may only walk an index, and the index it walks must hold at most 5,000 matching rows.
// - The index used is the one of the FIRST condition of the filter's top-level `and` chain that
//   is a comparison on an indexed column; what comes after it is evaluated on those rows. If that
//   condition alone matches more than 5,000 items the query is refused, whatever `$top` says.
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

export interface ThresholdQuery {
  /** Every item of the list, whoever may read it: SharePoint counts rows, not what you see. */
  itemCount: number;
  filter?: FilterNode;
  orderPaths: string[];
  isIndexed(path: string): boolean;
  /** How many items of the whole list one condition matches. */
  countMatching(condition: FilterNode): number;
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

/** The condition whose index SharePoint walks; undefined when none can use an index. */
export function firstIndexedCondition(
  filter: FilterNode,
  isIndexed: (path: string) => boolean,
): FilterNode | undefined {
  return conjuncts(filter).find((c) => c.kind === 'compare' && c.op !== 'ne' && isIndexed(c.path));
}

/** Throws SharePoint's refusal when the query would cross the threshold. */
export function checkListViewThreshold(
  q: ThresholdQuery,
  answer: Behaviours['listViewThresholdAnswer'],
): void {
  if (q.itemCount <= LIST_VIEW_THRESHOLD) return;
  if (q.orderPaths.some((p) => !q.isIndexed(p))) throw thresholdError(answer);
  if (!q.filter) return;
  const first = firstIndexedCondition(q.filter, q.isIndexed);
  if (!first || q.countMatching(first) > LIST_VIEW_THRESHOLD) throw thresholdError(answer);
}
