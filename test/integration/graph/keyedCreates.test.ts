// Keyed creates against the local service under its default duplicate answer (500
// SPDuplicateValuesFoundException; CI reruns this file with 400 and 409): a create whose key is
// already there is settled by a look-up of the key, never by the status.
import { startLocalGraph } from '../../../dev/local-graph';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { defaultConfig } from '../../../src/config/appConfig';
import { createGraphClient } from '../../../src/graph/client';
import { createKeyed } from '../../../src/graph/keyedCreate';
import { SettingsRepository } from '../../../src/graph/repositories/settingsRepository';
import { listItemsPath } from '../../../src/graph/sharePoint';

type RunningGraph = Awaited<ReturnType<typeof startLocalGraph>>;
const SP = defaultConfig.sharePoint;
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0 });
});
afterAll(() => graph.close());
afterEach(() => graph.reset());

const client = () =>
  createGraphClient({
    baseUrl: graph.url,
    // Settings are written by admins (the reviewers' head teacher only reads them).
    tokenProvider: createLocalTokenProvider('it.admin@oakfield.sch.uk'),
    retry: { sleep: () => Promise.resolve(), baseDelayMs: 1 },
  });

test('a setting created meanwhile by someone else is found by its key and set there', async () => {
  const settings = new SettingsRepository(client(), SP);
  const stale = await settings.readAll(); // read before another admin adds the key
  await settings.write('NewSetting', 'first', stale);
  await settings.write('NewSetting', 'second', stale); // create refused: found, then set
  const map = await settings.readMap();
  expect(map.get('NewSetting')).toBe('second');
  expect((await settings.readAll()).filter((e) => e.key === 'NewSetting')).toHaveLength(1);
});

test('createKeyed: found = done with the item; not found = the original error', async () => {
  const itemsPath = listItemsPath(SP, SP.lists.settings);
  const c = client();
  const first = await createKeyed(c, {
    itemsPath,
    keyColumn: 'Title',
    key: 'K1',
    fields: { Title: 'K1', Value: 'v' },
  });
  expect(first.created).toBe(true);
  const again = await createKeyed(c, {
    itemsPath,
    keyColumn: 'Title',
    key: 'K1',
    fields: { Title: 'K1', Value: 'v' },
  });
  expect(again).toMatchObject({ created: false, item: { id: first.item.id } });
  await expect(
    createKeyed(c, { itemsPath, keyColumn: 'Title', key: 'K2', fields: { Title: 'K2', Nope: 1 } }),
  ).rejects.toMatchObject({ kind: 'badRequest' });
});
