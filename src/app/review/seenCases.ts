// The cases and staff items as the reviewer last saw them. Their ETags guard the next save
// (If-Match): a decision made on what the reviewer saw is refused if someone changed it since,
// never written over their change. Every read of a case (the list, a chronology, a case) records
// it here; every save records what it wrote.
import type { StoredCase } from '../../graph/repositories/casesRepository';

export class SeenCases {
  private readonly cases = new Map<string, StoredCase>();
  private readonly itemTags = new Map<string, string>();
  /** People read to have no case yet: the deadline preview asks for each keystroke, not Graph. */
  private readonly none = new Set<string>();

  remember(stored: StoredCase): void {
    this.cases.set(stored.personKey, stored);
    this.none.delete(stored.personKey);
  }

  /** Read to have no case (only the preview relies on this; a save reads again). */
  rememberNone(personKey: string): void {
    if (!this.cases.has(personKey)) this.none.add(personKey);
  }

  knownToHaveNone(personKey: string): boolean {
    return this.none.has(personKey);
  }

  case(personKey: string): StoredCase | undefined {
    return this.cases.get(personKey);
  }

  rememberItemTag(itemId: string, eTag: string): void {
    this.itemTags.set(itemId, eTag);
  }

  itemTag(itemId: string): string | undefined {
    return this.itemTags.get(itemId);
  }

  /** After our own write the item's tag is no longer the one seen. */
  forgetItemTag(itemId: string): void {
    this.itemTags.delete(itemId);
  }
}
