// Letters: the policies' model letters as replaceable templates, filled from a case. Pure.
import type { RestrictionCase } from '../lifecycle/types';
import { renderLetter, type RenderResult } from './render';
import { DEFAULT_TEMPLATES, type LetterKind, type LetterTemplate } from './templates';
import { letterValuesFor, type LetterContext } from './values';

export * from './templates';
export * from './render';
export * from './values';
export * from './facts';
export * from './fit';
export * from './caseDeadlines';

/**
 * The letter of a kind for a case, from the school's template (or the default), as a draft for
 * the head teacher to edit and send: { subject, bodyHtml, bodyText }, or the problems found. The
 * windows it states are counted from `letterDate` (the letter's own date), never the decision's.
 */
export function letterFor(
  kind: LetterKind,
  c: RestrictionCase,
  options: LetterContext & { template?: LetterTemplate },
): RenderResult {
  return renderLetter(
    kind,
    options.template ?? DEFAULT_TEMPLATES[kind],
    letterValuesFor(c, options),
  );
}
