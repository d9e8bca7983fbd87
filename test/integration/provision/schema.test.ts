// The Contact Restrictions list as DOMAIN.md defines it: internal names are a public contract.

import { contactRestrictionsList } from '../../../src/graph/schema/contactRestrictionsList';
import { HANDLINGS, RESTRICTION_STATUSES } from '../../../src/policy/types';
import { columnTypeOf, type ColumnSpec } from '../../../src/graph/schema/types';

function column(name: string): ColumnSpec {
  const found = contactRestrictionsList.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

describe('Contact Restrictions schema', () => {
  it('has exactly the contract columns, in order', () => {
    expect(contactRestrictionsList.displayName).toBe('Contact Restrictions');
    expect(contactRestrictionsList.columns.map((c) => c.name)).toEqual([
      'Title',
      'Emails',
      'Status',
      'StartDate',
      'EndDate',
      'ReviewDate',
      'Handling',
      'SpocName',
      'SpocEmail',
      'AllowedContact',
      'StaffGuidance',
      'EmergencyNote',
    ]);
  });

  it('gives each column the type DOMAIN.md names', () => {
    const types = Object.fromEntries(
      contactRestrictionsList.columns.map((c) => [
        c.name,
        'text' in c ? (c.text.allowMultipleLines ? 'multi-line text' : 'text') : columnTypeOf(c),
      ]),
    );
    expect(types).toEqual({
      Title: 'text',
      Emails: 'multi-line text',
      Status: 'choice',
      StartDate: 'dateTime',
      EndDate: 'dateTime',
      ReviewDate: 'dateTime',
      Handling: 'choice',
      SpocName: 'text',
      SpocEmail: 'text',
      AllowedContact: 'multi-line text',
      StaffGuidance: 'multi-line text',
      EmergencyNote: 'multi-line text',
    });
  });

  it('indexes only Status, the column the add-in filters on', () => {
    expect(contactRestrictionsList.columns.filter((c) => c.indexed).map((c) => c.name)).toEqual([
      'Status',
    ]);
  });

  it('offers exactly the statuses and handlings the domain types know, and no free text', () => {
    const status = column('Status');
    const handling = column('Handling');
    expect('choice' in status && status.choice).toMatchObject({
      choices: [...RESTRICTION_STATUSES],
      allowTextEntry: false,
    });
    expect('choice' in handling && handling.choice).toMatchObject({
      choices: [...HANDLINGS],
      allowTextEntry: false,
    });
  });

  it('stores dates as date only and multi-line text as plain text', () => {
    for (const name of ['StartDate', 'EndDate', 'ReviewDate']) {
      const c = column(name);
      expect('dateTime' in c && c.dateTime.format).toBe('dateOnly');
    }
    for (const c of contactRestrictionsList.columns) {
      if ('text' in c && c.text.allowMultipleLines) expect(c.text.textType).toBe('plain');
    }
  });

  it('requires what a restriction cannot be applied without', () => {
    const required = contactRestrictionsList.columns.filter((c) => c.required).map((c) => c.name);
    expect(required).toEqual([
      'Title',
      'Emails',
      'Status',
      'StartDate',
      'EndDate',
      'Handling',
      'SpocEmail',
    ]);
  });
});
