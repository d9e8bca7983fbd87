// The mail-routing reconciler: reads the Settings list, the restrictions (delta) and every
// protected mailbox's inbox rules, plans with the pure planner (src/policy/routing), and in
// `apply` mode makes it so through Graph `$batch`. A run is idempotent: what is already right is
// not touched, and what an earlier run left half done is finished. See docs/routing.md.
import type { GraphCalls } from '../graph/graphCalls';
import type { RestrictionsCache } from '../cache/restrictionsCache';
import { type BatchGroup, type BatchOptions, type StepResult } from '../graph/batch';
import { plainMessage, type GraphAccessErrorKind } from '../graph/errors';
import {
  categorySteps,
  findFolderId,
  missingCategories,
  readCategoryNames,
  readRules,
  ruleSteps,
} from '../graph/repositories/messageRulesRepository';
import { primaryAddressOf, userSteps } from '../graph/repositories/directoryLookup';
import type {
  MailboxStatus,
  RoutingStatusRepository,
  StoredMailboxStatus,
} from '../graph/repositories/routingStatusRepository';
import type { SettingsRepository } from '../graph/repositories/settingsRepository';
import type { RoutingOutcome } from '../graph/schema/routingStatusList';
import {
  compactRule,
  desiredRulesFor,
  destinationMailboxes,
  folderIdFromRules,
  planMailbox,
  readRoutingSettings,
  routesBySpoc,
  routingCategories,
  unreadableEntryRefusals,
  unreadableRecordRefusals,
  spocAddresses,
  type CurrentMailboxState,
  type DriftFinding,
  type MailboxPlan,
  type MessageRuleData,
  type Refusal,
  type RoutingSettings,
  type RoutingSettingsDefaults,
} from '../policy/routing';
import type { LocalDate } from '../policy/types';

export type RoutingMode = 'plan' | 'apply';

export interface MailboxReport {
  mailbox: string;
  outcome: RoutingOutcome;
  rulesInStep: number;
  created: number;
  updated: number;
  deleted: number;
  folderCreated: boolean;
  drift: DriftFinding[];
  /** Plain words, with the mailbox; never a parent's address. */
  failures: string[];
  /** What plan mode would do (creates/updates/deletes), for the printed plan. */
  planned: MailboxPlan['changes'];
  warnings: string[];
}

export interface RunReport {
  runAt: string;
  mode: RoutingMode;
  today: LocalDate;
  settingsProblems: string[];
  refusals: Refusal[];
  restrictionsRouted: number;
  /** True when the restrictions came as changes since the last run (delta), not a full read. */
  mailboxes: MailboxReport[];
  /** Inner Graph requests sent through $batch, and the round trips that carried them. */
  batchedRequests: number;
  batchRoundTrips: number;
  /** The requests the plan needs at least: reads, changes, status writes. */
  minimumRequests: number;
  /** Failures that stopped the whole run (settings or restrictions unreadable). */
  fatal?: string;
}

export interface ReconcilerDeps {
  client: GraphCalls;
  settings: SettingsRepository;
  status: RoutingStatusRepository;
  restrictions: RestrictionsCache;
  defaults: RoutingSettingsDefaults;
  /**
   * The tenant's verified mail domains (readTenantEmailDomains): the only accepted domains. When
   * they cannot be read the run plans nothing: it never falls back to a list or a default.
   */
  tenantDomains: () => Promise<string[]>;
  today: LocalDate;
  now?: () => Date;
  batch?: Partial<BatchOptions>;
  /** Write the run's report to the Routing Status list (default true). */
  writeStatus?: boolean;
  /** Progress for a terminal: phase, steps done, steps in all. */
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Passes over mailboxes whose changes failed in a way worth another try (default 3). */
  maxPasses?: number;
}

const QUOTA_CODES = new Set(['errorrulesoverquota', 'errorquotaexceeded']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCode(result: StepResult): string {
  const error = isRecord(result.body) && isRecord(result.body.error) ? result.body.error : {};
  return typeof error.code === 'string' ? error.code : '';
}

function kindOf(status: number): GraphAccessErrorKind {
  if (status === 0) return 'offline';
  if (status === 401) return 'signedOut';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 400) return 'badRequest';
  return status >= 500 ? 'unavailable' : 'unknown';
}

/** One failure in plain words, with the mailbox, never with a body or an address from it. */
export function describeFailure(mailbox: string, what: string, result: StepResult): string {
  const code = errorCode(result);
  if (QUOTA_CODES.has(code.toLowerCase())) {
    return `${mailbox}: the mailbox's space for inbox rules is full, so ${what} could not be saved. Remove rules this mailbox no longer needs, or lower RoutingAddressesPerRule in the Settings list, then run again. (Not retried.)`;
  }
  if (result.status === 424)
    return `${mailbox}: ${what} was not attempted because an earlier change to this mailbox failed.`;
  const safeCode = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(code) ? `, ${code}` : '';
  return `${mailbox}: ${what} failed. ${plainMessage(kindOf(result.status))} (HTTP ${result.status}${safeCode})`;
}

const ok = (r: StepResult | undefined) => r !== undefined && r.status >= 200 && r.status < 300;

export async function reconcile(mode: RoutingMode, deps: ReconcilerDeps): Promise<RunReport> {
  const now = deps.now ?? (() => new Date());
  const runAt = now().toISOString();
  let batchedRequests = 0;
  let batchRoundTrips = 0;
  const batcher = deps.client.batcher({
    ...deps.batch,
    onBatch: (info) => {
      batchedRequests += info.requests;
      batchRoundTrips += 1;
      deps.batch?.onBatch?.(info);
    },
  });
  const report: RunReport = {
    runAt,
    mode,
    today: deps.today,
    settingsProblems: [],
    refusals: [],
    restrictionsRouted: 0,
    mailboxes: [],
    batchedRequests: 0,
    batchRoundTrips: 0,
    minimumRequests: 0,
  };
  const finishCounts = (r: RunReport): RunReport => {
    r.batchedRequests = batchedRequests;
    r.batchRoundTrips = batchRoundTrips;
    return r;
  };
  const progress = (phase: string, done: number, total: number) =>
    deps.onProgress?.(phase, done, total);

  // 1. Settings, restrictions (changes since the last run), last statuses.
  let settings: RoutingSettings;
  let statuses: Map<string, StoredMailboxStatus>;
  let restrictions;
  let unreadable: Refusal[] = [];
  let tenantDomains: string[];
  try {
    tenantDomains = await deps.tenantDomains();
  } catch (e) {
    const kind = (e as { kind?: GraphAccessErrorKind }).kind ?? 'unknown';
    report.fatal = `The school's verified domains could not be read from Microsoft Entra (GET /organization, which the app needs Organization.Read.All for): ${plainMessage(kind)} No rule was planned: mail is never routed by a guessed list of domains. Nothing was changed.`;
    return report;
  }
  try {
    const read = readRoutingSettings(await deps.settings.readMap(), deps.defaults, tenantDomains);
    settings = read.settings;
    report.settingsProblems = read.problems;
    const listed = await deps.restrictions.refresh();
    restrictions = listed.restrictions;
    unreadable = [
      ...unreadableRecordRefusals(listed.malformed),
      ...unreadableEntryRefusals(listed.restrictions, deps.today),
    ];
    statuses = await deps.status.readMailboxes();
  } catch (e) {
    const kind = (e as { kind?: GraphAccessErrorKind }).kind ?? 'unknown';
    report.fatal = `The settings, the restrictions or the last run's status could not be read: ${plainMessage(kind)} Nothing was changed.`;
    return report;
  }
  // SPOC addresses as the directory knows them (primary SMTP), before any rule is built.
  const spocs = spocAddresses(restrictions, deps.today);
  const lookups = await batcher.run(
    spocs.map((a) => ({ key: 'directory', steps: [userSteps.byAddress(a)] })),
  );
  const directory = new Map<string, string | null>();
  for (const [i, address] of spocs.entries()) {
    const result = lookups[i]?.[0];
    if (!ok(result)) {
      report.fatal = `The directory could not be searched for a single point of contact's address: ${plainMessage(kindOf(result?.status ?? 0))} Nothing was changed.`;
      return finishCounts(report);
    }
    directory.set(address, primaryAddressOf(result?.body));
  }
  const { routes, refusals, routed } = routesBySpoc(restrictions, settings, deps.today, directory);
  report.refusals = [...unreadable, ...refusals];
  report.restrictionsRouted = routed;
  // The protected mailboxes, then the SPOCs' mailboxes that are not protected: restricted mail is
  // redirected there, and their own rules mark it on arrival (docs/routing.md).
  const destinations = new Set(destinationMailboxes(routes, settings));
  const mailboxes = [...settings.protectedMailboxes, ...destinations];
  // The batched requests a run needs at least: one rule listing per mailbox, then in apply mode
  // each change, each folder to create and each report item to write.
  let minimum = mailboxes.length + spocs.length;

  const reports = new Map<string, MailboxReport>(
    mailboxes.map((m) => [
      m,
      {
        mailbox: m,
        outcome: 'InStep' as RoutingOutcome,
        rulesInStep: 0,
        created: 0,
        updated: 0,
        deleted: 0,
        folderCreated: false,
        drift: [],
        failures: [],
        planned: [],
        warnings: [],
      },
    ]),
  );

  // 2. Read every protected mailbox's rules. Its folders are read only when the routing folder's
  // id cannot be taken from a rule of ours that is intact (unedited, not in error): a rule whose
  // folder was deleted is marked `hasError` by Exchange, so an intact rule names a folder that
  // exists. A run that changes nothing thus reads one rule listing per mailbox and nothing else.
  const readStates = async (
    which: string[],
    phase: string,
    initial = false,
  ): Promise<Map<string, CurrentMailboxState>> => {
    const out = new Map<string, CurrentMailboxState>();
    progress(phase, 0, which.length);
    // Each listing is kept without its recipients (compactRule) as it arrives: at 2,000 mailboxes
    // the whole listings would hold about a million recipient objects at once.
    const ruleResults = await batcher.run(
      which.map((m) => ({
        key: m,
        steps: [
          {
            ...ruleSteps.list(m),
            keep: (body: unknown) => ({ value: readRules(body).map(compactRule) }),
          },
        ],
      })),
    );
    const listed = new Map<string, MessageRuleData[]>();
    which.forEach((m, i) => {
      const rules = ruleResults[i]?.[0];
      if (ok(rules)) listed.set(m, readRules(rules?.body));
      else
        (reports.get(m) as MailboxReport).failures.push(
          describeFailure(m, 'reading its inbox rules', rules ?? { status: 0, headers: {} }),
        );
    });
    const needFolders = [...listed].filter(
      ([m, rules]) =>
        folderIdFromRules(rules) === undefined &&
        desiredRulesFor(m, routes, settings, undefined, destinations.has(m)).some(
          (d) => d.movesToFolder,
        ),
    );
    // Folders to make rules in are part of what a first run needs; re-reads come from failures.
    if (initial) minimum += needFolders.length;
    const folderResults = await batcher.run(
      needFolders.map(([m]) => ({ key: m, steps: [ruleSteps.folders(m)] })),
    );
    const folderIds = new Map<string, string | undefined>();
    needFolders.forEach(([m], i) => {
      const folders = folderResults[i]?.[0];
      if (ok(folders)) folderIds.set(m, findFolderId(folders?.body, settings.folderName));
      else {
        (reports.get(m) as MailboxReport).failures.push(
          describeFailure(m, 'reading its folders', folders ?? { status: 0, headers: {} }),
        );
        listed.delete(m);
      }
    });
    for (const [m, rules] of listed) {
      const folderId = folderIds.has(m) ? folderIds.get(m) : folderIdFromRules(rules);
      out.set(m, {
        mailbox: m,
        rules,
        ...(folderId ? { folderId } : {}),
        lastAppliedKeys: statuses.get(m)?.ruleKeys ?? [],
        ...(destinations.has(m) ? { destinationOnly: true } : {}),
      });
    }
    progress(phase, which.length, which.length);
    return out;
  };

  let states = await readStates(mailboxes, 'Reading mailboxes', true);
  const plans = new Map<string, MailboxPlan>();
  for (const [m, state] of states) {
    const plan = planMailbox(state, routes, settings);
    plans.set(m, plan);
    const r = reports.get(m) as MailboxReport;
    r.drift = plan.drift;
    r.planned = plan.changes;
    r.warnings = plan.warnings;
    r.rulesInStep = plan.inStep;
    if (mode === 'apply') minimum += plan.changes.length + (plan.folder.create ? 1 : 0);
  }

  // The categories the rules assign must be in each mailbox's master list, or Outlook shows them
  // without colour: read the list of each mailbox about to get a rule written (once a run) and add
  // what is missing. A mailbox whose rules are in step is not read again. A failure here is a
  // warning, not a failed mailbox: the rules still mark the mail, only uncoloured.
  const categoriesChecked = new Set<string>();
  const wantedCategories = routingCategories(settings);
  const ensureCategories = async (work: MailboxPlan[]): Promise<void> => {
    const need = work.filter(
      (p) => !categoriesChecked.has(p.mailbox) && p.changes.some((c) => c.kind !== 'delete'),
    );
    if (need.length === 0) return;
    need.forEach((p) => categoriesChecked.add(p.mailbox));
    const lists = await batcher.run(
      need.map((p) => ({ key: p.mailbox, steps: [categorySteps.list(p.mailbox)] })),
    );
    const creates: BatchGroup[] = [];
    need.forEach((p, i) => {
      const result = lists[i]?.[0];
      const missing = ok(result)
        ? missingCategories(readCategoryNames(result?.body), wantedCategories)
        : [];
      if (!ok(result))
        (reports.get(p.mailbox) as MailboxReport).warnings.push(
          `${p.mailbox}: its category list could not be read (HTTP ${result?.status ?? 0}); the mail is still marked, perhaps without colour.`,
        );
      if (missing.length > 0)
        creates.push({
          key: p.mailbox,
          steps: missing.map((c) => categorySteps.create(p.mailbox, c)),
        });
    });
    const results = await batcher.run(creates);
    minimum += need.length + creates.reduce((sum, g) => sum + g.steps.length, 0);
    creates.forEach((g, i) => {
      if ((results[i] ?? []).some((res) => !ok(res) && res.status !== 409))
        (reports.get(g.key) as MailboxReport).warnings.push(
          `${g.key}: the categories "${wantedCategories.map((c) => c.displayName).join('", "')}" could not all be added to its category list; the mail is still marked, perhaps without colour.`,
        );
    });
  };

  if (mode === 'apply') {
    const maxPasses = deps.maxPasses ?? 3;
    let pending = [...plans.values()].filter((p) => p.changes.length > 0 || p.folder.create);
    for (let pass = 1; pass <= maxPasses && pending.length > 0; pass += 1) {
      // 2a. Folders first: the rules name them by id.
      const needFolder = pending.filter((p) => p.folder.create);
      if (needFolder.length > 0) {
        progress('Creating folders', 0, needFolder.length);
        const results = await batcher.run(
          needFolder.map((p) => ({
            key: p.mailbox,
            steps: [ruleSteps.createFolder(p.mailbox, settings.folderName)],
          })),
        );
        needFolder.forEach((p, i) => {
          const result = results[i]?.[0];
          const id =
            isRecord(result?.body) && typeof result.body.id === 'string'
              ? result.body.id
              : undefined;
          const state = states.get(p.mailbox);
          if (ok(result) && id && state) {
            state.folderId = id;
            (reports.get(p.mailbox) as MailboxReport).folderCreated = true;
          }
          // A failure (or a folder that already exists, 409) is settled by the re-read below.
        });
        progress('Creating folders', needFolder.length, needFolder.length);
      }
      // 2b. The rule changes, in order, one group per mailbox.
      const work = pending
        .map((p) => {
          const state = states.get(p.mailbox);
          return state ? planMailbox(state, routes, settings) : undefined;
        })
        .filter(
          (p): p is MailboxPlan => p !== undefined && !p.folder.create && p.changes.length > 0,
        );
      await ensureCategories(work);
      const groups: BatchGroup[] = work.map((p) => ({
        key: p.mailbox,
        steps: p.changes.map((c) =>
          c.kind === 'create'
            ? ruleSteps.create(p.mailbox, c.rule.body)
            : c.kind === 'update'
              ? ruleSteps.update(p.mailbox, c.ruleId, c.rule.body)
              : ruleSteps.remove(p.mailbox, c.ruleId),
        ),
      }));
      const total = groups.reduce((s, g) => s + g.steps.length, 0);
      progress('Applying changes', 0, total);
      const results = await batcher.run(groups);
      progress('Applying changes', total, total);
      const again: string[] = [];
      work.forEach((p, i) => {
        const r = reports.get(p.mailbox) as MailboxReport;
        const stepResults = results[i] ?? [];
        let unsure = false;
        let quotaHit = false;
        p.changes.forEach((c, s) => {
          const result = stepResults[s];
          if (ok(result) || (c.kind === 'delete' && result?.status === 404)) {
            if (c.kind === 'create') r.created += 1;
            else if (c.kind === 'update') r.updated += 1;
            else r.deleted += 1;
            return;
          }
          const what =
            c.kind === 'create'
              ? `creating rule "${c.rule.body.displayName}"`
              : c.kind === 'update'
                ? `updating rule "${c.rule.body.displayName}"`
                : `deleting rule "${c.ruleName}"`;
          const failed = result ?? { status: 0, headers: {} };
          const quota = QUOTA_CODES.has(errorCode(failed).toLowerCase());
          if (quota) quotaHit = true;
          // No clear answer (a create may have been made), or not attempted: a fresh read and a
          // new plan settle it on the next pass. Anything else is reported now.
          const settleLater =
            !quota &&
            pass < maxPasses &&
            (failed.status === 0 ||
              failed.status >= 500 ||
              failed.status === 424 ||
              failed.status === 429);
          if (settleLater) unsure = true;
          else r.failures.push(describeFailure(p.mailbox, what, failed));
        });
        // A full rule quota is never retried blindly: the admin must make room first.
        if (unsure && !quotaHit) again.push(p.mailbox);
        else if (unsure)
          r.failures.push(
            `${p.mailbox}: other changes to this mailbox were not made because its rule space is full.`,
          );
      });
      // Mailboxes whose folder could not be made, or whose changes may be half done, are read
      // again and planned again: the next pass finishes them (or reports why not).
      const folderless = pending
        .filter((p) => !states.get(p.mailbox)?.folderId && p.folder.create)
        .map((p) => p.mailbox);
      const reread = [...new Set([...again, ...folderless])];
      if (reread.length === 0 || pass === maxPasses) {
        for (const m of folderless) {
          const r = reports.get(m) as MailboxReport;
          if (r.failures.length === 0)
            r.failures.push(
              `${m}: the folder "${settings.folderName}" could not be created, so no rule was made.`,
            );
        }
        break;
      }
      // Re-reads are caused by failures: they are not part of the minimum.
      const fresh = await readStates(reread, 'Checking mailboxes again');
      for (const [m, state] of fresh) states.set(m, state);
      states = new Map(states);
      pending = reread
        .map((m) => {
          const state = states.get(m);
          return state ? planMailbox(state, routes, settings) : undefined;
        })
        .filter(
          (p): p is MailboxPlan => p !== undefined && (p.changes.length > 0 || p.folder.create),
        );
    }
  }

  // 3. Outcomes, and the report written to the Routing Status list.
  for (const r of reports.values()) {
    const changes = r.created + r.updated + r.deleted + (r.folderCreated ? 1 : 0);
    if (r.failures.length > 0) r.outcome = 'Failed';
    else if (mode === 'plan')
      r.outcome =
        r.planned.length > 0 || plans.get(r.mailbox)?.folder.create ? 'Planned' : 'InStep';
    else r.outcome = changes > 0 ? 'Changed' : 'InStep';
  }
  report.mailboxes = [...reports.values()];
  const writes: BatchGroup[] = [];
  if (deps.writeStatus !== false && mode === 'apply') {
    for (const r of report.mailboxes) {
      const plan = plans.get(r.mailbox);
      const keys =
        r.outcome === 'Failed'
          ? (statuses.get(r.mailbox)?.ruleKeys ?? [])
          : plan
            ? desiredKeys(states.get(r.mailbox), routes, settings)
            : [];
      const status: MailboxStatus = {
        mailbox: r.mailbox,
        runAt,
        mode,
        outcome: r.outcome,
        rulesInStep: r.outcome === 'Failed' ? r.rulesInStep : keys.length,
        changes: r.created + r.updated + r.deleted,
        failures: r.failures.length,
        details: mailboxDetails(r),
        ruleKeys: keys,
      };
      const before = statuses.get(r.mailbox);
      // A mailbox item records the last run that found or did something there: a quiet run (in
      // step, same rules, nothing to report) leaves it as it is, so it writes one item, the run's.
      const sameKeys = before?.ruleKeys.join('\n') === keys.join('\n');
      // Quiet: in step, nothing found, and no warning the item does not already carry (a standing
      // warning, e.g. the rule-space estimate, is written once, with the run that changed things).
      const quiet =
        status.outcome === 'InStep' &&
        r.drift.length === 0 &&
        r.failures.length === 0 &&
        r.warnings.every((w) => before?.details.split('\n').includes(w)) &&
        before?.outcome !== 'Failed';
      if (
        before &&
        sameKeys &&
        (quiet || (before.outcome === status.outcome && before.details === status.details))
      )
        continue;
      writes.push({
        key: `status|${r.mailbox}`,
        // Only the status is read: the item's body is not kept (2,000 of them on a first run).
        steps: [{ ...deps.status.mailboxStep(status, before?.itemId), keep: () => undefined }],
      });
    }
    minimum += writes.length;
    if (writes.length > 0) {
      progress('Writing the report', 0, writes.length);
      const results = await batcher.run(writes);
      progress('Writing the report', writes.length, writes.length);
      const failedWrites = results.filter((res) => !ok(res[0])).length;
      if (failedWrites > 0)
        report.settingsProblems.push(
          `${failedWrites} mailbox reports could not be written to the Routing Status list.`,
        );
    }
  }
  if (deps.writeStatus !== false) {
    const failed = report.mailboxes.filter((m) => m.outcome === 'Failed').length;
    const changed = report.mailboxes.filter(
      (m) => m.outcome === 'Changed' || m.outcome === 'Planned',
    ).length;
    try {
      await deps.status.writeRun({
        runAt,
        mode,
        outcome:
          failed > 0
            ? 'Failed'
            : changed > 0
              ? mode === 'plan'
                ? 'Planned'
                : 'Changed'
              : 'InStep',
        mailboxesInStep: report.mailboxes.length - failed - changed,
        mailboxesChanged: changed,
        mailboxesFailed: failed,
        details: runDetails(report),
      });
    } catch {
      report.settingsProblems.push(
        'The run report could not be written to the Routing Status list.',
      );
    }
  }
  report.minimumRequests = minimum;
  return finishCounts(report);
}

/** After a successful apply the rules in step are exactly the desired ones: their keys. */
function desiredKeys(
  state: CurrentMailboxState | undefined,
  routes: Map<string, Set<string>>,
  settings: RoutingSettings,
): string[] {
  if (!state) return [];
  return desiredRulesFor(
    state.mailbox,
    routes,
    settings,
    state.folderId,
    state.destinationOnly === true,
  ).map((d) => d.key);
}

export function mailboxDetails(r: MailboxReport): string {
  const lines: string[] = [];
  if (r.created + r.updated + r.deleted > 0) {
    lines.push(`Rules created ${r.created}, updated ${r.updated}, deleted ${r.deleted}.`);
  }
  if (r.folderCreated) lines.push('The routing folder was created.');
  for (const d of r.drift) {
    const what = {
      edited: 'was edited by someone and was put back',
      disabled: 'was turned off by someone and was turned back on',
      deleted: 'was deleted by someone and was made again',
      moved: 'had been moved below other rules and was moved back to the top',
      inError:
        'was in error in Exchange (its folder or recipient had gone) and no longer ran; it was rewritten',
      duplicate: 'was there twice; the copy was removed',
    }[d.kind];
    lines.push(`Drift: rule "${d.ruleName}" ${what}.`);
  }
  lines.push(...r.warnings, ...r.failures);
  return lines.join('\n');
}

export function runDetails(report: RunReport): string {
  const lines = [
    `${report.mode === 'plan' ? 'Plan' : 'Apply'} for ${report.today}: ${report.restrictionsRouted} restrictions routed to ${report.mailboxes.length} protected mailboxes.`,
    ...report.settingsProblems,
    ...report.refusals.map((r) => r.message),
  ];
  for (const m of report.mailboxes) {
    if (m.outcome === 'InStep' && m.drift.length === 0) continue;
    lines.push(
      `${m.mailbox}: ${m.outcome}.`,
      ...mailboxDetails(m)
        .split('\n')
        .filter(Boolean)
        .map((l) => `  ${l}`),
    );
  }
  return lines.join('\n');
}
