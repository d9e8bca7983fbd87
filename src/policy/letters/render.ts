// Fills a letter template. Every value inserted in the HTML is escaped; the template's own words
// are text too (a school's wording is never HTML). An unknown or malformed placeholder, a required
// one the template lacks, or a value that is missing is reported: a letter never goes out with
// "{x}" in it.
import {
  PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  SAID_WHEN_KNOWN,
  type LetterKind,
  type LetterTemplate,
  type Placeholder,
} from './templates';
import { fitToSlot, nameWords, withoutRepeatedSentences } from './fit';

export type LetterValues = Partial<Record<Placeholder, string | readonly string[]>>;

export interface Letter {
  subject: string;
  bodyHtml: string;
  bodyText: string;
}

export type RenderResult = { ok: true; letter: Letter } | { ok: false; problems: string[] };

const TOKEN = /\{\{\s*([A-Za-z][A-Za-z0-9]*)(\?)?\s*\}\}/g;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function isKnown(name: string): name is Placeholder {
  return Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
}

function tokensOf(text: string): { name: string; optional: boolean }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ name: m[1]!, optional: m[2] === '?' }));
}

/** Problems with a template a school wrote, before any value is filled in. */
export function checkTemplate(kind: LetterKind, template: LetterTemplate): string[] {
  const problems: string[] = [];
  for (const [part, text] of [
    ['subject', template.subject],
    ['body', template.body],
  ] as const) {
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`The ${part} is empty.`);
      continue;
    }
    for (const { name } of tokensOf(text)) {
      if (!isKnown(name)) problems.push(`{{${name}}} is not a placeholder this letter can fill.`);
    }
    const leftover = text.replace(TOKEN, '');
    if (/[{}]/.test(leftover))
      problems.push(`The ${part} has a "{" or "}" that is not part of a {{placeholder}}.`);
  }
  const used = new Set(
    tokensOf(`${template.subject ?? ''}\n${template.body ?? ''}`).map((t) => t.name),
  );
  for (const name of REQUIRED_PLACEHOLDERS[kind]) {
    if (!used.has(name))
      problems.push(`The letter must include {{${name}}} (${PLACEHOLDERS[name].toLowerCase()}).`);
  }
  return [...new Set(problems)];
}

function valueOf(values: LetterValues, name: Placeholder): string[] | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const list = (typeof value === 'string' ? [value] : [...value])
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return list.length ? list : undefined;
}

interface Block {
  kind: 'paragraph' | 'list';
  lines: string[];
}

/** Fills one paragraph; a paragraph that is a lone list placeholder becomes a list. */
function fillParagraph(
  paragraph: string,
  values: LetterValues,
  problems: string[],
): Block | undefined {
  const tokens = tokensOf(paragraph);
  if (tokens.some((t) => t.optional && isKnown(t.name) && valueOf(values, t.name) === undefined))
    return undefined;
  const lone = /^\s*\{\{\s*([A-Za-z][A-Za-z0-9]*)\??\s*\}\}\s*$/.exec(paragraph);
  if (lone && isKnown(lone[1]!)) {
    const list = valueOf(values, lone[1] as Placeholder);
    if (list === undefined) {
      problems.push(
        `There is nothing to fill {{${lone[1]}}} (${PLACEHOLDERS[lone[1] as Placeholder].toLowerCase()}).`,
      );
      return undefined;
    }
    return list.length > 1 || lone[1] === 'terms'
      ? { kind: 'list', lines: list }
      : { kind: 'paragraph', lines: list[0]!.split('\n') };
  }
  // Filled left to right, so each value is fitted to the words already before it (fit.ts).
  const names = nameWords(NAME_PLACEHOLDERS.flatMap((n) => valueOf(values, n) ?? []));
  let text = '';
  let from = 0;
  for (const m of paragraph.matchAll(TOKEN)) {
    text += paragraph.slice(from, m.index);
    from = m.index + m[0].length;
    const name = m[1]!;
    if (!isKnown(name)) continue;
    const list = valueOf(values, name);
    if (list === undefined) {
      problems.push(`There is nothing to fill {{${name}}} (${PLACEHOLDERS[name].toLowerCase()}).`);
      continue;
    }
    const lineStart = text.lastIndexOf('\n') + 1;
    const fitted = fitToSlot(
      list.join('; '),
      { before: text.slice(lineStart), after: paragraph.slice(from) },
      names,
      !NAME_PLACEHOLDERS.includes(name),
    );
    text += fitted.text;
    from += fitted.consumed;
  }
  text += paragraph.slice(from);
  return { kind: 'paragraph', lines: text.split('\n').map((l) => l.trimEnd()) };
}

/** Placeholders that hold a name: never re-cased, and their words are kept capitalised elsewhere. */
const NAME_PLACEHOLDERS: readonly Placeholder[] = [
  'personName',
  'headTeacherName',
  'chairName',
  'spocName',
  'schoolName',
];

/**
 * The letter from a template and its values, or every problem found. Values are plain text: they
 * are escaped in the HTML, and a value's own braces are kept as written (they are not placeholders).
 */
export function renderLetter(
  kind: LetterKind,
  template: LetterTemplate,
  values: LetterValues,
): RenderResult {
  const problems = checkTemplate(kind, template);
  const used = new Set(tokensOf(`${template.subject}\n${template.body}`).map((t) => t.name));
  for (const name of SAID_WHEN_KNOWN) {
    if (valueOf(values, name) !== undefined && !used.has(name))
      problems.push(
        `The letter must include {{${name}}} (${PLACEHOLDERS[name].toLowerCase()}): this case has one.`,
      );
  }
  if (problems.length) return { ok: false, problems };
  const subjectBlock = fillParagraph(
    template.subject.replace(/\s+/g, ' ').trim(),
    values,
    problems,
  );
  const filled = template.body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => fillParagraph(p, values, problems))
    .filter((b): b is Block => b !== undefined);
  if (problems.length) return { ok: false, problems: [...new Set(problems)] };
  // A sentence already said (the same text typed into two boxes) is said once (fit.ts).
  const said = new Set<string>();
  const blocks = filled
    .map((b) =>
      b.kind === 'paragraph' ? { ...b, lines: withoutRepeatedSentences(b.lines, said) } : b,
    )
    .filter((b) => b.lines.length > 0);
  const subject = (subjectBlock?.lines ?? []).join(' ').trim();
  const bodyText = blocks
    .map((b) => (b.kind === 'list' ? b.lines.map((l) => `- ${l}`).join('\n') : b.lines.join('\n')))
    .join('\n\n');
  const bodyHtml = blocks
    .map((b) =>
      b.kind === 'list'
        ? `<ul>${b.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
        : `<p>${b.lines.map(escapeHtml).join('<br>')}</p>`,
    )
    .join('\n');
  return { ok: true, letter: { subject, bodyText, bodyHtml } };
}
