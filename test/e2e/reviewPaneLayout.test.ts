// The Review tab in the task pane (issue 13, "How it is checked": every pane state at 320 and
// 350 px, axe-core clean in the light, dark and high-contrast themes). The head teacher's pane:
// the flagged list, a person's chronology, their decisions with "End it"'s form open, and a letter
// previewed. review.html at 1,280 px is reviewLayout.test.ts.
import type { Frame, Page } from 'playwright-core';
import { workbenchSession } from './support/session';
import {
  PANE_WIDTHS,
  THEMES,
  seriousAxeViolations,
  setPaneWidth,
  setTheme,
  sidewaysOverflow,
} from './support/layout';

jest.setTimeout(240_000);

const HEAD = 'head@oakfield.sch.uk';
const HOLT = 'Darren Holt'; // in the demo seed: a restriction in force, "End it" available

const session = workbenchSession();

beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
});

async function openReviewTab(page: Page): Promise<Frame> {
  await page.selectOption('#mailbox', HEAD);
  const handle = await page.waitForSelector('iframe#taskpane');
  const pane = (await handle.contentFrame())!;
  await pane.waitForSelector('main');
  const tab = pane.locator('[role="tab"]', { hasText: 'Review' });
  await tab.waitFor({ timeout: 30_000 });
  await tab.click();
  await pane.locator('[data-testid="flagged-sender"]').first().waitFor({ timeout: 30_000 });
  return pane;
}

/** At both widths and in every theme: nothing sideways, nothing cut off, no serious axe finding. */
async function expectSound(page: Page, pane: Frame, state: string): Promise<void> {
  for (const width of PANE_WIDTHS) {
    await setPaneWidth(page, width);
    for (const theme of THEMES) {
      await setTheme(page, theme);
      const at = `${state} at ${width} px, ${theme}`;
      expect([at, await sidewaysOverflow(pane)]).toEqual([
        at,
        { documentOverflow: 0, offenders: [] },
      ]);
      expect([at, await seriousAxeViolations(pane)]).toEqual([at, []]);
    }
    await setTheme(page, 'light');
  }
}

test("the Review tab: the lists, a person's chronology, decisions with a form open, a letter", async () => {
  const open = await session.open();
  const { page } = open;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const pane = await openReviewTab(page);
  await expectSound(page, pane, 'the lists');

  await pane
    .getByRole('button', { name: `Open ${HOLT}` })
    .first()
    .click();
  await pane.locator('[data-testid="person"]').waitFor({ timeout: 20_000 });
  await expectSound(page, pane, 'the chronology');

  await pane.getByRole('tab', { name: 'Decisions' }).click();
  const actions = pane.locator('[data-testid="actions"]');
  await actions.waitFor({ timeout: 20_000 });
  await actions.getByRole('button', { name: 'End it', exact: true }).click();
  await pane.locator('[data-testid="transition-form"]').waitFor();
  await expectSound(page, pane, 'the decisions, "End it" open');

  await pane.getByRole('tab', { name: 'Letters' }).click();
  const letters = pane.locator('[data-testid="letters"]');
  await letters.getByLabel('Letter', { exact: true }).selectOption('confirmation');
  await letters.locator('[data-testid="letter-preview"]').waitFor({ timeout: 20_000 });
  await expectSound(page, pane, 'a letter previewed');
});
