// What of a decision reaches the Contact Restrictions list, which every member of staff reads
// (docs/lists.md). Issue 14, item 7: a `Warning` is not on the all-staff list. A written warning
// restricts nothing (the sender check never acts on it), and the log of a decision is shared only
// with those who need it for their work (002 §51); the warning stays in Restriction Cases, which
// only reviewers read. Pure.
import type { ListChange } from './types';

/**
 * The change to write to Contact Restrictions for a decision, or null when nothing is to be
 * written there: a change that would put (or keep) the person on the list as `Warning`. An item
 * that already exists for an earlier, ended or overturned restriction is then left as it is (it
 * restricts nothing either).
 */
export function staffListChange(change: ListChange | null): ListChange | null {
  if (change === null) return null;
  return change.fields.Status === 'Warning' ? null : change;
}
