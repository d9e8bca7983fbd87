// What a reconciler run (reconciler.ts) reads before any mailbox: the tenant's verified domains,
// the Settings list, the restrictions (changes since the last run), the last run's statuses and
// the SPOCs' addresses in the directory; then which mailboxes it routes to. A failure here stops
// the whole run (RunReport.fatal) before anything is changed.
import type { StoredMailboxStatus } from '../graph/repositories/routingStatusRepository';
import { primaryAddressOf, userSteps } from '../graph/repositories/directoryLookup';
import { plainMessage, type GraphAccessErrorKind } from '../graph/errors';
import {
  destinationMailboxes,
  readRoutingSettings,
  routesBySpoc,
  unreadableEntryRefusals,
  unreadableRecordRefusals,
  type Refusal,
  type RoutingSettings,
} from '../policy/routing';
import type { Restriction } from '../policy/types';
import { kindOf, ok } from './reconcileReport';
import type { RunContext } from './reconcileRun';

export interface RunInputs {
  settings: RoutingSettings;
  restrictions: Restriction[];
  /** Restrictions (records or entries) that cannot be read, refused before any routing. */
  unreadable: Refusal[];
  statuses: Map<string, StoredMailboxStatus>;
}

/** Who gets whose mail, and the mailboxes the run reads: the phases after the inputs use these. */
export interface Routing {
  settings: RoutingSettings;
  statuses: Map<string, StoredMailboxStatus>;
  routes: Map<string, Set<string>>;
  /** The SPOCs' mailboxes that are not protected: restricted mail is redirected there. */
  destinations: Set<string>;
  mailboxes: string[];
}

/** 1. Settings, restrictions (changes since the last run), last statuses; none when fatal. */
export async function readInputs(ctx: RunContext): Promise<RunInputs | undefined> {
  const { deps, report } = ctx;
  let tenantDomains: string[];
  try {
    tenantDomains = await deps.tenantDomains();
  } catch (e) {
    const kind = (e as { kind?: GraphAccessErrorKind }).kind ?? 'unknown';
    report.fatal = `The school's verified domains could not be read from Microsoft Entra (GET /organization, which the app needs Organization.Read.All for): ${plainMessage(kind)} No rule was planned: mail is never routed by a guessed list of domains. Nothing was changed.`;
    return undefined;
  }
  try {
    const read = readRoutingSettings(await deps.settings.readMap(), deps.defaults, tenantDomains);
    report.settingsProblems = read.problems;
    const listed = await deps.restrictions.refresh();
    const unreadable = [
      ...unreadableRecordRefusals(listed.malformed),
      ...unreadableEntryRefusals(listed.restrictions, deps.today),
    ];
    const statuses = await deps.status.readMailboxes();
    return { settings: read.settings, restrictions: listed.restrictions, unreadable, statuses };
  } catch (e) {
    const kind = (e as { kind?: GraphAccessErrorKind }).kind ?? 'unknown';
    report.fatal = `The settings, the restrictions or the last run's status could not be read: ${plainMessage(kind)} Nothing was changed.`;
    return undefined;
  }
}

/** SPOC addresses as the directory knows them (primary SMTP); none when the search failed. */
export async function lookUpSpocs(
  ctx: RunContext,
  spocs: string[],
): Promise<Map<string, string | null> | undefined> {
  const lookups = await ctx.batcher.run(
    spocs.map((a) => ({ key: 'directory', steps: [userSteps.byAddress(a)] })),
  );
  const directory = new Map<string, string | null>();
  for (const [i, address] of spocs.entries()) {
    const result = lookups[i]?.[0];
    if (!ok(result)) {
      ctx.report.fatal = `The directory could not be searched for a single point of contact's address: ${plainMessage(kindOf(result?.status ?? 0))} Nothing was changed.`;
      return undefined;
    }
    directory.set(address, primaryAddressOf(result?.body));
  }
  return directory;
}

/** The routes by SPOC (refusals into the report) and the mailboxes they need rules in. */
export function routeMailboxes(
  ctx: RunContext,
  inputs: RunInputs,
  spocs: string[],
  directory: Map<string, string | null>,
): Routing {
  const { settings, restrictions, unreadable, statuses } = inputs;
  const { routes, refusals, routed } = routesBySpoc(
    restrictions,
    settings,
    ctx.deps.today,
    directory,
  );
  ctx.report.refusals = [...unreadable, ...refusals];
  ctx.report.restrictionsRouted = routed;
  // The protected mailboxes, then the SPOCs' mailboxes that are not protected: restricted mail is
  // redirected there, and their own rules mark it on arrival (docs/routing.md).
  const destinations = new Set(destinationMailboxes(routes, settings));
  const mailboxes = [...settings.protectedMailboxes, ...destinations];
  // The batched requests a run needs at least: one rule listing per mailbox, then in apply mode
  // each change, each folder to create and each report item to write.
  ctx.minimum = mailboxes.length + spocs.length;
  return { settings, statuses, routes, destinations, mailboxes };
}
