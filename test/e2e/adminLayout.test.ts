// The admin view as the school's IT technician sees it (issue 13 item 9), in Debian's chromium:
// a plain summary of the last routing run and what needs action first; the job's report, rule
// names and commands only behind "Technical details"; no sideways scroll at 320 and 350 px and
// axe-core's serious and critical findings none, in light, dark and high contrast.
import type { Frame, Page } from 'playwright-core';
import { mailboxFields, runFields } from '../../src/graph/repositories/routingStatusRepository';
import { workbenchSession } from './support/session';
import {
  PANE_WIDTHS,
  THEMES,
  seriousAxeViolations,
  setPaneWidth,
  setTheme,
  sidewaysOverflow,
} from './support/layout';

jest.setTimeout(180_000);

const ADMIN = 'it.admin@oakfield.sch.uk';
const session = workbenchSession();

beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
});

/** Runs the workbench's routing job (as the scheduled job would) and waits for its report. */
async function runRoutingJob(page: Page): Promise<void> {
  await page.click('#routing');
  await page.waitForFunction(() =>
    document.getElementById('delivery-status')?.textContent?.startsWith('Routing job: Apply'),
  );
}

/** Opens the admin's mailbox and the Admin tab; returns the pane once the summary has loaded. */
async function openAdmin(page: Page): Promise<Frame> {
  await page.selectOption('#mailbox', ADMIN);
  const handle = await page.waitForSelector('iframe#taskpane');
  const pane = (await handle.contentFrame())!;
  await pane.waitForSelector('main');
  await pane.getByRole('tab', { name: 'Admin' }).click();
  await pane.waitForSelector('[data-testid="last-run"]', { timeout: 20_000 });
  await pane.waitForSelector('text=Save settings');
  return pane;
}

/** The text a person sees (closed <details> content is not rendered, so not in innerText). */
const visibleText = (pane: Frame) =>
  pane.evaluate(() => document.querySelector('main')?.innerText ?? '');

async function expectNoOverflowOrAxe(page: Page, pane: Frame, state: string): Promise<void> {
  for (const width of PANE_WIDTHS) {
    await setPaneWidth(page, width);
    for (const theme of THEMES) {
      // setTheme waits for the pane to take the theme; axe waits for the colour fades to end.
      await setTheme(page, theme);
      const overflow = await sidewaysOverflow(pane);
      expect({ state, width, theme, ...overflow }).toEqual({
        state,
        width,
        theme,
        documentOverflow: 0,
        offenders: [],
      });
      expect({ state, width, theme, axe: await seriousAxeViolations(pane) }).toEqual({
        state,
        width,
        theme,
        axe: [],
      });
    }
  }
  await setTheme(page, 'light');
}

it('after a run: the summary in sentences first, nothing to do, the report and commands behind Technical details', async () => {
  const { page } = await session.open();
  await runRoutingJob(page);
  const pane = await openAdmin(page);

  const summary = (await pane.textContent('[data-testid="last-run"]')) ?? '';
  expect(summary).toMatch(
    /^The last run, at \d{1,2} \w{3} \d{4}, \d\d:\d\d, looked at 4 protected mailboxes and put 4 of them right\. Every protected mailbox now has the rules it needs\.$/,
  );
  expect(await pane.textContent('[data-testid="nothing-to-do"]')).toBe(
    'Nothing needs your action.',
  );
  expect(await pane.locator('[data-testid="needs-action"]').count()).toBe(0);
  expect(await pane.locator('[data-testid="put-right"] li').allTextContents()).toEqual([
    'business.manager@oakfield.sch.uk: 2 rule changes.',
    'head@oakfield.sch.uk: 2 rule changes.',
    'office@oakfield.sch.uk: 6 rule changes; the folder for restricted correspondence was made.',
    'reception@oakfield.sch.uk: 6 rule changes; the folder for restricted correspondence was made.',
  ]);
  // The summary comes before the settings and the admin's own mailbox.
  const headings = await pane.locator('main h2').allTextContents();
  expect(headings).toEqual(['Mail routing', 'Protected mailboxes and defaults', 'My mailbox']);

  // Commands, modes and the job's report are collapsed: not shown until asked for.
  const details = pane.locator('[data-testid="technical-details"]');
  expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  let seen = await visibleText(pane);
  for (const hidden of ['npm run', 'routing -- apply', '(apply', 'Rules created', 'docs/routing'])
    expect(seen).not.toContain(hidden);
  expect(await pane.locator('pre:visible, code:visible').count()).toBe(0);

  await expectNoOverflowOrAxe(page, pane, 'summary, details closed');

  // Opened by keyboard, the details show the report and how the job is scheduled.
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  seen = await visibleText(pane);
  expect(seen).toContain('npm run routing -- apply');
  expect(seen).toContain('Rules created 6, updated 0, deleted 0.');
  expect(seen).toContain('See docs/routing.md.');

  // The admin's own mailbox: a sentence first, the rules by name behind their own details.
  await pane.getByRole('button', { name: 'Check my mailbox' }).click();
  await pane.waitForSelector('[data-testid="my-plan"]');
  const plan = (await pane.textContent('[data-testid="my-plan"]')) ?? '';
  expect(plan).toContain(
    'Updating your mailbox will make the folder “Restricted correspondence” and add 6 rules.',
  );
  expect(await pane.locator('[data-testid="my-plan"] li:visible').count()).toBe(0);

  await expectNoOverflowOrAxe(page, pane, 'details open, plan shown');
});

it('before any run: says the job has not run and what to do about it, without overflow or axe findings', async () => {
  const { page } = await session.open();
  const pane = await openAdmin(page);
  expect(await pane.textContent('[data-testid="last-run"]')).toBe(
    'The routing job has not run yet.',
  );
  const action = (await pane.textContent('[data-testid="needs-action"]')) ?? '';
  expect(action).toContain('Needs your action');
  expect(action).toContain('Set up the scheduled routing job.');
  expect(await pane.locator('[data-testid="nothing-to-do"]').count()).toBe(0);
  await expectNoOverflowOrAxe(page, pane, 'not run yet');
});

/** Writes a Routing Status item as the job would (as the demo IT admin, the site's owner). */
async function writeStatus(fields: Record<string, unknown>): Promise<void> {
  const response = await fetch(
    `${session.url}/v1.0/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Routing%20Status/items`,
    {
      method: 'POST',
      headers: { Authorization: `Bearer local:${ADMIN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields }),
    },
  );
  expect(response.status).toBe(201);
}

it('a failed run two days old: what needs action in sentences, long rule names wrapped, without overflow or axe findings', async () => {
  const runAt = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString();
  const rule = `ContactGuard-spoc-business.manager@oakfield.sch.uk-${'9f'.repeat(24)}`;
  await writeStatus(
    runFields({
      runAt,
      mode: 'apply',
      outcome: 'Failed',
      mailboxesInStep: 3,
      mailboxesChanged: 0,
      mailboxesFailed: 1,
      details: `Apply: 4 restrictions routed to 4 protected mailboxes.\nreception@oakfield.sch.uk: Failed.\n  reception@oakfield.sch.uk: creating rule "${rule}" failed. Microsoft 365 is not answering just now. (HTTP 503, ServiceUnavailable)`,
    }),
  );
  await writeStatus(
    mailboxFields({
      mailbox: 'reception@oakfield.sch.uk',
      runAt,
      mode: 'apply',
      outcome: 'Failed',
      rulesInStep: 0,
      changes: 0,
      failures: 1,
      details: `reception@oakfield.sch.uk: creating rule "${rule}" failed. Microsoft 365 is not answering just now. (HTTP 503, ServiceUnavailable)`,
      ruleKeys: [],
    }),
  );
  const { page } = await session.open();
  const pane = await openAdmin(page);
  expect(await pane.textContent('[data-testid="last-run"]')).toMatch(
    /looked at 4 protected mailboxes: 1 mailbox could not be brought up to date/,
  );
  const actions = await pane.locator('[data-testid="needs-action"] li').allTextContents();
  expect(actions).toEqual([
    'The routing job has not run for more than a day, although it should run every few minutes. Check that the scheduled job is still running and can sign in.',
    `reception@oakfield.sch.uk could not be updated. Creating rule "${rule}" failed. Microsoft 365 is not answering just now.`,
  ]);
  expect(await visibleText(pane)).not.toContain('HTTP 503');
  await expectNoOverflowOrAxe(page, pane, 'failed, stale');
  await pane.locator('[data-testid="technical-details"] summary').click();
  expect(await visibleText(pane)).toContain('(HTTP 503, ServiceUnavailable)');
  await expectNoOverflowOrAxe(page, pane, 'failed, details open');
});
