// The browser tests' helpers: the workbench opened in Debian's chromium (launched by
// dev/browser/launchChromium.ts, which the bench shares), a message selected, its verdict read.
import type { Browser, Frame, Page } from 'playwright-core';
import {
  startWorkbench,
  type RunningWorkbench,
  type WorkbenchOptions,
} from '../../../dev/workbench/start';

export { chromiumPath, launchChromium } from '../../../dev/browser/launchChromium';

/** A workbench server on a free port, serving the bundle global-setup built. */
export function startTestWorkbench(options: WorkbenchOptions = {}): Promise<RunningWorkbench> {
  return startWorkbench({ port: 0, build: false, quiet: true, ...options });
}

export interface OpenWorkbench {
  page: Page;
  pane: Frame;
  close(): Promise<void>;
}

/** Opens the workbench in a fresh browser profile (empty IndexedDB: a cold cache). */
export async function openWorkbench(browser: Browser, url: string): Promise<OpenWorkbench> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const handle = await page.waitForSelector('iframe#taskpane');
  const pane = await handle.contentFrame();
  if (!pane) throw new Error('The task pane frame did not load');
  await pane.waitForSelector('main');
  return { page, pane, close: () => context.close() };
}

export async function selectMessage(page: Page, subject: string): Promise<void> {
  await page.locator('#messages button', { hasText: subject }).first().click();
}

// The verdict is the element with `data-verdict` (issue 13: no longer a live region itself).
export { verdictFor } from '../../../dev/browser/workbenchPane';

export async function setFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/_dev/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`/_dev/faults answered ${response.status}`);
}
