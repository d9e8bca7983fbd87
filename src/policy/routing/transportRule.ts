// The org-wide alternative: Exchange Online mail-flow (transport) rules, one per restriction, as
// PowerShell an admin runs (Graph cannot create them). Dates come from the restriction, so a rule
// starts and stops by itself; the script also removes Contact Guard's rules for restrictions that
// no longer apply. Limits: 8 KB per rule, 300 rules per tenant (docs/routing.md).
import { compareLocalDates, addDays, londonInstantOf } from '../londonDate';
import { normalizeAddress } from '../addresses';
import type { LocalDate, Restriction } from '../types';
import { isAcceptedDomain } from './planner';
import { URGENT_RULE_PHRASES } from './urgentRulePhrases';

export const TRANSPORT_RULE_MAX_BYTES = 8 * 1024;
export const TRANSPORT_RULES_PER_TENANT = 300;
export const TRANSPORT_RULE_PREFIX = 'Contact Guard restriction';
export const TRANSPORT_HEADER_NAME = 'X-Contact-Guard';

export interface TransportRuleOutput {
  script: string;
  rules: number;
  /** Plain words, without personal data. */
  problems: string[];
}

// PowerShell ends a single-quoted string at any of four characters, not only at ': the
// typographic ‘ ’ ‚ ‛ (U+2018–U+201B) too (CharTraits.IsSingleQuote in PowerShell's tokenizer).
// Inside the string, two of them in a row stand for the second one; nothing else is special
// there: no $, no backtick escapes, no subexpressions, and line breaks are literal text.
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * A PowerShell single-quoted string holding exactly `text`: every quote character of the four
 * kinds is doubled, so the string cannot end early whatever an address or a name holds. Data is
 * never put in a double-quoted string (those expand $ and backtick escapes).
 */
export function psQuote(text: string): string {
  return `'${text.replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Text for a `#` comment line: a comment ends at a line break, so CR and LF (the line ends
 * PowerShell's tokenizer knows) become spaces and nothing after them can become a statement; so do
 * NEL, U+2028 and U+2029, which an editor may show as a new line to the admin reading the file.
 */
export function psCommentText(text: string): string {
  return text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');
}

/**
 * The script starts with a UTF-8 byte order mark: Windows PowerShell 5.1 reads a .ps1 without
 * one in the machine's ANSI code page, where the UTF-8 bytes of a letter such as Ē (C4 92) read
 * as "Ä’" — a closing quote in the middle of an address. With the mark, 5.1 and 7 read the same
 * characters the generator wrote (docs/routing.md).
 */
export const PS1_BYTE_ORDER_MARK = '\uFEFF';

/** The UTC instant of 00:00 in Europe/London on `date`. */
export function londonMidnightUtc(date: LocalDate): string {
  return londonInstantOf(date)
    .toISOString()
    .replace(/\.000Z$/, 'Z');
}

/** A phrase as a regular expression that matches exactly its text (any case, as Exchange does). */
export function literalPattern(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a mail-flow rule can do for possibly urgent mail (there is no category action). */
export const TRANSPORT_URGENT_SUBJECT_PREFIX = '[Possibly urgent] ';

function dates(r: Restriction): string[] {
  return [
    `-ActivationDate ([datetime]::Parse(${psQuote(londonMidnightUtc(r.startDate))}).ToUniversalTime())`,
    // EndDate is the last day, inclusive: the rule expires at the start of the next day.
    `-ExpiryDate ([datetime]::Parse(${psQuote(londonMidnightUtc(addDays(r.endDate, 1)))}).ToUniversalTime())`,
  ];
}

/**
 * The companion rule for possibly urgent mail (002 §62): the same senders and an urgent phrase
 * (`-SubjectOrBodyMatchesPatterns`, each phrase as a literal, case-insensitive pattern: the same
 * substring match as the inbox rules' `bodyOrSubjectContains`) → the `Importance: High` header,
 * which Exchange maps to the message's importance when it converts it for the mailbox (MS-OXCMAIL
 * 2.2.3.2.5), and a subject prefix, since a mail-flow rule has no action that sets a category.
 */
function urgentCommand(name: string, r: Restriction, from: string[], part: string): string {
  const params = [
    `-From @(${from.map(psQuote).join(',')})`,
    `-SubjectOrBodyMatchesPatterns @(${URGENT_RULE_PHRASES.map((p) => psQuote(literalPattern(p))).join(',')})`,
    `-SetHeaderName ${psQuote('Importance')}`,
    `-SetHeaderValue ${psQuote('High')}`,
    `-PrependSubject ${psQuote(TRANSPORT_URGENT_SUBJECT_PREFIX)}`,
    ...dates(r),
    `-Comments ${psQuote(`Made by Contact Guard for restriction ${r.id}${part}: possibly urgent mail is marked high importance. Edit the restriction, not this rule: the next run overwrites it.`)}`,
  ].join(' ');
  return upsert(name, params);
}

function ruleCommand(name: string, r: Restriction, from: string[], part: string): string {
  const params = [
    `-From @(${from.map(psQuote).join(',')})`,
    `-RedirectMessageTo ${psQuote(normalizeAddress(r.spocEmail))}`,
    `-SetHeaderName ${psQuote(TRANSPORT_HEADER_NAME)}`,
    `-SetHeaderValue ${psQuote(`restriction-${r.id}`)}`,
    ...dates(r),
    `-Comments ${psQuote(`Made by Contact Guard for restriction ${r.id}${part}. Edit the restriction, not this rule: the next run overwrites it.`)}`,
  ].join(' ');
  return upsert(name, params);
}

function upsert(name: string, params: string): string {
  return [
    `if (Get-TransportRule -Identity ${psQuote(name)} -ErrorAction SilentlyContinue) {`,
    `  Set-TransportRule -Identity ${psQuote(name)} ${params}`,
    `} else {`,
    `  New-TransportRule -Name ${psQuote(name)} ${params}`,
    `}`,
  ].join('\n');
}

/**
 * PowerShell for every restriction that is in force or still to start (status Provisional, Active
 * or Extended, EndDate today or later), with the same refusals as the inbox rules (SPOC outside
 * the accepted domains; an address that is the SPOC or a protected mailbox).
 */
export function transportRuleScript(input: {
  restrictions: readonly Restriction[];
  acceptedDomains: readonly string[];
  protectedMailboxes: readonly string[];
  today: LocalDate;
  generatedAt: string;
}): TransportRuleOutput {
  const problems: string[] = [];
  const names: string[] = [];
  const blocks: string[] = [];
  const protectedSet = new Set(input.protectedMailboxes.map(normalizeAddress));
  const live = input.restrictions
    .filter((r) => ['Provisional', 'Active', 'Extended'].includes(r.status))
    .filter((r) => r.endDate !== '' && compareLocalDates(r.endDate, input.today) >= 0)
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const r of live) {
    const spoc = normalizeAddress(r.spocEmail);
    if (!isAcceptedDomain(spoc, input.acceptedDomains)) {
      problems.push(
        `Restriction ${r.id}: its single point of contact is outside the accepted domains; no rule.`,
      );
      continue;
    }
    const from = r.emails.map(normalizeAddress).filter((a) => a !== spoc && !protectedSet.has(a));
    if (from.length < r.emails.length) {
      problems.push(
        `Restriction ${r.id}: an address that is the SPOC or a protected mailbox was left out (it would loop).`,
      );
    }
    if (from.length === 0) continue;
    // Split the addresses so that each rule stays under 8 KB.
    let parts: string[][] = [from];
    for (;;) {
      // Each part: the redirect rule, then its urgent companion (same senders, same dates).
      const named = parts.flatMap((p, i) => {
        const base =
          parts.length > 1
            ? `${TRANSPORT_RULE_PREFIX} ${r.id} part ${i + 1}`
            : `${TRANSPORT_RULE_PREFIX} ${r.id}`;
        const note = parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : '';
        return [
          { name: base, text: ruleCommand(base, r, p, note) },
          { name: `${base} urgent`, text: urgentCommand(`${base} urgent`, r, p, note) },
        ];
      });
      const tooBig = named.some(
        (n) => new TextEncoder().encode(n.text).length > TRANSPORT_RULE_MAX_BYTES,
      );
      if (!tooBig || parts.every((p) => p.length === 1)) {
        for (const n of named) {
          blocks.push(n.text);
          names.push(n.name);
        }
        break;
      }
      const size = Math.ceil(from.length / (parts.length + 1));
      parts = [];
      for (let i = 0; i < from.length; i += size) parts.push(from.slice(i, i + size));
    }
  }
  if (names.length > TRANSPORT_RULES_PER_TENANT) {
    problems.push(
      `${names.length} mail-flow rules would be needed; a tenant allows ${TRANSPORT_RULES_PER_TENANT} (with the school's own). Use the inbox rules instead.`,
    );
  }
  const keep = names.map(psQuote).join(',');
  const script = [
    `${PS1_BYTE_ORDER_MARK}# Contact Guard: Exchange Online mail-flow rules, generated ${psCommentText(input.generatedAt)} for ${psCommentText(input.today)}.`,
    '# Run in Exchange Online PowerShell (Connect-ExchangeOnline) as an Exchange administrator.',
    '# It creates or updates one rule per restriction and removes Contact Guard rules no longer needed.',
    "# Changes take up to about 30 minutes to apply. This file holds parents' addresses: keep it safe and delete it after use.",
    "$ErrorActionPreference = 'Stop'",
    ...blocks,
    `$keep = @(${keep})`,
    `Get-TransportRule | Where-Object { $_.Name -like ${psQuote(`${TRANSPORT_RULE_PREFIX} *`)} -and $keep -notcontains $_.Name } | ForEach-Object { Remove-TransportRule -Identity $_.Name -Confirm:$false }`,
    '',
  ].join('\n');
  return { script, rules: names.length, problems };
}
