// Letters: the policies' model letters as replaceable templates, filled from a case. Pure.
import type { RestrictionCase } from '../lifecycle/types';
import type { LocalDate } from '../types';
import { renderLetter, type RenderResult } from './render';
import { DEFAULT_TEMPLATES, type LetterKind, type LetterTemplate } from './templates';
import { letterValuesFor, type LetterSchool } from './values';

export * from './templates';
export * from './render';
export * from './values';

/**
 * The letter of a kind for a case, from the school's template (or the default), as a draft for
 * the head teacher to edit and send: { subject, bodyHtml, bodyText }, or the problems found.
 */
export function letterFor(
  kind: LetterKind,
  c: RestrictionCase,
  options: { letterDate: LocalDate; school: LetterSchool; template?: LetterTemplate },
): RenderResult {
  return renderLetter(
    kind,
    options.template ?? DEFAULT_TEMPLATES[kind],
    letterValuesFor(c, options.letterDate, options.school),
  );
}
