// Appends entries to the Audit list. Append-only: this class can only add. Each entry has a unique
// AuditKey, so a retried POST never adds a second entry (409 = already there = success).
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../../config/appConfig';
import { RetrySafety } from '../middleware/retryMiddleware';
import { toGraphAccessError } from '../errors';
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
    private readonly client: Client,
    private readonly sharePoint: AuditListAddress,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    try {
      await this.client
        .api(listItemsPath(this.sharePoint, this.sharePoint.lists.audit))
        .middlewareOptions([new RetrySafety({ idempotent: true })])
        .post({ fields: auditFields(entry) });
    } catch (e) {
      const error = toGraphAccessError(e);
      if (error.kind !== 'conflict') throw error;
    }
  }
}
