// Every body the provisioner can send, checked against the Graph v1.0 contract subset (the
// project's copy, dev/local-graph/contract/, with its provenance) in strict mode: the real service
// rejects unknown properties of non-open types, so the check does too.
import { validateRequestBody } from '../../../dev/local-graph/contract';
import { PROVISIONED_LISTS } from '../../../src/graph/schema/lists';
import { BUILT_IN_COLUMN_NAMES, type ListSchema } from '../../../src/graph/schema/types';

function createListBody(schema: ListSchema) {
  return {
    displayName: schema.displayName,
    description: schema.description,
    list: { template: 'genericList' },
    columns: schema.columns.filter((column) => !BUILT_IN_COLUMN_NAMES.has(column.name)),
  };
}

describe.each(PROVISIONED_LISTS.map((schema) => [schema.displayName, schema] as const))(
  'the %s list against the Graph contract',
  (_name, schema) => {
    it.each(schema.columns.map((column) => [column.name, column] as const))(
      'the %s column body is a valid POST .../columns request',
      (_column, body) => {
        expect(validateRequestBody('POST', '/sites/site-id/lists/list-id/columns', body)).toEqual(
          [],
        );
      },
    );

    it('the create-list body and the index PATCH body are valid', () => {
      expect(validateRequestBody('POST', '/sites/site-id/lists', createListBody(schema))).toEqual(
        [],
      );
      expect(
        validateRequestBody('PATCH', '/sites/site-id/lists/list-id/columns/column-id', {
          indexed: true,
        }),
      ).toEqual([]);
    });
  },
);

it('the check rejects a column body the service would reject (the check can fail)', () => {
  const [first] = PROVISIONED_LISTS[0]?.columns ?? [];
  const broken = { ...first, text: { allowMultipleLines: 'yes', colour: 'red' } };
  const problems = validateRequestBody('POST', '/sites/site-id/lists/list-id/columns', broken);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems.join('\n')).toContain("property 'colour' does not exist");
});
