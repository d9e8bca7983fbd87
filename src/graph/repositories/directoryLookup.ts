// Finding a recipient in the directory by any of its SMTP addresses (primary or alias), as batch
// steps: `GET /users?$filter=proxyAddresses/any(a:a eq 'smtp:{address}')`. Exchange resolves a
// rule's recipients to the primary address, so the routing job resolves SPOC addresses the same
// way before it builds rules. Proxy addresses compare case-insensitively; `SMTP:` (primary) and
// `smtp:` (alias) both match. Shared mailboxes are users in the directory, so they are found too.
import type { Client } from '@microsoft/microsoft-graph-client';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import type { BatchStep } from '../batch';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const userSteps = {
  byAddress: (address: string): BatchStep => ({
    method: 'GET',
    url: `/users?$filter=${encodeURIComponent(
      `proxyAddresses/any(a:a eq 'smtp:${address.replace(/'/g, "''")}')`,
    )}&$select=mail`,
  }),
};

/** The primary SMTP address of the one user a lookup found, or null when none (or several) did. */
export function primaryAddressOf(body: unknown): string | null {
  const value = isRecord(body) && Array.isArray(body.value) ? body.value : [];
  if (value.length !== 1) return null;
  const mail = isRecord(value[0]) ? value[0].mail : undefined;
  return typeof mail === 'string' && mail !== '' ? mail : null;
}

/**
 * The primary address of each of these addresses (null: no recipient has it), one GET each, for a
 * caller outside a batch (the admin view's own-mailbox plan). A failure throws GraphAccessError.
 */
export async function primaryAddresses(
  client: Client | GraphCalls,
  addresses: readonly string[],
): Promise<Map<string, string | null>> {
  const calls = graphCallsOf(client);
  const found = await Promise.all(
    addresses.map(async (a) => primaryAddressOf(await calls.get(userSteps.byAddress(a).url))),
  );
  return new Map(addresses.map((a, i) => [a, found[i] ?? null]));
}
