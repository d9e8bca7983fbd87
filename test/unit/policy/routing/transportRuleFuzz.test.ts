// Fuzz: the transport-rule PowerShell read back by a PowerShell-quoting tokenizer
// (powerShellTokens.ts). Whatever the addresses, ids and SPOC hold, every piece of data is a
// single-quoted string holding exactly that data, and the commands, parameters and statements
// are those of a script made from plain data.
import { isEmailAddress, normalizeAddress } from '../../../../src/policy/addresses';
import {
  PS1_BYTE_ORDER_MARK,
  psQuote,
  transportRuleScript,
  TRANSPORT_RULE_PREFIX,
} from '../../../../src/policy/routing';
import type { Restriction } from '../../../../src/policy/types';
import { restriction, TODAY } from '../fixtures';
import { type PsToken, PsSyntaxError, shapeOf, tokenizePowerShell } from './powerShellTokens';

const DOMAIN = 'school.example.org';

// Everything that ends, escapes or leaves a string, or starts code, in PowerShell.
const HOSTILE = [
  "'",
  '\u2018',
  '\u2019',
  '\u201A',
  '\u201B',
  "''",
  '\u2019\u2019',
  '\u201C',
  '\u201D',
  '\u201E',
  '`',
  '`n',
  '$',
  '$()',
  '$(Remove-Item x)',
  '${x}',
  '$_',
  ';',
  '; Remove-Item x;',
  '|',
  '| Out-Host',
  '&',
  '#',
  '<#',
  '#>',
  "@'",
  "'@",
  '@"',
  '{',
  '}',
  '(',
  ')',
  ',',
  '\u2028',
  '\u2029',
  '\u0085',
  ' ',
  '\t',
  'Ē', // C4 92: "Ä’" when a BOM-less file is read as Windows-1252
  'a',
  '-From',
];
const LINE_BREAKS = ['\n', '\r', '\r\n'];

/** A small deterministic generator (mulberry32), so a failure can be reproduced by its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function hostileText(next: () => number, extra: readonly string[] = []): string {
  const pool = [...HOSTILE, ...extra];
  return Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(next, pool)).join('');
}

/** An address that passes our address check, with a hostile local part (dot-atom or quoted). */
function hostileAddress(next: () => number, domain: string): string {
  for (;;) {
    const quoted = next() < 0.6;
    const local = quoted
      ? `"${hostileText(next).replace(/["\\\r\n]/g, '')}"`
      : pick(next, ["o'brien", "a'`$x", '{x}|y', "it's#", 'pay$me', "x''y"]) +
        pick(next, ['', "'", '`', '$']);
    const address = `${local}@${domain}`;
    if (isEmailAddress(normalizeAddress(address))) return address;
  }
}

function hostileRestriction(next: () => number, index: number): Restriction {
  const emails = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
    next() < 0.8
      ? hostileAddress(next, pick(next, ['parent.example.com', 'ē-mail.example']))
      : // Any string at all: the generator must quote it exactly even if no check ran.
        hostileText(next, LINE_BREAKS),
  );
  return restriction({
    id: `${index}${hostileText(next, LINE_BREAKS)}`,
    emails,
    spocEmail: hostileAddress(next, DOMAIN),
  });
}

const ALLOWED_WORDS = new Set([
  'if',
  'else',
  'Get-TransportRule',
  'Set-TransportRule',
  'New-TransportRule',
  'Remove-TransportRule',
  'Where-Object',
  'ForEach-Object',
  'SilentlyContinue',
  'datetime',
  'Parse',
  'ToUniversalTime',
  'Name',
]);
const ALLOWED_PARAMETERS = new Set([
  '-Identity',
  '-ErrorAction',
  '-Name',
  '-From',
  '-RedirectMessageTo',
  '-SetHeaderName',
  '-SetHeaderValue',
  '-SubjectOrBodyMatchesPatterns',
  '-PrependSubject',
  '-ActivationDate',
  '-ExpiryDate',
  '-Comments',
  '-like',
  '-and',
  '-notcontains',
  '-Confirm:',
]);
const ALLOWED_VARIABLES = new Set(['$ErrorActionPreference', '$keep', '$_', '$false']);

/** One rule block's data as the tokenizer reads it, by the parameter before each string. */
interface Block {
  identity: string[];
  name?: string;
  from: string[];
  redirect?: string;
  headerValue?: string;
  comments?: string;
}

function blocksOf(tokens: readonly PsToken[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let parameter = '';
  let inFrom = false;
  for (const t of tokens) {
    if (t.kind === 'word' && t.value === 'if') {
      current = { identity: [], from: [] };
      blocks.push(current);
    }
    if (t.kind === 'word' && t.value === 'Where-Object') current = undefined;
    if (t.kind === 'parameter') {
      parameter = t.name;
      inFrom = false;
    }
    if (t.kind === 'punct' && t.value === '@(' && parameter === '-From') inFrom = true;
    if (t.kind === 'punct' && t.value === ')') inFrom = false;
    if (t.kind !== 'string' || !current) continue;
    if (inFrom) {
      // Set-TransportRule and New-TransportRule carry the same list: keep one copy.
      if (current.name === undefined) current.from.push(t.value);
    } else if (parameter === '-Identity') current.identity.push(t.value);
    else if (parameter === '-Name') current.name = t.value;
    else if (parameter === '-RedirectMessageTo') current.redirect = t.value;
    else if (parameter === '-SetHeaderValue') current.headerValue = t.value;
    else if (parameter === '-Comments') current.comments = t.value;
  }
  return blocks;
}

const base = {
  acceptedDomains: [DOMAIN],
  protectedMailboxes: [`reception@${DOMAIN}`],
  today: TODAY,
};

describe('transport-rule PowerShell against hostile data (fuzz)', () => {
  // The reference shape: the same generator on plain data.
  const plain = transportRuleScript({
    ...base,
    restrictions: [restriction({ id: '1', emails: ['a@parent.example.com'] })],
    generatedAt: '2026-05-14T09:00:00Z',
  });
  const plainShape = shapeOf(tokenizePowerShell(plain.script));
  const prefix = plainShape.slice(0, plainShape.indexOf('if'));
  const suffix = plainShape.slice(plainShape.indexOf('$keep'));
  const block = plainShape.slice(plainShape.indexOf('if'), plainShape.indexOf('$keep'));

  it('reads the plain script as the commands we meant', () => {
    expect(plain.script.startsWith(PS1_BYTE_ORDER_MARK)).toBe(true);
    expect(block.join(' ')).toContain(
      'if ( Get-TransportRule -Identity S -ErrorAction SilentlyContinue ) { NL Set-TransportRule -Identity S -From @( LIST ) -RedirectMessageTo S',
    );
    expect(block.join(' ')).toContain('} else { NL New-TransportRule -Name S -From @( LIST )');
    expect(suffix.join(' ')).toContain('Remove-TransportRule -Identity $_ . Name -Confirm: $false');
  });

  const SEEDS = 300;
  it(`keeps every hostile value inside its string, exactly, over ${SEEDS} seeded scripts`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const next = random(seed);
      const restrictions = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) =>
        hostileRestriction(next, i + 1),
      );
      const generatedAt = `2026-05-14T09:00:00Z${hostileText(next, LINE_BREAKS)}`;
      const { script, rules } = transportRuleScript({ ...base, restrictions, generatedAt });
      let tokens: PsToken[];
      try {
        tokens = tokenizePowerShell(script);
      } catch (e) {
        throw new Error(`seed ${seed}: ${e instanceof Error ? e.message : 'unreadable'}`);
      }
      const context = `seed ${seed}`;
      // Nothing but single-quoted strings carries data: no expandable or here-strings at all.
      expect([
        context,
        tokens.filter(
          (t) =>
            ![
              'string',
              'comment',
              'newline',
              'semicolon',
              'pipe',
              'variable',
              'parameter',
              'word',
              'punct',
            ].includes(t.kind),
        ),
      ]).toEqual([context, []]);
      const strangers = tokens.filter(
        (t) =>
          (t.kind === 'word' && !ALLOWED_WORDS.has(t.value)) ||
          (t.kind === 'parameter' && !ALLOWED_PARAMETERS.has(t.name)) ||
          (t.kind === 'variable' && !ALLOWED_VARIABLES.has(t.name)),
      );
      expect([context, strangers]).toEqual([context, []]);
      // The shape: the plain prefix, one identical block per rule, the plain suffix.
      const shape = shapeOf(tokens);
      // Each part is two rules, the redirect and its urgent companion: the plain script's pair.
      const expected = [
        ...prefix,
        ...Array.from({ length: rules / 2 }, () => block).flat(),
        ...suffix,
      ];
      if (rules === 0) expected.splice(expected.indexOf('LIST', prefix.length), 1);
      expect([context, shape.join(' ')]).toEqual([context, expected.join(' ')]);
      // The comments: four, on their own lines, the hostile time inside the first.
      const comments = tokens.filter(
        (t): t is Extract<PsToken, { kind: 'comment' }> => t.kind === 'comment',
      );
      expect([context, comments.length]).toEqual([context, 4]);
      expect(comments.some((c) => /[\u0085\u2028\u2029]/.test(c.value))).toBe(false);
      // The data: each restriction's rules carry exactly its addresses, SPOC, name and id.
      const blocks = blocksOf(tokens);
      expect([context, blocks.length]).toEqual([context, rules]);
      for (const r of restrictions) {
        const spoc = normalizeAddress(r.spocEmail);
        const mine = blocks.filter((b) => b.headerValue === `restriction-${r.id}`);
        const want = r.emails
          .map(normalizeAddress)
          .filter((a) => a !== spoc && a !== `reception@${DOMAIN}`);
        expect([context, mine.flatMap((b) => b.from)]).toEqual([context, want]);
        mine.forEach((b, i) => {
          const name =
            mine.length > 1
              ? `${TRANSPORT_RULE_PREFIX} ${r.id} part ${i + 1}`
              : `${TRANSPORT_RULE_PREFIX} ${r.id}`;
          expect([context, b.identity, b.name, b.redirect]).toEqual([
            context,
            [name, name],
            name,
            spoc,
          ]);
          expect(b.comments).toContain(`restriction ${r.id}`);
          // Its urgent companion: the same senders, under its own name.
          const urgent = blocks.find((u) => u.name === `${name} urgent`);
          expect([context, urgent?.identity, urgent?.from]).toEqual([
            context,
            [`${name} urgent`, `${name} urgent`],
            b.from,
          ]);
        });
      }
    }
  });

  it('would catch a quoting that doubles only the ASCII quote', () => {
    const asciiOnly = (text: string) => `'${text.replace(/'/g, "''")}'`;
    const hostile = 'x\u2019; Remove-Item x; \u2019';
    const naive = tokenizePowerShell(`New-TransportRule -Name ${asciiOnly(hostile)}`);
    expect(naive.some((t) => t.kind === 'word' && t.value === 'Remove-Item')).toBe(true);
    const safe = tokenizePowerShell(`New-TransportRule -Name ${psQuote(hostile)}`);
    expect(safe).toEqual([
      { kind: 'word', value: 'New-TransportRule' },
      { kind: 'parameter', name: '-Name' },
      { kind: 'string', value: hostile },
    ]);
  });

  it('reads every quote kind, doubled, back as itself, and refuses an unterminated string', () => {
    for (const q of ["'", '\u2018', '\u2019', '\u201A', '\u201B']) {
      expect(tokenizePowerShell(psQuote(`a${q}b${q}${q}c`))).toEqual([
        { kind: 'string', value: `a${q}b${q}${q}c` },
      ]);
    }
    expect(() => tokenizePowerShell("'a")).toThrow(PsSyntaxError);
    expect(tokenizePowerShell('"a$(b)"')).toEqual([
      { kind: 'expandable', value: 'a$(b)', code: true },
    ]);
  });
});
