// The chronology's "open the original email" link (issue 10, item 4). The link comes back from the
// Contact Events list's MessageLink column, which the client writes and any member of staff could
// write by hand (SharePoint's own pages, Power Automate): it is data, not a trusted URL. A link is
// made only for an https address on Outlook on the web's own hosts, as Graph's message `webLink`
// is (https://outlook.office365.com/owa/?ItemID=...&exvsurl=1&viewmodel=ReadMessageItem);
// anything else is shown as text. Pure.

/**
 * Outlook on the web for work and school accounts (Microsoft 365 worldwide). outlook.live.com is
 * personal accounts' Outlook, never a school tenant's, so it is not here.
 */
export const OUTLOOK_WEB_HOSTS: readonly string[] = ['outlook.office365.com', 'outlook.office.com'];

// Whitespace, C0/C1 controls, backslashes (browsers read "\" as "/" in http(s) URLs) and Unicode
// format characters (zero-width, bidi overrides) anywhere in the value: refused, never cleaned, so
// that what is shown is what would be opened.
const UNSAFE_CHARACTERS = /[\s\p{Cc}\p{Cf}\\]/u;

/**
 * The value itself when it is an https link to one of `hosts` (no user name or password, no port,
 * the authority written exactly as the host), else undefined: show it as text.
 */
export function safeMessageLink(
  value: unknown,
  hosts: readonly string[] = OUTLOOK_WEB_HOSTS,
): string | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  if (UNSAFE_CHARACTERS.test(value)) return undefined;
  const prefix = 'https://';
  if (value.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
  // The authority as written (up to the first / ? or #) must be one of the hosts, character for
  // character: no "user@", no ":port", no trailing dot, no percent-encoding, no IDN look-alike.
  const authority = value.slice(prefix.length).split(/[/?#]/, 1)[0]!.toLowerCase();
  if (!hosts.includes(authority)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  // The parser must agree with the reading above (a second opinion, not the only one).
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '')
    return undefined;
  if (url.hostname !== authority) return undefined;
  return value;
}
