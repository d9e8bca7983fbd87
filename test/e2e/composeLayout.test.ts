// The compose pane at Outlook's real widths, in every theme, and by keyboard (issue 13, items 4
// and 5 applied to the compose pane): it wraps at 320 and 350 px with long recipient names and
// addresses and never scrolls sideways; axe-core finds nothing serious or critical in light, dark
// and high contrast; its confirmations take the focus and give it back, Escape cancels, outcomes
// are announced in a live region that was already on the page, and a missing reason focuses its
// field with the error beside it.
import type { Frame, Page } from 'playwright-core';
import { workbenchSession } from './support/session';
import { setFaults } from './support/browser';
import {
  PANE_WIDTHS,
  THEMES,
  seriousAxeViolations,
  setPaneWidth,
  setTheme,
  sidewaysOverflow,
} from './support/layout';
import { COMPOSE_TEXT } from '../../src/taskpane/composeText';

jest.setTimeout(180_000);

const SITE_OWNER = 'it.admin@oakfield.sch.uk';
const RESTRICTIONS =
  '/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Restrictions';
const DENTON = 'mark.denton1978@gmail.com'; // Active, SPOC Priya Shah
const SPOC = 'business.manager@oakfield.sch.uk';
// A restriction added for these tests: a long name, a long address without a break opportunity, and
// a long single point of contact, as a school's real records can have.
const LONG = {
  name: 'Alexandra-Josephine Montgomery-Fitzwilliam-Worthington-Smythe',
  // A local part of 58 characters (the most is 64) and a long domain.
  address:
    'alexandra.montgomery-fitzwilliam.worthington-smythe.parent@a-rather-long-family-domain-name.example.co.uk',
  spocName: 'Bartholomew Featherstonehaugh-Cholmondeley (Deputy Designated Safeguarding Lead)',
  spocEmail: 'deputy.designated.safeguarding.lead.and.pastoral.team@oakfield.sch.uk',
};
const LONG_CLEAR =
  'grandparent.of.a.pupil.in.year.six.and.a.governor.elsewhere@a-very-long-example-domain.org.uk';

const session = workbenchSession();

beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
  await addLongRestriction();
});

/** Adds the long restriction as the site's owner, its dates copied from Mark Denton's. */
async function addLongRestriction(): Promise<void> {
  const headers = {
    Authorization: `Bearer local:${SITE_OWNER}`,
    'Content-Type': 'application/json',
  };
  const denton = (await (
    await fetch(`${session.url}/v1.0${RESTRICTIONS}/items/1?$expand=fields`, { headers })
  ).json()) as { fields: Record<string, unknown> };
  const { StartDate, EndDate, ReviewDate } = denton.fields;
  const response = await fetch(`${session.url}/v1.0${RESTRICTIONS}/items`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      fields: {
        Title: LONG.name,
        Emails: LONG.address,
        Status: 'Active',
        StartDate,
        EndDate,
        ReviewDate,
        Handling: 'Forward',
        SpocName: LONG.spocName,
        SpocEmail: LONG.spocEmail,
        AllowedContact: 'Email to the deputy only.',
        StaffGuidance: 'Do not reply; forward to the deputy.',
      },
    }),
  });
  if (!response.ok) throw new Error(`adding the restriction answered ${response.status}`);
}

async function addRecipient(page: Page, field: 'to' | 'cc' | 'bcc', text: string): Promise<void> {
  await page.fill(`#compose-${field}`, text);
  await page.press(`#compose-${field}`, 'Enter');
}

/** Reception writes a new email to these recipients and opens the compose pane. */
async function composeTo(
  recipients: Array<['to' | 'cc' | 'bcc', string]>,
): Promise<{ page: Page; pane: Frame }> {
  const open = await session.open();
  const page = open.page;
  // No transitions: axe must see the colours a theme settles on, not a frame of the change.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.click('#new-email');
  await page.locator('#compose-subject').waitFor();
  await page.fill('#compose-subject', 'About the trip');
  for (const [field, text] of recipients) await addRecipient(page, field, text);
  await page.click('#compose-open-pane');
  return { page, pane: open.pane };
}

async function verdict(pane: Frame, kind: string): Promise<void> {
  await pane.waitForSelector(`[data-verdict="${kind}"]`, { timeout: 30_000 });
}

const RESTRICTED_RECIPIENTS: Array<['to' | 'cc' | 'bcc', string]> = [
  ['to', `${LONG.name} <${LONG.address}>`],
  ['cc', `Mark Denton <${DENTON}>`],
];

/** Every width and theme: no sideways scroll, nothing serious for axe. */
async function expectFitsEverywhere(page: Page, pane: Frame, state: string): Promise<void> {
  for (const width of PANE_WIDTHS) {
    await setPaneWidth(page, width);
    for (const theme of THEMES) {
      await setTheme(page, theme);
      await pane.waitForSelector(`[data-theme="${theme}"]`, { timeout: 10_000 });
      expect([state, width, theme, await sidewaysOverflow(pane)]).toEqual([
        state,
        width,
        theme,
        { documentOverflow: 0, offenders: [] },
      ]);
      expect([state, width, theme, await seriousAxeViolations(pane)]).toEqual([
        state,
        width,
        theme,
        [],
      ]);
    }
  }
  await setTheme(page, 'light');
}

const focusedText = (pane: Frame) =>
  pane.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase(),
      text: (el?.textContent ?? '').trim(),
      label: el?.getAttribute('aria-label') ?? null,
      invalid: el?.getAttribute('aria-invalid') ?? null,
    };
  });

describe('the compose pane fits 320 and 350 px in light, dark and high contrast', () => {
  test('two restricted recipients, one with a long name, address and single point of contact', async () => {
    const { page, pane } = await composeTo(RESTRICTED_RECIPIENTS);
    await verdict(pane, 'stop');
    const text = (await pane.textContent('[data-verdict="stop"]')) ?? '';
    expect(text).toContain(LONG.address);
    expect(text).toContain(LONG.spocEmail);
    await expectFitsEverywhere(page, pane, 'stop');
  });

  test('the reason form open, with its error', async () => {
    const { page, pane } = await composeTo(RESTRICTED_RECIPIENTS);
    await verdict(pane, 'stop');
    await pane.getByRole('button', { name: COMPOSE_TEXT.sendAnyway }).click();
    await pane.getByRole('button', { name: /^Record the reason/ }).click();
    await pane.getByText(COMPOSE_TEXT.reasonMissing).waitFor();
    await expectFitsEverywhere(page, pane, 'reason');
  });

  test('a clear email to a long address', async () => {
    const { page, pane } = await composeTo([['to', `Grandparent <${LONG_CLEAR}>`]]);
    await verdict(pane, 'clear');
    await expectFitsEverywhere(page, pane, 'clear');
  });

  test('the recipients cannot be checked (the service down)', async () => {
    const open = await session.open();
    const page = open.page;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await setFaults(session.url, { down: true });
    await page.click('#new-email');
    await page.locator('#compose-subject').waitFor();
    await addRecipient(page, 'to', `${LONG.name} <${LONG.address}>`);
    await page.click('#compose-open-pane');
    await open.pane
      .locator('[data-verdict="unchecked"], [role="alert"], [role="status"]')
      .filter({ hasText: COMPOSE_TEXT.uncheckedTitle })
      .first()
      .waitFor({ timeout: 60_000 });
    await expectFitsEverywhere(page, open.pane, 'unchecked');
  });
});

describe('the confirmations by keyboard', () => {
  test('"Send anyway" moves focus to the reason; Escape cancels and gives focus back to the button', async () => {
    const { pane } = await composeTo(RESTRICTED_RECIPIENTS);
    await verdict(pane, 'stop');
    const sendAnyway = pane.getByRole('button', { name: COMPOSE_TEXT.sendAnyway });
    await sendAnyway.focus();
    await pane.page().keyboard.press('Enter');
    const reason = pane.getByLabel(COMPOSE_TEXT.reasonLabel);
    await reason.waitFor();
    expect((await focusedText(pane)).tag).toBe('textarea');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await pane.page().keyboard.type('Something');
    await pane.page().keyboard.press('Escape');
    await reason.waitFor({ state: 'detached' });
    expect(await focusedText(pane)).toMatchObject({ tag: 'button', text: COMPOSE_TEXT.sendAnyway });

    // Cancel does the same.
    await pane.page().keyboard.press('Enter');
    await reason.waitFor();
    await pane.getByRole('button', { name: COMPOSE_TEXT.cancel }).focus();
    await pane.page().keyboard.press('Enter');
    await reason.waitFor({ state: 'detached' });
    expect(await focusedText(pane)).toMatchObject({ tag: 'button', text: COMPOSE_TEXT.sendAnyway });
  });

  test('no reason: the field is focused, marked invalid, with the error beside it', async () => {
    const { pane } = await composeTo(RESTRICTED_RECIPIENTS);
    await verdict(pane, 'stop');
    await pane.getByRole('button', { name: COMPOSE_TEXT.sendAnyway }).click();
    await pane.getByRole('button', { name: /^Record the reason/ }).focus();
    await pane.page().keyboard.press('Enter');
    await pane.getByText(COMPOSE_TEXT.reasonMissing).waitFor();
    const focused = await focusedText(pane);
    expect(focused).toMatchObject({ tag: 'textarea', invalid: 'true' });
    // The error is the field's own description, read with it, and just below it on screen.
    const described = await pane.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    });
    expect(described).toContain(COMPOSE_TEXT.reasonMissing);
    const gap = await pane.evaluate((message) => {
      const field = document.activeElement as HTMLElement;
      const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const error = ids
        .map((id) => document.getElementById(id))
        .find((e) => e?.textContent?.includes(message));
      return error
        ? error.getBoundingClientRect().top - field.getBoundingClientRect().bottom
        : Infinity;
    }, COMPOSE_TEXT.reasonMissing);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(40);
  });

  test('a reason recorded: the outcome is announced in a live region already on the page, and focus moves to it', async () => {
    const { pane } = await composeTo(RESTRICTED_RECIPIENTS);
    await verdict(pane, 'stop');
    const region = pane.locator('[data-testid="compose-announcer"]');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect((await region.textContent())?.trim()).toBe('');
    const before = await region.elementHandle();
    await pane.getByRole('button', { name: COMPOSE_TEXT.sendAnyway }).click();
    await pane.getByLabel(COMPOSE_TEXT.reasonLabel).fill('A safeguarding matter we must answer.');
    await pane.getByRole('button', { name: /^Record the reason/ }).focus();
    await pane.page().keyboard.press('Enter');
    await pane.waitForFunction(
      (text) =>
        document.querySelector('[data-testid="compose-announcer"]')?.textContent?.includes(text),
      COMPOSE_TEXT.recordedPressSend,
      { timeout: 20_000 },
    );
    // The same element: a region added with its text is often not read out.
    expect(await before?.evaluate((el) => el.isConnected)).toBe(true);
    const focused = await pane.evaluate(() =>
      document.activeElement?.closest('[data-testid="compose-notice"]') ? 'notice' : 'elsewhere',
    );
    expect(focused).toBe('notice');
  });

  test('"Send to the SPOC instead" by keyboard: the recipients change, the outcome is announced and focused', async () => {
    const { page, pane } = await composeTo([['to', `Mark Denton <${DENTON}>`]]);
    await verdict(pane, 'stop');
    await pane.getByRole('button', { name: COMPOSE_TEXT.sendToSpoc }).focus();
    await pane.page().keyboard.press('Enter');
    await page.locator(`#compose .chip[data-address="${SPOC}"]`).waitFor({ timeout: 20_000 });
    await pane.waitForFunction(
      (text) =>
        document.querySelector('[data-testid="compose-announcer"]')?.textContent?.includes(text),
      COMPOSE_TEXT.changedPressSend,
      { timeout: 20_000 },
    );
    const focused = await pane.evaluate(() =>
      document.activeElement?.closest('[data-testid="compose-notice"]') ? 'notice' : 'elsewhere',
    );
    expect(focused).toBe('notice');
  });
});
