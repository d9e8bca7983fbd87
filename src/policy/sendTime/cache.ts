// What the send-time handler keeps between sends (issue 12): the minimum of each restriction the
// decision needs, so that it decides within 1 s from cache, with no DOM, in classic Outlook's
// JavaScript-only runtime (OfficeRuntime.storage holds it as JSON). Pure.
//
// One matching path: the cache is turned back into the same RestrictionIndex the pane uses
// (buildRestrictionIndex), and decideSend reads that. No rule is repeated here.
//
// Kept: id, person's name, addresses, unreadable `Emails` entries, status, start and end dates,
// SPOC name and address. Dropped: reasons never were on the list; guidance, allowed contact,
// emergency note, handling and review date are not needed to decide or to word the alert.
// Records whose status can never restrict (Warning, Overturned, Ended) are dropped: they never
// apply again (DOMAIN, fair to the parent). In-force is decided on the day of the send, not when
// the cache was written, so a cache kept over midnight is still right.
//
// Addresses are not hashed. The alert must name the person and the SPOC, so the cache holds names
// in clear anyway; an unsalted hash of an email address is reversed by guessing, so it would add
// little; and the cache is the same list every member of staff may read (DOMAIN: Contact
// Restrictions, readable by all staff), in the user's own add-in storage.
import { RESTRICTING_STATUSES } from '../restrictionItem';
import type { MalformedRestriction, Restriction, RestrictionStatus } from '../types';
import { buildRestrictionIndex, type RestrictionIndex } from '../verdict';

export const SEND_TIME_CACHE_VERSION = 1;

export interface SendTimeRestriction {
  id: string;
  personName: string;
  /** Normalised addresses (as on Restriction.emails). */
  emails: string[];
  unreadableEntries?: string[];
  status: RestrictionStatus;
  startDate: string;
  endDate: string;
  spocName: string;
  spocEmail: string;
}

export interface SendTimeUnreadable {
  id: string;
  emails: string[];
  unreadableEntries?: string[];
  status?: RestrictionStatus;
}

export interface SendTimeCache {
  version: typeof SEND_TIME_CACHE_VERSION;
  restrictions: SendTimeRestriction[];
  unreadable: SendTimeUnreadable[];
}

function mightRestrict(status: RestrictionStatus | undefined): boolean {
  return status === undefined || RESTRICTING_STATUSES.has(status);
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? (value as unknown[]).filter((v): v is string => typeof v === 'string')
    : [];
}

/** The cache for a freshly read list (parseRestrictionItems' restrictions and malformed items). */
export function sendTimeCacheOf(
  restrictions: readonly Restriction[],
  malformed: readonly MalformedRestriction[],
): SendTimeCache {
  const cached: SendTimeRestriction[] = [];
  for (const r of Array.isArray(restrictions) ? restrictions : []) {
    if (typeof r !== 'object' || r === null || !RESTRICTING_STATUSES.has(r.status)) continue;
    cached.push({
      id: r.id,
      personName: r.personName,
      emails: strings(r.emails),
      ...(r.unreadableEntries?.length ? { unreadableEntries: strings(r.unreadableEntries) } : {}),
      status: r.status,
      startDate: r.startDate,
      endDate: r.endDate,
      spocName: r.spocName,
      spocEmail: r.spocEmail,
    });
  }
  const unreadable: SendTimeUnreadable[] = [];
  for (const m of Array.isArray(malformed) ? malformed : []) {
    if (typeof m !== 'object' || m === null || !mightRestrict(m.status)) continue;
    unreadable.push({
      id: m.id,
      emails: strings(m.emails),
      ...(m.unreadableEntries?.length ? { unreadableEntries: strings(m.unreadableEntries) } : {}),
      ...(m.status !== undefined ? { status: m.status } : {}),
    });
  }
  return { version: SEND_TIME_CACHE_VERSION, restrictions: cached, unreadable };
}

/**
 * The restriction index decideSend reads, from a cache read back from storage. Undefined when the
 * cache is missing or not this version's shape: the handler then lets the mail go unchecked.
 */
export function indexFromSendTimeCache(cache: unknown): RestrictionIndex | undefined {
  if (typeof cache !== 'object' || cache === null) return undefined;
  const { version, restrictions, unreadable } = cache as Partial<SendTimeCache>;
  if (version !== SEND_TIME_CACHE_VERSION) return undefined;
  if (!Array.isArray(restrictions) || !Array.isArray(unreadable)) return undefined;
  const full: Restriction[] = restrictions
    .filter((r): r is SendTimeRestriction => typeof r === 'object' && r !== null)
    .map((r) => ({
      ...r,
      emails: strings(r.emails),
      ...(r.unreadableEntries !== undefined
        ? { unreadableEntries: strings(r.unreadableEntries) }
        : {}),
      // Not needed to decide at send time; the Restriction type asks for them.
      handling: 'Forward',
      allowedContact: '',
      staffGuidance: '',
      emergencyNote: '',
    }));
  const broken: MalformedRestriction[] = unreadable
    .filter((m): m is SendTimeUnreadable => typeof m === 'object' && m !== null)
    .map((m) => ({ ...m, emails: strings(m.emails), problems: [] }));
  return buildRestrictionIndex(full, broken);
}
