// GET /organization (and /organization/{id}): the tenant, with its verified domains, which the
// routing job and the pane read as the school's own domains (docs/routing.md). Entra answers a
// collection of one organization; every tenant also has its initial `<name>.onmicrosoft.com`
// domain, which the seed does not list, so it is added here as Entra would show it.
// Read-only: any signed-in user (delegated User.Read is enough) and app-only callers
// (Organization.Read.All) may read it; nothing here changes it.
import { GraphError, invalidRequest } from './graphErrors';
import { type GraphRequest, type GraphResponse, ok } from './graphRequest';
import type { SeedTenant } from './seedTypes';
import { LOCAL_TENANT_ID } from './tenant';

export interface VerifiedDomain {
  name: string;
  isDefault: boolean;
  isInitial: boolean;
  type: 'Managed';
  capabilities: string;
}

/** The seed's domains (the first is the default), then the initial onmicrosoft.com domain. */
export function verifiedDomainsOf(tenant: SeedTenant): VerifiedDomain[] {
  const names = tenant.domains.map((d) => d.toLowerCase());
  const initial =
    names.find((d) => d.endsWith('.onmicrosoft.com')) ??
    `${(names[0] ?? 'tenant').split('.')[0]}.onmicrosoft.com`;
  return [...new Set([...names, initial])].map((name, i) => ({
    name,
    isDefault: i === 0,
    isInitial: name === initial,
    type: 'Managed',
    capabilities: 'Email, OfficeCommunicationsOnline',
  }));
}

function organizationOf(tenant: SeedTenant): Record<string, unknown> {
  return {
    id: LOCAL_TENANT_ID,
    displayName: tenant.name,
    tenantType: 'AAD',
    verifiedDomains: verifiedDomainsOf(tenant),
  };
}

function selected(resource: Record<string, unknown>, req: GraphRequest): Record<string, unknown> {
  const select = req.query.get('$select');
  if (!select) return resource;
  const wanted = select.split(',').map((s) => s.trim().toLowerCase());
  const unknown = wanted.find((w) => !Object.keys(resource).some((k) => k.toLowerCase() === w));
  if (unknown !== undefined)
    throw invalidRequest(
      `Could not find a property named '${unknown}' on type 'microsoft.graph.organization'.`,
    );
  return Object.fromEntries(
    Object.entries(resource).filter(([k]) => wanted.includes(k.toLowerCase())),
  );
}

export function handleOrganization(req: GraphRequest, tenant: SeedTenant): GraphResponse {
  if (req.method !== 'GET') {
    // Changing the organization needs Organization.ReadWrite.All, which no caller here has.
    throw new GraphError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  }
  const organization = organizationOf(tenant);
  const [, id, ...rest] = req.segments;
  if (rest.length > 0) throw invalidRequest('Only the organization itself is served.');
  if (id !== undefined) {
    if (id.toLowerCase() !== LOCAL_TENANT_ID)
      throw new GraphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
      );
    return ok(selected(organization, req));
  }
  return ok({
    '@odata.context': `${req.serviceRoot}/$metadata#organization`,
    value: [selected(organization, req)],
  });
}
