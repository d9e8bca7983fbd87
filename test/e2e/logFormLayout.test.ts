// The log form in the real pane (issue 13 items 4, 5 and 6), in Debian's chromium against the
// workbench: at Outlook's pane widths (320 and 350 px) nothing scrolls sideways in any of its
// states (open with long values, with problems shown, saving, waiting to save); axe-core finds
// nothing serious or critical in light, dark and high contrast; Save is the one primary button;
// and a keyboard alone opens, fills, saves and cancels it, with the focus where it should be and
// the outcome announced.
import type { Frame, Page } from 'playwright-core';
import { workbenchSession } from './support/session';
import { selectMessage, setFaults, verdictFor } from './support/browser';
import {
  PANE_WIDTHS,
  THEMES,
  type ThemeName,
  seriousAxeViolations,
  setPaneWidth,
  setTheme,
  sidewaysOverflow,
} from './support/layout';

jest.setTimeout(240_000);

const CLEAR = 'Absence - Oliver Clarke (dentist)';
// Each width logs its own emails: the workbench (one per file) keeps what was logged.
const TO_LOG: Record<(typeof PANE_WIDTHS)[number], [string, string]> = {
  320: ['School photos order', 'Sports day volunteers'],
  350: ['Football club Thursday', 'Uniform sizes for September'],
};

// Long values with no place to break: what a pasted link or address does to a narrow pane.
const LONG_WORD = 'https://oakfield.example.org/letters/' + 'x'.repeat(180);
const LONG_NAME = 'Alexandra Montgomery-Fitzwilliam-Featherstonehaugh-Cholmondeley';
const LONG_ADDRESS = `${'alexandra.montgomery.fitzwilliam'.repeat(2)}@example-parents-association.org.uk`;

const session = workbenchSession();

/** No sideways scroll, named by what overflows when there is. */
async function expectNoSidewaysScroll(pane: Frame, state: string): Promise<void> {
  const overflow = await sidewaysOverflow(pane);
  expect({ state, ...overflow }).toEqual({ state, documentOverflow: 0, offenders: [] });
}

/**
 * Waits until the pane shows the theme (the dark and high-contrast themes are a chunk loaded on
 * first use, light until then) and the colour transitions it starts (Fluent's buttons fade their
 * colours) are over: axe measuring contrast half-way reports colours nobody sees.
 */
async function themeSettled(pane: Frame, theme: ThemeName): Promise<void> {
  await pane.waitForSelector(`[data-theme="${theme}"]`);
  await pane.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
}

/** axe-core's serious and critical findings on the pane, in each theme: none. */
async function expectAccessibleInEveryTheme(page: Page, pane: Frame, state: string) {
  for (const theme of THEMES) {
    await setTheme(page, theme);
    await themeSettled(pane, theme);
    expect({ state, theme, findings: await seriousAxeViolations(pane) }).toEqual({
      state,
      theme,
      findings: [],
    });
  }
  await setTheme(page, 'light');
  await themeSettled(pane, 'light');
}

/** Visible buttons drawn as the primary one (Save's background): Save must be the only one. */
function primaryButtons(pane: Frame): Promise<string[]> {
  return pane.evaluate(() => {
    const save = document.querySelector('[data-testid="event-save"]');
    if (!save) return ['no Save button'];
    const primary = getComputedStyle(save).backgroundColor;
    // The pane's tabs mark the current one as primary: they are the pane's, not the form's.
    return Array.from(document.querySelectorAll('button:not([role="tab"])'))
      .filter((b) => b.getBoundingClientRect().width > 0)
      .filter((b) => getComputedStyle(b).backgroundColor === primary)
      .map((b) => (b.textContent ?? '').trim());
  });
}

async function openEmailForm(page: Page, pane: Frame, subject: string): Promise<void> {
  await selectMessage(page, subject);
  await verdictFor(pane, subject);
  await pane.click('[data-testid="log-email"]');
  await pane.waitForSelector('[data-testid="event-form"]');
}

describe.each(PANE_WIDTHS)('the log form at %i px', (width) => {
  test('open with long values, with problems shown: no sideways scroll, axe clean, one primary button', async () => {
    const open = await session.open();
    await setPaneWidth(open.page, width);
    await openEmailForm(open.page, open.pane, CLEAR);
    await open.pane.click('[data-testid="event-more"]');
    await open.pane.fill('[data-testid="event-summary"]', LONG_WORD.slice(0, 250));
    await open.pane.fill('[data-testid="event-staff"]', LONG_NAME);
    await open.pane.fill('[data-testid="event-details"]', `${LONG_WORD} ${LONG_WORD}`);
    await open.pane.getByLabel('Other (please explain)').first().check();
    await expectNoSidewaysScroll(open.pane, 'open, long values');
    expect(await primaryButtons(open.pane)).toEqual(['Save']);
    await expectAccessibleInEveryTheme(open.page, open.pane, 'open, long values');

    // Problems: an over-long summary, no text for "Other", a threat with no answers.
    await open.pane.fill('[data-testid="event-summary"]', LONG_WORD + LONG_WORD);
    await open.pane.getByLabel('Threats, or threatening behaviour').check();
    await open.pane.click('[data-testid="event-save"]');
    await open.pane.waitForSelector('[data-testid="event-problems"]');
    // The focus is on the first field with a problem, in the form's order: the summary.
    expect(
      await open.pane.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('event-summary');
    // Its message sits beside it, not only in the list by Save.
    const beside = await open.pane.$eval('[data-testid="event-summary"]', (input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(beside).toContain('The summary is too long');
    await expectNoSidewaysScroll(open.pane, 'problems shown');
    expect(await primaryButtons(open.pane)).toEqual(['Save']);
    await expectAccessibleInEveryTheme(open.page, open.pane, 'problems shown');
  });

  test('saving, then waiting to save after a second, then waiting while Microsoft 365 is down: no sideways scroll, axe clean', async () => {
    const open = await session.open();
    await setPaneWidth(open.page, width);
    const [slow, down] = TO_LOG[width];
    await openEmailForm(open.page, open.pane, slow);
    await open.pane.getByLabel('Tone').check();
    // Slow answers: "saving" for the first second, then "waiting to save", then logged.
    await setFaults(session.url, { latencyMs: 2_500 });
    await open.pane.click('[data-testid="event-save"]');
    await open.pane.waitForSelector('[data-testid="logged-state"][data-state="saving"]');
    await expectNoSidewaysScroll(open.pane, 'saving');
    await open.pane.waitForSelector('[data-testid="logged-state"][data-state="waiting"]', {
      timeout: 5_000,
    });
    // (Checked for layout only: the answer comes within seconds; axe runs on the lasting state.)
    await expectNoSidewaysScroll(open.pane, 'waiting to save');
    await open.pane.waitForSelector('[data-testid="logged-state"][data-state="logged"]', {
      timeout: 30_000,
    });
    await setFaults(session.url, { latencyMs: 0 });

    // The service down: the event waits on the device; the verdict came from the copy.
    await openEmailForm(open.page, open.pane, down);
    await setFaults(session.url, { down: true });
    await open.pane.getByLabel('Words').check();
    await open.pane.click('[data-testid="event-save"]');
    await open.pane.waitForSelector('[data-testid="logged-state"][data-state="waiting"]', {
      timeout: 20_000,
    });
    expect(await open.pane.textContent('[data-testid="offline-verdict-note"]')).toContain(
      'used the copy of the restrictions kept on this device',
    );
    await expectNoSidewaysScroll(open.pane, 'waiting, service down');
    await expectAccessibleInEveryTheme(open.page, open.pane, 'waiting, service down');
  });

  test('another contact: the Name and Email row with long values, problems and the saved note', async () => {
    const open = await session.open();
    await setPaneWidth(open.page, width);
    await open.pane.getByRole('tab', { name: 'Log contact' }).click();
    await open.pane.click('[data-testid="log-other-contact"]');
    await open.pane.fill('[data-testid="event-person-name"]', LONG_NAME);
    await open.pane.fill('[data-testid="event-person-email"]', `mark@gm\u0430il.com`);
    await open.pane.fill('[data-testid="event-summary"]', LONG_WORD.slice(0, 200));
    await open.pane.getByLabel('Tone').check();
    await open.pane.click('[data-testid="event-save"]');
    await open.pane.waitForSelector('[data-testid="event-problems"]');
    expect(
      await open.pane.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('event-person-email');
    await expectNoSidewaysScroll(open.pane, 'another contact, look-alike refused');
    expect(await primaryButtons(open.pane)).toEqual(['Save']);
    await expectAccessibleInEveryTheme(open.page, open.pane, 'another contact, problems');

    await open.pane.fill('[data-testid="event-person-email"]', LONG_ADDRESS);
    await open.pane.click('[data-testid="event-save"]');
    await open.pane.waitForSelector('[data-testid="other-saved"][data-state="saved"]', {
      timeout: 20_000,
    });
    await expectNoSidewaysScroll(open.pane, 'another contact, saved');
    await expectAccessibleInEveryTheme(open.page, open.pane, 'another contact, saved');
  });
});

/** Presses Tab until the pane's focused element matches `selector` (keyboard only). */
async function tabTo(page: Page, pane: Frame, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const there = await pane
      .evaluate((s) => document.activeElement?.matches(s) ?? false, selector)
      .catch(() => false);
    if (there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focused = (pane: Frame) =>
  pane.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

test('keyboard only: open the form, tick, save with Enter; cancel with Escape; the focus and the outcome', async () => {
  const open = await session.open();
  await setPaneWidth(open.page, 350);
  await selectMessage(open.page, CLEAR);
  await verdictFor(open.pane, CLEAR);
  await open.pane.waitForSelector('[data-testid="log-email"]');
  // Escape first: the form opens with the focus in it and closes back to its button.
  await tabTo(open.page, open.pane, '[data-testid="log-email"]');
  await open.page.keyboard.press('Enter');
  await open.pane.waitForSelector('[data-testid="event-form"]');
  expect(await focused(open.pane)).toBe('event-heading');
  await open.page.keyboard.press('Tab');
  await open.page.keyboard.press('Escape');
  await open.pane.waitForSelector('[data-testid="event-form"]', { state: 'detached' });
  expect(await focused(open.pane)).toBe('log-email');
  expect(await open.pane.textContent('[data-testid="announcer"]')).toBe(
    'Not logged: the form was closed without saving.',
  );
  // Again, to save: Space ticks "Tone", Enter on Save saves.
  await open.page.keyboard.press('Enter');
  await open.pane.waitForSelector('[data-testid="event-form"]');
  expect(await focused(open.pane)).toBe('event-heading');
  await tabToLabel(open.page, open.pane, /^Tone: /);
  await open.page.keyboard.press('Space');
  expect(await open.pane.getByLabel('Tone').isChecked()).toBe(true);
  await tabTo(open.page, open.pane, '[data-testid="event-save"]');
  await open.page.keyboard.press('Enter');
  await open.pane.waitForSelector('[data-testid="logged-state"][data-state="logged"]', {
    timeout: 20_000,
  });
  expect(await focused(open.pane)).toBe('logged-outcome');
  expect(await open.pane.textContent('[data-testid="announcer"]')).toMatch(
    /^Contact event logged by you at \d\d:\d\d\.$/,
  );
});

/** Presses Tab until the focused control's label starts as `label` says. */
async function tabToLabel(page: Page, pane: Frame, label: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const text = await pane.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? '';
    });
    if (label.test(text)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached a control labelled ${label}`);
}

test('keyboard only: another contact, typed and saved with Space; the saved note takes the focus', async () => {
  const open = await session.open();
  await setPaneWidth(open.page, 320);
  await open.pane.getByRole('tab', { name: 'Log contact' }).click();
  await tabTo(open.page, open.pane, '[data-testid="log-other-contact"]');
  await open.page.keyboard.press('Space');
  await open.pane.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'event-heading',
  );
  await tabTo(open.page, open.pane, '[data-testid="event-person-name"]');
  await open.page.keyboard.type('Karen Pike');
  await tabTo(open.page, open.pane, '[data-testid="event-summary"]');
  await open.page.keyboard.type('Phoned reception about the trip');
  await tabToLabel(open.page, open.pane, /^C\. Unreasonable levels of contact/);
  await open.page.keyboard.press('Space');
  await tabTo(open.page, open.pane, '[data-testid="event-save"]');
  await open.page.keyboard.press('Space');
  await open.pane.waitForSelector('[data-testid="other-saved"][data-state="saved"]', {
    timeout: 20_000,
  });
  expect(await focused(open.pane)).toBe('other-outcome');
  expect(await open.pane.textContent('[data-testid="announcer"]')).toMatch(
    /^Contact event saved at \d\d:\d\d\.$/,
  );
});
