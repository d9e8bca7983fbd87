// The vocabulary of mail routing (issue #6): the inbox rules Contact Guard keeps on each protected
// mailbox so that a restricted person's email goes to the single point of contact by itself.
// Pure data: the Graph shapes below are plain objects, no Graph or Office types.

/** How the SPOC receives the email: redirect keeps the original sender visible; as an attachment keeps it intact as evidence. */
export const ROUTING_DELIVERIES = ['redirect', 'forwardAsAttachment'] as const;
export type RoutingDelivery = (typeof ROUTING_DELIVERIES)[number];

/** The Settings list's routing part, read and checked (see settings.ts and docs/routing.md). */
export interface RoutingSettings {
  /** Mailboxes whose inbox rules Contact Guard keeps, normalised addresses. */
  protectedMailboxes: string[];
  /** Domains the school's mail system accepts: a SPOC outside them is refused. */
  acceptedDomains: string[];
  /** Folder (top level of each protected mailbox) the mailbox's own copy is moved to. */
  folderName: string;
  delivery: RoutingDelivery;
  /** How many addresses one rule lists in `fromAddresses` (the rule-size limit; see docs). */
  addressesPerRule: number;
}

export const ADDRESSES_PER_RULE_DEFAULT = 50;

/**
 * The category a rule gives restricted mail that may be urgent (it carries one of the urgent rule
 * phrases), wherever it lands; Outlook colours it from the mailbox's master list (the job adds it).
 */
export const URGENT_CATEGORY = 'Possibly urgent';
/** Master-list colours the job gives its categories when it creates them (red; orange). */
export const URGENT_CATEGORY_COLOR = 'preset0';
export const RESTRICTED_CATEGORY_COLOR = 'preset1';
export const ADDRESSES_PER_RULE_MIN = 1;
export const ADDRESSES_PER_RULE_MAX = 500;

export interface RuleRecipient {
  emailAddress: { address: string; name?: string };
}

/** A Graph messageRule as read (GET .../mailFolders/inbox/messageRules). Unknown parts kept. */
export interface MessageRuleData {
  id: string;
  displayName?: string | null;
  sequence?: number | null;
  isEnabled?: boolean | null;
  isReadOnly?: boolean | null;
  hasError?: boolean | null;
  conditions?: Record<string, unknown> | null;
  actions?: Record<string, unknown> | null;
  exceptions?: Record<string, unknown> | null;
  /**
   * `ruleFingerprint` of the rule's content, computed when it was read, for a caller that keeps
   * rules without their recipients (the routing job at 2,000 mailboxes): it stands for the content.
   */
  contentFingerprint?: string;
}

/** The body Contact Guard sends for one of its rules (POST, or PATCH to repair/change). */
export interface RuleBody {
  displayName: string;
  sequence: number;
  isEnabled: true;
  conditions: { fromAddresses: RuleRecipient[]; bodyOrSubjectContains?: readonly string[] };
  actions: {
    markImportance?: 'high';
    assignCategories?: string[];
    redirectTo?: RuleRecipient[];
    forwardAsAttachmentTo?: RuleRecipient[];
    moveToFolder?: string;
    stopProcessingRules: true;
  };
}

/**
 * `urgent`: mail from the restricted addresses that carries an urgent phrase: marked high
 * importance and "Possibly urgent", sent to the SPOC, and left in this inbox (never filed away).
 * `route`: the rest of their mail: sent to the SPOC and filed (or, on the SPOC's own mailbox, left
 * in the inbox with the restricted category).
 */
export type RuleRole = 'urgent' | 'route';

/** One rule that should exist on a mailbox. */
export interface DesiredRule {
  /** Stable identity of the rule (destination and part), carried in its name. */
  key: string;
  /** Hash of the rule's content (conditions, actions, exceptions), carried in its name. */
  fingerprint: string;
  role: RuleRole;
  /** True when the rule moves mail to the routing folder (so the mailbox needs that folder). */
  movesToFolder: boolean;
  /** The SPOC the mail goes to; undefined when the mailbox is the SPOC itself (kept in its inbox). */
  spoc?: string;
  part: number;
  parts: number;
  addressCount: number;
  body: RuleBody;
  /** Estimated bytes of the rule in the mailbox's rule quota. */
  estimatedBytes: number;
}

/** `inError`: Exchange marks the rule `hasError` (its folder or recipient is gone) and no longer runs it. */
export type DriftKind = 'edited' | 'disabled' | 'deleted' | 'moved' | 'duplicate' | 'inError';

export interface DriftFinding {
  kind: DriftKind;
  /** The rule's name as Contact Guard wrote it (no personal data: a staff address and a hash). */
  ruleName: string;
}

export type RuleChange =
  | { kind: 'create'; rule: DesiredRule; reason: 'new' | 'deleted' }
  | {
      kind: 'update';
      ruleId: string;
      rule: DesiredRule;
      reason: 'changed' | 'edited' | 'disabled' | 'moved' | 'inError';
    }
  | { kind: 'delete'; ruleId: string; ruleName: string; reason: 'notNeeded' | 'duplicate' };

export interface MailboxPlan {
  mailbox: string;
  /** The folder the mailbox's copy is filed in; `create` when it is missing. */
  folder: { name: string; id?: string; create: boolean };
  changes: RuleChange[];
  /** Owned rules that are right as they are. */
  inStep: number;
  /** Rules Graph reports read-only (made in Outlook with conditions Graph cannot describe): never touched. */
  readOnlySkipped: number;
  /** Rules that are not Contact Guard's: never touched, counted. */
  othersUntouched: number;
  drift: DriftFinding[];
  /** Estimated bytes of Contact Guard's rules on this mailbox (all rules share one quota). */
  estimatedBytes: number;
  /** Plain-language warnings (e.g. near the rule quota). */
  warnings: string[];
}

export type RefusalReason =
  | 'spocOutsideAcceptedDomains'
  | 'spocNotInDirectory'
  | 'addressIsProtectedMailbox'
  | 'addressIsSpoc'
  | 'unreadableRecord'
  | 'unreadableEntry';

/** A restriction, or one of its addresses, that routing will not act on, and why. Ids, never names. */
export interface Refusal {
  restrictionId: string;
  reason: RefusalReason;
  /** Plain words for the admin; no personal data (the SPOC's domain at most). */
  message: string;
}

export interface RoutingPlan {
  today: string;
  /** Restrictions in force that routing acts on. */
  restrictionsRouted: number;
  refusals: Refusal[];
  mailboxes: MailboxPlan[];
}

export interface CurrentMailboxState {
  mailbox: string;
  rules: MessageRuleData[];
  /** Id of the routing folder when it exists. */
  folderId?: string;
  /** Rule keys Contact Guard had in step on this mailbox after its last run (for "deleted" drift). */
  lastAppliedKeys?: string[];
  /**
   * A SPOC's mailbox that is not protected: it only marks the restricted mail redirected to it
   * (urgent phrases: high importance and "Possibly urgent"; all of it: the restricted category)
   * and never sends anyone's mail on (see desiredRulesFor).
   */
  destinationOnly?: boolean;
}
