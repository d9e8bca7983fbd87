// Opaque paging and delta tokens. Graph's `$skiptoken` and delta `token` values are opaque: a
// client must follow @odata.nextLink / @odata.deltaLink whole and never build or edit one
// (https://learn.microsoft.com/en-us/graph/paging). A readable token (base64 of JSON) would let a
// client, or a test, depend on its contents, so tokens are sealed with AES-256-GCM under a key that
// never leaves this process: nothing in them can be read, and any edit fails authentication.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY = randomBytes(32);
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals a token's state; the same state gives a different token each time (random IV). */
export function sealToken(data: unknown): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The state sealed in `token`; undefined for anything this process did not seal unchanged. */
export function openToken(token: string): unknown {
  try {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', KEY, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

interface SkipState {
  /** What the token pages through (list and query); a token is refused anywhere else. */
  s: string;
  off: number;
}

/** A `$skiptoken` for the page starting at `offset` of the result named by `scope`. */
export function skipToken(scope: string, offset: number): string {
  return sealToken({ s: scope, off: offset } satisfies SkipState);
}

/**
 * The offset in a `$skiptoken`, or undefined when the token is tampered with, made up, or was
 * issued for another list or query (the caller answers 400 "Invalid Skip Token", as Graph does:
 * https://github.com/microsoftgraph/microsoft-graph-docs/issues/8612).
 */
export function skipOffset(token: string, scope: string): number | undefined {
  const state = openToken(token) as Partial<SkipState> | undefined;
  return state && state.s === scope && typeof state.off === 'number' && state.off >= 0
    ? state.off
    : undefined;
}
