// SharePoint's own record of who created and last changed a list item, as Graph returns it on the
// listItem (not in `fields`): createdBy/lastModifiedBy are identitySets whose `user` carries id,
// displayName and (undocumented, open type) email; an item made by an app-only token has an
// `application` identity instead. The review reads authorship from here, never from columns the
// client wrote (issue 10, item 3).
import type { ItemAuthorship, SharePointIdentity } from '../../policy/chronology/authorship';

/** The listItem properties to `$select` beside `fields` (Graph returns them only when selected). */
export const AUTHORSHIP_SELECT = 'id,createdBy,createdDateTime,lastModifiedBy,lastModifiedDateTime';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function instant(value: unknown): string | undefined {
  const t = text(value);
  return t !== undefined && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : undefined;
}

function identity(set: unknown): SharePointIdentity | undefined {
  if (!isRecord(set)) return undefined;
  const who = isRecord(set.user) ? set.user : isRecord(set.application) ? set.application : null;
  if (!who) return undefined;
  const out: SharePointIdentity = {};
  const id = text(who.id);
  const displayName = text(who.displayName);
  const email = text(who.email);
  if (id) out.id = id;
  if (displayName) out.displayName = displayName;
  if (email) out.email = email;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The authorship of one listItem as Graph returned it (empty when nothing was selected). */
export function readItemAuthorship(item: Record<string, unknown>): ItemAuthorship {
  const out: ItemAuthorship = {};
  const createdBy = identity(item.createdBy);
  const modifiedBy = identity(item.lastModifiedBy);
  const createdAt = instant(item.createdDateTime);
  const modifiedAt = instant(item.lastModifiedDateTime);
  if (createdBy) out.createdBy = createdBy;
  if (createdAt) out.createdAt = createdAt;
  if (modifiedBy) out.modifiedBy = modifiedBy;
  if (modifiedAt) out.modifiedAt = modifiedAt;
  return out;
}
