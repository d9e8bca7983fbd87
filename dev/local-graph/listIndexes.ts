// SharePoint serves a query on an indexed column from the index, not by reading the list. The
// service keeps a sorted copy of a number or date column's values (built when first needed, again
// after any write) so that a range on it finds its rows by binary search: a 100,000-item list
// answers a week of events without looking at the other items. The rows found are a superset
// checked against the condition itself by the caller, so the index can never change an answer.
import type { FilterNode, Literal } from './odataFilter';

interface SortedIndex<T> {
  stamp: number;
  keys: number[];
  items: T[];
}

export interface Bounds {
  lo: number;
  hi: number;
}

/**
 * The numeric range a set of comparisons (`and`ed, one column) allows; undefined when a literal
 * is not a number after coercion (text, null), where the caller reads every item instead.
 */
export function numericBounds(
  seek: FilterNode,
  literal: (value: Literal) => Literal,
): Bounds | undefined {
  const b: Bounds = { lo: -Infinity, hi: Infinity };
  const visit = (n: FilterNode): boolean => {
    if (n.kind === 'and') return visit(n.left) && visit(n.right);
    if (n.kind !== 'compare') return false;
    const v = literal(n.value);
    if (typeof v !== 'number') return false;
    if (n.op === 'ge' || n.op === 'gt' || n.op === 'eq') b.lo = Math.max(b.lo, v);
    if (n.op === 'le' || n.op === 'lt' || n.op === 'eq') b.hi = Math.min(b.hi, v);
    return n.op !== 'ne';
  };
  return visit(seek) ? b : undefined;
}

function firstAtLeast(keys: number[], v: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAbove(keys: number[], v: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class NumericIndexes<T> {
  private readonly indexes = new Map<string, SortedIndex<T>>();

  /** Items whose key lies in `bounds`; `stamp` changes whenever the list may have changed. */
  candidates(
    column: string,
    stamp: number,
    all: () => Iterable<T>,
    keyOf: (item: T) => unknown,
    bounds: Bounds,
  ): T[] {
    let index = this.indexes.get(column);
    if (!index || index.stamp !== stamp) {
      const entries: [number, T][] = [];
      for (const item of all()) {
        const k = keyOf(item);
        if (typeof k === 'number') entries.push([k, item]);
      }
      entries.sort((a, b) => a[0] - b[0]);
      index = { stamp, keys: entries.map((e) => e[0]), items: entries.map((e) => e[1]) };
      this.indexes.set(column, index);
    }
    return index.items.slice(
      firstAtLeast(index.keys, bounds.lo),
      firstAbove(index.keys, bounds.hi),
    );
  }
}
