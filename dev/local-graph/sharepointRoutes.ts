// /sites/... routes: sites, lists, columns, items (filter, orderby, paging, ETags) and delta.
import { GraphError, invalidRequest, itemNotFound, resourceNotFound } from './graphErrors';
import {
  type GraphRequest,
  type GraphResponse,
  linkTo,
  ok,
  opaqueToken,
  pageSize,
  queryWithout,
  readOpaqueToken,
} from './graphRequest';
import { checkIfMatch, fieldsPatchAnswer } from './etags';
import { accessDenied, listAccess, type ListAccess } from './listPermissions';
import { appHasAnyGrant, has, Perm, siteMask } from './sharepointSecurity';
import { skipOffset, skipToken } from './pagingTokens';
import { numericBounds, NumericIndexes } from './listIndexes';
import { checkListViewThreshold } from './listViewThreshold';
import {
  compareForOrder,
  evaluateFilter,
  filterPaths,
  FilterSyntaxError,
  type FilterNode,
  type Literal,
  type OrderTerm,
  parseFilter,
  parseOrderBy,
  type ValueKind,
} from './odataFilter';
import type { SeedColumn } from './seedTypes';
import { DuplicateValuesError } from './uniqueColumns';
import type { SiteDates } from './siteDates';
import {
  type Actor,
  etagOf,
  SharePointStore,
  type StoredColumn,
  type StoredItem,
  type StoredList,
  type StoredSite,
} from './sharepointStore';

const DEFAULT_PAGE = 200;
const MAX_PAGE = 5000;
const NON_INDEXED_PREFERENCE = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** Delta tokens carry the store generation: expireDeltaTokens()/reset() bump it, old tokens get 410. */
export interface DeltaState {
  generation: string;
  /** The `deltaWithoutFields` fault (faults.ts): changed items come back without `fields`. */
  withoutFields?: () => boolean;
}

interface DeltaTokenData {
  g: string;
  l: string;
  /** Changes after this sequence number; null for the initial enumeration. */
  since: number | null;
  /** Changes up to this sequence number (the snapshot the enumeration was started at). */
  upTo: number;
  /** Offset within this change set (pages); absent in a deltaLink token. */
  off?: number;
}

const actorOf = (req: GraphRequest): Actor => ({ id: req.me.id, displayName: req.me.displayName });

export function handleSites(
  req: GraphRequest,
  store: SharePointStore,
  delta: DeltaState,
): GraphResponse {
  try {
    return routeSites(req, store, delta);
  } catch (e) {
    // A unique-value clash is answered the way this service is set to (uniqueColumns.ts).
    throw e instanceof DuplicateValuesError ? e.answer(req.behaviours.duplicateAnswer) : e;
  }
}

function routeSites(req: GraphRequest, store: SharePointStore, delta: DeltaState): GraphResponse {
  const { site, rest, siteRawPath } = resolveSite(req, store);
  // Sites.Selected: an app without a grant on this site reaches nothing in it (behaviour 17).
  if (req.me.appOnly && !appHasAnyGrant(site.security, req.me.displayName)) throw accessDenied();
  const ctx: Ctx = { req, store, site, delta, siteRawPath, access: NO_ACCESS };
  const [first, listKey, third, fourth, fifth, ...extra] = rest;
  if (first === undefined) return only(req, 'GET', () => ok(siteResource(site)));
  if (first.toLowerCase() !== 'lists') throw resourceNotFound(first);
  if (listKey === undefined) return listsCollection(ctx);
  const list = store.findList(site, listKey);
  if (!list) throw itemNotFound('The specified list was not found');
  // The list's permissions (listPermissions.ts): unreachable lists are 403 for everything.
  const access = accessTo(ctx, list);
  if (!access.reachable) throw accessDenied();
  ctx.access = access;
  if (third === undefined)
    return only(req, 'GET', () => ok(listResource(ctx, list, wantsColumns(req))));
  const section = third.toLowerCase();
  if (section === 'columns') {
    if (fifth !== undefined) throw resourceNotFound(fifth);
    return fourth === undefined ? columnsCollection(ctx, list) : columnEntity(ctx, list, fourth);
  }
  if (section !== 'items') throw resourceNotFound(third);
  if (fourth === undefined) return itemsCollection(ctx, list);
  if (isDeltaSegment(fourth)) {
    if (fifth !== undefined) throw resourceNotFound(fifth);
    return only(req, 'GET', () => deltaQuery(ctx, list, fourth));
  }
  const item = list.items.get(fourth);
  // An item the user may not read does not exist for them (SharePoint's item-level read).
  if (!item || !access.canRead(item.author)) throw itemNotFound('The resource could not be found.');
  if (fifth === undefined) return itemEntity(ctx, list, item);
  if (fifth.toLowerCase() !== 'fields' || extra.length) throw resourceNotFound(extra[0] ?? fifth);
  return itemFields(ctx, list, item);
}

interface Ctx {
  req: GraphRequest;
  store: SharePointStore;
  site: StoredSite;
  delta: DeltaState;
  /** The request's own way of naming the site (id or hostname:/path:), for links. */
  siteRawPath: string;
  /** What the signed-in user may do in the list addressed (open when no list is). */
  access: ListAccess;
}

const NO_ACCESS: ListAccess = {
  reachable: false,
  canAdd: false,
  canRead: () => false,
  canEdit: () => false,
  canDelete: () => false,
  canManageList: false,
  canManagePermissions: false,
};

function accessTo(ctx: Ctx, list: StoredList): ListAccess {
  return listAccess(ctx.site.security, list.id, list.security, ctx.req.me);
}

function only(req: GraphRequest, method: string, run: () => GraphResponse): GraphResponse {
  if (req.method !== method) throw methodNotAllowed();
  return run();
}

function methodNotAllowed(): GraphError {
  return new GraphError(
    405,
    'Request_BadRequest',
    'The HTTP method is not supported for this resource.',
  );
}

// ---------- sites ----------

function resolveSite(
  req: GraphRequest,
  store: SharePointStore,
): { site: StoredSite; rest: string[]; siteRawPath: string } {
  // Compound addressing: /sites/{hostname}:/{server-relative-path}[:/rest]
  const compound = /^\/sites\/([^/:]+):(\/[^:]*)(?::(\/.*)?)?$/.exec(req.rawPath);
  if (compound) {
    const hostname = decodeURIComponent(compound[1] ?? '');
    const sitePath = decodeURIComponent(compound[2] ?? '/');
    const site = store.findSiteByPath(hostname, sitePath);
    if (!site) throw itemNotFound('Requested site could not be found');
    const restRaw = compound[3] ?? '';
    const restCount = restRaw.split('/').filter(Boolean).length;
    const rest = restCount ? req.segments.slice(req.segments.length - restCount) : [];
    return { site, rest, siteRawPath: req.rawPath.slice(0, req.rawPath.length - restRaw.length) };
  }
  const id = req.segments[1];
  if (id === undefined)
    throw new GraphError(400, 'BadRequest', 'Site search is not supported by the local service.');
  const site = store.findSiteById(id);
  if (!site) throw itemNotFound('Requested site could not be found');
  return {
    site,
    rest: req.segments.slice(2),
    siteRawPath: '/sites/' + encodeURIComponent(site.id),
  };
}

function siteResource(site: StoredSite): Record<string, unknown> {
  const [, collectionId, webId] = site.id.split(',');
  return {
    id: site.id,
    createdDateTime: '2024-09-01T08:00:00Z',
    description: '',
    displayName: site.displayName,
    lastModifiedDateTime: '2024-09-01T08:00:00Z',
    name: site.path.split('/').filter(Boolean).pop() ?? '',
    webUrl: site.webUrl,
    root: {},
    siteCollection: { hostname: site.hostname },
    sharepointIds: { siteId: collectionId, webId, siteUrl: site.webUrl },
  };
}

// ---------- lists ----------

function listWebUrl(site: StoredSite, list: StoredList): string {
  return `${site.webUrl}/Lists/${list.name}`;
}

function wantsColumns(req: GraphRequest): boolean {
  const expand = req.query.get('$expand');
  if (!expand) return false;
  if (expand.trim().toLowerCase() !== 'columns') throw selectExpandError(expand);
  return true;
}

function selectExpandError(what: string): GraphError {
  return new GraphError(
    400,
    'BadRequest',
    `Parsing OData Select and Expand failed: Could not find a property named '${what}'.`,
  );
}

function listResource(ctx: Ctx, list: StoredList, withColumns: boolean): Record<string, unknown> {
  return {
    '@odata.etag': `"${list.id},1"`,
    createdDateTime: list.created,
    description: list.description,
    eTag: `"${list.id},1"`,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.name,
    webUrl: listWebUrl(ctx.site, list),
    displayName: list.displayName,
    parentReference: { siteId: ctx.site.id },
    list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
    ...(withColumns ? { columns: list.columns.map((c) => c.def) } : {}),
  };
}

function listsCollection(ctx: Ctx): GraphResponse {
  const { req, store, site } = ctx;
  if (req.method === 'GET')
    return ok({
      value: site.lists
        .filter((l) => accessTo(ctx, l).reachable)
        .map((l) => listResource(ctx, l, wantsColumns(req))),
    });
  if (req.method !== 'POST') throw methodNotAllowed();
  // Creating a list needs Manage Lists on the site (Edit and above have it).
  if (!has(siteMask(site.security, req.me), Perm.ManageLists)) throw accessDenied();
  const body = req.body as {
    displayName?: string;
    description?: string;
    columns?: SeedColumn[];
    list?: { template?: string };
  };
  if (!body.displayName) throw invalidRequest('displayName is required.');
  const template = body.list?.template ?? 'genericList';
  if (template.toLowerCase() !== 'genericlist')
    throw invalidRequest(`List template '${template}' is not supported by the local service.`);
  const list = store.createList(site, body.displayName, body.description ?? '', body.columns ?? []);
  return { status: 201, body: listResource(ctx, list, true) };
}

// ---------- columns ----------

function columnsCollection(ctx: Ctx, list: StoredList): GraphResponse {
  const { req, store } = ctx;
  if (req.method === 'GET') return ok({ value: list.columns.map((c) => c.def) });
  if (req.method !== 'POST') throw methodNotAllowed();
  if (!ctx.access.canManageList) throw accessDenied();
  const col = store.addColumn(list, req.body as SeedColumn, false);
  return { status: 201, body: col.def };
}

function columnEntity(ctx: Ctx, list: StoredList, key: string): GraphResponse {
  const { req, store } = ctx;
  const col = list.columns.find((c) => c.def.id === key) ?? store.findColumn(list, key);
  if (!col) throw itemNotFound('Column not found');
  if (req.method === 'GET') return ok(col.def);
  if (req.method !== 'PATCH') throw methodNotAllowed();
  if (!ctx.access.canManageList) throw accessDenied();
  return ok(store.updateColumn(list, col, req.body as Record<string, unknown>).def);
}

// ---------- items: rendering ----------

interface ItemView {
  withFields: boolean;
  /** Field names to return (`fields($select=...)`); undefined = all. */
  fieldSelect?: string[];
  /** Top-level properties to return (`$select`); undefined = all. */
  select?: string[];
}

function parseItemView(req: GraphRequest, fieldsByDefault: boolean): ItemView {
  const expand = req.query.get('$expand');
  const select = req.query.get('$select');
  const view: ItemView = { withFields: fieldsByDefault };
  if (select)
    view.select = select
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (expand) {
    const m = /^\s*fields\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/i.exec(expand);
    if (!m) throw selectExpandError(expand);
    view.withFields = true;
    if (m[1] !== undefined)
      view.fieldSelect = m[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  }
  return view;
}

function renderFields(
  list: StoredList,
  item: StoredItem,
  select?: string[],
): Record<string, unknown> {
  const all: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    ...(item.values.Title !== undefined ? { Title: item.values.Title } : {}),
    ...Object.fromEntries(Object.entries(item.values).filter(([k]) => k !== 'Title')),
    id: item.id,
    ContentType: 'Item',
    Modified: item.modified,
    Created: item.created,
    _UIVersionString: `${item.version}.0`,
    Attachments: false,
  };
  if (!select) return all;
  const out: Record<string, unknown> = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) {
    const col = list.columns.find((c) => c.def.name.toLowerCase() === name.toLowerCase());
    const key =
      col?.def.name ??
      (Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase()) || name);
    if (all[key] !== undefined) out[key] = all[key];
  }
  return out;
}

function identity(a: Actor): Record<string, string> {
  return a.id ? { id: a.id, displayName: a.displayName } : { displayName: a.displayName };
}

function renderItem(
  ctx: Ctx,
  list: StoredList,
  item: StoredItem,
  view: ItemView,
): Record<string, unknown> {
  const etag = etagOf(item);
  const all: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: item.id,
    lastModifiedDateTime: item.modified,
    webUrl: `${listWebUrl(ctx.site, list)}/${item.id}_.000`,
    createdBy: { user: identity(item.author) },
    lastModifiedBy: { user: identity(item.editor) },
    parentReference: { id: list.id, siteId: ctx.site.id },
    contentType: { id: '0x0100', name: 'Item' },
  };
  let out = all;
  if (view.select) {
    out = { '@odata.etag': etag };
    for (const name of view.select) {
      const key = Object.keys(all).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key) out[key] = all[key];
      else if (name.toLowerCase() !== 'fields') throw selectExpandError(name);
    }
  }
  if (view.withFields) out.fields = renderFields(list, item, view.fieldSelect);
  return out;
}

// ---------- items: query ----------

function hasPreference(req: GraphRequest): boolean {
  return req.prefers(NON_INDEXED_PREFERENCE);
}

function notIndexed(name: string): GraphError {
  return invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${NON_INDEXED_PREFERENCE}' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

/** Maps a filter/orderby path to a column; `id` and top-level dates map to their built-ins. */
function columnForPath(list: StoredList, path: string, store: SharePointStore): StoredColumn {
  const aliases: Record<string, string> = {
    id: 'ID',
    createddatetime: 'Created',
    lastmodifieddatetime: 'Modified',
  };
  const m = /^fields\/(\w+)$/i.exec(path);
  const name = m?.[1] ?? aliases[path.toLowerCase()];
  if (!name)
    throw invalidRequest(
      `The property '${path}' cannot be used in a query: use fields/<column name>.`,
    );
  const col = store.findColumn(list, m ? name : name);
  if (!col) throw invalidRequest(`Field '${name}' is not recognized`);
  return col;
}

function checkIndexed(req: GraphRequest, cols: StoredColumn[]): void {
  if (hasPreference(req)) return;
  for (const c of cols) if (!c.def.indexed) throw notIndexed(c.def.name);
}

function valueOf(item: StoredItem, col: StoredColumn): unknown {
  switch (col.def.name) {
    case 'ID':
      return Number(item.id);
    case 'Created':
      return item.created;
    case 'Modified':
      return item.modified;
    default:
      return item.values[col.def.name];
  }
}

function valueKind(col: StoredColumn): ValueKind {
  if (col.kind === 'number') return 'number';
  if (col.kind === 'boolean') return 'boolean';
  if (col.kind === 'dateTime') return 'dateTime';
  return 'text';
}

/** Literals as the column's values: a date-only literal is midnight in the site's zone. */
const coercerFor = (dates: SiteDates) => (kind: ValueKind, v: Literal) => coerce(kind, v, dates);

function coerce(kind: ValueKind, v: Literal, dates: SiteDates): Literal {
  if (v === null) return null;
  if (kind === 'dateTime' && typeof v === 'string') {
    return dates.timeOf(v) ?? v;
  }
  if (kind === 'number' && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))
    return Number(v);
  return v;
}

function parseOrThrow<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw invalidRequest(`Invalid ${what}: ${e.message}.`);
    throw e;
  }
}

/** Each list's sorted number and date columns (listIndexes.ts). */
const listIndexes = new WeakMap<StoredList, NumericIndexes<StoredItem>>();

/** The items a seek on one indexed column can match: from its sorted index where it has one. */
function indexed(
  ctx: Ctx,
  list: StoredList,
  seek: FilterNode,
  coerce: (kind: ValueKind, v: Literal) => Literal,
): StoredItem[] {
  const path = filterPaths(seek)[0];
  const col = path === undefined ? undefined : columnForPath(list, path, ctx.store);
  const kind = col ? valueKind(col) : 'text';
  const bounds = numericBounds(seek, (v) => coerce(kind, v));
  if (!col || !bounds || (kind !== 'number' && kind !== 'dateTime'))
    return [...list.items.values()];
  let indexes = listIndexes.get(list);
  if (!indexes) listIndexes.set(list, (indexes = new NumericIndexes()));
  return indexes.candidates(
    col.def.name,
    ctx.store.currentSeq,
    () => list.items.values(),
    (item) => coerce(kind, (valueOf(item, col) ?? null) as Literal),
    bounds,
  );
}

function itemsCollection(ctx: Ctx, list: StoredList): GraphResponse {
  const { req, store } = ctx;
  if (req.method === 'POST') {
    if (!ctx.access.canAdd) throw accessDenied();
    const body = req.body as { fields?: Record<string, unknown> };
    const item = store.createItem(list, body.fields ?? {}, actorOf(req));
    return {
      status: 201,
      body: renderItem(ctx, list, item, { withFields: true }),
      headers: { ETag: etagOf(item) },
    };
  }
  if (req.method !== 'GET') throw methodNotAllowed();
  const view = parseItemView(req, false);
  const top = pageSize(req, DEFAULT_PAGE, MAX_PAGE);
  const filterText = req.query.get('$filter');
  const orderText = req.query.get('$orderby');
  const filter: FilterNode | undefined = filterText
    ? parseOrThrow('filter', () => parseFilter(filterText))
    : undefined;
  const order: OrderTerm[] = orderText
    ? parseOrThrow('orderby', () => parseOrderBy(orderText))
    : [];
  const filterCols = filter
    ? filterPaths(filter).map((p) => [p, columnForPath(list, p, store)] as const)
    : [];
  const orderCols = order.map((t) => ({ term: t, col: columnForPath(list, t.path, store) }));
  checkIndexed(req, [...filterCols.map(([, c]) => c), ...orderCols.map((o) => o.col)]);

  const colByPath = new Map(filterCols);
  const coerce = coercerFor(list.dates);
  // One subject for every item (no closures per item: a large list is walked item by item).
  let current: StoredItem | undefined;
  const subject = {
    get: (p: string) => valueOf(current as StoredItem, colByPath.get(p) as StoredColumn),
    kindOf: (p: string) => valueKind(colByPath.get(p) as StoredColumn),
  };
  const matches = (item: StoredItem, node: FilterNode) => {
    current = item;
    return evaluateFilter(node, subject, coerce);
  };
  const indexRows = checkListViewThreshold(
    {
      itemCount: list.items.size,
      filter,
      orderPaths: order.map((t) => t.path),
      isIndexed: (p) => Boolean((colByPath.get(p) ?? columnForPath(list, p, store)).def.indexed),
      itemsMatching: (c) => indexed(ctx, list, c, coerce).filter((i) => matches(i, c)),
    },
    req.behaviours.listViewThresholdAnswer,
  );
  let items = (indexRows ?? [...list.items.values()]).filter((i) => ctx.access.canRead(i.author));
  if (filter) items = items.filter((item) => matches(item, filter));
  // Sorted after filtering: on a large list a filtered page sorts a few items, not all of them.
  items.sort((a, b) => Number(a.id) - Number(b.id));
  if (orderCols.length) {
    items.sort((a, b) => {
      for (const { term, col } of orderCols) {
        const k = valueKind(col);
        const c = compareForOrder(
          coerce(k, (valueOf(a, col) ?? null) as Literal),
          coerce(k, (valueOf(b, col) ?? null) as Literal),
        );
        if (c) return term.descending ? -c : c;
      }
      return Number(a.id) - Number(b.id);
    });
  }
  const skip = req.query.get('$skiptoken');
  const scope = JSON.stringify([list.id, filterText, orderText]);
  const offset = skip === null ? 0 : skipOffset(skip, scope);
  if (offset === undefined) throw new GraphError(400, '', 'Invalid Skip Token');
  const page = items.slice(offset, offset + top);
  const body: Record<string, unknown> = {
    '@odata.context': `${req.serviceRoot}/$metadata#sites('${ctx.site.id}')/lists('${list.id}')/items`,
    value: page.map((i) => renderItem(ctx, list, i, view)),
  };
  if (offset + top < items.length) {
    body['@odata.nextLink'] = linkTo(req, req.rawPath, {
      ...queryWithout(req, '$skiptoken'),
      $skiptoken: skipToken(scope, offset + top),
    });
  }
  return ok(body);
}

function itemEntity(ctx: Ctx, list: StoredList, item: StoredItem): GraphResponse {
  const { req, store } = ctx;
  if (req.method === 'GET') {
    return ok(renderItem(ctx, list, item, parseItemView(req, false)), { ETag: etagOf(item) });
  }
  if (req.method === 'PATCH') {
    if (!ctx.access.canEdit(item.author)) throw accessDenied();
    checkIfMatch(req, item);
    const body = req.body as { fields?: Record<string, unknown> };
    store.updateItem(list, item, body.fields ?? {}, actorOf(req));
    return ok(renderItem(ctx, list, item, { withFields: true }), { ETag: etagOf(item) });
  }
  if (req.method === 'DELETE') {
    if (!ctx.access.canDelete(item.author)) throw accessDenied();
    checkIfMatch(req, item);
    store.deleteItem(list, item);
    return { status: 204 };
  }
  throw methodNotAllowed();
}

function itemFields(ctx: Ctx, list: StoredList, item: StoredItem): GraphResponse {
  const { req, store } = ctx;
  if (req.method === 'GET') {
    const select = req.query.get('$select');
    return ok(
      renderFields(list, item, select ? select.split(',').map((s) => s.trim()) : undefined),
      { ETag: etagOf(item) },
    );
  }
  if (req.method !== 'PATCH') throw methodNotAllowed();
  if (!ctx.access.canEdit(item.author)) throw accessDenied();
  checkIfMatch(req, item);
  store.updateItem(list, item, req.body as Record<string, unknown>, actorOf(req));
  return ok(fieldsPatchAnswer(renderFields(list, item)));
}

// ---------- delta ----------

function isDeltaSegment(seg: string): boolean {
  return /^(microsoft\.graph\.)?delta(\(.*\))?$/i.test(seg);
}

function resyncRequired(): GraphError {
  return new GraphError(
    410,
    'resyncRequired',
    'The delta token is no longer valid: enumerate the list again without a token (resync required).',
  );
}

function deltaQuery(ctx: Ctx, list: StoredList, segment: string): GraphResponse {
  const { req, store, delta } = ctx;
  const fromSegment = /\(\s*token\s*=\s*'([^']*)'\s*\)$/i.exec(segment)?.[1];
  const tokenText = fromSegment ?? req.query.get('token') ?? undefined;
  const top = pageSize(req, DEFAULT_PAGE, MAX_PAGE);
  let state: DeltaTokenData;
  if (tokenText === undefined) {
    state = { g: delta.generation, l: list.id, since: null, upTo: store.currentSeq, off: 0 };
  } else if (tokenText.toLowerCase() === 'latest') {
    state = {
      g: delta.generation,
      l: list.id,
      since: store.currentSeq,
      upTo: store.currentSeq,
      off: 0,
    };
  } else {
    const parsed = readOpaqueToken(tokenText) as Partial<DeltaTokenData> | undefined;
    if (
      !parsed ||
      parsed.g !== delta.generation ||
      parsed.l !== list.id ||
      typeof parsed.upTo !== 'number'
    ) {
      throw resyncRequired();
    }
    state =
      parsed.off === undefined
        ? { g: delta.generation, l: list.id, since: parsed.upTo, upTo: store.currentSeq, off: 0 }
        : (parsed as DeltaTokenData);
  }
  const asked = parseItemView(req, true);
  const view = delta.withoutFields?.() ? { ...asked, withFields: false } : asked;
  const since = state.since;
  type Change = { seq: number; id: number; render: () => Record<string, unknown> };
  const changes: Change[] = [];
  for (const item of list.items.values()) {
    if (!ctx.access.canRead(item.author)) continue; // absent, as in a collection
    if (item.seq <= state.upTo && (since === null || item.seq > since)) {
      changes.push({
        seq: item.seq,
        id: Number(item.id),
        render: () => renderItem(ctx, list, item, view),
      });
    }
  }
  if (since !== null) {
    for (const d of list.deletions) {
      if (!ctx.access.canRead({ id: d.authorId ?? '' })) continue;
      if (d.seq > since && d.seq <= state.upTo && !list.items.has(d.id)) {
        changes.push({
          seq: d.seq,
          id: Number(d.id),
          render: () => ({ id: d.id, deleted: { state: 'deleted' } }),
        });
      }
    }
  }
  changes.sort(since === null ? (a, b) => a.id - b.id : (a, b) => a.seq - b.seq);
  const off = state.off ?? 0;
  const page = changes.slice(off, off + top);
  const deltaPath = req.rawPath.replace(/\/[^/]*$/, '/delta');
  const keep = queryWithout(req, 'token', '$skiptoken');
  const body: Record<string, unknown> = {
    '@odata.context': `${req.serviceRoot}/$metadata#Collection(microsoft.graph.listItem)`,
    value: page.map((c) => c.render()),
  };
  if (off + top < changes.length) {
    body['@odata.nextLink'] = linkTo(req, deltaPath, {
      ...keep,
      token: opaqueToken({ ...state, off: off + top }),
    });
  } else {
    const next: DeltaTokenData = {
      g: delta.generation,
      l: list.id,
      since: state.upTo,
      upTo: state.upTo,
    };
    body['@odata.deltaLink'] = linkTo(req, deltaPath, { ...keep, token: opaqueToken(next) });
  }
  return ok(body);
}
