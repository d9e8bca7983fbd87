// The routing planner: from the restrictions in force, the routing settings and each protected
// mailbox's current inbox rules, the changes that make the rules right. Pure: no I/O, `today`
// is a parameter.
//
// Shape of the rules (decided by the platform's limits, docs/routing.md):
// - two rules per protected mailbox and destination (the SPOC), listing the restricted addresses
//   in `fromAddresses`, split into parts of `addressesPerRule` addresses (all of a mailbox's rules
//   share one 256 KB quota, 64 KB on some migrated mailboxes): an `urgent` rule (also
//   `bodyOrSubjectContains` the urgent phrases: high importance, "Possibly urgent", to the SPOC,
//   kept in the inbox) before a `route` rule (to the SPOC, filed); see desiredRulesFor;
// - actions: `redirectTo` the SPOC (or `forwardAsAttachmentTo`, a per-school option), `moveToFolder`
//   the routing folder, `stopProcessingRules`; enabled; placed before every other rule;
// - on the SPOC's own mailbox (when it is protected) nothing moves: restricted mail stays in the
//   inbox with the restricted category (redirecting mail to the mailbox it is in would loop).
// Contact Guard's rules are recognised by their name, which carries a key and a fingerprint of
// their content; every other rule, and every read-only rule, is left alone.
import { restrictionsInForce } from '../activeness';
import { normalizeAddress } from '../addresses';
import type { LocalDate, MalformedRestriction, Restriction } from '../types';
import {
  estimateRuleBytes,
  hash53,
  parseOwnedName,
  ruleFingerprint,
  ruleName,
} from './ruleContent';
import type {
  CurrentMailboxState,
  DesiredRule,
  DriftFinding,
  MailboxPlan,
  MessageRuleData,
  Refusal,
  RoutingPlan,
  RoutingSettings,
  RuleBody,
  RuleChange,
  RuleRole,
} from './types';
import { RESTRICTED_CATEGORY_COLOR, URGENT_CATEGORY, URGENT_CATEGORY_COLOR } from './types';
import { URGENT_RULE_PHRASES } from './urgentRulePhrases';

/** Exchange Online's rule quota, and the smaller one of some mailboxes migrated from on-premises. */
export const RULE_QUOTA_BYTES = 256 * 1024;
export const MIGRATED_RULE_QUOTA_BYTES = 64 * 1024;

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

export function isAcceptedDomain(address: string, acceptedDomains: readonly string[]): boolean {
  const domain = domainOf(normalizeAddress(address));
  return acceptedDomains.some((d) => normalizeAddress(d) === domain);
}

/**
 * Restricted addresses per SPOC, after refusing what would loop or leave the tenant.
 *
 * `directory`, when given, maps each SPOC address as written (normalised) to the directory's
 * primary SMTP address, or to null when no recipient has that address. Exchange stores a rule's
 * recipients resolved to their primary address: a rule built with an alias would read back
 * different from what was written, and look edited on every run. A SPOC the directory does not
 * know is refused (mail redirected there would bounce to the parent).
 */
/**
 * Contact Restrictions items that cannot be read (edited by hand, a column left empty, an `Emails`
 * entry that is not an address) and may restrict: routing cannot build rules for them, so it says
 * so rather than skipping them in silence (staff's panes show their senders as "cannot check").
 * Items whose status can never restrict (Warning, Overturned, Ended) are not reported. Ids and the
 * plain problems only, never an address or a name.
 */
export function unreadableRecordRefusals(malformed: readonly MalformedRestriction[]): Refusal[] {
  return malformed
    .filter((m) => m.status === undefined || RESTRICTING_STATUSES.has(m.status))
    .map((m) => ({
      restrictionId: m.id,
      reason: 'unreadableRecord' as const,
      message: `Restriction ${m.id} cannot be read (${m.problems.length > 0 ? m.problems.join('; ') : 'unreadable'}): routing cannot act on it, so mail from its addresses is neither redirected nor marked until it is corrected in SharePoint.`,
    }));
}

/**
 * Restrictions in force with `Emails` entries that are not addresses (typed by hand): their
 * readable addresses are routed, but no rule can name an entry that is not an address, so the run
 * says so (staff's panes show a sender whose address is that text as "cannot check").
 */
export function unreadableEntryRefusals(
  restrictions: readonly Restriction[],
  today: LocalDate,
): Refusal[] {
  return restrictionsInForce(restrictions, today)
    .filter((r) => (r.unreadableEntries?.length ?? 0) > 0)
    .map((r) => {
      const n = r.unreadableEntries!.length;
      return {
        restrictionId: r.id,
        reason: 'unreadableEntry' as const,
        message: `Restriction ${r.id} has ${n} ${n === 1 ? 'entry' : 'entries'} in Emails that ${n === 1 ? 'is' : 'are'} not an email address: no rule can cover ${n === 1 ? 'it' : 'them'}, so correct ${n === 1 ? 'it' : 'them'} in SharePoint (its other addresses are routed).`,
      };
    });
}

const RESTRICTING_STATUSES: ReadonlySet<string> = new Set(['Provisional', 'Active', 'Extended']);

export function routesBySpoc(
  restrictions: readonly Restriction[],
  settings: RoutingSettings,
  today: LocalDate,
  directory?: ReadonlyMap<string, string | null>,
): { routes: Map<string, Set<string>>; refusals: Refusal[]; routed: number } {
  const protectedSet = new Set(settings.protectedMailboxes.map(normalizeAddress));
  const routes = new Map<string, Set<string>>();
  const refusals: Refusal[] = [];
  let routed = 0;
  for (const r of restrictionsInForce(restrictions, today)) {
    const written = normalizeAddress(r.spocEmail);
    const primary = directory ? directory.get(written) : written;
    const spoc = primary ? normalizeAddress(primary) : written;
    if (!isAcceptedDomain(spoc, settings.acceptedDomains)) {
      refusals.push({
        restrictionId: r.id,
        reason: 'spocOutsideAcceptedDomains',
        message: `Restriction ${r.id}: its single point of contact is outside the school's accepted domains (${domainOf(spoc) || 'no domain'}). Mail is not forwarded outside the school: the bounce would go to the parent.`,
      });
      continue;
    }
    if (!primary) {
      refusals.push({
        restrictionId: r.id,
        reason: 'spocNotInDirectory',
        message: `Restriction ${r.id}: no mailbox in the school's directory has its single point of contact's address. Mail is not redirected to an address that would bounce to the parent: correct the address.`,
      });
      continue;
    }
    let addresses = 0;
    for (const raw of r.emails) {
      const address = normalizeAddress(raw);
      if (address === spoc) {
        refusals.push({
          restrictionId: r.id,
          reason: 'addressIsSpoc',
          message: `Restriction ${r.id}: one of its addresses is its own single point of contact; routing it would loop.`,
        });
      } else if (protectedSet.has(address)) {
        refusals.push({
          restrictionId: r.id,
          reason: 'addressIsProtectedMailbox',
          message: `Restriction ${r.id}: one of its addresses is a protected mailbox; routing it would loop.`,
        });
      } else {
        let set = routes.get(spoc);
        if (!set) routes.set(spoc, (set = new Set()));
        set.add(address);
        addresses += 1;
      }
    }
    if (addresses > 0) routed += 1;
  }
  return { routes, refusals, routed };
}

function recipients(addresses: readonly string[]): RuleBody['conditions']['fromAddresses'] {
  return addresses.map((address) => ({ emailAddress: { address } }));
}

// The same address lists recur on every protected mailbox (2,000 at a large school): one shared,
// read-only copy per list and per set of routes, instead of a million recipient objects.
const sharedLists = new WeakMap<object, Map<string, RuleBody['conditions']['fromAddresses']>>();

function sharedRecipients(
  routes: object,
  addresses: readonly string[],
): RuleBody['conditions']['fromAddresses'] {
  let lists = sharedLists.get(routes);
  if (!lists) sharedLists.set(routes, (lists = new Map()));
  const key = addresses.join('\n');
  let list = lists.get(key);
  if (!list) lists.set(key, (list = recipients(addresses)));
  return list;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function ruleFor(
  role: RuleRole,
  conditions: RuleBody['conditions'],
  actions: RuleBody['actions'],
  key: string,
  description: string,
  meta: Pick<DesiredRule, 'part' | 'parts' | 'addressCount'> & { spoc?: string },
): DesiredRule {
  const fingerprint = ruleFingerprint({ conditions, actions });
  const body: RuleBody = {
    displayName: ruleName(description, key, fingerprint),
    sequence: 0, // set once the order is known
    isEnabled: true,
    conditions,
    actions,
  };
  return {
    key,
    fingerprint,
    role,
    // Only a route rule to another mailbox files mail (its folder id may be unknown yet in plan mode).
    movesToFolder: role === 'route' && meta.spoc !== undefined,
    ...(meta.spoc ? { spoc: meta.spoc } : {}),
    part: meta.part,
    parts: meta.parts,
    addressCount: meta.addressCount,
    body,
    estimatedBytes: estimateRuleBytes(body),
  };
}

/**
 * The rules one mailbox should have, in order, given the routes and its folder id.
 *
 * Restricted mail always lands in an inbox a person reads (002 §62: the emergency line is never
 * blocked; 000 §6.1: at least one line of contact stays open):
 * - first, per destination part, an `urgent` rule: the restricted addresses AND an urgent phrase
 *   (`bodyOrSubjectContains`) → high importance, "Possibly urgent" and the restricted category,
 *   redirected to the SPOC, and left in this inbox: urgent mail is never filed away, so it does not
 *   wait for one person (the SPOC) to read it;
 * - then a `route` rule: the same addresses → sent to the SPOC and filed in the routing folder;
 *   on the SPOC's own mailbox it stays in the inbox with the restricted category (no move).
 * Both stop later rules, so a user's own rule cannot move restricted mail elsewhere.
 * `destinationOnly` (a SPOC's mailbox the school does not protect): only the rules for the mail
 * redirected to it, which mark it and keep it in its inbox; nothing is sent on from there.
 */
export function desiredRulesFor(
  mailbox: string,
  routes: ReadonlyMap<string, ReadonlySet<string>>,
  settings: RoutingSettings,
  folderId: string | undefined,
  destinationOnly = false,
): DesiredRule[] {
  const me = normalizeAddress(mailbox);
  const size = Math.max(1, Math.floor(settings.addressesPerRule));
  const urgent: DesiredRule[] = [];
  const route: DesiredRule[] = [];
  const restrictedCategory = settings.folderName;
  const spocs = [...routes.keys()].sort();
  for (const spoc of spocs) {
    const ownInbox = spoc === me;
    // A SPOC's mailbox the school does not protect marks what is sent to it, and sends nothing on.
    if (destinationOnly && !ownInbox) continue;
    const addresses = [...(routes.get(spoc) ?? [])].filter((a) => a !== me).sort();
    if (addresses.length === 0) continue;
    const destination = ownInbox ? `file|${me}` : `${settings.delivery}|${spoc}`;
    const keyBase = hash53(destination).slice(-6);
    const parts = chunk(addresses, size);
    const sendTo: Pick<RuleBody['actions'], 'redirectTo' | 'forwardAsAttachmentTo'> = ownInbox
      ? {}
      : settings.delivery === 'redirect'
        ? { redirectTo: recipients([spoc]) }
        : { forwardAsAttachmentTo: recipients([spoc]) };
    const what = ownInbox
      ? `keep in the inbox as ${restrictedCategory}`
      : `${settings.delivery === 'redirect' ? 'redirect to' : 'forward as attachment to'} ${spoc}`;
    parts.forEach((part, index) => {
      const from = sharedRecipients(routes, part);
      const meta = {
        part: index + 1,
        parts: parts.length,
        addressCount: part.length,
        ...(ownInbox ? {} : { spoc }),
      };
      const ofParts = parts.length > 1 ? `, part ${index + 1} of ${parts.length}` : '';
      urgent.push(
        ruleFor(
          'urgent',
          { fromAddresses: from, bodyOrSubjectContains: URGENT_RULE_PHRASES },
          {
            markImportance: 'high',
            assignCategories: [URGENT_CATEGORY, restrictedCategory],
            // Always redirected, even where the school forwards as an attachment: only the
            // parent's own message can be recognised (and marked) by the SPOC's mailbox on
            // arrival; the original stays intact in this inbox.
            ...(ownInbox ? {} : { redirectTo: recipients([spoc]) }),
            stopProcessingRules: true,
          },
          `${keyBase}-u${index + 1}`,
          `possibly urgent: mark and keep in the inbox${ownInbox ? '' : `, redirect to ${spoc}`}${ofParts}`,
          meta,
        ),
      );
      const routeActions: RuleBody['actions'] = ownInbox
        ? { assignCategories: [restrictedCategory], stopProcessingRules: true }
        : {
            ...sendTo,
            // Until the folder exists (plan mode) the rule is shown without it; apply creates it first.
            ...(folderId ? { moveToFolder: folderId } : {}),
            stopProcessingRules: true,
          };
      route.push(
        ruleFor(
          'route',
          { fromAddresses: from },
          routeActions,
          `${keyBase}-${index + 1}`,
          ownInbox ? `${what}${ofParts}` : `${what}, file in ${settings.folderName}${ofParts}`,
          meta,
        ),
      );
    });
  }
  // Urgent rules first: a route rule stops the rules after it.
  const desired = [...urgent, ...route];
  desired.forEach((rule, index) => {
    rule.body.sequence = index + 1;
  });
  return desired;
}

/**
 * The SPOCs' mailboxes the school does not protect: restricted mail is redirected there, so each
 * gets rules that mark it on arrival (002 §62: urgent mail is called out wherever it lands).
 */
export function destinationMailboxes(
  routes: ReadonlyMap<string, ReadonlySet<string>>,
  settings: RoutingSettings,
): string[] {
  const protectedSet = new Set(settings.protectedMailboxes.map(normalizeAddress));
  return [...routes.keys()].filter((spoc) => !protectedSet.has(spoc)).sort();
}

/**
 * The categories Contact Guard's rules assign, with the colour the job gives each when it adds it
 * to a mailbox's master list (Outlook colours a category only from that list).
 */
export function routingCategories(
  settings: Pick<RoutingSettings, 'folderName'>,
): { displayName: string; color: string }[] {
  return [
    { displayName: URGENT_CATEGORY, color: URGENT_CATEGORY_COLOR },
    { displayName: settings.folderName, color: RESTRICTED_CATEGORY_COLOR },
  ];
}

/** The SPOC addresses of these restrictions in force, as written (normalised), to resolve. */
export function spocAddresses(restrictions: readonly Restriction[], today: LocalDate): string[] {
  return [
    ...new Set(restrictionsInForce(restrictions, today).map((r) => normalizeAddress(r.spocEmail))),
  ]
    .filter(Boolean)
    .sort();
}

/** The fingerprint of a rule's content: as read (if kept) or computed now. */
function contentFingerprintOf(rule: MessageRuleData): string {
  return rule.contentFingerprint ?? ruleFingerprint(rule);
}

/**
 * The rule without its recipients, for holding many: what the planner needs (identity, state,
 * folder, content fingerprint). Plans from it equal plans from the whole rule.
 */
export function compactRule(rule: MessageRuleData): MessageRuleData {
  const folder = rule.actions?.moveToFolder;
  return {
    id: rule.id,
    ...(rule.displayName !== undefined ? { displayName: rule.displayName } : {}),
    ...(rule.sequence !== undefined ? { sequence: rule.sequence } : {}),
    ...(rule.isEnabled !== undefined ? { isEnabled: rule.isEnabled } : {}),
    ...(rule.isReadOnly !== undefined ? { isReadOnly: rule.isReadOnly } : {}),
    ...(rule.hasError !== undefined ? { hasError: rule.hasError } : {}),
    ...(folder !== undefined ? { actions: { moveToFolder: folder } } : {}),
    contentFingerprint: contentFingerprintOf(rule),
  };
}

/** True for a rule of ours as we wrote it: not edited since, not read-only, not in error. */
function isIntact(rule: MessageRuleData): boolean {
  const name = parseOwnedName(rule.displayName);
  return (
    name !== undefined &&
    rule.isReadOnly !== true &&
    rule.hasError !== true &&
    contentFingerprintOf(rule) === name.fingerprint
  );
}

/**
 * The routing folder's id as our intact rules name it, or undefined when none does (or they
 * disagree). Exchange marks a rule whose folder was deleted `hasError`, so an intact rule's folder
 * exists: the folders need not be read again.
 */
export function folderIdFromRules(rules: readonly MessageRuleData[]): string | undefined {
  const ids = new Set(
    rules
      .filter(isIntact)
      .map((r) => r.actions?.moveToFolder)
      .filter((id): id is string => typeof id === 'string' && id !== ''),
  );
  return ids.size === 1 ? [...ids][0] : undefined;
}

function sequenceOf(rule: MessageRuleData): number {
  return typeof rule.sequence === 'number' ? rule.sequence : Number.MAX_SAFE_INTEGER;
}

/** The plan for one mailbox: what to create, repair, change and delete. */
export function planMailbox(
  state: CurrentMailboxState,
  routes: ReadonlyMap<string, ReadonlySet<string>>,
  settings: RoutingSettings,
): MailboxPlan {
  const desired = desiredRulesFor(
    state.mailbox,
    routes,
    settings,
    state.folderId,
    state.destinationOnly === true,
  );
  const changes: RuleChange[] = [];
  const drift: DriftFinding[] = [];
  let readOnlySkipped = 0;
  let othersUntouched = 0;
  const owned = new Map<string, { rule: MessageRuleData; fingerprint: string }[]>();
  let firstOtherSequence = Number.MAX_SAFE_INTEGER;
  for (const rule of [...state.rules].sort((a, b) => sequenceOf(a) - sequenceOf(b))) {
    if (rule.isReadOnly) {
      // Graph cannot describe it and cannot change it; it is never touched, whoever made it.
      readOnlySkipped += 1;
      firstOtherSequence = Math.min(firstOtherSequence, sequenceOf(rule));
      continue;
    }
    const name = parseOwnedName(rule.displayName);
    if (!name) {
      othersUntouched += 1;
      firstOtherSequence = Math.min(firstOtherSequence, sequenceOf(rule));
      continue;
    }
    const list = owned.get(name.key) ?? [];
    list.push({ rule, fingerprint: name.fingerprint });
    owned.set(name.key, list);
  }
  const lastApplied = new Set(state.lastAppliedKeys ?? []);
  // Our own rules must also keep their order among themselves: a route rule (which stops
  // processing) above its urgent rule would file urgent mail unmarked (002 §62). A user can
  // reorder rules in Outlook, and a half-applied run can leave them so; then every kept rule is
  // rewritten with its sequence, so that no two end up tied.
  const keptSequences = desired
    .map((want) => owned.get(want.key)?.[0])
    .filter((kept) => kept !== undefined)
    .map((kept) => sequenceOf(kept.rule));
  const reordered = keptSequences.some((seq, i) => i > 0 && seq <= keptSequences[i - 1]!);
  let inStep = 0;
  const desiredKeys = new Set(desired.map((d) => d.key));
  for (const want of desired) {
    const found = owned.get(want.key) ?? [];
    const [keep, ...extra] = found;
    for (const dup of extra) {
      drift.push({ kind: 'duplicate', ruleName: want.body.displayName });
      changes.push({
        kind: 'delete',
        ruleId: dup.rule.id,
        ruleName: String(dup.rule.displayName ?? ''),
        reason: 'duplicate',
      });
    }
    if (!keep) {
      const deleted = lastApplied.has(want.key);
      if (deleted) drift.push({ kind: 'deleted', ruleName: want.body.displayName });
      changes.push({ kind: 'create', rule: want, reason: deleted ? 'deleted' : 'new' });
      continue;
    }
    const actual = contentFingerprintOf(keep.rule);
    const edited = actual !== keep.fingerprint;
    const disabled = keep.rule.isEnabled !== true;
    // Exchange no longer runs a rule whose folder or recipient disappeared: it must be rewritten.
    const inError = keep.rule.hasError === true;
    const changed =
      keep.fingerprint !== want.fingerprint || keep.rule.displayName !== want.body.displayName;
    // Before every rule that is not ours, so a user's "move to folder" cannot pre-empt it.
    const moved = sequenceOf(keep.rule) > firstOtherSequence || reordered;
    if (inError) drift.push({ kind: 'inError', ruleName: want.body.displayName });
    if (edited) drift.push({ kind: 'edited', ruleName: want.body.displayName });
    if (disabled) drift.push({ kind: 'disabled', ruleName: want.body.displayName });
    if (moved && !edited && !disabled && !inError)
      drift.push({ kind: 'moved', ruleName: want.body.displayName });
    if (inError || edited || disabled || changed || moved) {
      changes.push({
        kind: 'update',
        ruleId: keep.rule.id,
        rule: want,
        reason: inError
          ? 'inError'
          : edited
            ? 'edited'
            : disabled
              ? 'disabled'
              : changed
                ? 'changed'
                : 'moved',
      });
    } else {
      inStep += 1;
    }
  }
  for (const [key, found] of owned) {
    if (desiredKeys.has(key)) continue;
    for (const gone of found) {
      changes.push({
        kind: 'delete',
        ruleId: gone.rule.id,
        ruleName: String(gone.rule.displayName ?? ''),
        reason: 'notNeeded',
      });
    }
  }
  const estimatedBytes = desired.reduce((sum, d) => sum + d.estimatedBytes, 0);
  const warnings: string[] = [];
  if (estimatedBytes > MIGRATED_RULE_QUOTA_BYTES / 2) {
    warnings.push(
      `Contact Guard's rules on ${state.mailbox} need about ${Math.ceil(estimatedBytes / 1024)} KB of the mailbox's rule space (64 KB on some migrated mailboxes, 256 KB otherwise).`,
    );
  }
  return {
    mailbox: state.mailbox,
    folder: {
      name: settings.folderName,
      ...(state.folderId ? { id: state.folderId } : {}),
      // The SPOC's own mailbox keeps restricted mail in its inbox: it needs no folder.
      create: state.folderId === undefined && desired.some((d) => d.movesToFolder),
    },
    changes: orderChanges(changes),
    inStep,
    readOnlySkipped,
    othersUntouched,
    drift,
    estimatedBytes,
    warnings,
  };
}

/** Deletions first (they free quota), then creations and updates in rule order. */
function orderChanges(changes: RuleChange[]): RuleChange[] {
  const rank = (c: RuleChange) => (c.kind === 'delete' ? 0 : 1);
  const seq = (c: RuleChange) => (c.kind === 'delete' ? 0 : c.rule.body.sequence);
  return [...changes].sort((a, b) => rank(a) - rank(b) || seq(a) - seq(b));
}

/** The whole plan: every protected mailbox, from the restrictions and the mailboxes' current rules. */
export function planRouting(input: {
  restrictions: readonly Restriction[];
  settings: RoutingSettings;
  today: LocalDate;
  mailboxes: readonly CurrentMailboxState[];
}): RoutingPlan {
  const { routes, refusals, routed } = routesBySpoc(
    input.restrictions,
    input.settings,
    input.today,
  );
  return {
    today: input.today,
    restrictionsRouted: routed,
    refusals,
    mailboxes: input.mailboxes.map((state) => planMailbox(state, routes, input.settings)),
  };
}

/** True when the plan changes nothing on any mailbox. */
export function isPlanEmpty(plan: RoutingPlan): boolean {
  return plan.mailboxes.every((m) => m.changes.length === 0 && !m.folder.create);
}
