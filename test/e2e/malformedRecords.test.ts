// Incomplete records in the Contact Restrictions list: skipped with a visible warning, and never
// allowed to turn a verdict into "clear" for the sender they name. Runs the workbench on another
// seed (npm start -- --seed FILE), which also shows the pane follows that seed's site.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningWorkbench } from '../../dev/workbench/start';
import {
  launchChromium,
  openWorkbench,
  selectMessage,
  startTestWorkbench,
  verdictFor,
  type OpenWorkbench,
} from './support/browser';

jest.setTimeout(60_000);

let browser: Browser;
let workbench: RunningWorkbench;
let open: OpenWorkbench;

beforeAll(async () => {
  [browser, workbench] = await Promise.all([
    launchChromium(),
    startTestWorkbench({
      seed: path.resolve(__dirname, '../../dev/local-graph/seeds/test-malformed.json'),
    }),
  ]);
  open = await openWorkbench(browser, workbench.url);
});
afterAll(async () => {
  await open?.close();
  await browser?.close();
  await workbench?.close();
});

test('a good record still restricts, and the skipped records are counted where staff see it', async () => {
  await selectMessage(open.page, 'From the good restriction');
  expect(await verdictFor(open.pane, 'From the good restriction')).toBe('restricted');
  expect(await open.pane.textContent('[data-testid="unreadable-warning"]')).toContain(
    '3 restriction records are incomplete',
  );
});

test('a sender named in an unreadable record gets "cannot check", never "clear"', async () => {
  await selectMessage(open.page, 'From the item with a bad status');
  expect(await verdictFor(open.pane, 'From the item with a bad status')).toBe('unavailable');
  expect(await open.pane.textContent('[data-verdict]')).toContain('incomplete');
  expect(await open.pane.locator('text=Try again').count()).toBe(0);
});

test('a sender in no record is clear, with the warning still shown', async () => {
  await selectMessage(open.page, 'From a clear sender');
  expect(await verdictFor(open.pane, 'From a clear sender')).toBe('clear');
  expect(await open.pane.isVisible('[data-testid="unreadable-warning"]')).toBe(true);
});
