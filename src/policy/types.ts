// The domain's vocabulary. Pure data: no I/O, no Graph or Office types here.

/** `Status` choices of the Contact Restrictions list (DOMAIN.md, "The list schema"). */
export const RESTRICTION_STATUSES = [
  'Warning',
  'Provisional',
  'Active',
  'Extended',
  'Overturned',
  'Ended',
] as const;
export type RestrictionStatus = (typeof RESTRICTION_STATUSES)[number];

/** `Handling` choices: what happens to the person's email. */
export const HANDLINGS = ['Forward', 'File', 'ForwardAndFile'] as const;
export type Handling = (typeof HANDLINGS)[number];

/** A calendar day in the school's time zone (Europe/London), as `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * One Contact Restrictions item, validated. What staff may see: the instruction, never the reasons.
 */
export interface Restriction {
  /** SharePoint list item id. */
  id: string;
  personName: string;
  /** Every address the person uses, trimmed and lower-cased, without duplicates. */
  emails: string[];
  status: RestrictionStatus;
  startDate: LocalDate;
  /** Last day, inclusive. '' only on a Warning, Overturned or Ended item that has no EndDate. */
  endDate: LocalDate;
  reviewDate?: LocalDate;
  handling: Handling;
  spocName: string;
  spocEmail: string;
  allowedContact: string;
  staffGuidance: string;
  emergencyNote: string;
  /**
   * Plain-language problems that did not stop the item being read, e.g. "Emails has 1 entry that is
   * not an address". For whoever keeps the list; never holds personal data.
   */
  warnings?: string[];
  /**
   * Entries of `Emails` that are not addresses, as they are compared (entryKey): a sender whose
   * address is that same text gets "cannot check", never "clear" (issue 14, item 7).
   */
  unreadableEntries?: string[];
}

/** An item that could not be read as a restriction; kept so that it is never silently ignored. */
export interface MalformedRestriction {
  id: string;
  /** Plain-language problems, e.g. "EndDate is missing". Never holds personal data. */
  problems: string[];
  /** Whatever addresses could be read from it, so that a matching sender is not shown as clear. */
  emails: string[];
  /** Entries of `Emails` that are not addresses, as they are compared (entryKey). */
  unreadableEntries?: string[];
  personName?: string;
  /**
   * The status, when it could be read. An item whose status can never restrict (Warning,
   * Overturned, Ended) does not make a matching sender's verdict unavailable.
   */
  status?: RestrictionStatus;
}

/** An email address with the name shown beside it. */
export interface EmailAddress {
  address: string;
  displayName?: string;
}

/** Who an email claims to come from: the parts a restriction is matched against. */
export interface MessageParticipants {
  from?: EmailAddress;
  /** "Sent on behalf of": differs from `from` when a delegate sent it. */
  sender?: EmailAddress;
  replyTo?: EmailAddress[];
}

export type MatchedOn = 'from' | 'sender' | 'replyTo';

export type CautionReason =
  | { kind: 'displayNameMatch'; restrictedPersonName: string; displayName: string }
  | { kind: 'incompleteRecords'; count: number };

export type UnavailableReason =
  | 'signedOut'
  | 'wrongAccount'
  | 'offline'
  | 'throttled'
  | 'listMissing'
  | 'forbidden'
  | 'malformedMatch'
  | 'noSender'
  | 'serviceError';

/**
 * Something on file for a sender who is nevertheless clear today (issue 13, item 3):
 * - `warning`: a written warning (Status Warning, 002 §48): the parent was told that restrictions
 *   will follow if the behaviour continues; nothing is restricted, and staff reply as usual while
 *   following the record's guidance. `date` is when the warning was recorded (its StartDate).
 * - `startsLater`: a restriction whose StartDate is after today. It restricts nothing yet (DOMAIN.md:
 *   a restriction applies between StartDate and EndDate); `date` is the day it starts.
 */
export interface ClearNote {
  kind: 'warning' | 'startsLater';
  personName: string;
  date: LocalDate;
  /** The record's StaffGuidance ('' when it has none). */
  guidance: string;
}

export type Verdict =
  | {
      kind: 'restricted';
      restriction: Restriction;
      matchedAddress: string;
      matchedOn: MatchedOn;
      /** Past its review date without a review: still applies, flagged (DOMAIN.md: fair to the parent). */
      reviewOverdue: boolean;
    }
  | { kind: 'caution'; reasons: CautionReason[] }
  | {
      kind: 'clear';
      /**
       * Present only when there is something on file for this sender that restricts nothing today
       * (a written warning, a restriction that has not started): staff still need its guidance.
       */
      notes?: ClearNote[];
    }
  | { kind: 'unavailable'; reason: UnavailableReason };

export type VerdictKind = Verdict['kind'];
