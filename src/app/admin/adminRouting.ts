// What the admin view does, apart from React: read and edit the Settings list, read the last
// routing report, and plan or apply the routing rules on the signed-in admin's OWN mailbox
// (delegated rights reach only the signed-in user's rules: every other mailbox is the scheduled
// job's, docs/routing.md).
import type { GraphCalls } from '../../graph/graphCalls';
import type { RestrictionsCache } from '../../cache/restrictionsCache';
import type { AppConfig } from '../../config/appConfig';
import { primaryAddresses } from '../../graph/repositories/directoryLookup';
import { MessageRulesRepository } from '../../graph/repositories/messageRulesRepository';
import {
  RoutingStatusRepository,
  type RunStatus,
  type StoredMailboxStatus,
} from '../../graph/repositories/routingStatusRepository';
import { SettingsRepository, type SettingEntry } from '../../graph/repositories/settingsRepository';
import { todayInLondon } from '../../policy/londonDate';
import { TenantDomains } from '../tenantDomains';
import {
  planMailbox,
  readRoutingSettings,
  routesBySpoc,
  routingCategories,
  spocAddresses,
  type MailboxPlan,
  type Refusal,
  type RoutingSettings,
} from '../../policy/routing';

/** The last routing run and each mailbox's status, as the admin view shows them. */
export type { RunStatus, StoredMailboxStatus };

export interface AdminSettings {
  entries: SettingEntry[];
  routing: RoutingSettings;
  problems: string[];
}

export interface MyPlan {
  mailbox: string;
  isProtected: boolean;
  plan: MailboxPlan;
  refusals: Refusal[];
}

export interface ApplyResult {
  done: number;
  failed: string[];
}

export class AdminRouting {
  private readonly settings: SettingsRepository;
  private readonly status: RoutingStatusRepository;
  private readonly rules: MessageRulesRepository;
  private readonly domains: TenantDomains;

  constructor(
    private readonly client: GraphCalls,
    private readonly config: AppConfig,
    private readonly restrictions: RestrictionsCache,
    private readonly myAddress: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.settings = new SettingsRepository(client, config.sharePoint);
    this.status = new RoutingStatusRepository(client, config.sharePoint);
    this.rules = new MessageRulesRepository(client);
    this.domains = new TenantDomains(client);
  }

  async readSettings(): Promise<AdminSettings> {
    // The school's domains are the tenant's verified ones; unreadable, the view fails to load
    // rather than plan with a guessed list.
    const [entries, tenantDomains] = await Promise.all([
      this.settings.readAll(),
      this.domains.get(),
    ]);
    const read = readRoutingSettings(
      new Map(entries.map((e) => [e.key, e.value])),
      { folderName: this.config.mail.restrictedFolderName },
      tenantDomains,
    );
    return { entries, routing: read.settings, problems: read.problems };
  }

  saveSetting(key: string, value: string, entries: SettingEntry[]): Promise<void> {
    return this.settings.write(key, value, entries);
  }

  async lastReport(): Promise<{ run?: RunStatus; mailboxes: StoredMailboxStatus[] }> {
    const [run, mailboxes] = await Promise.all([
      this.status.lastRun(),
      this.status.readMailboxes(),
    ]);
    return { ...(run ? { run } : {}), mailboxes: [...mailboxes.values()] };
  }

  /** The plan for the signed-in admin's own mailbox (nothing is changed). */
  async planMine(): Promise<MyPlan> {
    const { routing } = await this.readSettings();
    const snapshot = await this.restrictions.refresh();
    const mailbox = this.myAddress().toLowerCase();
    const [rules, folderId] = await Promise.all([
      this.rules.list(undefined),
      this.rules.folderId(undefined, routing.folderName),
    ]);
    const today = todayInLondon(this.now());
    // As the job does: rules name each SPOC by the primary address Exchange stores.
    const directory = await primaryAddresses(
      this.client,
      spocAddresses(snapshot.restrictions, today),
    );
    const { routes, refusals } = routesBySpoc(snapshot.restrictions, routing, today, directory);
    const plan = planMailbox(
      { mailbox, rules, ...(folderId ? { folderId } : {}) },
      routes,
      routing,
    );
    return { mailbox, isProtected: routing.protectedMailboxes.includes(mailbox), plan, refusals };
  }

  /** Applies the plan to the signed-in admin's own mailbox, one change at a time. */
  async applyMine(): Promise<ApplyResult> {
    let mine = await this.planMine();
    const failed: string[] = [];
    let done = 0;
    if (mine.plan.folder.create) {
      await this.rules.createFolder(undefined, mine.plan.folder.name);
      done += 1;
      mine = await this.planMine(); // the rules name the folder by its new id
    }
    if (mine.plan.changes.some((c) => c.kind !== 'delete')) {
      // Outlook colours the categories the rules assign only from the master list.
      try {
        await this.rules.ensureCategories(
          undefined,
          routingCategories({ folderName: mine.plan.folder.name }),
        );
        done += 1;
      } catch (e) {
        failed.push(`Categories: ${e instanceof Error ? e.message : 'failed'}`);
      }
    }
    for (const change of mine.plan.changes) {
      try {
        if (change.kind === 'create') await this.rules.create(undefined, change.rule.body);
        else if (change.kind === 'update')
          await this.rules.update(undefined, change.ruleId, change.rule.body);
        else await this.rules.remove(undefined, change.ruleId);
        done += 1;
      } catch (e) {
        const name = change.kind === 'delete' ? change.ruleName : change.rule.body.displayName;
        failed.push(`${name}: ${e instanceof Error ? e.message : 'failed'}`);
      }
    }
    return { done, failed };
  }
}
