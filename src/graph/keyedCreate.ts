// Creating a list item whose key sits in a unique column (EventKey, AuditKey, PersonKey, a setting's
// Title). SharePoint refuses a duplicate, but not in one way: through Graph the refusal is a 500
// carrying SPDuplicateValuesFoundException, a 400 or a 409 nameAlreadyExists, depending on the
// tenant (dev/local-graph/README.md, row 7). A lost answer (a 5xx or a dropped connection after
// SharePoint acted) looks no different. So the status decides nothing: after ANY error the key
// is looked up. Found: the item is there, the create is done. Not found: the original error.
import type { Client } from '@microsoft/microsoft-graph-client';
import { odataString } from '../policy/mailActions/folders';
import { GraphAccessError } from './errors';
import { type GraphCalls, graphCallsOf } from './graphCalls';

export interface KeyedCreate {
  /** `.../lists/{list}/items` */
  itemsPath: string;
  /** The unique, indexed column holding the key. */
  keyColumn: string;
  key: string;
  fields: Record<string, unknown>;
  /**
   * May the POST itself be retried on 429/503 (RetrySafety)? Safe when a repeat can only meet
   * the first attempt's item and be refused; the look-up then settles it.
   */
  retrySafe?: boolean;
}

export type KeyedCreateResult =
  | { created: true; item: Record<string, unknown> }
  /** The key was already there (an earlier attempt, or someone else: the caller decides). */
  | { created: false; item: Record<string, unknown>; error: GraphAccessError };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function createKeyed(
  client: Client | GraphCalls,
  c: KeyedCreate,
): Promise<KeyedCreateResult> {
  const calls = graphCallsOf(client);
  try {
    const created = await calls.post<unknown>(
      c.itemsPath,
      { fields: c.fields },
      c.retrySafe ? { idempotent: true } : {},
    );
    return { created: true, item: isRecord(created) ? created : {} };
  } catch (e) {
    const error = e instanceof GraphAccessError ? e : new GraphAccessError('unknown');
    const existing = await findByKey(calls, c).catch(() => undefined);
    if (existing) return { created: false, item: existing, error };
    throw error;
  }
}

/** The item holding `key` in the key column (with its fields), or undefined. */
export async function findByKey(
  client: Client | GraphCalls,
  c: Pick<KeyedCreate, 'itemsPath' | 'keyColumn' | 'key'>,
): Promise<Record<string, unknown> | undefined> {
  const filter = encodeURIComponent(`fields/${c.keyColumn} eq '${odataString(c.key)}'`);
  const body = await graphCallsOf(client).get<unknown>(
    `${c.itemsPath}?$expand=fields&$filter=${filter}&$top=1`,
  );
  const first = isRecord(body) && Array.isArray(body.value) ? body.value[0] : undefined;
  return isRecord(first) ? first : undefined;
}
