// A small OData $filter parser and evaluator: what SharePoint list items and messages accept here.
// eq ne lt le gt ge, and or not, parentheses, startswith(path,'x'); literals 'text' ('' escapes an
// apostrophe), numbers, true/false/null, and unquoted dates or instants.

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type Literal = string | number | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; path: string; value: Literal }
  | { kind: 'startswith'; path: string; value: string };

export class FilterSyntaxError extends Error {}

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'word'; v: string }
  | { t: '(' | ')' | ',' };

const COMPARE_OPS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const FLIPPED: Record<CompareOp, CompareOp> = {
  eq: 'eq',
  ne: 'ne',
  lt: 'gt',
  le: 'ge',
  gt: 'lt',
  ge: 'le',
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: ch });
      i++;
    } else if (ch === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FilterSyntaxError('unterminated string literal');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      out.push({ t: 'str', v });
    } else {
      const m = /^[^\s(),']+/.exec(src.slice(i));
      if (!m) throw new FilterSyntaxError(`unexpected character at position ${i}`);
      const word = m[0];
      i += word.length;
      if (/^-?\d+(\.\d+)?$/.test(word)) out.push({ t: 'num', v: Number(word) });
      else out.push({ t: 'word', v: word });
    }
  }
  return out;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length)
      throw new FilterSyntaxError('unexpected text after the expression');
    return node;
  }

  private peekWord(): string | undefined {
    const tk = this.tokens[this.pos];
    return tk?.t === 'word' ? tk.v.toLowerCase() : undefined;
  }

  private expect(t: '(' | ')' | ','): void {
    if (this.tokens[this.pos]?.t !== t) throw new FilterSyntaxError(`'${t}' expected`);
    this.pos++;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekWord() === 'or') {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.peekWord() === 'and') {
      this.pos++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.peekWord() === 'not') {
      this.pos++;
      return { kind: 'not', operand: this.unary() };
    }
    if (this.tokens[this.pos]?.t === '(') {
      this.pos++;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (this.peekWord() === 'startswith' && this.tokens[this.pos + 1]?.t === '(') {
      this.pos += 2;
      const path = this.path();
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      if (typeof value !== 'string')
        throw new FilterSyntaxError('startswith needs a string literal');
      return { kind: 'startswith', path, value };
    }
    return this.comparison();
  }

  private comparison(): FilterNode {
    const leftIsPath = this.isPathAhead();
    const left = leftIsPath ? this.path() : this.literal();
    const op = this.peekWord();
    if (!op || !COMPARE_OPS.has(op))
      throw new FilterSyntaxError('a comparison operator (eq, ne, lt, le, gt, ge) expected');
    this.pos++;
    if (leftIsPath)
      return { kind: 'compare', op: op as CompareOp, path: left as string, value: this.literal() };
    if (!this.isPathAhead()) throw new FilterSyntaxError('a comparison needs a property');
    return { kind: 'compare', op: FLIPPED[op as CompareOp], path: this.path(), value: left };
  }

  private isPathAhead(): boolean {
    const tk = this.tokens[this.pos];
    return (
      tk?.t === 'word' &&
      /^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*$/.test(tk.v) &&
      !/^(true|false|null)$/i.test(tk.v)
    );
  }

  private path(): string {
    if (!this.isPathAhead()) throw new FilterSyntaxError('a property path expected');
    const tk = this.tokens[this.pos++] as { v: string };
    return tk.v;
  }

  private literal(): Literal {
    const tk = this.tokens[this.pos++];
    if (!tk) throw new FilterSyntaxError('a value expected');
    if (tk.t === 'str' || tk.t === 'num') return tk.v;
    if (tk.t === 'word') {
      const w = tk.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
      if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/i.test(tk.v)) return tk.v;
    }
    throw new FilterSyntaxError('a value expected');
  }
}

export function parseFilter(src: string): FilterNode {
  if (!src.trim()) throw new FilterSyntaxError('the filter is empty');
  return new Parser(tokenize(src)).parse();
}

/** Every property path a filter reads. */
export function filterPaths(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(node.left), ...filterPaths(node.right)];
    case 'not':
      return filterPaths(node.operand);
    default:
      return [node.path];
  }
}

export type ValueKind = 'text' | 'number' | 'boolean' | 'dateTime';

export interface FilterSubject {
  get(path: string): unknown;
  /** How values at a path compare; text compares case-insensitively, as SharePoint does. */
  kindOf(path: string): ValueKind;
}

/** Turns a literal into a comparable value of the column's kind (dates to epoch ms). */
export type LiteralCoercer = (kind: ValueKind, value: Literal) => Literal;

function compareValues(a: Literal, b: Literal): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

export function evaluateFilter(
  node: FilterNode,
  subject: FilterSubject,
  coerce: LiteralCoercer,
): boolean {
  switch (node.kind) {
    case 'and':
      return (
        evaluateFilter(node.left, subject, coerce) && evaluateFilter(node.right, subject, coerce)
      );
    case 'or':
      return (
        evaluateFilter(node.left, subject, coerce) || evaluateFilter(node.right, subject, coerce)
      );
    case 'not':
      return !evaluateFilter(node.operand, subject, coerce);
    case 'startswith': {
      const v = subject.get(node.path);
      return typeof v === 'string' && v.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'compare': {
      const kind = subject.kindOf(node.path);
      const raw = subject.get(node.path);
      const actual = coerce(kind, raw === undefined ? null : (raw as Literal));
      const expected = coerce(kind, node.value);
      if (actual === null || expected === null) {
        const same = actual === expected;
        if (node.op === 'eq') return same;
        if (node.op === 'ne') return !same;
        return false;
      }
      const c = compareValues(actual, expected);
      switch (node.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'lt':
          return c < 0;
        case 'le':
          return c <= 0;
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
      }
    }
  }
}

export interface OrderTerm {
  path: string;
  descending: boolean;
}

export function parseOrderBy(src: string): OrderTerm[] {
  return src.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][\w]*(?:\/[A-Za-z_][\w]*)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m || !m[1]) throw new FilterSyntaxError(`cannot read $orderby term '${part.trim()}'`);
    return { path: m[1], descending: (m[2] ?? '').toLowerCase() === 'desc' };
  });
}

/** Sort comparator for $orderby; nulls first in ascending order, as SharePoint does. */
export function compareForOrder(a: Literal, b: Literal): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareValues(a, b);
}
