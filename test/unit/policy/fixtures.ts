// Builders for policy tests: a valid restriction or list item unless a test says otherwise.
import type { Restriction } from '../../../src/policy/types';

export const TODAY = '2026-05-14';

export function restriction(overrides: Partial<Restriction> = {}): Restriction {
  return {
    id: '1',
    personName: "Mary O'Brien",
    emails: ["o'brien@school-parent.org"],
    status: 'Active',
    startDate: '2026-03-01',
    endDate: '2026-08-31',
    reviewDate: '2026-06-01',
    handling: 'ForwardAndFile',
    spocName: 'Head Teacher',
    spocEmail: 'head@school.example.org',
    allowedContact: 'Email to the head teacher only',
    staffGuidance: 'Do not reply; the email is forwarded automatically.',
    emergencyNote: 'In an emergency the parent may phone the office.',
    ...overrides,
  };
}

/** A list item as Graph returns it, dates as SharePoint sends date-only columns. */
export function listItem(
  fieldOverrides: Record<string, unknown> = {},
  id = '7',
): { id: string; fields: Record<string, unknown> } {
  return {
    id,
    fields: {
      Title: "Mary O'Brien",
      Emails: "o'brien@school-parent.org\nMary.OBrien@Example.com",
      Status: 'Active',
      StartDate: '2026-02-28T00:00:00Z',
      EndDate: '2026-08-30T23:00:00Z',
      ReviewDate: '2026-05-31T23:00:00Z',
      Handling: 'Forward',
      SpocName: 'Head Teacher',
      SpocEmail: 'Head@School.example.org',
      AllowedContact: ' Email only ',
      StaffGuidance: 'Do not reply.',
      EmergencyNote: 'Phone the office in an emergency.',
      ...fieldOverrides,
    },
  };
}

/** Values that must never make a policy function throw. */
export const GARBAGE: unknown[] = [
  undefined,
  null,
  0,
  -1,
  NaN,
  true,
  '',
  '   ',
  '@',
  '<>',
  'mailto:',
  '\u0000\uFFFF',
  '😀@😀',
  'a'.repeat(10_000),
  '2026-13-45',
  {},
  [],
  [null, 1, {}],
  new Date(NaN),
  { address: 42 },
  Symbol('x'),
  () => 'x',
];

/**
 * GARBAGE for `it.each`, each with a printable name: a Symbol cannot be put in a test title by
 * every runner (Vitest, which runs these tests for mutation testing, throws on `%p` of a Symbol).
 */
export const GARBAGE_CASES: [string, unknown][] = GARBAGE.map((value) => [
  typeof value === 'symbol' || typeof value === 'function'
    ? `a ${typeof value}`
    : typeof value === 'string' && value.length > 40
      ? `a ${value.length}-character string`
      : (JSON.stringify(value) ?? String(value)),
  value,
]);
