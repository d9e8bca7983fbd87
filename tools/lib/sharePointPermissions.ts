// SharePoint's REST API for what Microsoft Graph cannot do: list permissions and item-level
// settings. Every call goes through PnPjs (@pnp/sp), composed for Node: the bearer token from a
// TokenProvider on each request, Node's global fetch with PnPjs's retry on 429/503/504, and PnPjs's
// JSON and error parsing. No request digest: SharePoint does not ask for one with an OAuth token.

import { DefaultHeaders, DefaultInit, spfi, type SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import { PermissionKind, type IBasePermissions } from '@pnp/sp/security';
import type { TimelinePipe } from '@pnp/core';
import { BrowserFetchWithRetry, DefaultParse, type Queryable } from '@pnp/queryable';
import type { TokenProvider } from '../../src/auth/tokenProvider';
import type {
  ObservedAssignment,
  ObservedList,
  ObservedSite,
} from '../../src/graph/schema/permissionDrift';
import type { BasePermissions, CustomRoleDefinition } from '../../src/graph/schema/permissionPlan';

/** What SharePoint refused, in words; never the response body (it may name people). */
export class SharePointError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SharePointError';
  }
}

/** Puts the provider's current token on every request (PnPjs's auth moment). */
function BearerFrom(tokenProvider: TokenProvider): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.auth.replace(async (url: URL, init: RequestInit) => {
      const token = await tokenProvider.getAccessToken();
      init.headers = {
        ...(init.headers as Record<string, string>),
        Authorization: `Bearer ${token}`,
      };
      return [url, init];
    });
    return instance;
  };
}

/** A PnPjs root for one site, for Node. */
export function sharePointForNode(siteUrl: string, tokenProvider: TokenProvider): SPFI {
  return spfi(siteUrl).using(
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: 3 }),
    DefaultParse(),
    BearerFrom(tokenProvider),
  );
}

interface RawBasePermissions {
  High: string | number;
  Low: string | number;
}
interface RawRoleDefinition {
  Id: number;
  Name: string;
  BasePermissions: RawBasePermissions;
}
interface RawAssignment {
  PrincipalId: number;
  Member: { Id: number; Title: string; LoginName: string; PrincipalType: number };
  RoleDefinitionBindings: RawRoleDefinition[];
}
interface RawList {
  HasUniqueRoleAssignments: boolean;
  ReadSecurity: number;
  WriteSecurity: number;
  EnableVersioning: boolean;
}

const toPermissions = (raw: RawBasePermissions): BasePermissions => ({
  High: Number(raw.High),
  Low: Number(raw.Low),
});

/** The handful of SharePoint REST calls provisioning makes, each one PnPjs call. */
export class SharePointPermissions {
  constructor(private readonly sp: SPFI) {}

  /**
   * Whether the signed-in user may change permissions on the site (site owners). Asked before
   * anything is changed, so that someone else gets a plain answer and no half-done site.
   */
  async canManagePermissions(): Promise<boolean> {
    try {
      const effective = await this.call(() => this.sp.web.getCurrentUserEffectivePermissions());
      return this.sp.web.hasPermissions(effective, PermissionKind.ManagePermissions);
    } catch (error) {
      if (!(error instanceof SharePointError) || ![400, 404].includes(error.status ?? 0)) {
        throw error;
      }
    }
    // A service without EffectiveBasePermissions (the local one): reading the site's own role
    // assignments needs Enumerate Permissions, which only owners' levels carry.
    try {
      await this.call(() => this.sp.web.roleAssignments.select('PrincipalId').top(1)());
      return true;
    } catch (error) {
      if (error instanceof SharePointError && error.status === 403) return false;
      throw error;
    }
  }

  async readSite(): Promise<ObservedSite> {
    const [owners, definitions] = await Promise.all([
      this.call(() => this.sp.web.associatedOwnerGroup.select('Id')<{ Id: number }>()),
      this.call(() =>
        this.sp.web.roleDefinitions.select('Id', 'Name', 'BasePermissions')<RawRoleDefinition[]>(),
      ),
    ]);
    return {
      ownersGroupId: owners.Id,
      roleDefinitions: definitions.map((d) => ({
        id: d.Id,
        name: d.Name,
        basePermissions: toPermissions(d.BasePermissions),
      })),
    };
  }

  /** The list's settings and the role assignments in force on it; null when there is no list. */
  async readList(title: string): Promise<ObservedList | null> {
    const list = this.sp.web.lists.getByTitle(title);
    let raw: RawList;
    try {
      raw = await this.call(() =>
        list.select(
          'HasUniqueRoleAssignments',
          'ReadSecurity',
          'WriteSecurity',
          'EnableVersioning',
        )<RawList>(),
      );
    } catch (error) {
      if (error instanceof SharePointError && error.status === 404) return null;
      throw error;
    }
    const assignments = await this.call(() =>
      list.roleAssignments.expand('Member', 'RoleDefinitionBindings')<RawAssignment[]>(),
    );
    return {
      title,
      hasUniqueRoleAssignments: raw.HasUniqueRoleAssignments,
      readSecurity: raw.ReadSecurity,
      writeSecurity: raw.WriteSecurity,
      enableVersioning: raw.EnableVersioning,
      assignments: assignments.map((a): ObservedAssignment => ({
        principalId: a.PrincipalId,
        title: a.Member.Title,
        loginName: a.Member.LoginName,
        principalType: a.Member.PrincipalType,
        roles: a.RoleDefinitionBindings.map((r) => ({
          name: r.Name,
          basePermissions: toPermissions(r.BasePermissions),
        })),
      })),
    };
  }

  async addRoleDefinition(definition: CustomRoleDefinition, order: number): Promise<void> {
    await this.call(() =>
      this.sp.web.roleDefinitions.add(
        definition.name,
        definition.description,
        order,
        definition.basePermissions,
      ),
    );
  }

  async updateRoleDefinition(definition: CustomRoleDefinition): Promise<void> {
    const { High, Low } = definition.basePermissions;
    await this.call(() =>
      this.sp.web.roleDefinitions.getByName(definition.name).update({
        // Edm.Int64 travels as a string in SharePoint's JSON, as PnPjs's own add() sends it.
        BasePermissions: { High: String(High), Low: String(Low) } as unknown as IBasePermissions,
      }),
    );
  }

  /** Its own permissions from now on, starting from none: provisioning grants each one. */
  async breakInheritance(title: string): Promise<void> {
    await this.call(() => this.sp.web.lists.getByTitle(title).breakRoleInheritance(false, true));
  }

  async updateList(
    title: string,
    settings: Partial<Pick<RawList, 'ReadSecurity' | 'WriteSecurity' | 'EnableVersioning'>>,
  ): Promise<void> {
    await this.call(() => this.sp.web.lists.getByTitle(title).update(settings));
  }

  /** The site-scoped id of a user or group, added to the site's user list if it is not there. */
  async ensurePrincipal(loginName: string): Promise<number> {
    const principal = await this.call(() => this.sp.web.ensureUser(loginName));
    return (principal as unknown as { Id: number }).Id;
  }

  async addAssignment(title: string, principalId: number, roleDefinitionId: number): Promise<void> {
    await this.call(() =>
      this.sp.web.lists.getByTitle(title).roleAssignments.add(principalId, roleDefinitionId),
    );
  }

  async removeAssignment(
    title: string,
    principalId: number,
    roleDefinitionId: number,
  ): Promise<void> {
    await this.call(() =>
      this.sp.web.lists.getByTitle(title).roleAssignments.remove(principalId, roleDefinitionId),
    );
  }

  /** PnPjs's HttpRequestError carries the status and SharePoint's body; only the status is kept. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      const status = (error as { status?: unknown } | null)?.status;
      if (typeof status !== 'number') {
        throw new SharePointError('SharePoint could not be reached');
      }
      if (status === 401) {
        throw new SharePointError('SharePoint did not accept the sign-in (401)', status);
      }
      if (status === 403) {
        throw new SharePointError(
          'you must be a site owner of the Contact Guard site to set its permissions (SharePoint answered 403)',
          status,
        );
      }
      throw new SharePointError(`SharePoint answered ${status}`, status);
    }
  }
}
