// Apply mode of the reconciler (reconciler.ts): passes over the mailboxes whose plan has changes.
// Each pass creates the routing folders, makes sure the categories exist, makes the rule changes
// through `$batch`, and leaves for the next pass what may be half done (read again, planned again).
import type { BatchGroup, StepResult } from '../graph/batch';
import {
  categorySteps,
  missingCategories,
  readCategoryNames,
  ruleSteps,
} from '../graph/repositories/messageRulesRepository';
import { routingCategories, type MailboxPlan } from '../policy/routing';
import { describeFailure, errorCode, isRecord, ok, QUOTA_CODES } from './reconcileReport';
import type { MailboxReport } from './reconciler';
import type { ReconcileRun } from './reconcileRun';

/** Makes the plans so, in up to `maxPasses` passes (default 3). */
export async function applyPasses(run: ReconcileRun): Promise<void> {
  await new ApplyPasses(run).applyAll();
}

class ApplyPasses {
  private readonly maxPasses: number;
  private readonly categoriesChecked = new Set<string>();
  private readonly wantedCategories: { displayName: string; color: string }[];

  constructor(private readonly run: ReconcileRun) {
    this.maxPasses = run.ctx.deps.maxPasses ?? 3;
    this.wantedCategories = routingCategories(run.routing.settings);
  }

  async applyAll(): Promise<void> {
    let pending = [...this.run.plans.values()].filter(
      (p) => p.changes.length > 0 || p.folder.create,
    );
    for (let pass = 1; pass <= this.maxPasses && pending.length > 0; pass += 1) {
      const next = await this.pass(pending, pass);
      if (next === undefined) break;
      pending = next;
    }
  }

  /** One pass over `pending`: the plans to settle on the next pass, or none when it is the last. */
  private async pass(pending: MailboxPlan[], pass: number): Promise<MailboxPlan[] | undefined> {
    await this.createFolders(pending);
    // 2b. The rule changes, in order, one group per mailbox.
    const work = pending
      .map((p) => this.run.replan(p.mailbox))
      .filter((p): p is MailboxPlan => p !== undefined && !p.folder.create && p.changes.length > 0);
    await this.ensureCategories(work);
    const again = await this.applyRuleChanges(work, pass);
    return this.nextPending(pending, again, pass);
  }

  // 2a. Folders first: the rules name them by id.
  private async createFolders(pending: MailboxPlan[]): Promise<void> {
    const { ctx, routing, states } = this.run;
    const needFolder = pending.filter((p) => p.folder.create);
    if (needFolder.length === 0) return;
    ctx.progress('Creating folders', 0, needFolder.length);
    const results = await ctx.batcher.run(
      needFolder.map((p) => ({
        key: p.mailbox,
        steps: [ruleSteps.createFolder(p.mailbox, routing.settings.folderName)],
      })),
    );
    needFolder.forEach((p, i) => {
      const result = results[i]?.[0];
      const id =
        isRecord(result?.body) && typeof result.body.id === 'string' ? result.body.id : undefined;
      const state = states.get(p.mailbox);
      if (ok(result) && id && state) {
        state.folderId = id;
        this.run.reportOf(p.mailbox).folderCreated = true;
      }
      // A failure (or a folder that already exists, 409) is settled by the re-read below.
    });
    ctx.progress('Creating folders', needFolder.length, needFolder.length);
  }

  // The categories the rules assign must be in each mailbox's master list, or Outlook shows them
  // without colour: read the list of each mailbox about to get a rule written (once a run) and add
  // what is missing. A mailbox whose rules are in step is not read again. A failure here is a
  // warning, not a failed mailbox: the rules still mark the mail, only uncoloured.
  private async ensureCategories(work: MailboxPlan[]): Promise<void> {
    const { run, wantedCategories } = this;
    const { ctx } = run;
    const need = work.filter(
      (p) => !this.categoriesChecked.has(p.mailbox) && p.changes.some((c) => c.kind !== 'delete'),
    );
    if (need.length === 0) return;
    need.forEach((p) => this.categoriesChecked.add(p.mailbox));
    const lists = await ctx.batcher.run(
      need.map((p) => ({ key: p.mailbox, steps: [categorySteps.list(p.mailbox)] })),
    );
    const creates: BatchGroup[] = [];
    need.forEach((p, i) => {
      const result = lists[i]?.[0];
      const missing = ok(result)
        ? missingCategories(readCategoryNames(result?.body), wantedCategories)
        : [];
      if (!ok(result))
        (run.reports.get(p.mailbox) as MailboxReport).warnings.push(
          `${p.mailbox}: its category list could not be read (HTTP ${result?.status ?? 0}); the mail is still marked, perhaps without colour.`,
        );
      if (missing.length > 0)
        creates.push({
          key: p.mailbox,
          steps: missing.map((c) => categorySteps.create(p.mailbox, c)),
        });
    });
    const results = await ctx.batcher.run(creates);
    ctx.minimum += need.length + creates.reduce((sum, g) => sum + g.steps.length, 0);
    creates.forEach((g, i) => {
      if ((results[i] ?? []).some((res) => !ok(res) && res.status !== 409))
        (run.reports.get(g.key) as MailboxReport).warnings.push(
          `${g.key}: the categories "${wantedCategories.map((c) => c.displayName).join('", "')}" could not all be added to its category list; the mail is still marked, perhaps without colour.`,
        );
    });
  }

  /** Sends each plan's changes; returns the mailboxes to read and plan again on the next pass. */
  private async applyRuleChanges(work: MailboxPlan[], pass: number): Promise<string[]> {
    const { ctx } = this.run;
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
    ctx.progress('Applying changes', 0, total);
    const results = await ctx.batcher.run(groups);
    ctx.progress('Applying changes', total, total);
    const again: string[] = [];
    work.forEach((p, i) => {
      if (this.countResults(p, results[i] ?? [], pass)) again.push(p.mailbox);
    });
    return again;
  }

  /**
   * Counts one mailbox's changes made into its report and reports those that failed; true when
   * some failed in a way worth another try on the next pass.
   */
  private countResults(p: MailboxPlan, stepResults: StepResult[], pass: number): boolean {
    const r = this.run.reportOf(p.mailbox);
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
        pass < this.maxPasses &&
        (failed.status === 0 ||
          failed.status >= 500 ||
          failed.status === 424 ||
          failed.status === 429);
      if (settleLater) unsure = true;
      else r.failures.push(describeFailure(p.mailbox, what, failed));
    });
    // A full rule quota is never retried blindly: the admin must make room first.
    if (unsure && !quotaHit) return true;
    if (unsure)
      r.failures.push(
        `${p.mailbox}: other changes to this mailbox were not made because its rule space is full.`,
      );
    return false;
  }

  /**
   * Mailboxes whose folder could not be made, or whose changes may be half done, are read again
   * and planned again: the next pass finishes them (or reports why not). None on the last pass.
   */
  private async nextPending(
    pending: MailboxPlan[],
    again: string[],
    pass: number,
  ): Promise<MailboxPlan[] | undefined> {
    const run = this.run;
    const folderless = pending
      .filter((p) => !run.states.get(p.mailbox)?.folderId && p.folder.create)
      .map((p) => p.mailbox);
    const reread = [...new Set([...again, ...folderless])];
    if (reread.length === 0 || pass === this.maxPasses) {
      for (const m of folderless) {
        const r = run.reportOf(m);
        if (r.failures.length === 0)
          r.failures.push(
            `${m}: the folder "${run.routing.settings.folderName}" could not be created, so no rule was made.`,
          );
      }
      return undefined;
    }
    // Re-reads are caused by failures: they are not part of the minimum.
    const fresh = await run.readStates(reread, 'Checking mailboxes again');
    for (const [m, state] of fresh) run.states.set(m, state);
    run.states = new Map(run.states);
    return reread
      .map((m) => run.replan(m))
      .filter(
        (p): p is MailboxPlan => p !== undefined && (p.changes.length > 0 || p.folder.create),
      );
  }
}
