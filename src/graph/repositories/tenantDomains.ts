// The school's own mail domains, as the tenant itself knows them: the verified domains of the
// organization (`GET /organization?$select=verifiedDomains`), never a list anyone can edit and
// never a configured default. Delegated callers (the pane) read it with User.Read; the app-only
// routing job needs Organization.Read.All. Domains without the Email capability are left out: mail
// is never addressed there. A failure throws GraphAccessError: callers refuse rather than guess.
import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphAccessError } from '../errors';
import { type GraphCalls, graphCallsOf } from '../graphCalls';

export const VERIFIED_DOMAINS_PATH = '/organization?$select=verifiedDomains';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The lower-cased names of the verified domains that carry mail, from an /organization answer. */
export function emailDomainsOf(body: unknown): string[] {
  const organizations = isRecord(body) && Array.isArray(body.value) ? body.value : [];
  const names = new Set<string>();
  for (const organization of organizations) {
    const domains = isRecord(organization) ? organization.verifiedDomains : undefined;
    for (const domain of Array.isArray(domains) ? domains : []) {
      if (!isRecord(domain) || typeof domain.name !== 'string') continue;
      const capabilities = typeof domain.capabilities === 'string' ? domain.capabilities : '';
      if (!/(^|,)\s*email\s*(,|$)/i.test(capabilities)) continue;
      const name = domain.name.trim().toLowerCase();
      if (name !== '') names.add(name);
    }
  }
  return [...names];
}

/** Reads the verified mail domains; an answer without any is treated as unreadable. */
export async function readTenantEmailDomains(client: Client | GraphCalls): Promise<string[]> {
  const body = await graphCallsOf(client).get<unknown>(VERIFIED_DOMAINS_PATH);
  const domains = emailDomainsOf(body);
  if (domains.length === 0) throw new GraphAccessError('unknown', { code: 'noVerifiedDomains' });
  return domains;
}
