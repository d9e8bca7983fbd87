// Roles from Entra group membership: is the signed-in user an admin (Settings, mail routing) or a
// reviewer (the head teacher's review)? One POST /me/checkMemberGroups answers both, and the answer
// is kept for the life of the pane: group changes reach the pane on its next load.
//
// A role grants only what the UI shows; SharePoint's own permissions still decide what a user may
// read or change. An empty group id in the configuration grants nobody that role.
import type { AppConfig } from '../config/appConfig';
import type { GraphCalls } from '../graph/graphCalls';

export type Role = 'admin' | 'reviewer';

export interface RoleSet {
  admin: boolean;
  reviewer: boolean;
}

export interface Roles {
  /** Which roles the signed-in user has. Throws GraphAccessError when Graph could not say. */
  current(): Promise<RoleSet>;
  /** True when the signed-in user has the role. Throws GraphAccessError when Graph could not say. */
  has(role: Role): Promise<boolean>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class GraphRoles implements Roles {
  private inFlight: Promise<RoleSet> | null = null;

  constructor(
    private readonly calls: GraphCalls,
    private readonly groups: AppConfig['groups'],
  ) {}

  current(): Promise<RoleSet> {
    // One request per pane; a failed one is forgotten so that the next call tries again.
    this.inFlight ??= this.check().catch((e: unknown) => {
      this.inFlight = null;
      throw e; // a GraphAccessError (GraphCalls)
    });
    return this.inFlight;
  }

  async has(role: Role): Promise<boolean> {
    const roles = await this.current();
    return role === 'admin' ? roles.admin : roles.reviewer;
  }

  private async check(): Promise<RoleSet> {
    const admins = this.groups.admins.trim().toLowerCase();
    const reviewers = this.groups.reviewers.trim().toLowerCase();
    const groupIds = [...new Set([admins, reviewers].filter((id) => id !== ''))];
    if (groupIds.length === 0) return { admin: false, reviewer: false };
    // checkMemberGroups is a POST that changes nothing, so it is marked safe to retry.
    const body = await this.calls.post<unknown>(
      '/me/checkMemberGroups',
      { groupIds },
      { idempotent: true },
    );
    const found = new Set(
      (isRecord(body) && Array.isArray(body.value) ? body.value : [])
        .filter((id): id is string => typeof id === 'string')
        .map((id) => id.toLowerCase()),
    );
    return {
      admin: admins !== '' && found.has(admins),
      reviewer: reviewers !== '' && found.has(reviewers),
    };
  }
}
