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
 * Checks the SPOC's address against the school's accepted domains (exact domain or a subdomain of
 * one, case-insensitive). An empty domain list accepts no address: nothing is forwarded anywhere
 * until the school has said which domains are its own.
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
  const inside = accepted.some((d) => domain === d || domain.endsWith(`.${d}`));
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
