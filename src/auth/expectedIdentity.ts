// Whose sign-in the add-in accepts. In Outlook it is always the mailbox user's: their address
// (host.getUser().emailAddress) and, under nested app auth, the UPN Outlook reports
// (Office.auth.getAuthContext). A token for any other account is refused (WrongAccountError),
// never handed out: on a shared computer the browser may still hold someone else's sign-in.

function normalise(identity: string): string {
  return identity.trim().toLowerCase();
}

/** The distinct non-empty identities, lower-cased. */
export function expectedIdentities(...identities: (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const identity of identities) {
    if (identity && identity.trim()) found.add(normalise(identity));
  }
  return [...found];
}

/**
 * True when `username` is one of `expected` (case-insensitive). With nothing expected (the review
 * page opened without a hint: whoever signs in is who it is for) any named account will do.
 */
export function isExpectedUser(
  username: string | null | undefined,
  expected: readonly string[],
): boolean {
  if (expected.length === 0) return true;
  if (!username) return false;
  return expected.includes(normalise(username));
}
