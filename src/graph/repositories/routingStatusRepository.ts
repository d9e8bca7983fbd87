// The Routing Status list: one item per run of the mail-routing job and one per protected mailbox
// (src/graph/schema/routingStatusList.ts). Mailbox items are written only when their content
// changes, so a run where nothing changed writes one item (the run's).
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig, ListNames } from '../../config/appConfig';
import type { RoutingOutcome } from '../schema/routingStatusList';
import type { BatchStep } from '../batch';
import { GraphAccessError } from '../errors';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import { listItemPath, listItemsPath } from '../sharePoint';

export type RoutingStatusListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: Pick<ListNames, 'routingStatus'>;
};

export interface MailboxStatus {
  mailbox: string;
  runAt: string;
  mode: 'plan' | 'apply';
  outcome: RoutingOutcome;
  rulesInStep: number;
  changes: number;
  failures: number;
  /** Plain words: drift found and repaired, failures and why. */
  details: string;
  ruleKeys: string[];
}

export interface RunStatus {
  runAt: string;
  mode: 'plan' | 'apply';
  outcome: RoutingOutcome;
  mailboxesInStep: number;
  mailboxesChanged: number;
  mailboxesFailed: number;
  details: string;
}

export interface StoredMailboxStatus extends MailboxStatus {
  itemId: string;
}

/** SharePoint's multi-line text holds 63,999 characters at most in a list: longer text is cut. */
const MAX_TEXT = 60_000;
const MAX_PAGES = 200;

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Look-back windows for the latest run, in days. Each holds few items: the runs of that span
 * (96 a day at most, for a job every 15 minutes) and the mailbox items written in it (one per
 * protected mailbox); a wider one is asked only when the narrower held no run.
 */
const LAST_RUN_WINDOWS_DAYS = [2, 14, 45, 400];

function clip(text: string): string {
  return text.length > MAX_TEXT
    ? `${text.slice(0, MAX_TEXT)}\n… (cut: too long for the list)`
    : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function mailboxFields(s: MailboxStatus): Record<string, unknown> {
  return {
    Title: s.mailbox,
    Kind: 'Mailbox',
    RunAt: s.runAt,
    Mode: s.mode,
    Outcome: s.outcome,
    InStepCount: s.rulesInStep,
    ChangedCount: s.changes,
    FailedCount: s.failures,
    Details: clip(s.details),
    RuleKeys: s.ruleKeys.join('\n'),
  };
}

export function runFields(r: RunStatus): Record<string, unknown> {
  return {
    Title: `Run ${r.runAt}`,
    Kind: 'Run',
    RunAt: r.runAt,
    Mode: r.mode,
    Outcome: r.outcome,
    InStepCount: r.mailboxesInStep,
    ChangedCount: r.mailboxesChanged,
    FailedCount: r.mailboxesFailed,
    Details: clip(r.details),
  };
}

function toMailbox(item: Record<string, unknown>): StoredMailboxStatus | undefined {
  const f = isRecord(item.fields) ? item.fields : {};
  if (typeof item.id !== 'string' || str(f.Title) === '') return undefined;
  return {
    itemId: item.id,
    mailbox: str(f.Title).toLowerCase(),
    runAt: str(f.RunAt),
    mode: f.Mode === 'plan' ? 'plan' : 'apply',
    outcome: (str(f.Outcome) || 'InStep') as RoutingOutcome,
    rulesInStep: num(f.InStepCount),
    changes: num(f.ChangedCount),
    failures: num(f.FailedCount),
    details: str(f.Details),
    ruleKeys: str(f.RuleKeys)
      .split(/\r?\n/)
      .map((k) => k.trim())
      .filter(Boolean),
  };
}

function toRun(item: Record<string, unknown>): RunStatus | undefined {
  const f = isRecord(item.fields) ? item.fields : {};
  if (str(f.RunAt) === '') return undefined;
  return {
    runAt: str(f.RunAt),
    mode: f.Mode === 'plan' ? 'plan' : 'apply',
    outcome: (str(f.Outcome) || 'InStep') as RoutingOutcome,
    mailboxesInStep: num(f.InStepCount),
    mailboxesChanged: num(f.ChangedCount),
    mailboxesFailed: num(f.FailedCount),
    details: str(f.Details),
  };
}

export class RoutingStatusRepository {
  private readonly calls: GraphCalls;

  constructor(
    client: Client | GraphCalls,
    private readonly sharePoint: RoutingStatusListAddress,
  ) {
    this.calls = graphCallsOf(client);
  }

  private get items(): string {
    return listItemsPath(this.sharePoint, this.sharePoint.lists.routingStatus);
  }

  /** Every mailbox item, by lower-case address (the most recent item wins if one is doubled). */
  async readMailboxes(): Promise<Map<string, StoredMailboxStatus>> {
    const out = new Map<string, StoredMailboxStatus>();
    const items = await this.calls.all<unknown>(
      `${this.items}?$expand=fields&$filter=fields/Kind eq 'Mailbox'&$top=999`,
      { maxPages: MAX_PAGES },
    );
    for (const item of items) {
      const status = isRecord(item) ? toMailbox(item) : undefined;
      if (status && (out.get(status.mailbox)?.runAt ?? '') <= status.runAt)
        out.set(status.mailbox, status);
    }
    return out;
  }

  /**
   * The latest run, or undefined when the job has not run in the longest look-back window. Asked
   * within a window of the indexed RunAt column, narrowest first, never as "every Run item": a job
   * every 15 minutes writes 35,000 runs a year, and SharePoint refuses a query whose first indexed
   * condition matches more than 5,000 items (the list view threshold).
   */
  async lastRun(now: Date = new Date()): Promise<RunStatus | undefined> {
    for (const days of LAST_RUN_WINDOWS_DAYS) {
      const since = new Date(now.getTime() - days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const filter = `fields/RunAt ge '${since}' and fields/Kind eq 'Run'`;
      const body = await this.get(
        `${this.items}?$expand=fields&$filter=${filter}&$orderby=fields/RunAt desc&$top=1`,
      );
      const first = Array.isArray(body.value) ? body.value[0] : undefined;
      const run = isRecord(first) ? toRun(first) : undefined;
      if (run) return run;
    }
    return undefined;
  }

  async writeRun(run: RunStatus): Promise<void> {
    await this.calls.post(this.items, { fields: runFields(run) });
  }

  /** A batch step that writes a mailbox's item (PATCH when it exists: safe to send twice). */
  mailboxStep(status: MailboxStatus, itemId?: string): BatchStep {
    return itemId
      ? {
          method: 'PATCH',
          url: `${listItemPath(this.sharePoint, this.sharePoint.lists.routingStatus, itemId)}/fields`,
          body: mailboxFields(status),
          idempotent: true,
        }
      : { method: 'POST', url: this.items, body: { fields: mailboxFields(status) } };
  }

  private async get(path: string): Promise<Record<string, unknown>> {
    const body = await this.calls.get(path);
    if (!isRecord(body)) throw new GraphAccessError('unknown', { code: 'statusPageUnreadable' });
    return body;
  }
}
