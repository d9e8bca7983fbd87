// What every part of the review shares: the clock (today in London), the signed-in reviewer, a
// new key per decision, and the school's settings with its date rules (term dates, closures, bank
// holidays), read from the Settings list and reused for `cacheMs` so that one screen of the review
// reads them once.
import type { GraphCalls } from '../../graph/graphCalls';
import { SettingsRepository } from '../../graph/repositories/settingsRepository';
import type { BankHolidayCalendar, DateRules } from '../../policy/dates';
import { loadBankHolidayCalendar } from '../../policy/dates';
import { todayInLondon } from '../../policy/londonDate';
import type { LocalDate } from '../../policy/types';
import type { AppConfig } from '../../config/appConfig';
import { readReviewSettings, type ReviewSettings } from './reviewSettings';

export type Reviewer = { displayName: string; emailAddress: string };

export interface ReviewContextDeps {
  client: GraphCalls;
  sharePoint: AppConfig['sharePoint'];
  /** The signed-in reviewer (or a function giving them). */
  user: Reviewer | (() => Reviewer);
  now?: () => Date;
  /** A new unique key per decision attempt (the audit entry's key). */
  newKey?: () => string;
  /** Bank holidays (default: date-holidays, loaded on demand by a dynamic import). */
  loadBankHolidays?: (extraClosures: LocalDate[]) => Promise<BankHolidayCalendar>;
  /** How long read settings and lists are reused (default 60 s). */
  cacheMs?: number;
}

export class ReviewContext {
  readonly now: () => Date;
  readonly newKey: () => string;
  readonly cacheMs: number;
  private readonly settingsRepo: SettingsRepository;
  private settingsCache?: { at: number; value: ReviewSettings };
  private holidays?: { key: string; value: Promise<BankHolidayCalendar> };

  constructor(private readonly deps: ReviewContextDeps) {
    this.settingsRepo = new SettingsRepository(deps.client, deps.sharePoint);
    this.now = deps.now ?? (() => new Date());
    this.newKey = deps.newKey ?? (() => globalThis.crypto.randomUUID());
    this.cacheMs = deps.cacheMs ?? 60_000;
  }

  reviewer(): Reviewer {
    const u = this.deps.user;
    return typeof u === 'function' ? u() : u;
  }

  today(): LocalDate {
    return todayInLondon(this.now());
  }

  /** True while something read at `at` (epoch ms) may still be reused. */
  fresh(at: number): boolean {
    return this.now().getTime() - at < this.cacheMs;
  }

  /** The school's review settings (the Settings list), reused for `cacheMs`. */
  async settings(): Promise<ReviewSettings> {
    const t = this.now().getTime();
    if (this.settingsCache && this.fresh(this.settingsCache.at)) return this.settingsCache.value;
    const value = readReviewSettings(await this.settingsRepo.readMap());
    this.settingsCache = { at: t, value };
    return value;
  }

  /** The date rules the settings give: bank holidays (loaded once per set of closures), term dates. */
  async dateRules(settings: ReviewSettings): Promise<DateRules> {
    const key = settings.extraClosures.join(',');
    if (!this.holidays || this.holidays.key !== key) {
      const load =
        this.deps.loadBankHolidays ??
        ((extraClosures: LocalDate[]) => loadBankHolidayCalendar({ extraClosures }));
      const value = load(settings.extraClosures).catch((e: unknown) => {
        // A failed load (offline) is tried again next time, not remembered.
        if (this.holidays?.value === value) this.holidays = undefined;
        throw e;
      });
      this.holidays = { key, value };
    }
    return {
      bankHolidays: await this.holidays.value,
      ...(settings.school ? { school: settings.school } : {}),
      counting: settings.counting,
    };
  }
}
