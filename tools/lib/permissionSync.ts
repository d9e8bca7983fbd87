// Brings each list's SharePoint permissions to the plan (`provision`), or only reports how far they
// are from it (`provision --check`). The comparison is pure (src/graph/schema/permissionDrift.ts);
// this file reads, repairs, and reads again to prove the repair held.

import {
  compareList,
  compareRoleDefinitions,
  type Drift,
  type ObservedSite,
} from '../../src/graph/schema/permissionDrift';
import {
  CUSTOM_ROLE_DEFINITIONS,
  groupLoginName,
  type ListPermissionPlan,
  type PlannedPrincipal,
} from '../../src/graph/schema/permissionPlan';
import { SharePointError, type SharePointPermissions } from './sharePointPermissions';

export interface SyncResult {
  /** Every difference found before any repair, in the order found. */
  drifts: Drift[];
}

/** Reads everything and compares it with the plan; changes nothing. */
export async function checkPermissions(
  sp: SharePointPermissions,
  plans: readonly ListPermissionPlan[],
): Promise<SyncResult> {
  const site = await sp.readSite();
  const drifts = compareRoleDefinitions(site);
  for (const plan of plans) drifts.push(...compareList(plan, await sp.readList(plan.title), site));
  return { drifts };
}

/**
 * Repairs every drift, list by list, then reads each list again: a repair SharePoint did not keep
 * is an error, never a silent success. Grants are added before any are removed, so that a run
 * cut short never leaves a list with fewer people than it should have and more than none.
 */
export async function applyPermissions(
  sp: SharePointPermissions,
  plans: readonly ListPermissionPlan[],
  report: (list: string, drifts: Drift[]) => void,
): Promise<SyncResult> {
  let site = await sp.readSite();
  const drifts: Drift[] = [];

  const definitionDrifts = compareRoleDefinitions(site);
  for (const drift of definitionDrifts) {
    if (drift.kind === 'roleDefinitionMissing') {
      await sp.addRoleDefinition(
        drift.definition,
        100 + CUSTOM_ROLE_DEFINITIONS.indexOf(drift.definition),
      );
    } else if (drift.kind === 'roleDefinitionDiffers') {
      await sp.updateRoleDefinition(drift.definition);
    }
  }
  if (definitionDrifts.length) {
    site = await sp.readSite();
    failIfAny(compareRoleDefinitions(site));
  }
  drifts.push(...definitionDrifts);
  report('Site', definitionDrifts);

  const principalIds = new Map<string, number>();
  const principalId = async (principal: PlannedPrincipal): Promise<number> => {
    if (principal.kind === 'owners') return site.ownersGroupId;
    const login = groupLoginName(principal.id);
    let id = principalIds.get(login);
    if (id === undefined) {
      id = await sp.ensurePrincipal(login);
      principalIds.set(login, id);
    }
    return id;
  };

  for (const plan of plans) {
    let observed = await sp.readList(plan.title);
    const found = compareList(plan, observed, site);
    drifts.push(...found);
    report(plan.title, found);
    if (!found.length) continue;
    if (found.some((d) => d.kind === 'listMissing')) {
      throw new SharePointError(`the list "${plan.title}" was not found on the site`);
    }

    if (found.some((d) => d.kind === 'inherits')) {
      await sp.breakInheritance(plan.title);
      observed = await sp.readList(plan.title);
    }
    const now = compareList(plan, observed, site);

    const settings: Parameters<SharePointPermissions['updateList']>[1] = {};
    for (const drift of now) {
      if (drift.kind === 'readSecurity') settings.ReadSecurity = drift.expected;
      if (drift.kind === 'writeSecurity') settings.WriteSecurity = drift.expected;
      if (drift.kind === 'versioning') settings.EnableVersioning = true;
    }
    if (Object.keys(settings).length) await sp.updateList(plan.title, settings);

    const access = now.flatMap((d) => (d.kind === 'access' ? [d] : []));
    for (const { principal, role } of access.flatMap((d) => d.add)) {
      await sp.addAssignment(plan.title, await principalId(principal), roleId(site, role));
    }
    for (const { principalId: id, role } of access.flatMap((d) => d.remove)) {
      await sp.removeAssignment(plan.title, id, roleId(site, role));
    }

    failIfAny(compareList(plan, await sp.readList(plan.title), site));
  }
  return { drifts };
}

function roleId(site: ObservedSite, name: string): number {
  const found = site.roleDefinitions.find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!found)
    throw new SharePointError(`the permission level "${name}" does not exist on the site`);
  return found.id;
}

function failIfAny(left: Drift[]): void {
  if (left.length) {
    throw new SharePointError(
      `SharePoint did not keep a change: ${left.map((d) => d.message).join('; ')}`,
    );
  }
}
