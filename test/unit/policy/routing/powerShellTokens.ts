// A reader of PowerShell's quoting, for tests: it splits a script into tokens the way PowerShell's
// tokenizer does for everything that decides where data ends and code begins, and refuses
// (throws) anything it does not know, so a script it reads is one it understood.
//
// Modelled on PowerShell's own tokenizer (System.Management.Automation/engine/parser/tokenizer.cs
// and CharTraits.cs) and about_Quoting_Rules:
// - single-quoted strings start and end at any of ' ‘ ’ ‚ ‛ (U+0027, U+2018–U+201B); two of them
//   in a row stand for the second; nothing else is special inside (no $, no backtick, line
//   breaks are text);
// - double-quoted strings start and end at any of " “ ” „ (U+0022, U+201C–U+201E); a backtick
//   escapes the next character, two quote characters in a row stand for one, `$(` opens a
//   subexpression (code) and `$name` a variable: both are marked, never read as data;
// - here-strings `@'`/`@"` followed by a line break, ending at a line starting with `'@`/`"@`;
// - `#` comments end at CR or LF; `<#` comments end at `#>`;
// - statements end at `;`, CR or LF; other Unicode separators (U+2028/9 included) are blanks.
export type PsToken =
  | { kind: 'string'; value: string }
  | { kind: 'expandable'; value: string; code: boolean }
  | { kind: 'hereString'; value: string; expandable: boolean }
  | { kind: 'comment'; value: string }
  | { kind: 'newline' }
  | { kind: 'semicolon' }
  | { kind: 'pipe' }
  | { kind: 'variable'; name: string }
  | { kind: 'parameter'; name: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string };

const SINGLE = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const DOUBLE = new Set(['"', '\u201C', '\u201D', '\u201E']);
const WORD = /[\p{L}\p{N}_-]/u;
const BLANK = /[\t\v\f \u00A0\u0085\p{Zs}\u2028\u2029]/u;

export class PsSyntaxError extends Error {}

export function tokenizePowerShell(script: string): PsToken[] {
  const tokens: PsToken[] = [];
  // The byte order mark tells PowerShell the file's encoding; it is not part of the text.
  let i = script.startsWith('\uFEFF') ? 1 : 0;
  const at = (k: number) => script[k] ?? '';
  while (i < script.length) {
    const c = at(i);
    if (c === '\r' || c === '\n') {
      tokens.push({ kind: 'newline' });
      i += c === '\r' && at(i + 1) === '\n' ? 2 : 1;
    } else if (BLANK.test(c)) {
      i += 1;
    } else if (c === '<' && at(i + 1) === '#') {
      const end = script.indexOf('#>', i + 2);
      if (end < 0) throw new PsSyntaxError('unterminated block comment');
      tokens.push({ kind: 'comment', value: script.slice(i + 2, end) });
      i = end + 2;
    } else if (c === '#') {
      let j = i + 1;
      while (j < script.length && at(j) !== '\r' && at(j) !== '\n') j += 1;
      tokens.push({ kind: 'comment', value: script.slice(i + 1, j) });
      i = j;
    } else if (c === '@' && (SINGLE.has(at(i + 1)) || DOUBLE.has(at(i + 1)))) {
      const expandable = DOUBLE.has(at(i + 1));
      let j = i + 2;
      while (BLANK.test(at(j))) j += 1;
      if (at(j) !== '\r' && at(j) !== '\n') throw new PsSyntaxError('here-string header');
      const lines = script.slice(j).split(/\r\n|\r|\n/);
      let consumed = j;
      let value: string | undefined;
      const body: string[] = [];
      for (let k = 1; k < lines.length; k++) {
        const line = lines[k] ?? '';
        const closer = expandable ? DOUBLE : SINGLE;
        if (closer.has(line[0] ?? '') && line[1] === '@') {
          value = body.join('\n');
          consumed = script.indexOf(line, consumed) + 2;
          break;
        }
        body.push(line);
      }
      if (value === undefined) throw new PsSyntaxError('unterminated here-string');
      tokens.push({ kind: 'hereString', value, expandable });
      i = consumed;
    } else if (SINGLE.has(c)) {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= script.length) throw new PsSyntaxError('unterminated single-quoted string');
        const d = at(j);
        if (SINGLE.has(d)) {
          if (!SINGLE.has(at(j + 1))) break;
          value += at(j + 1);
          j += 2;
        } else {
          value += d;
          j += 1;
        }
      }
      tokens.push({ kind: 'string', value });
      i = j + 1;
    } else if (DOUBLE.has(c)) {
      let j = i + 1;
      let value = '';
      let code = false;
      for (;;) {
        if (j >= script.length) throw new PsSyntaxError('unterminated double-quoted string');
        const d = at(j);
        if (d === '`') {
          value += at(j + 1);
          j += 2;
        } else if (DOUBLE.has(d)) {
          if (!DOUBLE.has(at(j + 1))) break;
          value += at(j + 1);
          j += 2;
        } else {
          if (d === '$' && /[({\p{L}_?:$^]/u.test(at(j + 1))) code = true;
          value += d;
          j += 1;
        }
      }
      tokens.push({ kind: 'expandable', value, code });
      i = j + 1;
    } else if (c === ';') {
      tokens.push({ kind: 'semicolon' });
      i += 1;
    } else if (c === '|') {
      tokens.push({ kind: 'pipe' });
      i += 1;
    } else if (c === '$') {
      const m = /^\$(?:[\p{L}\p{N}_]+|[_?^$])/u.exec(script.slice(i));
      if (!m) throw new PsSyntaxError(`unexpected $ at ${i}`);
      tokens.push({ kind: 'variable', name: m[0] });
      i += m[0].length;
    } else if (c === '-' && /\p{L}/u.test(at(i + 1))) {
      const m = /^-[\p{L}\p{N}_]+:?/u.exec(script.slice(i));
      tokens.push({ kind: 'parameter', name: m?.[0] ?? '-' });
      i += m?.[0].length ?? 1;
    } else if (c === '@' && at(i + 1) === '(') {
      tokens.push({ kind: 'punct', value: '@(' });
      i += 2;
    } else if (c === ':' && at(i + 1) === ':') {
      tokens.push({ kind: 'punct', value: '::' });
      i += 2;
    } else if ('(){}[],=.'.includes(c)) {
      // `.` is member access here (`$_.Name`, `).ToUniversalTime()`): the script has no numbers.
      tokens.push({ kind: 'punct', value: c });
      i += 1;
    } else if (WORD.test(c)) {
      let j = i;
      while (j < script.length && WORD.test(at(j))) j += 1;
      tokens.push({ kind: 'word', value: script.slice(i, j) });
      i = j;
    } else {
      throw new PsSyntaxError(`unexpected character U+${c.codePointAt(0)?.toString(16)} at ${i}`);
    }
  }
  return tokens;
}

/**
 * The script's shape: every token, with each single-quoted string shown as S and each
 * comma-separated run of them as LIST, so two scripts with the same commands, parameters and
 * statements have the same shape whatever their data.
 */
export function shapeOf(tokens: readonly PsToken[]): string[] {
  const shape: string[] = [];
  for (const t of tokens) {
    const text =
      t.kind === 'string'
        ? 'S'
        : t.kind === 'comment'
          ? '#'
          : t.kind === 'newline'
            ? 'NL'
            : t.kind === 'semicolon'
              ? ';'
              : t.kind === 'pipe'
                ? '|'
                : t.kind === 'variable'
                  ? t.name
                  : t.kind === 'parameter'
                    ? t.name
                    : t.kind === 'word' || t.kind === 'punct'
                      ? t.value
                      : `<${t.kind}>`;
    // S , S , S … → LIST
    if (text === 'S' && shape.at(-1) === ',' && ['S', 'LIST'].includes(shape.at(-2) ?? '')) {
      shape.splice(-2, 2, 'LIST');
    } else if (text === 'S' && shape.at(-1) === '@(') {
      shape.push('LIST');
    } else {
      shape.push(text);
    }
  }
  return shape;
}
