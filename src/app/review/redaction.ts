// What the chronology's one redactor needs to know beyond its lines (issue 10, item 8): who the
// data subject is (kept) and the staff names the review knows that no line lists (the SPOC). The
// screen and the CSV export both build their redactor from this, so they withhold the same names.
import type { ChronologyRedaction } from '../../policy/chronology';
import type { Chronology } from './types';

export function chronologyRedaction(
  c: Pick<Chronology, 'personKey' | 'personName' | 'personEmails' | 'otherStaffNames'>,
): ChronologyRedaction {
  const emails = c.personEmails ?? (c.personKey.includes('@') ? [c.personKey] : []);
  return {
    ...(c.personName ? { personName: c.personName } : {}),
    personEmails: emails,
    extraNames: c.otherStaffNames ?? [],
  };
}
