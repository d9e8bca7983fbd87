// Brings a SharePoint list into line with its schema, additively. Schools keep their own data and
// customisations in these lists, so provisioning only ever creates the list, adds missing
// columns and turns on indexing: it never deletes a column, never changes a column's type and
// never reads or writes items. A column that differs from the schema is reported, not repaired:
// changing it is a migration, decided by a person. Running it twice changes nothing.

import { toGraphAccessError } from '../../src/graph/errors';
import {
  type CallOptions,
  type GraphCalls,
  type GraphClientOrCalls,
  graphCallsOf,
} from '../../src/graph/graphCalls';
import { describeGraphError, pathSegment, statusOf } from './graphRequests';
import {
  BUILT_IN_COLUMN_NAMES,
  columnTypeOf,
  type ColumnSpec,
  type ColumnTypeFacet,
  type ListSchema,
} from '../../src/graph/schema/types';

export interface SiteRef {
  /** e.g. oakfield.sharepoint.com */
  hostname: string;
  /** Server-relative path, e.g. /sites/ContactGuard */
  sitePath: string;
}

export interface ProvisionReport {
  listCreated: boolean;
  /** Internal names of the columns this run created. */
  columnsAdded: string[];
  /** Internal names of existing columns this run indexed. */
  columnsIndexed: string[];
  /** Differences left for a person to decide on (never repaired automatically). */
  warnings: string[];
  siteId: string;
  listId: string;
}

/** A failure worth showing as it is: plain words, no tokens, no personal data. */
export class ProvisionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProvisionError';
  }
}

/** The parts of a Graph columnDefinition the provisioner reads. */
interface ExistingColumn {
  id?: string;
  name?: string;
  displayName?: string;
  indexed?: boolean | null;
  required?: boolean | null;
  text?: { allowMultipleLines?: boolean | null } | null;
  choice?: { choices?: (string | null)[] | null } | null;
  dateTime?: { format?: string | null } | null;
}

interface ExistingList {
  id: string;
  displayName?: string;
}

export async function provisionList(
  client: GraphClientOrCalls,
  siteRef: SiteRef,
  schema: ListSchema,
  log: (line: string) => void,
): Promise<ProvisionReport> {
  const calls = graphCallsOf(client);
  const siteId = await resolveSiteId(calls, siteRef);
  log(`Site ${siteRef.hostname}:${siteRef.sitePath} has id ${siteId}`);

  const report: ProvisionReport = {
    listCreated: false,
    columnsAdded: [],
    columnsIndexed: [],
    warnings: [],
    siteId,
    listId: '',
  };

  let list = await findList(calls, siteId, schema.displayName);
  if (list) {
    log(`List "${schema.displayName}" exists (id ${list.id})`);
  } else {
    list = await createList(calls, siteId, schema, report);
    log(
      `Created list "${schema.displayName}" (id ${list.id}) with ${report.columnsAdded.length} columns`,
    );
  }
  report.listId = list.id;

  // Also run after creating: it confirms what the service made of the new list's columns.
  await reconcileColumns(calls, `${listPath(siteId, list.id)}/columns`, schema, report, log);
  return report;
}

async function resolveSiteId(calls: GraphCalls, { hostname, sitePath }: SiteRef): Promise<string> {
  if (!/^[A-Za-z0-9.-]+$/.test(hostname)) {
    throw new ProvisionError(`Not a SharePoint host name: "${hostname}"`);
  }
  if (!sitePath.startsWith('/')) {
    throw new ProvisionError(`The site path must start with "/", e.g. /sites/ContactGuard`);
  }
  const encodedPath = sitePath.split('/').map(pathSegment).join('/');
  const where = `${hostname}:${sitePath}`;
  try {
    const site = await calls.get<{ id?: string }>(`/sites/${hostname}:${encodedPath}`);
    if (!site.id) throw new ProvisionError(`The site ${where} was returned without an id`);
    return site.id;
  } catch (error) {
    throw failure(error, `find the site ${where}`, {
      404: `No site at ${where}: check the host name and the site path`,
    });
  }
}

async function findList(
  calls: GraphCalls,
  siteId: string,
  displayName: string,
): Promise<ExistingList | undefined> {
  // Read every list and compare here rather than $filter on displayName: it needs no quoting of
  // apostrophes, and SharePoint treats list titles as equal whatever their case.
  try {
    const lists = await calls.all<ExistingList>(
      `/sites/${pathSegment(siteId)}/lists?$select=id,displayName`,
    );
    const wanted = displayName.toLowerCase();
    return lists.find((list) => list.displayName?.toLowerCase() === wanted);
  } catch (error) {
    throw failure(error, 'read the lists of the site');
  }
}

async function createList(
  calls: GraphCalls,
  siteId: string,
  schema: ListSchema,
  report: ProvisionReport,
): Promise<ExistingList> {
  const columns = schema.columns.filter((column) => !BUILT_IN_COLUMN_NAMES.has(column.name));
  try {
    const created = await calls.post<Partial<ExistingList>>(
      `/sites/${pathSegment(siteId)}/lists`,
      {
        displayName: schema.displayName,
        description: schema.description,
        list: { template: 'genericList' },
        columns,
      },
      retrySafe,
    );
    if (!created.id) throw new ProvisionError(`The new list was returned without an id`);
    report.listCreated = true;
    report.columnsAdded.push(...columns.map((column) => column.name));
    return { id: created.id, displayName: schema.displayName };
  } catch (error) {
    // A retried POST may have created the list already: SharePoint refuses the duplicate.
    const existing = isConflict(error)
      ? await findList(calls, siteId, schema.displayName)
      : undefined;
    if (existing) return existing;
    throw failure(error, `create the list "${schema.displayName}"`);
  }
}

async function reconcileColumns(
  calls: GraphCalls,
  columnsPath: string,
  schema: ListSchema,
  report: ProvisionReport,
  log: (line: string) => void,
): Promise<void> {
  const existing = await readColumns(calls, columnsPath);
  for (const spec of schema.columns) {
    const exact = existing.find((column) => column.name === spec.name);
    if (!exact) {
      const sameNameOtherCase = existing.find(
        (column) => column.name?.toLowerCase() === spec.name.toLowerCase(),
      );
      if (sameNameOtherCase) {
        report.warnings.push(
          `Column "${spec.name}" exists as "${sameNameOtherCase.name}": internal names must match ` +
            'exactly; left unchanged (fix it with a migration)',
        );
        continue;
      }
      await addColumn(calls, columnsPath, spec);
      report.columnsAdded.push(spec.name);
      log(`Added column ${spec.name}`);
      continue;
    }

    const differences = compareColumn(spec, exact);
    report.warnings.push(...differences.warnings);
    if (differences.typeDiffers) continue; // a column of another type is left entirely alone

    if (spec.indexed && exact.indexed !== true) {
      await indexColumn(calls, columnsPath, exact);
      report.columnsIndexed.push(spec.name);
      log(`Indexed column ${spec.name}`);
    }
  }
}

async function readColumns(calls: GraphCalls, columnsPath: string): Promise<ExistingColumn[]> {
  try {
    return await calls.all<ExistingColumn>(columnsPath);
  } catch (error) {
    throw failure(error, 'read the columns of the list');
  }
}

async function addColumn(calls: GraphCalls, columnsPath: string, spec: ColumnSpec): Promise<void> {
  try {
    await calls.post(columnsPath, spec, retrySafe);
  } catch (error) {
    // A retried POST may have added the column already: SharePoint refuses the duplicate.
    if (isConflict(error)) {
      const columns = await readColumns(calls, columnsPath);
      if (columns.some((column) => column.name === spec.name)) return;
    }
    throw failure(error, `add the column ${spec.name}`);
  }
}

async function indexColumn(
  calls: GraphCalls,
  columnsPath: string,
  column: ExistingColumn,
): Promise<void> {
  if (!column.id) throw new ProvisionError(`The column ${column.name ?? ''} has no id to update`);
  try {
    // Only `indexed` is sent, so nothing else about the column can change.
    await calls.patch(`${columnsPath}/${pathSegment(column.id)}`, { indexed: true }, retrySafe);
  } catch (error) {
    throw failure(error, `index the column ${column.name ?? column.id}`, {
      400: `Could not index the column ${column.name ?? column.id} (SharePoint allows at most 20 indexed columns per list)`,
    });
  }
}

interface ColumnDifferences {
  typeDiffers: boolean;
  warnings: string[];
}

/** What differs between an existing column and its spec, in words an admin can act on. */
export function compareColumn(spec: ColumnSpec, existing: ExistingColumn): ColumnDifferences {
  const wantedType = describeType(spec, columnTypeOf(spec));
  const actualType = describeType(existing, columnTypeOf(existing));
  if (wantedType !== actualType) {
    return {
      typeDiffers: true,
      warnings: [
        `Column ${spec.name} is ${actualType} in the list but ${wantedType} in the schema; ` +
          'left unchanged (change it only with a migration)',
      ],
    };
  }

  const warnings: string[] = [];
  if ('choice' in spec && existing.choice) {
    const present = new Set(existing.choice.choices ?? []);
    const missing = spec.choice.choices.filter((choice) => !present.has(choice));
    if (missing.length > 0) {
      warnings.push(
        `Column ${spec.name} lacks the choices ${missing.join(', ')}; left unchanged ` +
          '(add them in SharePoint or with a migration)',
      );
    }
  }
  if (
    'dateTime' in spec &&
    existing.dateTime?.format &&
    existing.dateTime.format !== spec.dateTime.format
  ) {
    warnings.push(
      `Column ${spec.name} has format ${existing.dateTime.format}, the schema says ${spec.dateTime.format}; left unchanged`,
    );
  }
  if (spec.required === true && existing.required === false) {
    warnings.push(
      `Column ${spec.name} is optional in the list but required in the schema; left unchanged ` +
        "(SharePoint's forms accept items without a value)",
    );
  }
  return { typeDiffers: false, warnings };
}

/** Single and multiple lines of text are different SharePoint field types (Text and Note). */
function describeType(
  column: ExistingColumn | ColumnSpec,
  facet: ColumnTypeFacet | undefined,
): string {
  if (facet === undefined) return 'of an unknown type';
  if (facet === 'text') {
    const multi = (column as ExistingColumn).text?.allowMultipleLines === true;
    return multi ? 'multi-line text' : 'single-line text';
  }
  return facet;
}

/**
 * Provisioning writes are safe to retry: a repeated list or column POST is refused as a duplicate
 * name (handled above), and setting `indexed: true` twice is the same as once.
 */
const retrySafe: CallOptions = { idempotent: true };

function listPath(siteId: string, listId: string): string {
  return `/sites/${pathSegment(siteId)}/lists/${pathSegment(listId)}`;
}

function isConflict(error: unknown): boolean {
  // SharePoint answers a duplicate name with 409 (lists) or 400 "duplicate field name" (columns).
  const status = statusOf(error);
  return status === 409 || status === 400;
}

function failure(
  error: unknown,
  action: string,
  plainer: Partial<Record<number, string>> = {},
): ProvisionError {
  if (error instanceof ProvisionError) return error;
  const status = statusOf(error);
  const specific = status !== undefined ? plainer[status] : undefined;
  if (specific) return new ProvisionError(specific, { cause: error });
  const reason = (() => {
    switch (toGraphAccessError(error).kind) {
      case 'signedOut':
        return 'the sign-in is missing, expired or was refused';
      case 'forbidden':
        return 'the account may not manage lists on this site (it needs Sites.Manage.All and site owner rights)';
      case 'offline':
        return 'the Graph service could not be reached';
      default:
        return describeGraphError(error);
    }
  })();
  return new ProvisionError(`Could not ${action}: ${reason}`, { cause: error });
}
