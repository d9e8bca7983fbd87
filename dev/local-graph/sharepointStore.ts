// In-memory SharePoint: sites, lists, columns and items, with SharePoint's rules for values,
// indexes, unique columns, versions (ETags) and a change sequence for delta queries.
import { randomUUID } from 'node:crypto';
import { GraphError, invalidRequest } from './graphErrors';
import { toGraphInstant } from './londonDates';
import { DEFAULT_SITE_TIME_ZONE, SiteDates } from './siteDates';
import {
  listSecurityFromSeed,
  siteSecurityFromSeed,
  type ListSecurity,
  type SecurityDirectory,
  type SiteSecurity,
} from './sharepointSecurity';
import type { SeedColumn, SeedList, SeedSite } from './seedTypes';
import { DuplicateValuesError } from './uniqueColumns';

export type ColumnKind =
  'text' | 'multiText' | 'choice' | 'dateTime' | 'number' | 'boolean' | 'other';
export type ColumnDefinition = Record<string, unknown> & {
  id: string;
  name: string;
  displayName: string;
};

export interface StoredColumn {
  def: ColumnDefinition;
  kind: ColumnKind;
  builtIn: boolean;
}

export interface StoredItem {
  id: string;
  uniqueId: string;
  version: number;
  /** Store-wide change sequence number of the item's last change (delta). */
  seq: number;
  created: string;
  modified: string;
  author: Actor;
  editor: Actor;
  /** Column values as SharePoint returns them (dates as instants). */
  values: Record<string, unknown>;
}

export interface StoredList {
  id: string;
  name: string;
  displayName: string;
  description: string;
  created: string;
  modified: string;
  columns: StoredColumn[];
  items: Map<string, StoredItem>;
  nextItemId: number;
  /** Deleted items (delta), with their author so delta shows a deletion only to who could read it. */
  deletions: { id: string; seq: number; authorId?: string }[];
  /** Role assignments and item-level settings (sharepointSecurity.ts). */
  security: ListSecurity;
  /** The dates of the site the list is in (its regional time zone). */
  dates: SiteDates;
}

export interface StoredSite {
  id: string;
  hostname: string;
  path: string;
  displayName: string;
  webUrl: string;
  /** Regional settings' time zone (IANA): date-only columns keep local midnight in it. */
  timeZone: string;
  lists: StoredList[];
  /** Permission levels, principals, role assignments, app grants (sharepointSecurity.ts). */
  security: SiteSecurity;
}

export interface Actor {
  /** Directory user id; empty for the system account that created seed items. */
  id: string;
  displayName: string;
}

/** SharePoint's limit on indexed columns per list. */
export const MAX_INDEXED_COLUMNS = 20;
const SINGLE_LINE_MAX_LENGTH = 255;
/** Read-only fields every item has; writing them is refused. */
const SYSTEM_FIELDS = [
  'id',
  'ID',
  'Created',
  'Modified',
  'ContentType',
  'Author',
  'Editor',
  '_UIVersionString',
  'Attachments',
];

export function columnKind(def: Record<string, unknown>): ColumnKind {
  const text = def.text as { allowMultipleLines?: boolean } | undefined;
  if (text) return text.allowMultipleLines ? 'multiText' : 'text';
  if (def.choice) return 'choice';
  if (def.dateTime) return 'dateTime';
  if (def.number || def.currency) return 'number';
  if (def.boolean) return 'boolean';
  if (def.personOrGroup || def.lookup || def.hyperlinkOrPicture || def.calculated) return 'other';
  return 'text';
}

function isDateOnlyColumn(col: StoredColumn): boolean {
  return (col.def.dateTime as { format?: string } | undefined)?.format === 'dateOnly';
}

const columnDefaults = (name: string): Record<string, unknown> => ({
  columnGroup: 'Custom Columns',
  description: '',
  displayName: name,
  enforceUniqueValues: false,
  hidden: false,
  indexed: false,
  name,
  readOnly: false,
  required: false,
});

function builtInColumns(): StoredColumn[] {
  const make = (def: Record<string, unknown>): StoredColumn => ({
    def: {
      id: randomUUID(),
      ...columnDefaults(String(def.name)),
      columnGroup: '_Hidden',
      ...def,
    } as unknown as ColumnDefinition,
    kind: columnKind(def),
    builtIn: true,
  });
  return [
    make({
      name: 'Title',
      displayName: 'Title',
      required: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    }),
    make({ name: 'ID', displayName: 'ID', readOnly: true, indexed: true, number: {} }),
    make({
      name: 'Created',
      displayName: 'Created',
      readOnly: true,
      dateTime: { format: 'dateTime' },
    }),
    make({
      name: 'Modified',
      displayName: 'Modified',
      readOnly: true,
      dateTime: { format: 'dateTime' },
    }),
  ];
}

export class SharePointStore {
  readonly sites: StoredSite[];
  private changeSeq = 0;

  /** `resolveUser` turns a seed item's `createdBy` (userPrincipalName) into its author. */
  constructor(
    seedSites: SeedSite[],
    now = new Date(),
    private readonly resolveUser: (who: string) => Actor | undefined = () => undefined,
    /** Users and groups the seed's role assignments name (sharepointSecurity.ts). */
    readonly directory: SecurityDirectory = {
      findUser: () => undefined,
      findGroup: () => undefined,
      signInUserIds: () => [],
    },
  ) {
    this.sites = seedSites.map((s) => {
      const dates = new SiteDates(s.timeZone ?? DEFAULT_SITE_TIME_ZONE);
      const security = siteSecurityFromSeed(s, directory);
      return {
        id: s.id,
        hostname: s.hostname,
        path: s.path,
        displayName: s.displayName,
        webUrl: s.webUrl,
        timeZone: dates.timeZone,
        lists: s.lists.map((l) => this.listFromSeed(l, now, dates, security)),
        security,
      };
    });
  }

  get currentSeq(): number {
    return this.changeSeq;
  }

  private nextSeq(): number {
    this.changeSeq += 1;
    return this.changeSeq;
  }

  private listFromSeed(
    seed: SeedList,
    now: Date,
    dates: SiteDates,
    site: SiteSecurity,
  ): StoredList {
    const list = this.newList(seed.id, seed.displayName, seed.description ?? '', now, dates);
    list.security = listSecurityFromSeed(seed, site, this.directory);
    for (const c of seed.columns) this.addColumn(list, c, true);
    for (const it of seed.items) {
      const stamp = toGraphInstant(now);
      const system: Actor = (it.createdBy && this.resolveUser(it.createdBy)) || {
        id: '',
        displayName: it.createdBy ?? 'System Account',
      };
      const item: StoredItem = {
        id: it.id,
        uniqueId: randomUUID(),
        version: 1,
        seq: this.nextSeq(),
        created: stamp,
        modified: stamp,
        author: system,
        editor: system,
        values: {},
      };
      // Seeds may hold malformed values on purpose (tests): keep what cannot be normalised.
      for (const [k, v] of Object.entries(it.fields)) {
        const col = this.findColumn(list, k);
        if (k === 'Created' || k === 'Modified') {
          const d = typeof v === 'string' ? dates.parse(v) : null;
          if (d) item[k === 'Created' ? 'created' : 'modified'] = toGraphInstant(d);
          continue;
        }
        item.values[col?.def.name ?? k] = col ? this.lenientValue(list, col, v) : v;
      }
      list.items.set(item.id, item);
      list.nextItemId = Math.max(list.nextItemId, Number(it.id) + 1 || list.nextItemId);
    }
    return list;
  }

  private newList(
    id: string,
    displayName: string,
    description: string,
    now: Date,
    dates: SiteDates,
  ): StoredList {
    const stamp = toGraphInstant(now);
    return {
      id,
      name: displayName.replace(/[^A-Za-z0-9]/g, ''),
      displayName,
      description,
      created: stamp,
      modified: stamp,
      columns: builtInColumns(),
      items: new Map(),
      nextItemId: 1,
      deletions: [],
      dates,
      // A new list inherits the site's permissions and reads and writes all items.
      security: {
        hasUniqueRoleAssignments: false,
        assignments: [],
        readSecurity: 1,
        writeSecurity: 1,
        enableVersioning: false,
      },
    };
  }

  findSiteByPath(hostname: string, serverRelativePath: string): StoredSite | undefined {
    const norm = (p: string) => ('/' + p.replace(/^\/+|\/+$/g, '')).toLowerCase();
    return this.sites.find(
      (s) =>
        s.hostname.toLowerCase() === hostname.toLowerCase() &&
        norm(s.path) === norm(serverRelativePath),
    );
  }

  findSiteById(id: string): StoredSite | undefined {
    const lower = id.toLowerCase();
    return this.sites.find((s) => s.id.toLowerCase() === lower);
  }

  findList(site: StoredSite, idOrName: string): StoredList | undefined {
    const lower = idOrName.toLowerCase();
    return (
      site.lists.find((l) => l.id.toLowerCase() === lower) ??
      site.lists.find(
        (l) => l.displayName.toLowerCase() === lower || l.name.toLowerCase() === lower,
      )
    );
  }

  findColumn(list: StoredList, idOrName: string): StoredColumn | undefined {
    return (
      list.columns.find((c) => c.def.id === idOrName) ??
      list.columns.find((c) => c.def.name === idOrName) ??
      list.columns.find((c) => c.def.name.toLowerCase() === idOrName.toLowerCase())
    );
  }

  createList(
    site: StoredSite,
    displayName: string,
    description: string,
    columns: SeedColumn[],
  ): StoredList {
    if (this.findList(site, displayName)) {
      throw new GraphError(
        409,
        'nameAlreadyExists',
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
      );
    }
    const dates = new SiteDates(site.timeZone);
    const list = this.newList(randomUUID(), displayName, description, new Date(), dates);
    for (const c of columns) this.addColumn(list, c, false);
    site.lists.push(list);
    return list;
  }

  /** Adds a column; `merge` lets a seed redefine a built-in (Title). */
  addColumn(list: StoredList, input: SeedColumn, merge: boolean): StoredColumn {
    if (!input.name || typeof input.name !== 'string')
      throw invalidRequest('A column needs a name.');
    const existing = this.findColumn(list, input.name);
    if (existing) {
      if (merge && existing.builtIn) {
        Object.assign(existing.def, input, { id: existing.def.id, name: existing.def.name });
        existing.kind = columnKind(existing.def);
        return existing;
      }
      throw new GraphError(
        409,
        'nameAlreadyExists',
        `A column named '${input.name}' already exists in this list.`,
      );
    }
    const def = { ...columnDefaults(input.name), ...input, id: randomUUID() } as ColumnDefinition;
    const col: StoredColumn = { def, kind: columnKind(def), builtIn: false };
    this.checkColumnRules(list, col, [...list.columns, col]);
    list.columns.push(col);
    return col;
  }

  updateColumn(list: StoredList, col: StoredColumn, patch: Record<string, unknown>): StoredColumn {
    if (col.def.readOnly) throw invalidRequest(`Column '${col.def.name}' is read-only.`);
    const def = { ...col.def, ...patch, id: col.def.id, name: col.def.name } as ColumnDefinition;
    const candidate: StoredColumn = { def, kind: columnKind(def), builtIn: col.builtIn };
    this.checkColumnRules(
      list,
      candidate,
      list.columns.map((c) => (c === col ? candidate : c)),
    );
    if (def.enforceUniqueValues && !col.def.enforceUniqueValues) {
      const seen = new Set<string>();
      for (const item of list.items.values()) {
        const key = uniqueKey(item.values[def.name]);
        if (key === null) continue;
        if (seen.has(key))
          throw invalidRequest(
            `Column '${def.name}' holds duplicate values and cannot enforce unique values.`,
          );
        seen.add(key);
      }
    }
    col.def = def;
    col.kind = candidate.kind;
    return col;
  }

  private checkColumnRules(list: StoredList, col: StoredColumn, all: StoredColumn[]): void {
    if (col.def.indexed && col.kind === 'multiText') {
      throw invalidRequest(`Column '${col.def.name}' is multi-line text, which cannot be indexed.`);
    }
    if (col.def.enforceUniqueValues && !col.def.indexed) {
      throw invalidRequest(`Column '${col.def.name}' must be indexed to enforce unique values.`);
    }
    // ID is indexed by SharePoint itself and does not count towards the limit.
    const indexed = all.filter((c) => c.def.indexed && c.def.name !== 'ID').length;
    if (indexed > MAX_INDEXED_COLUMNS) {
      throw invalidRequest(
        `The list '${list.displayName}' cannot have more than ${MAX_INDEXED_COLUMNS} indexed columns.`,
      );
    }
  }

  // ---------- items ----------

  createItem(list: StoredList, fields: Record<string, unknown>, actor: Actor): StoredItem {
    const values = this.normaliseWrite(list, fields);
    this.checkUnique(list, values, undefined);
    const stamp = toGraphInstant(new Date());
    const item: StoredItem = {
      id: String(list.nextItemId++),
      uniqueId: randomUUID(),
      version: 1,
      seq: this.nextSeq(),
      created: stamp,
      modified: stamp,
      author: actor,
      editor: actor,
      values: dropNulls(values),
    };
    list.items.set(item.id, item);
    return item;
  }

  updateItem(
    list: StoredList,
    item: StoredItem,
    fields: Record<string, unknown>,
    actor: Actor,
  ): StoredItem {
    const changes = this.normaliseWrite(list, fields);
    const merged = dropNulls({ ...item.values, ...changes });
    this.checkUnique(list, merged, item.id);
    item.values = merged;
    item.version += 1;
    item.seq = this.nextSeq();
    item.modified = toGraphInstant(new Date());
    item.editor = actor;
    return item;
  }

  deleteItem(list: StoredList, item: StoredItem): void {
    list.items.delete(item.id);
    list.deletions.push({ id: item.id, seq: this.nextSeq(), authorId: item.author.id });
  }

  private normaliseWrite(
    list: StoredList,
    fields: Record<string, unknown>,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(fields)) {
      if (name.includes('@')) continue; // instance annotations (@odata.etag...)
      const col = this.findColumn(list, name);
      if (!col) throw invalidRequest(`Field '${name}' is not recognized`);
      if (col.def.readOnly || SYSTEM_FIELDS.includes(col.def.name)) {
        throw invalidRequest(`Field '${col.def.name}' is read-only`);
      }
      out[col.def.name] = this.strictValue(list, col, value);
    }
    return out;
  }

  private strictValue(list: StoredList, col: StoredColumn, value: unknown): unknown {
    if (value === null) return null;
    const bad = (what: string) => invalidRequest(`Field '${col.def.name}': ${what}`);
    switch (col.kind) {
      case 'text':
      case 'multiText':
      case 'choice': {
        if (typeof value !== 'string') throw bad('a string value is expected');
        const max =
          (col.def.text as { maxLength?: number } | undefined)?.maxLength ?? SINGLE_LINE_MAX_LENGTH;
        if (col.kind === 'text' && value.length > max)
          throw bad(`the value is longer than ${max} characters`);
        return value;
      }
      case 'number': {
        const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof n !== 'number' || !Number.isFinite(n)) throw bad('a number is expected');
        return n;
      }
      case 'boolean':
        if (typeof value !== 'boolean') throw bad('true or false is expected');
        return value;
      case 'dateTime': {
        const d = typeof value === 'string' ? list.dates.parse(value) : null;
        if (!d) throw bad('a date (YYYY-MM-DD) or an ISO 8601 date-time is expected');
        return storedDate(list, col, d);
      }
      default:
        return value;
    }
  }

  private lenientValue(list: StoredList, col: StoredColumn, value: unknown): unknown {
    if (col.kind !== 'dateTime' || typeof value !== 'string') return value;
    const d = list.dates.parse(value);
    return d ? storedDate(list, col, d) : value;
  }

  private checkUnique(
    list: StoredList,
    values: Record<string, unknown>,
    selfId: string | undefined,
  ): void {
    const clashes: string[] = [];
    for (const col of list.columns) {
      if (!col.def.enforceUniqueValues) continue;
      const key = uniqueKey(values[col.def.name]);
      if (key === null) continue;
      for (const other of list.items.values()) {
        if (other.id !== selfId && uniqueKey(other.values[col.def.name]) === key) {
          clashes.push(col.def.name);
          break;
        }
      }
    }
    if (clashes.length) throw new DuplicateValuesError(clashes);
  }
}

/** A date-only column keeps the day in the site's zone, stored as that day's local midnight. */
function storedDate(list: StoredList, col: StoredColumn, d: Date): string {
  return isDateOnlyColumn(col) ? list.dates.storedDateOnly(d) : toGraphInstant(d);
}

function uniqueKey(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v);
}

function dropNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== null && v !== undefined),
  );
}

export function etagOf(item: StoredItem): string {
  return `"${item.uniqueId},${item.version}"`;
}
