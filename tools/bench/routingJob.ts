// The routing job as the bench runs it: in a process of its own, so its memory is measured apart
// from the local service (which runs in the bench's process). Runs `apply` `runs` times against
// the given Graph URL, as the bench seed's admin, and prints one JSON line per run: requests,
// round trips, the plan's minimum, outcomes, wall time, and this process's peak memory.
// Usage (from routingBench.ts): tsx tools/bench/routingJob.ts <graphUrl> <domain> <runs>
import { createLocalAppOnlyTokenProvider } from '../../src/auth/localTokenProvider';
import { MemoryStore } from '../../src/cache/keyValueStore';
import { defaultConfig } from '../../src/config/appConfig';
import { reconcile } from '../../src/routing/reconciler';
import { routingServices } from '../../src/routing/services';

export interface JobRun {
  batchedRequests: number;
  batchRoundTrips: number;
  minimumRequests: number;
  /** Every HTTP response the job received: $batch round trips plus the unbatched requests. */
  http: number;
  /** Requests that were not inside a $batch (settings, restrictions delta, statuses, run item). */
  unbatched: number;
  ms: number;
  mailboxes: number;
  failed: number;
  changed: number;
  rulesCreated: number;
  problems: string[];
  /** Peaks of this process so far, sampled every 20 ms (MB). */
  peakRssMb: number;
  peakHeapMb: number;
}

async function main(): Promise<void> {
  const [graphUrl, domain, runsText] = process.argv.slice(2);
  if (!graphUrl || !domain) throw new Error('usage: routingJob.ts <graphUrl> <domain> <runs>');
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const store = new MemoryStore();
  let http = 0;
  for (let run = 0; run < Number(runsText ?? '1'); run += 1) {
    http = 0;
    const started = performance.now();
    const report = await reconcile(
      'apply',
      routingServices({
        graphUrl,
        tokenProvider: createLocalAppOnlyTokenProvider(),
        sharePoint: defaultConfig.sharePoint,
        mail: { restrictedFolderName: 'Restricted correspondence' },
        store,
        onResponse: () => {
          http += 1;
        },
      }),
    );
    sample();
    const out: JobRun = {
      batchedRequests: report.batchedRequests,
      batchRoundTrips: report.batchRoundTrips,
      minimumRequests: report.minimumRequests,
      http,
      unbatched: http - report.batchRoundTrips,
      ms: Math.round(performance.now() - started),
      mailboxes: report.mailboxes.length,
      failed: report.mailboxes.filter((m) => m.outcome === 'Failed').length,
      changed: report.mailboxes.filter((m) => m.outcome !== 'InStep').length,
      rulesCreated: report.mailboxes.reduce((s, m) => s + m.created, 0),
      problems: [...report.settingsProblems, ...(report.fatal ? [report.fatal] : [])],
      peakRssMb: Math.round(peakRss / 1024 / 1024),
      peakHeapMb: Math.round(peakHeap / 1024 / 1024),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  clearInterval(timer);
}

main().catch((e: unknown) => {
  console.error('routing job failed:', e instanceof Error ? e.message : 'unknown error');
  process.exitCode = 1;
});
