// The workbench's "run the routing job": what `npm run routing -- apply --graph-url <this service>
// --state -` does, from src/routing (the CLI in tools/ is not the local service's to import):
// the app-only local token, or a signed-in user's for `user`; the default site; no copy of the
// restrictions kept between runs; the report written to the Routing Status list.
import {
  createLocalAppOnlyTokenProvider,
  createLocalTokenProvider,
} from '../../src/auth/localTokenProvider';
import { MemoryStore } from '../../src/cache/keyValueStore';
import { defaultConfig } from '../../src/config/appConfig';
import { reconcile } from '../../src/routing/reconciler';
import { printReport, routingExitCode, routingFailureText } from '../../src/routing/report';
import { routingServices } from '../../src/routing/services';

export async function applyRouting(
  graphUrl: string,
  user: string | undefined,
): Promise<{ exitCode: number; report: string[] }> {
  const lines: string[] = [];
  try {
    const deps = routingServices({
      graphUrl: new URL(graphUrl).origin,
      tokenProvider: user ? createLocalTokenProvider(user) : createLocalAppOnlyTokenProvider(),
      sharePoint: defaultConfig.sharePoint,
      mail: { restrictedFolderName: defaultConfig.mail.restrictedFolderName },
      store: new MemoryStore(),
    });
    const report = await reconcile('apply', { ...deps, writeStatus: true });
    printReport(report, (l) => lines.push(l));
    return { exitCode: routingExitCode(report), report: lines };
  } catch (e) {
    lines.push(routingFailureText(e));
    return { exitCode: 1, report: lines };
  }
}
