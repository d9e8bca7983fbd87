// The Routing Status list at the size a year of runs gives it, against the strict local service:
// the latest run is found without any query crossing SharePoint's 5,000-item list view threshold.
import { startLocalGraph, type RunningLocalGraph, type Seed } from '../../../dev/local-graph';
import { loadSeed } from '../../../dev/local-graph/seedLoader';
import { createLocalAppOnlyTokenProvider } from '../../../src/auth/localTokenProvider';
import { defaultConfig } from '../../../src/config/appConfig';
import { createGraphClient } from '../../../src/graph/client';
import { GraphCalls } from '../../../src/graph/graphCalls';
import { RoutingStatusRepository } from '../../../src/graph/repositories/routingStatusRepository';
import { listItemsPath } from '../../../src/graph/sharePoint';

const HOUR = 60 * 60 * 1000;
const NOW = Date.now();

/** The demo seed with `runs` Run items, one an hour back from `newestHoursAgo`. */
function seedWithRuns(runs: number, newestHoursAgo: number): Seed {
  const seed = loadSeed(undefined);
  const list = seed.sites[0]!.lists.find((l) => l.displayName === 'Routing Status')!;
  list.items = Array.from({ length: runs }, (_, i) => {
    const at = new Date(NOW - (newestHoursAgo + i) * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      id: String(i + 1),
      fields: { Title: at, Kind: 'Run', RunAt: at, Mode: 'apply', Outcome: 'InStep' },
    };
  });
  return seed;
}

describe('Routing Status: the latest run on a list over the list view threshold', () => {
  let graph: RunningLocalGraph | undefined;
  afterEach(() => graph?.close());

  async function repository(
    seed: Seed,
  ): Promise<{ repo: RoutingStatusRepository; calls: GraphCalls }> {
    graph = await startLocalGraph({ port: 0, seed });
    const calls = new GraphCalls(
      createGraphClient({
        baseUrl: graph.url,
        tokenProvider: createLocalAppOnlyTokenProvider(),
        retry: { maxRetries: 0 },
      }),
    );
    return { repo: new RoutingStatusRepository(calls, defaultConfig.sharePoint), calls };
  }

  it('finds the newest of 6,000 runs (an hourly job for eight months)', async () => {
    const { repo, calls } = await repository(seedWithRuns(6_000, 1));
    const last = await repo.lastRun();
    expect(last?.runAt).toBe(new Date(NOW - HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    // The query it replaced ("every Run item, newest first") is refused on a list this size.
    const items = listItemsPath(
      defaultConfig.sharePoint,
      defaultConfig.sharePoint.lists.routingStatus,
    );
    await expect(
      calls.get(
        `${items}?$expand=fields&$filter=fields/Kind eq 'Run'&$orderby=fields/RunAt desc&$top=1`,
      ),
    ).rejects.toMatchObject({ status: expect.any(Number) });
  });

  it('looks further back when the job has not run for weeks', async () => {
    const { repo } = await repository(seedWithRuns(6_000, 30 * 24));
    const last = await repo.lastRun();
    expect(last?.runAt).toBe(
      new Date(NOW - 30 * 24 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
  });

  it('says there is no run when the list holds none', async () => {
    const { repo } = await repository(seedWithRuns(0, 0));
    expect(await repo.lastRun()).toBeUndefined();
  });
});
