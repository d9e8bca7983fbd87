// One browser and one workbench per test file, a fresh browser profile per test, and the local
// service's faults cleared after each: the set-up every browser test shares.
import type { Browser } from 'playwright-core';
import type { RunningWorkbench, WorkbenchOptions } from '../../../dev/workbench/start';
import {
  launchChromium,
  openWorkbench,
  setFaults,
  startTestWorkbench,
  type OpenWorkbench,
} from './browser';

export interface WorkbenchSession {
  readonly browser: Browser;
  readonly workbench: RunningWorkbench;
  readonly url: string;
  /** The workbench in a fresh browser profile (empty IndexedDB), closed after the test. */
  open(): Promise<OpenWorkbench>;
}

export function workbenchSession(options: WorkbenchOptions = {}): WorkbenchSession {
  let browser: Browser | undefined;
  let workbench: RunningWorkbench | undefined;
  const opened: OpenWorkbench[] = [];
  const ready = () => {
    if (!browser || !workbench) throw new Error('the workbench session has not started');
    return { browser, workbench };
  };

  beforeAll(async () => {
    [browser, workbench] = await Promise.all([launchChromium(), startTestWorkbench(options)]);
  });
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.close();
    if (workbench) {
      await setFaults(workbench.url, {
        throttleRate: 0,
        unavailableRate: 0,
        down: false,
        latencyMs: 0,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await workbench?.close();
  });

  return {
    get browser() {
      return ready().browser;
    },
    get workbench() {
      return ready().workbench;
    },
    get url() {
      return ready().workbench.url;
    },
    async open() {
      const { browser: b, workbench: w } = ready();
      const o = await openWorkbench(b, w.url);
      opened.push(o);
      return o;
    },
  };
}
