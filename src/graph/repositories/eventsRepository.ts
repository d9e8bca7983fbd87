// Adds contact events to the Contact Events list. Each item carries its device-made EventKey in a
// unique, indexed column: the POST may therefore be retried (RetrySafety), and after any error the
// key is looked up (keyedCreate.ts): a retry that meets the first attempt's item is the success it
// looks like, whatever status SharePoint refused the duplicate with (500, 400 or 409).
// The pane never reads the list: "logged by whom, when" comes from the email's mark.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig } from '../../config/appConfig';
import { eventListFields, type ContactEvent } from '../../policy/events/contactEvent';
import type { GraphCalls } from '../graphCalls';
import { createKeyed, type KeyedCreate } from '../keyedCreate';
import { listItemsPath } from '../sharePoint';

export type EventsListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: { events: string };
};

export interface AddResult {
  /** The item's id (the one found when it was already there). */
  itemId?: string;
  duplicate: boolean;
}

export class EventsRepository {
  constructor(
    private readonly client: Client | GraphCalls,
    private readonly sharePoint: EventsListAddress,
  ) {}

  async add(event: ContactEvent, extraFields: Record<string, unknown> = {}): Promise<AddResult> {
    const result = await createKeyed(this.client, this.create(event, extraFields));
    const id = typeof result.item.id === 'string' ? result.item.id : undefined;
    return result.created ? { itemId: id, duplicate: false } : { itemId: id, duplicate: true };
  }

  /** The keyed create for one event (for a caller that sends it in a batch). */
  create(event: ContactEvent, extraFields: Record<string, unknown> = {}): KeyedCreate {
    const fields = { ...eventListFields(event), ...extraFields };
    return {
      itemsPath: listItemsPath(this.sharePoint, this.sharePoint.lists.events),
      keyColumn: 'EventKey',
      key: event.key,
      fields,
      retrySafe: true,
    };
  }
}
