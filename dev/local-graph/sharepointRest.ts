// SharePoint's REST API (`<site>/_api/...`), the subset provisioning sends through PnPjs to set list
// permissions, which Graph cannot (README, behaviour 16): lists by title (read, MERGE update of
// their settings), break/reset role inheritance, role assignments (read, add, remove), role
// definitions (read, by name, add), ensureuser and the site's owners group. Paths are
// case-insensitive, as SharePoint's are; answers are JSON light (`{"value": [...]}` for a
// collection) or, when Accept asks for odata=verbose, `{"d": ...}`; errors are SharePoint's
// `odata.error`. Permissions follow sharepointSecurity.ts: list settings need Manage Lists,
// reading role assignments Enumerate Permissions, changing them Manage Permissions.
import type { DirectoryUser } from './directory';
import { splitPathSegments } from './graphRequest';
import type { SharePointStore, StoredList, StoredSite } from './sharepointStore';
import {
  addBinding,
  addRoleDefinition,
  ensurePrincipal,
  findRoleDefinition,
  has,
  highLow,
  listMask,
  maskOf,
  Perm,
  principalById,
  removeBinding,
  siteMask,
  userLoginName,
  type RoleAssignment,
  type RoleDefinition,
  type SitePrincipal,
} from './sharepointSecurity';

/** A SharePoint REST error: status, `odata.error.code` ("<HRESULT>, <exception type>") and message. */
export class SpRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SpRestError';
  }
}

const accessDenied = () =>
  new SpRestError(
    403,
    '-2147024891, System.UnauthorizedAccessException',
    'Access denied. You do not have permission to perform this action or access this resource.',
  );
const invalidQuery = (message: string) =>
  new SpRestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);
const spException = (status: number, message: string) =>
  new SpRestError(status, '-2146232832, Microsoft.SharePoint.SPException', message);

export interface SpRestRequest {
  method: string;
  /** The path after `/_api/`, as sent (percent-encoded). */
  apiPath: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  me: DirectoryUser;
  site: StoredSite;
  store: SharePointStore;
}

export interface SpRestResponse {
  status: number;
  body?: unknown;
}

/** The site a `/<server-relative site path>/_api/...` URL names, and the path after `_api/`. */
export function siteOfRestPath(
  store: SharePointStore,
  pathname: string,
): { site: StoredSite; apiPath: string } | undefined {
  const m = /^(.*?)\/_api(?:\/(.*))?$/i.exec(pathname);
  if (!m) return undefined;
  const sitePath = decodeURIComponent(m[1] ?? '')
    .replace(/\/+$/, '')
    .toLowerCase();
  const site = store.sites.find((s) => s.path.replace(/\/+$/, '').toLowerCase() === sitePath);
  return site ? { site, apiPath: m[2] ?? '' } : undefined;
}

/** A segment `name(args)`: its lower-cased name and its raw argument text. */
function callOf(segment: string): { name: string; args?: string } {
  const m = /^([^(]+)\((.*)\)$/s.exec(segment);
  return m
    ? { name: (m[1] ?? '').toLowerCase(), args: m[2] ?? '' }
    : { name: segment.toLowerCase() };
}

/** `'text'` (quotes doubled inside) → text. */
function stringArg(args: string | undefined): string {
  const m = /^\s*'((?:[^']|'')*)'\s*$/.exec(args ?? '');
  if (!m) throw invalidQuery('A string literal is expected.');
  return (m[1] ?? '').replace(/''/g, "'");
}

/** `a=1, b=true` → { a: '1', b: 'true' } (names lower-cased). */
function namedArgs(args: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (args ?? '').split(',')) {
    if (!part.trim()) continue;
    const [k, v] = part.split('=');
    if (k === undefined || v === undefined)
      throw invalidQuery(`Invalid argument '${part.trim()}'.`);
    out[k.trim().toLowerCase()] = v.trim();
  }
  return out;
}

function boolArg(args: Record<string, string>, name: string): boolean {
  const v = args[name]?.toLowerCase();
  if (v !== 'true' && v !== 'false') throw invalidQuery(`The parameter ${name} is required.`);
  return v === 'true';
}

function intArg(args: Record<string, string>, name: string): number {
  const v = Number(args[name]);
  if (!Number.isInteger(v)) throw invalidQuery(`The parameter ${name} is required.`);
  return v;
}

export function serveSharePointRest(req: SpRestRequest): SpRestResponse {
  const segments = splitPathSegments(req.apiPath).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const [first, ...rest] = segments;
  if (first?.toLowerCase() !== 'web')
    throw invalidQuery(`Resource not found for the segment '${first ?? ''}'.`);
  return routeWeb(req, rest);
}

function routeWeb(req: SpRestRequest, segs: string[]): SpRestResponse {
  const [head, ...rest] = segs;
  if (head === undefined)
    throw invalidQuery(
      "Only the web's lists, role definitions, role assignments, ensureuser and associatedownergroup are served by the local service.",
    );
  const call = callOf(head);
  switch (call.name) {
    case 'lists': {
      const [by, ...after] = rest;
      if (by === undefined)
        throw invalidQuery("Address a list with getbytitle('<title>') or getbyid('<id>').");
      return routeList(req, findList(req, callOf(by)), after);
    }
    case 'roledefinitions':
      return roleDefinitions(req, rest);
    case 'roleassignments':
      if (rest.length) throw invalidQuery(`Resource not found for the segment '${rest[0] ?? ''}'.`);
      if (req.method !== 'GET') throw methodNotAllowed();
      if (!has(siteMask(req.site.security, req.me), Perm.EnumeratePermissions))
        throw accessDenied();
      return okCollection(
        req,
        req.site.security.assignments.map((a) => renderAssignment(req, a)),
      );
    case 'ensureuser':
      return ensureUser(req);
    case 'associatedownergroup': {
      if (req.method !== 'GET') throw methodNotAllowed();
      if (!has(siteMask(req.site.security, req.me), Perm.Open)) throw accessDenied();
      const owners = principalById(req.site.security, req.site.security.ownersGroupId);
      return ok(req, owners ? renderPrincipal(owners) : null);
    }
    default:
      throw invalidQuery(`Resource not found for the segment '${head}'.`);
  }
}

function methodNotAllowed(): SpRestError {
  return new SpRestError(
    405,
    '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    'The HTTP method is not allowed for this resource.',
  );
}

// ---------- lists ----------

function listNotFound(req: SpRestRequest, what: string): SpRestError {
  return new SpRestError(
    404,
    '-1, System.ArgumentException',
    `List '${what}' does not exist at site with URL '${req.site.webUrl}'.`,
  );
}

function findList(req: SpRestRequest, by: { name: string; args?: string }): StoredList {
  let list: StoredList | undefined;
  let what = '';
  if (by.name === 'getbytitle') {
    what = stringArg(by.args);
    list = req.site.lists.find((l) => l.displayName.toLowerCase() === what.toLowerCase());
  } else if (by.name === 'getbyid') {
    what = stringArg(by.args).replace(/^guid'|'$/g, '');
    list = req.site.lists.find((l) => l.id.toLowerCase() === what.toLowerCase());
  } else throw invalidQuery(`Resource not found for the segment '${by.name}'.`);
  // A list the caller cannot see does not exist for them.
  if (!list || !has(maskOn(req, list), Perm.ViewListItems)) throw listNotFound(req, what);
  return list;
}

function maskOn(req: SpRestRequest, list: StoredList): bigint {
  return listMask(req.site.security, list.id, list.security, req.me);
}

/** POST with `X-HTTP-Method: MERGE` (PnPjs's update), or the verb itself. */
function effectiveMethod(req: SpRestRequest): string {
  const tunnelled = req.headers['x-http-method'];
  const verb = (Array.isArray(tunnelled) ? tunnelled[0] : tunnelled)?.toUpperCase();
  return req.method === 'POST' && verb ? verb : req.method;
}

function routeList(req: SpRestRequest, list: StoredList, segs: string[]): SpRestResponse {
  const [head, ...rest] = segs;
  const mask = maskOn(req, list);
  if (head === undefined) {
    const method = effectiveMethod(req);
    if (method === 'GET') return ok(req, select(req, renderList(req, list)));
    if (method === 'MERGE' || method === 'PATCH') return updateList(req, list, mask);
    throw methodNotAllowed();
  }
  const call = callOf(head);
  switch (call.name) {
    case 'breakroleinheritance': {
      if (rest.length || req.method !== 'POST') throw methodNotAllowed();
      if (!has(mask, Perm.ManagePermissions)) throw accessDenied();
      const args = namedArgs(call.args);
      breakInheritance(req, list, boolArg(args, 'copyroleassignments'));
      return voidAnswer(req);
    }
    case 'resetroleinheritance':
      if (rest.length || req.method !== 'POST') throw methodNotAllowed();
      if (!has(mask, Perm.ManagePermissions)) throw accessDenied();
      list.security.hasUniqueRoleAssignments = false;
      list.security.assignments = [];
      return voidAnswer(req);
    case 'roleassignments':
      return roleAssignments(req, list, mask, rest);
    default:
      throw invalidQuery(`Resource not found for the segment '${head}'.`);
  }
}

const LIST_SETTINGS = ['Title', 'Description', 'ReadSecurity', 'WriteSecurity', 'EnableVersioning'];

function updateList(req: SpRestRequest, list: StoredList, mask: bigint): SpRestResponse {
  // List settings (item-level permissions, versioning) need Manage Lists, as the settings page does.
  if (!has(mask, Perm.ManageLists)) throw accessDenied();
  const body = (req.body ?? {}) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '__metadata') continue;
    const name = LIST_SETTINGS.find((s) => s.toLowerCase() === key.toLowerCase());
    if (!name)
      throw invalidQuery(
        `The property '${key}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`,
      );
    changes[name] = value;
  }
  const rs = changes.ReadSecurity;
  const ws = changes.WriteSecurity;
  if (rs !== undefined && rs !== 1 && rs !== 2)
    throw new SpRestError(
      400,
      '-2147024809, System.ArgumentException',
      'Value does not fall within the expected range.',
    );
  if (ws !== undefined && ws !== 1 && ws !== 2 && ws !== 4)
    throw new SpRestError(
      400,
      '-2147024809, System.ArgumentException',
      'Value does not fall within the expected range.',
    );
  for (const b of ['EnableVersioning'] as const)
    if (changes[b] !== undefined && typeof changes[b] !== 'boolean')
      throw invalidQuery(`An unexpected value for '${b}': a boolean is expected.`);
  if (rs !== undefined) list.security.readSecurity = rs;
  if (ws !== undefined) list.security.writeSecurity = ws;
  if (typeof changes.EnableVersioning === 'boolean')
    list.security.enableVersioning = changes.EnableVersioning;
  if (typeof changes.Title === 'string' && changes.Title.trim()) list.displayName = changes.Title;
  if (typeof changes.Description === 'string') list.description = changes.Description;
  return { status: 204 };
}

/**
 * SharePoint's BreakRoleInheritance: copy=true starts from the site's assignments; copy=false
 * leaves one assignment, the caller with Full Control (so they keep control of what they locked).
 * On a list that already has unique permissions it changes nothing.
 */
function breakInheritance(req: SpRestRequest, list: StoredList, copy: boolean): void {
  const sec = list.security;
  if (sec.hasUniqueRoleAssignments) return;
  sec.hasUniqueRoleAssignments = true;
  if (copy) {
    sec.assignments = req.site.security.assignments.map((a) => ({
      principalId: a.principalId,
      roleDefIds: [...a.roleDefIds],
    }));
    return;
  }
  sec.assignments = [];
  if (req.me.appOnly) return;
  const caller = ensurePrincipal(
    req.site.security,
    userLoginName(req.me.userPrincipalName),
    req.store.directory,
  );
  const full = findRoleDefinition(req.site.security, 'Full Control');
  if (caller && full) addBinding(sec.assignments, caller.id, full.id);
}

function roleAssignments(
  req: SpRestRequest,
  list: StoredList,
  mask: bigint,
  segs: string[],
): SpRestResponse {
  const [head, ...rest] = segs;
  if (rest.length) throw invalidQuery(`Resource not found for the segment '${rest[0] ?? ''}'.`);
  const sec = list.security;
  if (head === undefined) {
    if (req.method !== 'GET') throw methodNotAllowed();
    if (!has(mask, Perm.EnumeratePermissions)) throw accessDenied();
    const effective = sec.hasUniqueRoleAssignments
      ? sec.assignments
      : req.site.security.assignments;
    return okCollection(
      req,
      effective.map((a) => renderAssignment(req, a)),
    );
  }
  const call = callOf(head);
  if (call.name !== 'addroleassignment' && call.name !== 'removeroleassignment')
    throw invalidQuery(`Resource not found for the segment '${head}'.`);
  if (req.method !== 'POST') throw methodNotAllowed();
  if (!has(mask, Perm.ManagePermissions)) throw accessDenied();
  const args = namedArgs(call.args);
  const principalId = intArg(args, 'principalid');
  const roleDefId = intArg(args, 'roledefid');
  if (!sec.hasUniqueRoleAssignments)
    throw spException(400, 'This operation is not allowed on an object that inherits permissions.');
  if (!principalById(req.site.security, principalId))
    throw spException(400, `Can not find the principal with id: ${principalId}.`);
  if (!findRoleDefinition(req.site.security, roleDefId))
    throw spException(400, 'Permission level cannot be found.');
  if (call.name === 'addroleassignment') addBinding(sec.assignments, principalId, roleDefId);
  else removeBinding(sec.assignments, principalId, roleDefId);
  return voidAnswer(req);
}

// ---------- role definitions, principals ----------

function roleDefinitions(req: SpRestRequest, segs: string[]): SpRestResponse {
  const sec = req.site.security;
  const [head, ...rest] = segs;
  if (rest.length) throw invalidQuery(`Resource not found for the segment '${rest[0] ?? ''}'.`);
  const web = siteMask(sec, req.me);
  if (head === undefined) {
    if (req.method === 'GET') {
      if (!has(web, Perm.Open)) throw accessDenied();
      return okCollection(req, sec.roleDefinitions.map(renderRoleDefinition));
    }
    if (req.method !== 'POST') throw methodNotAllowed();
    if (!has(web, Perm.ManagePermissions)) throw accessDenied();
    return { status: 201, body: wrap(req, renderRoleDefinition(addFromBody(req))) };
  }
  if (req.method !== 'GET') throw methodNotAllowed();
  if (!has(web, Perm.Open)) throw accessDenied();
  const call = callOf(head);
  let role: RoleDefinition | undefined;
  if (call.name === 'getbyname') role = findRoleDefinition(sec, stringArg(call.args));
  else if (call.name === 'getbyid') role = findRoleDefinition(sec, Number(call.args));
  else throw invalidQuery(`Resource not found for the segment '${head}'.`);
  if (!role) throw spException(404, 'Permission level cannot be found.');
  return ok(req, renderRoleDefinition(role));
}

function addFromBody(req: SpRestRequest): RoleDefinition {
  const body = (req.body ?? {}) as {
    Name?: unknown;
    Description?: unknown;
    BasePermissions?: { High?: unknown; Low?: unknown };
  };
  const name = typeof body.Name === 'string' ? body.Name.trim() : '';
  const bp = body.BasePermissions;
  const bits = (v: unknown) =>
    (typeof v === 'string' || typeof v === 'number') && /^\d+$/.test(String(v));
  if (!name || !bp || !bits(bp.High) || !bits(bp.Low))
    throw invalidQuery('A role definition needs Name and BasePermissions { High, Low }.');
  if (findRoleDefinition(req.site.security, name))
    throw spException(
      400,
      'The permission level name is already in use. Please select another name.',
    );
  return addRoleDefinition(
    req.site.security,
    name,
    typeof body.Description === 'string' ? body.Description : '',
    maskOf(String(bp.High), String(bp.Low)),
  );
}

function ensureUser(req: SpRestRequest): SpRestResponse {
  if (req.method !== 'POST') throw methodNotAllowed();
  if (!has(siteMask(req.site.security, req.me), Perm.ManagePermissions)) throw accessDenied();
  const body = (req.body ?? {}) as { logonName?: unknown };
  if (typeof body.logonName !== 'string' || !body.logonName.trim())
    throw invalidQuery('The parameter logonName is required.');
  const principal = ensurePrincipal(req.site.security, body.logonName, req.store.directory);
  if (!principal)
    throw spException(400, `The specified user ${body.logonName} could not be found.`);
  return ok(req, renderPrincipal(principal));
}

// ---------- rendering ----------

function renderList(req: SpRestRequest, list: StoredList): Record<string, unknown> {
  const sec = list.security;
  return {
    Id: list.id,
    Title: list.displayName,
    Description: list.description,
    BaseTemplate: 100,
    Created: list.created,
    EnableVersioning: sec.enableVersioning,
    EntityTypeName: `${list.name}List`,
    HasUniqueRoleAssignments: sec.hasUniqueRoleAssignments,
    Hidden: false,
    ItemCount: list.items.size,
    ParentWebUrl: req.site.path,
    ReadSecurity: sec.readSecurity,
    WriteSecurity: sec.writeSecurity,
  };
}

function renderPrincipal(p: SitePrincipal): Record<string, unknown> {
  const base = {
    Id: p.id,
    IsHiddenInUI: false,
    LoginName: p.loginName,
    Title: p.title,
    PrincipalType: p.principalType,
  };
  if (p.principalType === 8)
    return { ...base, Description: '', OwnerTitle: p.title, AllowMembersEditMembership: false };
  return { ...base, Email: p.email, IsSiteAdmin: false };
}

function renderRoleDefinition(r: RoleDefinition): Record<string, unknown> {
  return {
    BasePermissions: highLow(r.mask),
    Description: r.description,
    Hidden: r.hidden,
    Id: r.id,
    Name: r.name,
    Order: r.order,
    RoleTypeKind: r.roleTypeKind,
  };
}

function renderAssignment(req: SpRestRequest, a: RoleAssignment): Record<string, unknown> {
  const expand = (req.query.get('$expand') ?? '').split(',').map((e) => e.trim().toLowerCase());
  const out: Record<string, unknown> = { PrincipalId: a.principalId };
  const member = principalById(req.site.security, a.principalId);
  if (expand.includes('member') && member) out.Member = renderPrincipal(member);
  if (expand.includes('roledefinitionbindings'))
    out.RoleDefinitionBindings = a.roleDefIds
      .map((id) => findRoleDefinition(req.site.security, id))
      .filter((r): r is RoleDefinition => r !== undefined)
      .map(renderRoleDefinition);
  return out;
}

/** `$select` on an entity: the named properties (any case), or 400 for one it does not have. */
function select(req: SpRestRequest, entity: Record<string, unknown>): Record<string, unknown> {
  const raw = req.query.get('$select');
  if (!raw) return entity;
  const out: Record<string, unknown> = {};
  for (const name of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const key = Object.keys(entity).find((k) => k.toLowerCase() === name.toLowerCase());
    if (!key) throw invalidQuery(`The field or property '${name}' does not exist.`);
    out[key] = entity[key];
  }
  return out;
}

const verbose = (req: SpRestRequest) => /odata=verbose/i.test(String(req.headers.accept ?? ''));

/** A collection: JSON light `{ value }`, or `{ d: { results } }` for odata=verbose. */
function collection(req: SpRestRequest, items: unknown[]): unknown {
  return verbose(req) ? { d: { results: items } } : { value: items };
}

function wrap(req: SpRestRequest, entity: unknown): unknown {
  return verbose(req) ? { d: entity } : entity;
}

/** 200 with an entity (wrapped in `d` for odata=verbose). */
function ok(req: SpRestRequest, entity: unknown): SpRestResponse {
  return { status: 200, body: wrap(req, entity) };
}

/** 200 with a collection. */
function okCollection(req: SpRestRequest, items: unknown[]): SpRestResponse {
  return { status: 200, body: collection(req, items) };
}

/** A method that returns nothing: SharePoint answers 200 with a null value. */
function voidAnswer(req: SpRestRequest): SpRestResponse {
  return { status: 200, body: verbose(req) ? { d: null } : { 'odata.null': true } };
}

/** SharePoint's error body (JSON light; `error` for odata=verbose). */
export function spErrorBody(err: SpRestError, accept: string | undefined): unknown {
  const inner = { code: err.code, message: { lang: 'en-US', value: err.message } };
  return /odata=verbose/i.test(accept ?? '') ? { error: inner } : { 'odata.error': inner };
}
