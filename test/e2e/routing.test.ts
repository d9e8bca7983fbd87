// The mail-routing demo in the workbench, in Debian's chromium: the routing job makes the inbox
// rules, and a restricted parent's new email then reaches the SPOC's mailbox by rule, without
// anyone opening the add-in.
import { workbenchSession } from './support/session';
import { type OpenWorkbench } from './support/browser';

jest.setTimeout(90_000);

let open: OpenWorkbench | undefined;

const session = workbenchSession();

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
