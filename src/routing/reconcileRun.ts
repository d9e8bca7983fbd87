// One run of the reconciler (reconciler.ts), as its phases share it. RunContext is the run as a
// whole: its time, its batcher and the counts of what went through it, the report, the requests
// it needs at least. ReconcileRun adds the mailboxes once the inputs are read: each one's report,
// its current state (rules, routing folder) and its plan.
import type { GraphBatcher } from '../graph/batch';
import { findFolderId, readRules, ruleSteps } from '../graph/repositories/messageRulesRepository';
import type { RoutingOutcome } from '../graph/schema/routingStatusList';
import {
  compactRule,
  desiredRulesFor,
  folderIdFromRules,
  planMailbox,
  type CurrentMailboxState,
  type MailboxPlan,
  type MessageRuleData,
} from '../policy/routing';
import type { MailboxReport, ReconcilerDeps, RoutingMode, RunReport } from './reconciler';
import type { Routing } from './reconcileInputs';
import { describeFailure, ok } from './reconcileReport';

export class RunContext {
  readonly runAt: string;
  readonly batcher: GraphBatcher;
  readonly report: RunReport;
  /** The batched requests the run needs at least (RunReport.minimumRequests). */
  minimum = 0;
  private batchedRequests = 0;
  private batchRoundTrips = 0;

  constructor(
    readonly mode: RoutingMode,
    readonly deps: ReconcilerDeps,
  ) {
    const now = deps.now ?? (() => new Date());
    this.runAt = now().toISOString();
    this.batcher = deps.client.batcher({
      ...deps.batch,
      onBatch: (info) => {
        this.batchedRequests += info.requests;
        this.batchRoundTrips += 1;
        deps.batch?.onBatch?.(info);
      },
    });
    this.report = {
      runAt: this.runAt,
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
  }

  progress(phase: string, done: number, total: number): void {
    this.deps.onProgress?.(phase, done, total);
  }

  /** The report, with the requests and round trips the batcher has counted so far. */
  finishCounts(): RunReport {
    this.report.batchedRequests = this.batchedRequests;
    this.report.batchRoundTrips = this.batchRoundTrips;
    return this.report;
  }
}

export class ReconcileRun {
  readonly reports: Map<string, MailboxReport>;
  /** Each mailbox's rules and folder as last read (readStates), and changed by apply passes. */
  states = new Map<string, CurrentMailboxState>();
  /** Each mailbox's plan from the first read: what plan mode reports, and apply starts from. */
  readonly plans = new Map<string, MailboxPlan>();

  constructor(
    readonly ctx: RunContext,
    readonly routing: Routing,
  ) {
    this.reports = new Map<string, MailboxReport>(
      routing.mailboxes.map((m) => [
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
  }

  reportOf(mailbox: string): MailboxReport {
    return this.reports.get(mailbox) as MailboxReport;
  }

  // 2. Read every protected mailbox's rules. Its folders are read only when the routing folder's
  // id cannot be taken from a rule of ours that is intact (unedited, not in error): a rule whose
  // folder was deleted is marked `hasError` by Exchange, so an intact rule names a folder that
  // exists. A run that changes nothing thus reads one rule listing per mailbox and nothing else.
  async readStates(
    which: string[],
    phase: string,
    initial = false,
  ): Promise<Map<string, CurrentMailboxState>> {
    const { settings, statuses, destinations } = this.routing;
    const out = new Map<string, CurrentMailboxState>();
    this.ctx.progress(phase, 0, which.length);
    const listed = await this.readRuleListings(which);
    const needFolders = [...listed].filter(
      ([m, rules]) =>
        folderIdFromRules(rules) === undefined &&
        desiredRulesFor(m, this.routing.routes, settings, undefined, destinations.has(m)).some(
          (d) => d.movesToFolder,
        ),
    );
    // Folders to make rules in are part of what a first run needs; re-reads come from failures.
    if (initial) this.ctx.minimum += needFolders.length;
    const folderIds = await this.readFolderIds(needFolders, listed);
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
    this.ctx.progress(phase, which.length, which.length);
    return out;
  }

  /** Each mailbox's inbox rules; a mailbox whose rules cannot be read gets a failure instead. */
  private async readRuleListings(which: string[]): Promise<Map<string, MessageRuleData[]>> {
    // Each listing is kept without its recipients (compactRule) as it arrives: at 2,000 mailboxes
    // the whole listings would hold about a million recipient objects at once.
    const ruleResults = await this.ctx.batcher.run(
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
        this.reportOf(m).failures.push(
          describeFailure(m, 'reading its inbox rules', rules ?? { status: 0, headers: {} }),
        );
    });
    return listed;
  }

  /**
   * The routing folder's id in each mailbox of `needFolders` (undefined: there is none yet). A
   * mailbox whose folders cannot be read gets a failure and is taken out of `listed`.
   */
  private async readFolderIds(
    needFolders: [string, MessageRuleData[]][],
    listed: Map<string, MessageRuleData[]>,
  ): Promise<Map<string, string | undefined>> {
    const folderResults = await this.ctx.batcher.run(
      needFolders.map(([m]) => ({ key: m, steps: [ruleSteps.folders(m)] })),
    );
    const folderIds = new Map<string, string | undefined>();
    needFolders.forEach(([m], i) => {
      const folders = folderResults[i]?.[0];
      if (ok(folders))
        folderIds.set(m, findFolderId(folders?.body, this.routing.settings.folderName));
      else {
        this.reportOf(m).failures.push(
          describeFailure(m, 'reading its folders', folders ?? { status: 0, headers: {} }),
        );
        listed.delete(m);
      }
    });
    return folderIds;
  }

  /** Plans every mailbox read, and puts what each plan found (drift, changes) in its report. */
  planAll(): void {
    for (const [m, state] of this.states) {
      const plan = planMailbox(state, this.routing.routes, this.routing.settings);
      this.plans.set(m, plan);
      const r = this.reportOf(m);
      r.drift = plan.drift;
      r.planned = plan.changes;
      r.warnings = plan.warnings;
      r.rulesInStep = plan.inStep;
      if (this.ctx.mode === 'apply')
        this.ctx.minimum += plan.changes.length + (plan.folder.create ? 1 : 0);
    }
  }

  /** A fresh plan for a mailbox from its current state; none when it could not be read. */
  replan(mailbox: string): MailboxPlan | undefined {
    const state = this.states.get(mailbox);
    return state ? planMailbox(state, this.routing.routes, this.routing.settings) : undefined;
  }
}
