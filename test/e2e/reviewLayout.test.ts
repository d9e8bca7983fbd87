// review.html on a head teacher's laptop (issue 13, item 7), in Debian's chromium against the
// workbench: with a case open, a decision's form open and a letter previewed, the page never
// scrolls sideways at 1,280 and 1,400 px; the decisions, "End it" and the letter are wholly inside
// the window; the weekly chart is one labelled image with its table; an overdue review is marked
// in the decisions; no count reads "1 … days"; and axe-core finds nothing serious or critical.
// review.html has no theme switch (src/review/index.tsx: webLightTheme), so it is checked in light
// and with forced colours (Windows high contrast).
import type { Page } from 'playwright-core';
import { workbenchSession } from './support/session';
import { seriousAxeViolations, sidewaysOverflow } from './support/layout';

jest.setTimeout(180_000);

const HEAD = 'head@oakfield.sch.uk';
// In the demo seed: a restriction extended, its review date passed (overdue), "End it" available.
const HOLT = 'Darren Holt';

const session = workbenchSession();
beforeAll(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
});

async function openReview(width: number): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${session.url}/review.html?as=${encodeURIComponent(HEAD)}`);
  await page.locator('[data-testid="flagged-sender"]').first().waitFor({ timeout: 30_000 });
  return page;
}

/** The case open, "End it"'s form open and a letter previewed: the widest state of the page. */
async function openEverything(page: Page): Promise<void> {
  await page.getByRole('button', { name: `Open ${HOLT}` }).click();
  const actions = page.locator('[data-testid="actions"]');
  await actions.waitFor({ timeout: 20_000 });
  const letters = page.locator('[data-testid="letters"]');
  await letters.getByLabel('Letter', { exact: true }).selectOption('confirmation');
  await letters.locator('[data-testid="letter-preview"]').waitFor({ timeout: 20_000 });
  await actions.getByRole('button', { name: 'End it', exact: true }).click();
  await page.locator('[data-testid="transition-form"]').waitFor();
}

/** The element's box lies wholly inside the window's width. */
async function insideWidth(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  expect(box).not.toBeNull();
  expect({ selector, left: box!.x >= 0, right: box!.x + box!.width <= width + 0.5 }).toEqual({
    selector,
    left: true,
    right: true,
  });
}

describe.each([1280, 1400])('review.html at %i px', (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await openReview(width);
    await openEverything(page);
  });
  afterAll(async () => {
    await page.emulateMedia({ forcedColors: 'none' });
    await page.context().close();
  });

  test('nothing scrolls sideways; the decisions, "End it" and the letter are inside the window', async () => {
    expect(await sidewaysOverflow(page)).toEqual({ documentOverflow: 0, offenders: [] });
    for (const selector of [
      '[data-testid="actions"]',
      '[data-testid="transition-form"]',
      '[data-testid="transition-form"] button[type="submit"]',
      '[data-testid="letters"]',
      '[data-testid="letter-preview"]',
      '[data-testid="weekly-chart"]',
    ])
      await insideWidth(page, selector);
    // Two columns below 1,500 px: the lists beside the person, the decisions under the chronology.
    const side = await page.locator('[data-testid="due-panel"]').boundingBox();
    const chronology = await page.locator('[data-testid="chronology"]').boundingBox();
    const actions = await page.locator('[data-testid="actions"]').boundingBox();
    expect(chronology!.x).toBeGreaterThan(side!.x + side!.width);
    expect(actions!.y).toBeGreaterThan(chronology!.y + chronology!.height);
    expect(Math.round(actions!.x)).toBe(Math.round(chronology!.x));
  });

  test('a labelled weekly chart, an overdue review marked in the decisions, right plurals', async () => {
    const chart = page.getByRole('img', {
      name: /^Contacts per week: \d+ contacts? in \d+ weeks?/,
    });
    expect(await chart.count()).toBe(1);
    const box = await chart.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(150); // not a 90 px sliver
    expect(await chart.locator('[data-tick]').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('[data-week-label]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="weekly-table"] tbody tr').count()).toBe(
      await chart.locator('[data-week]').count(),
    );
    const overdue = page.locator('[data-testid="actions"] [data-testid="review-overdue"]');
    expect(await overdue.textContent()).toMatch(/Review overdue.*was due by \d{1,2} \w+ \d{4}/);
    const text = (await page.textContent('main')) ?? '';
    expect(text).not.toMatch(/\b1 (working |school )?days\b/);
    expect(text).not.toMatch(/\b1 (weeks|entries|contacts)\b/);
  });

  test('axe-core: nothing serious or critical, in light and with forced colours', async () => {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The bars stay visible when Windows replaces the colours.
    const bar = page.locator('[data-testid="weekly-chart"] [data-week]:not([data-count="0"])');
    const colour = await bar.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const canvas = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(colour).not.toBe(canvas);
    await page.emulateMedia({ forcedColors: 'none' });
  });
});

test('three columns from 1,500 px; one column on a narrow window; no sideways scroll in either', async () => {
  const wide = await openReview(1600);
  await openEverything(wide);
  expect(await sidewaysOverflow(wide)).toEqual({ documentOverflow: 0, offenders: [] });
  const chronology = await wide.locator('[data-testid="chronology"]').boundingBox();
  const actions = await wide.locator('[data-testid="actions"]').boundingBox();
  expect(actions!.x).toBeGreaterThan(chronology!.x + chronology!.width);
  expect(Math.abs(actions!.y - chronology!.y)).toBeLessThan(2);
  await wide.context().close();

  const narrow = await openReview(760);
  await openEverything(narrow);
  expect(await sidewaysOverflow(narrow)).toEqual({ documentOverflow: 0, offenders: [] });
  const due = await narrow.locator('[data-testid="due-panel"]').boundingBox();
  const person = await narrow.locator('[data-testid="person"]').boundingBox();
  expect(person!.y).toBeGreaterThan(due!.y + due!.height);
  await narrow.context().close();
});
