// Reads one Contact Restrictions list item (DOMAIN.md, "The list schema") into a Restriction, or
// explains in plain words why it cannot. Schools edit these lists by hand and with other tools, so
// every field is treated as untrusted: nothing here throws, whatever the item holds.
import { entryKey, parseAddress, splitAddressList } from './addresses';
import { compareLocalDates, readSharePointDate } from './londonDate';
import {
  HANDLINGS,
  RESTRICTION_STATUSES,
  type Handling,
  type LocalDate,
  type MalformedRestriction,
  type Restriction,
  type RestrictionStatus,
} from './types';

/** Column internal names: a contract with SharePoint pages and Power Automate flows. */
export const RESTRICTION_COLUMNS = {
  title: 'Title',
  emails: 'Emails',
  status: 'Status',
  startDate: 'StartDate',
  endDate: 'EndDate',
  reviewDate: 'ReviewDate',
  handling: 'Handling',
  spocName: 'SpocName',
  spocEmail: 'SpocEmail',
  allowedContact: 'AllowedContact',
  staffGuidance: 'StaffGuidance',
  emergencyNote: 'EmergencyNote',
} as const;

/** The statuses under which a restriction can apply; only these need handling and a SPOC. */
export const RESTRICTING_STATUSES: ReadonlySet<RestrictionStatus> = new Set([
  'Provisional',
  'Active',
  'Extended',
]);

/** Statuses that may lack an EndDate: nothing is being restricted, so there is no end to record. */
const END_DATE_OPTIONAL: ReadonlySet<RestrictionStatus> = new Set([
  'Warning',
  'Overturned',
  'Ended',
]);

// On a record that restricts nothing, Handling is never acted on; a value is still needed by type.
const HANDLING_WHEN_NOT_RESTRICTING: Handling = 'Forward';

export type ParsedRestrictionItem =
  { ok: true; restriction: Restriction } | { ok: false; malformed: MalformedRestriction };

export interface RestrictionListItem {
  id: string;
  fields: Record<string, unknown>;
}

function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

// A choice value is echoed in a problem only when it looks like a mistyped choice ("Actve"): a
// longer or stranger value could be a name or a note typed into the wrong column.
function quoteIfHarmless(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z -]{0,29}$/.test(value) ? ` '${value}'` : '';
}

function readChoice<T extends string>(
  fields: Record<string, unknown>,
  column: string,
  choices: readonly T[],
  problems: string[],
  required: boolean,
): T | undefined {
  const value = fields[column];
  if (isMissing(value)) {
    if (required) problems.push(`${column} is missing`);
    return undefined;
  }
  // Exact: SharePoint stores the choice as written, and a near miss means someone typed it by hand.
  if (typeof value === 'string' && (choices as readonly string[]).includes(value))
    return value as T;
  problems.push(`${column}${quoteIfHarmless(value)} is not one of ${choices.join(', ')}`);
  return undefined;
}

function readText(fields: Record<string, unknown>, column: string, problems: string[]): string {
  const value = fields[column];
  if (isMissing(value)) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  problems.push(`${column} is not text`);
  return '';
}

function readDate(
  fields: Record<string, unknown>,
  column: string,
  problems: string[],
  required: boolean,
): LocalDate | undefined {
  const value = fields[column];
  if (isMissing(value)) {
    if (required) problems.push(`${column} is missing`);
    return undefined;
  }
  const date = readSharePointDate(value);
  if (date === undefined) problems.push(`${column} is not a date`);
  return date;
}

function readEmails(
  fields: Record<string, unknown>,
  problems: string[],
  warnings: string[],
): { addresses: string[]; unreadable: string[] } {
  const value = fields[RESTRICTION_COLUMNS.emails];
  if (isMissing(value)) {
    problems.push('Emails is missing');
    return { addresses: [], unreadable: [] };
  }
  // Multi-line text gives a string; a list changed to a multi-value column would give an array.
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.filter((entry): entry is string => typeof entry === 'string').join('\n')
        : '';
  const { addresses, invalid } = splitAddressList(text);
  if (addresses.length === 0) {
    problems.push('Emails has no valid address');
  } else if (invalid.length > 0) {
    // The valid addresses still protect staff; the rest is for whoever keeps the list to correct.
    warnings.push(
      invalid.length === 1
        ? 'Emails has 1 entry that is not an address'
        : `Emails has ${invalid.length} entries that are not addresses`,
    );
  }
  // Kept, as the matching rules compare them: the entry was meant to name someone (item 7).
  const unreadable = [...new Set(invalid.map(entryKey).filter((key) => key !== ''))];
  return { addresses, unreadable };
}

function readSpocEmail(
  fields: Record<string, unknown>,
  problems: string[],
  required: boolean,
): string {
  const value = fields[RESTRICTION_COLUMNS.spocEmail];
  if (isMissing(value)) {
    if (required) problems.push('SpocEmail is missing');
    return '';
  }
  const address = typeof value === 'string' ? parseAddress(value) : undefined;
  if (address === undefined) {
    problems.push('SpocEmail is not a valid address');
    return '';
  }
  return address;
}

function asFields(item: unknown): Record<string, unknown> | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const fields = (item as { fields?: unknown }).fields;
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields)
    ? (fields as Record<string, unknown>)
    : undefined;
}

function asId(item: unknown): string {
  if (typeof item !== 'object' || item === null) return '';
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : '';
}

/**
 * Validates one list item. Required: Title; Emails with at least one valid address; Status (an
 * exact choice); StartDate; EndDate except for Warning, Overturned and Ended; Handling and a valid
 * SpocEmail for Provisional, Active and Extended. EndDate before StartDate is malformed. Optional
 * text columns default to ''. A malformed result keeps the addresses, name and status that could be
 * read, so that a sender it names is never shown as clear.
 */
export function parseRestrictionItem(item: RestrictionListItem): ParsedRestrictionItem {
  const id = asId(item);
  const fields = asFields(item);
  if (fields === undefined) {
    return { ok: false, malformed: { id, problems: ['Item has no fields'], emails: [] } };
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  const c = RESTRICTION_COLUMNS;

  const personName = readText(fields, c.title, problems);
  if (isMissing(fields[c.title])) problems.push('Title is missing');
  const { addresses: emails, unreadable } = readEmails(fields, problems, warnings);
  const status = readChoice(fields, c.status, RESTRICTION_STATUSES, problems, true);
  // Until the status is known, assume the strictest rules: a restricting item needs every field.
  const restricting = status === undefined || RESTRICTING_STATUSES.has(status);
  const endDateRequired = status === undefined || !END_DATE_OPTIONAL.has(status);

  const startDate = readDate(fields, c.startDate, problems, true);
  const endDate = readDate(fields, c.endDate, problems, endDateRequired);
  if (
    startDate !== undefined &&
    endDate !== undefined &&
    compareLocalDates(endDate, startDate) < 0
  ) {
    problems.push('EndDate is before StartDate');
  }
  // ReviewDate is optional: an unreadable one is reported, and does not hide the restriction.
  const reviewDate = readDate(fields, c.reviewDate, warnings, false);
  const handling = readChoice(fields, c.handling, HANDLINGS, problems, restricting);
  const spocEmail = readSpocEmail(fields, problems, restricting);
  const spocName = readText(fields, c.spocName, problems);
  const allowedContact = readText(fields, c.allowedContact, problems);
  const staffGuidance = readText(fields, c.staffGuidance, problems);
  const emergencyNote = readText(fields, c.emergencyNote, problems);

  if (problems.length > 0 || status === undefined || startDate === undefined) {
    const malformed: MalformedRestriction = { id, problems, emails };
    if (unreadable.length > 0) malformed.unreadableEntries = unreadable;
    if (personName !== '') malformed.personName = personName;
    if (status !== undefined) malformed.status = status;
    return { ok: false, malformed };
  }

  const restriction: Restriction = {
    id,
    personName,
    emails,
    status,
    startDate,
    endDate: endDate ?? '',
    handling: handling ?? HANDLING_WHEN_NOT_RESTRICTING,
    spocName,
    spocEmail,
    allowedContact,
    staffGuidance,
    emergencyNote,
  };
  if (reviewDate !== undefined) restriction.reviewDate = reviewDate;
  if (warnings.length > 0) restriction.warnings = warnings;
  if (unreadable.length > 0) restriction.unreadableEntries = unreadable;
  return { ok: true, restriction };
}

/** Parses every item, keeping the readable and the unreadable apart. */
export function parseRestrictionItems(items: readonly RestrictionListItem[]): {
  restrictions: Restriction[];
  malformed: MalformedRestriction[];
} {
  const restrictions: Restriction[] = [];
  const malformed: MalformedRestriction[] = [];
  for (const item of Array.isArray(items) ? items : []) {
    const parsed = parseRestrictionItem(item);
    if (parsed.ok) restrictions.push(parsed.restriction);
    else malformed.push(parsed.malformed);
  }
  return { restrictions, malformed };
}
