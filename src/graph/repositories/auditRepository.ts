// Appends entries to the Audit list. Append-only: this class can only add. Each entry has a unique
// AuditKey, so a retried POST never adds a second entry: after any error the key is looked up
// (keyedCreate.ts), and an entry already there is the success it looks like.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../../config/appConfig';
import type { GraphCalls } from '../graphCalls';
import { createKeyed, type KeyedCreate } from '../keyedCreate';
import { listItemsPath } from '../sharePoint';
import type { AUDIT_ACTIONS } from '../schema/auditList';

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  /** Unique per action, e.g. `EventLogged:<event key>`. */
  key: string;
  action: AuditAction;
  /** A short, plain description: no addresses, no message content. */
  what: string;
  actorName: string;
  actorEmail: string;
  /** ISO date-time. */
  at: string;
  target?: string;
  internetMessageId?: string;
}

export type AuditListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: { audit: string };
};

export function auditFields(entry: AuditEntry): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    Title: entry.what,
    AuditKey: entry.key,
    Action: entry.action,
    ActorName: entry.actorName,
    ActorEmail: entry.actorEmail,
    At: entry.at,
  };
  if (entry.target) fields.Target = entry.target;
  if (entry.internetMessageId) fields.InternetMessageId = entry.internetMessageId;
  return fields;
}

export class AuditRepository {
  constructor(
    private readonly client: Client | GraphCalls,
    private readonly sharePoint: AuditListAddress,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    await createKeyed(this.client, this.create(entry));
  }

  /** The keyed create for one entry (for a caller that sends it in a batch). */
  create(entry: AuditEntry): KeyedCreate {
    return {
      itemsPath: listItemsPath(this.sharePoint, this.sharePoint.lists.audit),
      keyColumn: 'AuditKey',
      key: entry.key,
      fields: auditFields(entry),
      retrySafe: true,
    };
  }
}
