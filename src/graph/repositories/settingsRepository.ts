// The Settings list (one item per setting: Title = key, Value = text). Read whole (it is small);
// written one setting at a time, creating the item when the key is new.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AppConfig, ListNames } from '../../config/appConfig';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
import { listItemPath, listItemsPath } from '../sharePoint';
import { createKeyed } from '../keyedCreate';

export type SettingsListAddress = Pick<AppConfig['sharePoint'], 'hostname' | 'sitePath'> & {
  lists: Pick<ListNames, 'settings'>;
};

export interface SettingEntry {
  itemId: string;
  key: string;
  value: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_PAGES = 20;

export class SettingsRepository {
  private readonly calls: GraphCalls;

  constructor(
    client: Client | GraphCalls,
    private readonly sharePoint: SettingsListAddress,
  ) {
    this.calls = graphCallsOf(client);
  }

  /** Every setting; a key given twice keeps its first item (SharePoint enforces unique Titles). */
  async readAll(): Promise<SettingEntry[]> {
    const entries: SettingEntry[] = [];
    const items = await this.calls.all<unknown>(
      `${listItemsPath(this.sharePoint, this.sharePoint.lists.settings)}?$expand=fields($select=Title,Value)&$top=999`,
      { maxPages: MAX_PAGES },
    );
    for (const item of items) {
      if (!isRecord(item) || typeof item.id !== 'string' || !isRecord(item.fields)) continue;
      const key = typeof item.fields.Title === 'string' ? item.fields.Title.trim() : '';
      if (key === '' || entries.some((e) => e.key.toLowerCase() === key.toLowerCase())) continue;
      entries.push({
        itemId: item.id,
        key,
        value: typeof item.fields.Value === 'string' ? item.fields.Value : '',
      });
    }
    return entries;
  }

  /** Settings as a key → value map (keys as written). */
  async readMap(): Promise<Map<string, string>> {
    return new Map((await this.readAll()).map((e) => [e.key, e.value]));
  }

  /** Sets one setting, creating its item when there is none. */
  async write(key: string, value: string, existing?: SettingEntry[]): Promise<void> {
    const entries = existing ?? (await this.readAll());
    const found = entries.find((e) => e.key.toLowerCase() === key.toLowerCase());
    if (found) {
      await this.calls.patch(
        `${listItemPath(this.sharePoint, this.sharePoint.lists.settings, found.itemId)}/fields`,
        { Value: value },
      );
    } else {
      await this.create(key, value);
    }
  }

  /**
   * A new setting; Title is unique, so after any error the key is looked up (keyedCreate.ts).
   * Found (our lost create, or another admin's): a setting is a value to set, so it is set there.
   */
  private async create(key: string, value: string): Promise<void> {
    const result = await createKeyed(this.calls, {
      itemsPath: listItemsPath(this.sharePoint, this.sharePoint.lists.settings),
      keyColumn: 'Title',
      key,
      fields: { Title: key, Value: value },
    });
    const found = result.item;
    const fields = typeof found.fields === 'object' && found.fields !== null ? found.fields : {};
    if (result.created || (fields as Record<string, unknown>).Value === value) return;
    if (typeof found.id !== 'string') throw result.error;
    await this.calls.patch(
      `${listItemPath(this.sharePoint, this.sharePoint.lists.settings, found.id)}/fields`,
      { Value: value },
    );
  }
}
