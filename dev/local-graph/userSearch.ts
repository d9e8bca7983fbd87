// `GET /users?$filter=...`: the directory searched by address, the one kind of user listing the
// product needs (the routing job resolves a SPOC's address to its primary SMTP address).
// Supported filters, as Graph documents them for the user resource
// (https://learn.microsoft.com/en-us/graph/api/resources/user, proxyAddresses and mail support
// `eq` in `$filter`): `proxyAddresses/any(x:x eq 'smtp:{address}')` (prefix and address
// case-insensitive; `SMTP:` and `smtp:` both match, as proxy addresses are unique in a tenant)
// and `mail eq '{address}'`. Any other listing is refused with 400, as before.
import type { Directory, DirectoryUser } from './directory';
import { userResource } from './directory';
import { GraphError } from './graphErrors';
import { type GraphRequest, type GraphResponse, ok } from './graphRequest';

const PROXY_FILTER = /^proxyAddresses\/any\(\s*(\w+)\s*:\s*\1\s+eq\s+'((?:[^']|'')*)'\s*\)$/i;
const MAIL_FILTER = /^mail\s+eq\s+'((?:[^']|'')*)'$/i;

function unquote(text: string): string {
  return text.replace(/''/g, "'");
}

function matching(directory: Directory, filter: string): DirectoryUser[] {
  const proxy = PROXY_FILTER.exec(filter);
  if (proxy) {
    const wanted = unquote(proxy[2] as string).toLowerCase();
    return directory.users.filter((u) => u.proxyAddresses.some((p) => p.toLowerCase() === wanted));
  }
  const mail = MAIL_FILTER.exec(filter);
  if (mail) {
    const wanted = unquote(mail[1] as string).toLowerCase();
    return directory.users.filter((u) => u.mail.toLowerCase() === wanted);
  }
  throw new GraphError(
    400,
    'BadRequest',
    'Listing users is supported by the local service only with a proxyAddresses or mail filter.',
  );
}

export function searchUsers(req: GraphRequest, directory: Directory): GraphResponse {
  if (req.method !== 'GET')
    throw new GraphError(405, 'Request_BadRequest', 'The HTTP method is not supported.');
  const filter = (req.query.get('$filter') ?? '').trim();
  if (!filter)
    throw new GraphError(
      400,
      'BadRequest',
      'Listing all users is not supported by the local service.',
    );
  const select = (req.query.get('$select') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const value = matching(directory, filter).map((u) => {
    const full: Record<string, unknown> = { ...userResource(u), proxyAddresses: u.proxyAddresses };
    if (select.length === 0) return userResource(u);
    return Object.fromEntries(
      Object.entries(full).filter(([k]) => k === 'id' || select.includes(k.toLowerCase())),
    );
  });
  return ok({ value });
}
