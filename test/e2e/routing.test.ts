// The mail-routing demo in the workbench, in Debian's chromium: the routing job makes the inbox
// rules, and a restricted parent's new email then reaches the SPOC's mailbox by rule, without
// anyone opening the add-in.
import { workbenchSession } from './support/session';
import { selectMessage, verdictFor, type OpenWorkbench } from './support/browser';

jest.setTimeout(90_000);

let open: OpenWorkbench | undefined;

const session = workbenchSession();
beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
});

it("delivers a restricted parent's new email to the SPOC by rule", async () => {
  open = await session.open();
  const { page } = open;
  const status = page.locator('#delivery-status');

  await page.click('#routing');
  await page.waitForFunction(() =>
    document.getElementById('delivery-status')?.textContent?.startsWith('Routing job: Apply'),
  );
  expect(await status.textContent()).toContain('reception@oakfield.sch.uk: Changed');

  await page.selectOption('#deliver-from', 'mark.denton1978@gmail.com');
  await page.click('#deliver');
  await page.waitForFunction(() =>
    document.getElementById('delivery-status')?.textContent?.startsWith('Delivered:'),
  );
  const delivered = (await status.textContent()) ?? '';
  expect(delivered).toContain('reception@oakfield.sch.uk (Restricted correspondence)');
  expect(delivered).toContain('business.manager@oakfield.sch.uk (Inbox)');

  // The SPOC's inbox shows it, from the parent (redirected: the original sender is kept).
  await page.selectOption('#mailbox', 'business.manager@oakfield.sch.uk');
  await page.locator('#messages button', { hasText: 'New email' }).first().waitFor();
  expect(await page.locator('#messages button', { hasText: 'New email' }).count()).toBe(1);

  // An unrestricted parent's email stays where it was sent.
  await page.selectOption('#mailbox', 'reception@oakfield.sch.uk');
  await page.selectOption('#deliver-from', 'j.clarke@example.org');
  await page.click('#deliver');
  await page.waitForFunction(() =>
    document
      .getElementById('delivery-status')
      ?.textContent?.includes('reception@oakfield.sch.uk (Inbox)'),
  );
});

it("002 §62: a restricted parent's urgent email to a protected SPOC mailbox stays in its inbox, marked high importance, and the pane shows the urgent banner", async () => {
  open = await session.open();
  const { page, pane } = open;
  const status = page.locator('#delivery-status');
  await page.click('#routing');
  await page.waitForFunction(() =>
    document.getElementById('delivery-status')?.textContent?.startsWith('Routing job: Apply'),
  );

  // The office's shared mailbox is protected and is Siobhan O'Brien's SPOC (opened as reception).
  await page.selectOption('#mailbox', 'office@oakfield.sch.uk');
  await page.selectOption('#deliver-from', "siobhan.o'brien@outlook.com");
  await page.click('#deliver-urgent');
  await page.waitForFunction(() =>
    document.getElementById('delivery-status')?.textContent?.startsWith('Delivered:'),
  );
  // Not filed, not sent on: in the inbox, high importance, both categories.
  expect(await status.textContent()).toBe(
    'Delivered: office@oakfield.sch.uk (Inbox) !high [Possibly urgent, Restricted correspondence]',
  );
  const subject = 'Urgent: Ellie has not come home';
  const item = page.locator('#messages button', { hasText: subject }).first();
  await item.waitFor();
  expect(await item.locator('[data-importance="high"]').count()).toBe(1);
  expect(await item.locator('.category').allTextContents()).toEqual([
    'Possibly urgent',
    'Restricted correspondence',
  ]);

  await selectMessage(page, subject);
  expect(await verdictFor(pane, subject)).toBe('restricted');
  const banner = pane.locator('[data-testid="emergency-banner"]');
  await banner.waitFor({ timeout: 15_000 });
  expect(await banner.isVisible()).toBe(true);
});
