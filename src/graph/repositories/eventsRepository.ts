// Adds contact events to the Contact Events list. Each item carries its device-made EventKey in a
// unique, indexed column: the POST may therefore be retried (RetrySafety), and a retry that meets
// the first attempt's item (409 from SharePoint's unique-value check) is the success it looks like.
// The pane never reads the list: "logged by whom, when" comes from the email's mark.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../../config/appConfig';
import { eventListFields, type ContactEvent } from '../../policy/events/contactEvent';
import { RetrySafety } from '../middleware/retryMiddleware';
import { toGraphAccessError } from '../errors';
import { listItemsPath } from '../sharePoint';

export type EventsListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: { events: string };
};

export interface AddResult {
  /** The new item's id; undefined when the item was already there (a retry). */
  itemId?: string;
  duplicate: boolean;
}

export class EventsRepository {
  constructor(
    private readonly client: Client,
    private readonly sharePoint: EventsListAddress,
  ) {}

  async add(event: ContactEvent, extraFields: Record<string, unknown> = {}): Promise<AddResult> {
    const path = listItemsPath(this.sharePoint, this.sharePoint.lists.events);
    try {
      const created = (await this.client
        .api(path)
        .middlewareOptions([new RetrySafety({ idempotent: true })])
        .post({ fields: { ...eventListFields(event), ...extraFields } })) as { id?: unknown };
      return { itemId: typeof created?.id === 'string' ? created.id : undefined, duplicate: false };
    } catch (e) {
      const error = toGraphAccessError(e);
      if (error.kind === 'conflict') return { duplicate: true };
      throw error;
    }
  }
}
