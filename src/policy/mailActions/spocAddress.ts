// Can a restricted email be forwarded to this single point of contact? The SPOC must be an address
// in one of the school's own domains: Exchange Online blocks forwarding outside the tenant by
// default, and restricted correspondence must not leave the school. Pure.
import { normalizeAddress, isEmailAddress } from '../addresses';

export type SpocAddressProblem = 'missing' | 'invalid' | 'outsideSchool';

export type SpocAddressCheck =
  { ok: true; address: string } | { ok: false; problem: SpocAddressProblem };

/** The domain part of a normalised address ('' when there is none). */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
}

/**
 * Checks the SPOC's address against the school's domains: the tenant's verified domains, compared
 * whole and case-insensitively. A subdomain counts only when it is verified itself (Entra lists
 * it then): an unverified one does not receive mail in the tenant, so forwarding there would leave
 * the school. An empty domain list accepts no address: nothing is forwarded anywhere until the
 * tenant's domains are known. The routing job compares the same way (planner.isAcceptedDomain).
 */
export function checkSpocAddress(
  spocEmail: string | undefined,
  acceptedDomains: readonly string[],
): SpocAddressCheck {
  const address = normalizeAddress(spocEmail ?? '');
  if (address === '') return { ok: false, problem: 'missing' };
  if (!isEmailAddress(address)) return { ok: false, problem: 'invalid' };
  const domain = domainOf(address);
  const accepted = (acceptedDomains ?? [])
    .map((d) => (typeof d === 'string' ? d.trim().toLowerCase().replace(/^@/, '') : ''))
    .filter((d) => d !== '');
  const inside = accepted.includes(domain);
  return inside ? { ok: true, address } : { ok: false, problem: 'outsideSchool' };
}

/** True when the signed-in user, or the mailbox the email is open in, is the SPOC. */
export function isSpoc(
  spocEmail: string | undefined,
  userAddress: string | undefined,
  openMailbox: string | undefined,
): boolean {
  const spoc = normalizeAddress(spocEmail ?? '');
  if (spoc === '') return false;
  return [userAddress, openMailbox].some((a) => a !== undefined && normalizeAddress(a) === spoc);
}
