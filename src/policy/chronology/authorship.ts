// Who made a chronology entry (issue 10, item 3). The review believes SharePoint's own record of
// the list item (createdBy, createdDateTime, lastModifiedBy, lastModifiedDateTime): the account
// whose token created it. Columns the client wrote (RecordedByName/Email on events, ActorName/Email
// on the Audit list) are claims anyone with write access can fill with another person's name, so
// they are only compared with SharePoint's record, and a claim naming someone else is flagged to
// reviewers. Pure: no I/O.
import { displayNamesMatch, normalizeAddress } from '../addresses';

/** One identity as Graph gives it in createdBy/lastModifiedBy (`user`, or `application`). */
export interface SharePointIdentity {
  /** Entra object id (absent for SharePoint's system account and some app identities). */
  id?: string;
  displayName?: string;
  /** Not in Graph's documented schema but returned for users (an open type). */
  email?: string;
}

/** SharePoint's record of a list item's author and last editor. */
export interface ItemAuthorship {
  createdBy?: SharePointIdentity;
  createdAt?: string;
  modifiedBy?: SharePointIdentity;
  modifiedAt?: string;
}

/** What a column written by the client says about who recorded it. */
export interface ClaimedAuthor {
  name?: string;
  email?: string;
}

/** Who made an entry, as shown to reviewers. */
export interface EntryAuthor {
  /** From SharePoint's createdBy: a name, else an address, else "an unknown account". */
  createdBy: string;
  createdAt?: string;
  /** Set only when the item was last changed by another account than the one that created it. */
  changedBy?: string;
  changedAt?: string;
  /** Set only when a client-written column names another person than the creating account. */
  recordedAs?: string;
}

export const UNKNOWN_ACCOUNT = 'an unknown account';

function clean(value: string | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function label(who: SharePointIdentity | undefined): string {
  return clean(who?.displayName) || clean(who?.email) || UNKNOWN_ACCOUNT;
}

function sameName(a: string, b: string): boolean {
  const plain = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return plain(a) === plain(b) || displayNamesMatch(a, b);
}

/**
 * Whether a claim and an identity can be the same person: true when their addresses or their
 * names agree; false when they can be compared (both have an address, or both a name) and
 * nothing agrees; undefined when there is nothing to compare. Addresses OR names: a person whose
 * sign-in name differs from their mail address is not flagged, and the name shown is SharePoint's
 * anyway, so a claim can never put words in another person's mouth unnoticed.
 */
export function claimMatches(
  claim: ClaimedAuthor,
  who: SharePointIdentity | undefined,
): boolean | undefined {
  if (!who) return undefined;
  const claimEmail = normalizeAddress(clean(claim.email));
  const whoEmail = normalizeAddress(clean(who.email));
  const claimName = clean(claim.name);
  const whoName = clean(who.displayName);
  const emails = claimEmail !== '' && whoEmail !== '';
  const names = claimName !== '' && whoName !== '';
  if (!emails && !names) return undefined;
  if (emails && claimEmail === whoEmail) return true;
  if (names && sameName(claimName, whoName)) return true;
  return false;
}

/** Two SharePoint identities are the same account: by id, else address, else name. */
export function sameIdentity(a: SharePointIdentity, b: SharePointIdentity): boolean {
  if (clean(a.id) && clean(b.id)) return clean(a.id).toLowerCase() === clean(b.id).toLowerCase();
  const ea = normalizeAddress(clean(a.email));
  const eb = normalizeAddress(clean(b.email));
  if (ea && eb) return ea === eb;
  return sameName(clean(a.displayName), clean(b.displayName));
}

/**
 * The entry's author from SharePoint's record, with the last change when another account made it,
 * and the client's claim when it names someone else.
 */
export function entryAuthor(item: ItemAuthorship, claim?: ClaimedAuthor): EntryAuthor {
  const author: EntryAuthor = { createdBy: label(item.createdBy) };
  if (item.createdAt) author.createdAt = item.createdAt;
  if (item.createdBy && item.modifiedBy && !sameIdentity(item.createdBy, item.modifiedBy)) {
    author.changedBy = label(item.modifiedBy);
    if (item.modifiedAt) author.changedAt = item.modifiedAt;
  }
  if (claim && claimMatches(claim, item.createdBy) === false)
    author.recordedAs = clean(claim.name) || clean(claim.email);
  return author;
}

/** The reviewers' flag, short and plain: "Recorded by X but created by Y's account". */
export function authorshipWarning(author: EntryAuthor): string | undefined {
  return author.recordedAs
    ? `Recorded by ${author.recordedAs} but created by ${author.createdBy}'s account`
    : undefined;
}

/** The names an entry's authorship puts on screen (for redaction). */
export function authorNames(author: EntryAuthor | undefined): string[] {
  if (!author) return [];
  return [author.createdBy, author.changedBy, author.recordedAs].filter(
    (n): n is string => typeof n === 'string' && n !== '' && n !== UNKNOWN_ACCOUNT,
  );
}
