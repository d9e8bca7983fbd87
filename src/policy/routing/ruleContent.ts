// What a rule does, reduced to a canonical form, its fingerprint, its name and its estimated size.
// The fingerprint is computed the same way from the body Contact Guard sends and from the rule as
// Graph returns it, so a rule a user edited (another address, another action, a condition added)
// no longer matches the fingerprint written in its name.
import { normalizeAddress } from '../addresses';
import type { MessageRuleData, RuleBody } from './types';

/** cyrb53: a small, well-spread 53-bit string hash (not cryptographic: it detects edits, not attacks). */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

const RECIPIENT_LISTS = new Set([
  'fromaddresses',
  'senttoaddresses',
  'redirectto',
  'forwardto',
  'forwardasattachmentto',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recipientAddresses(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((r) => (isRecord(r) && isRecord(r.emailAddress) ? r.emailAddress.address : undefined))
    .filter((a): a is string => typeof a === 'string')
    .map(normalizeAddress)
    .sort();
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === false ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => !k.startsWith('@'))
        .sort()
        .map((k) => [k, canonicalValue(value[k])]),
    );
  }
  return value;
}

/** A predicate or action set with defaults dropped (Graph returns empty lists and falses). */
function canonicalPart(part: unknown): Record<string, unknown> {
  if (!isRecord(part)) return {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(part).sort()) {
    if (key.startsWith('@')) continue;
    const value = part[key];
    if (isEmpty(value)) continue;
    const lower = key.toLowerCase();
    out[lower] = RECIPIENT_LISTS.has(lower) ? recipientAddresses(value) : canonicalValue(value);
  }
  return out;
}

/** The rule's behaviour in canonical JSON: conditions, actions, exceptions. */
export function canonicalRuleContent(
  rule: Pick<MessageRuleData, 'conditions' | 'actions' | 'exceptions'>,
): string {
  return JSON.stringify({
    c: canonicalPart(rule.conditions),
    a: canonicalPart(rule.actions),
    e: canonicalPart(rule.exceptions),
  });
}

export function ruleFingerprint(
  rule: Pick<MessageRuleData, 'conditions' | 'actions' | 'exceptions'>,
): string {
  return hash53(canonicalRuleContent(rule)).slice(-8);
}

/** Every Contact Guard rule name starts with this and ends with `[cg <key> <fingerprint>]`. */
export const RULE_NAME_PREFIX = 'Contact Guard';
const OWNED_NAME = /^Contact Guard\b.*\[cg ([a-z0-9-]+) ([a-z0-9]{8})\]$/;

export function ruleName(description: string, key: string, fingerprint: string): string {
  return `${RULE_NAME_PREFIX}: ${description} [cg ${key} ${fingerprint}]`;
}

/** The key and fingerprint of a rule Contact Guard made, or undefined for anyone else's rule. */
export function parseOwnedName(name: unknown): { key: string; fingerprint: string } | undefined {
  if (typeof name !== 'string') return undefined;
  const match = OWNED_NAME.exec(name.trim());
  return match ? { key: match[1] as string, fingerprint: match[2] as string } : undefined;
}

/**
 * Bytes a rule takes in the mailbox's rule quota, estimated: Exchange stores each recipient as an
 * address entry (display name, routing type, address, search key), roughly 3 times the address in
 * UTF-16 plus a fixed overhead; the rule itself about 600 bytes. Deliberately pessimistic: there
 * is no API that reports the real figure.
 */
export function estimateRuleBytes(
  body: Pick<RuleBody, 'displayName' | 'conditions' | 'actions'>,
): number {
  const recipients = [
    ...body.conditions.fromAddresses,
    ...(body.actions.redirectTo ?? []),
    ...(body.actions.forwardAsAttachmentTo ?? []),
  ];
  const addressBytes = recipients.reduce(
    (sum, r) => sum + 120 + 6 * r.emailAddress.address.length,
    0,
  );
  // Strings (phrases, categories) are stored as UTF-16 with a small header each.
  const strings = [
    ...(body.conditions.bodyOrSubjectContains ?? []),
    ...(body.actions.assignCategories ?? []),
  ];
  const stringBytes = strings.reduce((sum, text) => sum + 24 + 2 * text.length, 0);
  return 600 + 2 * body.displayName.length + addressBytes + stringBytes;
}
