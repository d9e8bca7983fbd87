// A KeyValueStore in one JSON file: the reconciler keeps its copy of the restrictions (and the
// delta link) between runs, so a run with no change reads only the changes. The file holds
// parents' addresses: it is written with owner-only permissions (0600).
import fs from 'node:fs/promises';
import type { KeyValueStore } from '../../src/cache/keyValueStore';

export class FileStore implements KeyValueStore {
  constructor(private readonly path: string) {}

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.readAll())[key] as T | undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    const all = await this.readAll();
    all[key] = value;
    await this.writeAll(all);
  }

  async delete(key: string): Promise<void> {
    const all = await this.readAll();
    delete all[key];
    await this.writeAll(all);
  }

  async keys(): Promise<string[]> {
    return Object.keys(await this.readAll());
  }

  private async readAll(): Promise<Record<string, unknown>> {
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(this.path, 'utf8'));
      return typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {}; // missing or unreadable: the next run reads everything again
    }
  }

  private async writeAll(all: Record<string, unknown>): Promise<void> {
    const temporary = `${this.path}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(all), { mode: 0o600 });
    await fs.rename(temporary, this.path);
  }
}
