// The sender check pane's layout, accessibility and keyboard use in the real pane (issue 13, items
// 1–5, "How it is checked"): every verdict state at Outlook's pane widths (320 and 350 px) scrolls
// no sideways, has no serious or critical axe-core finding in the light, dark and high-contrast
// themes, shows no raw timestamp, and puts the restricted action within the first 400 px; and a
// restricted email can be forwarded, confirmed and a confirmation cancelled with the keyboard alone.
import type { Frame, Page } from 'playwright-core';
import { workbenchSession } from './support/session';
import { selectMessage, setFaults, verdictFor, type OpenWorkbench } from './support/browser';
import {
  PANE_WIDTHS,
  THEMES,
  offsetFromTop,
  seriousAxeViolations,
  setPaneWidth,
  setTheme,
  sidewaysOverflow,
} from './support/layout';

jest.setTimeout(240_000);

const SPOC_MAILBOX = 'business.manager@oakfield.sch.uk';
// Subjects in the demo seed (dev/local-graph/seeds/demo-school.json).
const RESTRICTED = 'Complaint about the Year 5 trip letter'; // Mark Denton, ForwardAndFile
const FORWARD_AND_FILE = 'Re: Meeting request - Mr Denton'; // Mark Denton's other address
const SEEDED_FORWARD = 'FW: Complaint about the Year 5 trip letter'; // in the SPOC's inbox
const SPOC_DIRECT = 'Trip refund - Mr Denton'; // Mark Denton, straight to the SPOC's inbox
const CAUTION = 'New email address'; // Mark Denton's name, another address
const CLEAR = 'Absence - Oliver Clarke (dentist)';
const WARNING = 'Sports day volunteers'; // Janet Moss: Status Warning
const STARTS_LATER = 'Uniform sizes for September'; // Craig Benson: starts in 7 days

const RAW_INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

const session = workbenchSession();
let open: OpenWorkbench | undefined;

beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
});

interface State {
  name: string;
  verdict: string;
  /** Brings the pane to the state. */
  reach(page: Page, pane: Frame): Promise<void>;
  /** The action (or its outcome) that must be within the first 400 px of the pane. */
  action?: string;
  note?: string;
  /** Read by the restriction's single point of contact: their heading, never "do not reply". */
  spoc?: boolean;
}

async function show(page: Page, pane: Frame, subject: string, verdict: string): Promise<void> {
  await page.locator('#messages button', { hasText: subject }).first().waitFor({ timeout: 15_000 });
  await selectMessage(page, subject);
  expect([subject, await verdictFor(pane, subject)]).toEqual([subject, verdict]);
}

async function forwardAndFile(pane: Frame): Promise<void> {
  await pane.locator('[data-verdict] [data-testid="primary-action"]').click();
  await pane.locator('[data-testid="confirm-yes"]').click();
  await pane.waitForSelector('[data-testid="done-forwarded"]', { timeout: 20_000 });
  await pane.waitForSelector('[data-testid="done-filed"]', { timeout: 20_000 });
}

const STATES: State[] = [
  {
    name: 'restricted',
    verdict: 'restricted',
    action: '[data-verdict] [data-testid="primary-action"]',
    reach: (page, pane) => show(page, pane, RESTRICTED, 'restricted'),
  },
  {
    name: 'restricted, after forwarding and filing',
    verdict: 'restricted',
    action: '[data-verdict] [data-testid="action-outcome"]',
    reach: async (page, pane) => {
      await show(page, pane, FORWARD_AND_FILE, 'restricted');
      await forwardAndFile(pane);
    },
  },
  {
    name: "the SPOC's forwarded restricted email",
    verdict: 'forwarded',
    action: '[data-verdict] [data-testid="spoc-no-new-issue"]',
    reach: async (page, pane) => {
      await page.selectOption('#mailbox', SPOC_MAILBOX);
      await show(page, pane, SEEDED_FORWARD, 'forwarded');
      await pane.locator('[data-testid="spoc-no-new-issue"]').waitFor({ timeout: 15_000 });
    },
  },
  {
    name: "a restricted parent's email straight to the SPOC",
    verdict: 'restricted',
    spoc: true,
    action: '[data-verdict] [data-testid="spoc-no-new-issue"]',
    reach: async (page, pane) => {
      await page.selectOption('#mailbox', SPOC_MAILBOX);
      await show(page, pane, SPOC_DIRECT, 'restricted');
      await pane.locator('[data-testid="spoc-no-new-issue"]').waitFor({ timeout: 15_000 });
    },
  },
  {
    name: 'caution',
    verdict: 'caution',
    reach: (page, pane) => show(page, pane, CAUTION, 'caution'),
  },
  { name: 'clear', verdict: 'clear', reach: (page, pane) => show(page, pane, CLEAR, 'clear') },
  {
    name: 'clear, with a warning on file',
    verdict: 'clear',
    note: 'warning',
    reach: (page, pane) => show(page, pane, WARNING, 'clear'),
  },
  {
    name: 'clear, with a restriction starting later',
    verdict: 'clear',
    note: 'startsLater',
    reach: (page, pane) => show(page, pane, STARTS_LATER, 'clear'),
  },
  {
    name: 'cannot check (the service down)',
    verdict: 'unavailable',
    reach: async (page, pane) => {
      await setFaults(session.url, { down: true });
      await show(page, pane, CLEAR, 'unavailable');
    },
  },
];

/**
 * After a theme change: Fluent's buttons fade their colours over 100–200 ms, and axe's contrast
 * check must read the settled colours, not a frame of the fade. Transitions are turned off in the
 * pane for the measurement (what a person sees once the theme has changed), then two frames pass.
 */
async function settle(pane: Frame): Promise<void> {
  await pane.evaluate(async () => {
    if (!document.getElementById('no-transitions')) {
      const style = document.createElement('style');
      style.id = 'no-transitions';
      style.textContent =
        '*, *::before, *::after { transition: none !important; animation: none !important; }';
      document.head.appendChild(style);
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/**
 * Sideways overflow and axe's serious findings, with every "Details" closed and then open (axe
 * does not look inside a closed one: the restriction's definition list is only checked open).
 */
async function expectSound(pane: Frame, label: string): Promise<void> {
  for (const detailsOpen of [false, true]) {
    await pane.evaluate((o) => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = o;
    }, detailsOpen);
    const at = `${label}, details ${detailsOpen ? 'open' : 'closed'}`;
    expect([at, await sidewaysOverflow(pane)]).toEqual([
      at,
      { documentOverflow: 0, offenders: [] },
    ]);
    expect([at, await seriousAxeViolations(pane)]).toEqual([at, []]);
  }
  await pane.evaluate(() => {
    for (const d of Array.from(document.querySelectorAll('details'))) d.open = false;
  });
}

describe.each(STATES)('$name', (state) => {
  test('at 320 and 350 px: no sideways scroll, axe clean in every theme, the action near the top, no raw timestamps', async () => {
    open = await session.open();
    const { page, pane } = open;
    await state.reach(page, pane);
    const verdict = pane.locator('[data-verdict]');
    expect(await verdict.getAttribute('data-verdict')).toBe(state.verdict);
    if (state.note) expect(await verdict.getAttribute('data-note')).toBe(state.note);
    // Give the parts loaded after the verdict (the log, when the list was read) time to arrive.
    await pane.waitForSelector('[data-testid="logged-state"], [data-testid="log-email"]', {
      timeout: 15_000,
    });

    // Details, where there are any, start collapsed (read before expectSound opens and closes them).
    for (const d of await pane.locator('details').all()) {
      expect(await d.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    }
    for (const width of PANE_WIDTHS) {
      await setPaneWidth(page, width);
      for (const theme of THEMES) {
        await setTheme(page, theme);
        await settle(pane);
        const label = `${state.name} at ${width} px, ${theme}`;
        await expectSound(pane, label);
      }
      await setTheme(page, 'light');
      if (state.action) {
        await pane.evaluate(() => window.scrollTo(0, 0));
        const top = await offsetFromTop(pane, state.action);
        expect([state.name, width, top < 400]).toEqual([state.name, width, true]);
      }
    }
    // People's dates only, and (on a restricted email) "do not reply" said once on screen.
    const text = await pane.innerText('main');
    expect(text).not.toMatch(RAW_INSTANT);
    if (state.verdict === 'restricted') {
      // On screen: the pane's text less the (visually hidden) announcer's, which repeats the heading.
      const said = await pane.innerText('[data-testid="announcer"]');
      const count = (t: string) => (t.match(/do not reply/gi) ?? []).length;
      expect(count(text) - count(said)).toBe(state.spoc ? 0 : 1);
      if (state.spoc) {
        expect(await pane.innerText('[data-verdict] h2')).toBe(
          'Restricted correspondence from Mark Denton',
        );
        expect(text).not.toMatch(/forward this email/i);
      }
    }
  });
});

/** The pane's focused element, described by its data-testid (or tag). */
function focused(pane: Frame): Promise<string> {
  return pane.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? '';
  });
}

test('keyboard only: cancel a confirmation with Escape, then forward and file with Tab and Enter, focus where it should be', async () => {
  open = await session.open();
  const { page, pane } = open;
  await setPaneWidth(page, 320);
  await show(page, pane, FORWARD_AND_FILE, 'restricted');
  await pane.locator('[data-testid="primary-action"]').waitFor({ timeout: 15_000 });
  // Into the pane with the keyboard: from the top of its document, Tab until the action.
  await pane.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.focus();
  });
  let tabs = 0;
  while ((await focused(pane)) !== 'primary-action') {
    await page.keyboard.press('Tab');
    tabs += 1;
    if (tabs > 15) throw new Error('Tab did not reach the restricted action within 15 presses');
  }
  // The action is among the first things reached (only the pane's tabs come before it).
  expect(tabs).toBeLessThanOrEqual(6);

  // Enter opens the confirmation, which takes focus; Escape cancels and gives focus back.
  await page.keyboard.press('Enter');
  await pane.waitForSelector('[data-testid="confirm-action"]');
  expect(await focused(pane)).toBe('confirm-action');
  expect(await pane.textContent('[data-testid="confirm-action"]')).toContain(SPOC_MAILBOX);
  await page.keyboard.press('Escape');
  await pane.waitForSelector('[data-testid="confirm-action"]', { state: 'detached' });
  expect(await focused(pane)).toBe('primary-action');

  // Enter, Tab to the confirming button, Enter: focus moves to the outcome, which is announced.
  await page.keyboard.press('Enter');
  await pane.waitForSelector('[data-testid="confirm-action"]');
  await page.keyboard.press('Tab');
  expect(await focused(pane)).toBe('confirm-yes');
  await page.keyboard.press('Enter');
  await pane.waitForSelector('[data-testid="done-forwarded"]', { timeout: 20_000 });
  await pane.waitForSelector('[data-testid="done-filed"]', { timeout: 20_000 });
  expect(await focused(pane)).toBe('action-outcome');
  await pane.waitForFunction(
    () =>
      /^Forwarded to .+ by Sarah Whitfield, \d\d:\d\d\. Filed in .+\.$/.test(
        document.querySelector('[data-testid="announcer"]')?.textContent ?? '',
      ),
    undefined,
    { timeout: 10_000 },
  );
  // The top says what was done, with Undo the next Tab stop.
  expect(await pane.locator('[data-testid="instruction"]').count()).toBe(0);
  await page.keyboard.press('Tab');
  expect(await focused(pane)).toBe('undo-file');
  // One live region in the pane: the verdict, the actions and the log all speak through it.
  const regions = '[aria-live], [role="status"], [role="alert"]';
  expect(await pane.locator(regions).count()).toBe(1);
  expect(await pane.getAttribute('[data-testid="announcer"]', 'aria-live')).toBe('polite');
});
