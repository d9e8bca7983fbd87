// Acting on restricted correspondence in the real task pane, in Debian's chromium, against the
// workbench: forward and see it arrive in the SPOC's mailbox, file and undo, the emergency banner,
// and the SPOC filing an email as "no new issue".
import type { Frame, Page } from 'playwright-core';
import { workbenchSession } from './support/session';
import { selectMessage, verdictFor, type OpenWorkbench } from './support/browser';

jest.setTimeout(120_000);

const SPOC_MAILBOX = 'business.manager@oakfield.sch.uk';
const DENTON_SECOND = 'Re: Meeting request - Mr Denton'; // ForwardAndFile, SPOC Priya Shah
const PIKE = 'Lunchtime supervision concerns'; // File
const URGENT = 'Urgent: Aoife not well — please call';
const SEEDED_FORWARD = 'FW: Complaint about the Year 5 trip letter';

let open: OpenWorkbench | undefined;

const session = workbenchSession();
beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
});

async function switchMailbox(page: Page, address: string): Promise<void> {
  await page.selectOption('#mailbox', address);
}

/**
 * Graph's send is asynchronous (the local service keeps a sent message in the Outbox for a few
 * seconds): polls the mailbox's inbox, at most `limitMs`, until a message with this subject is in.
 */
async function waitForDelivery(address: string, subject: string, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  for (;;) {
    const res = await fetch(
      `${session.url}/v1.0/users/${address}/mailFolders/inbox/messages?$top=100&$select=subject`,
      { headers: { Authorization: `Bearer local:${address}` } },
    );
    const list = ((await res.json()) as { value: { subject: string }[] }).value;
    if (list.some((m) => m.subject === subject)) return;
    if (Date.now() > until) throw new Error(`"${subject}" not delivered within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function confirmPrimary(pane: Frame, expectedLabel: RegExp): Promise<void> {
  const primary = pane.locator('[data-testid="primary-action"]');
  await primary.waitFor();
  expect(await primary.textContent()).toMatch(expectedLabel);
  await primary.click();
  await pane.locator('[data-testid="confirm-yes"]').click();
}

test('forward and file a restricted email; it arrives in the SPOC mailbox, where the SPOC files it as "no new issue"', async () => {
  open = await session.open();
  await selectMessage(open.page, DENTON_SECOND);
  expect(await verdictFor(open.pane, DENTON_SECOND)).toBe('restricted');
  // "Do not reply" once, in the heading; the action in the verdict's top.
  expect(await open.pane.textContent('[data-verdict] h2')).toBe('Restricted sender — do not reply');
  expect(await open.pane.locator('[data-testid="no-reply-reminder"]').count()).toBe(0);
  await open.pane.locator('[data-verdict] [data-testid="primary-action"]').click();
  // The confirmation names the recipient.
  expect(await open.pane.textContent('[data-testid="confirm-action"]')).toContain(SPOC_MAILBOX);
  await open.pane.locator('[data-testid="confirm-yes"]').click();
  await open.pane.waitForSelector('[data-testid="done-forwarded"]', { timeout: 20_000 });
  await open.pane.waitForSelector('[data-testid="done-filed"]');
  expect(await open.pane.textContent('[data-testid="done-forwarded"]')).toContain(
    'Sarah Whitfield',
  );
  // The top now says what was done (in the verdict, in place of the instruction), with Undo.
  expect(await open.pane.locator('[data-verdict] [data-testid="done-filed"]').count()).toBe(1);
  expect(await open.pane.locator('[data-testid="instruction"]').count()).toBe(0);
  expect(await open.pane.locator('[data-verdict] [data-testid="undo-file"]').count()).toBe(1);
  // Not offered again.
  expect(await open.pane.locator('[data-testid="primary-action"]').count()).toBe(0);

  await waitForDelivery(SPOC_MAILBOX, `FW: ${DENTON_SECOND}`);
  await switchMailbox(open.page, SPOC_MAILBOX);
  const arrived = open.page.locator('#messages button', { hasText: `FW: ${DENTON_SECOND}` });
  await arrived.waitFor({ timeout: 15_000 });
  await arrived.click();
  const spocSide = open.pane.locator('[data-testid="forwarded-correspondence"]');
  await spocSide.waitFor({ timeout: 15_000 });
  expect(await spocSide.textContent()).toContain('Restricted correspondence from Mark Denton');
  expect(await verdictFor(open.pane, `FW: ${DENTON_SECOND}`)).toBe('forwarded');
  // No raw timestamps anywhere in the pane.
  expect(await open.pane.innerText('main')).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  await open.pane.locator('[data-testid="spoc-no-new-issue"]').click();
  await open.pane.waitForSelector('[data-testid="spoc-outcome-done"]', { timeout: 15_000 });
  expect(await open.pane.textContent('[data-testid="spoc-outcome-done"]')).toMatch(
    /Priya Shah read it: no new issue, filed without acknowledgement/,
  );
});

test('file a restricted email, then undo', async () => {
  open = await session.open();
  await selectMessage(open.page, PIKE);
  expect(await verdictFor(open.pane, PIKE)).toBe('restricted');
  await confirmPrimary(open.pane, /File it/);
  await open.pane.waitForSelector('[data-testid="done-filed"]', { timeout: 15_000 });
  expect(await open.pane.textContent('[data-testid="done-filed"]')).toContain(
    'Restricted correspondence / Karen Pike',
  );
  await open.pane.locator('[data-testid="undo-file"]').click();
  await open.pane.waitForSelector('[data-testid="action-notice"]', { timeout: 15_000 });
  expect(await open.pane.textContent('[data-testid="action-notice"]')).toContain(
    'back where it was',
  );
  // Offered again, and the email is back in the inbox.
  await open.pane.locator('[data-testid="primary-action"]').waitFor();
  const res = await fetch(
    `${session.url}/v1.0/me/mailFolders/inbox/messages?$top=100&$select=subject`,
    { headers: { Authorization: 'Bearer local:reception@oakfield.sch.uk' } },
  );
  const subjects = ((await res.json()) as { value: { subject: string }[] }).value.map(
    (m) => m.subject,
  );
  expect(subjects).toContain(PIKE);
});

test('an urgent restricted email shows the emergency banner', async () => {
  open = await session.open();
  await selectMessage(open.page, URGENT);
  expect(await verdictFor(open.pane, URGENT)).toBe('restricted');
  const banner = open.pane.locator('[data-testid="emergency-banner"]');
  await banner.waitFor({ timeout: 15_000 });
  const text = (await banner.textContent()) ?? '';
  // The email's own words and what they point to (the built-in lexicon, issue 14).
  expect(text).toContain('"call me as soon as possible" (a request for urgent contact)');
  expect(text).toContain("follow the school's normal emergency and safeguarding procedure");
  // Prominent: above the verdict, the first thing in the pane after the email's line.
  const bannerFirst = await open.pane.evaluate(() => {
    const b = document.querySelector('[data-testid="emergency-banner"]');
    const v = document.querySelector('[data-verdict]');
    return !!b && !!v && (b.compareDocumentPosition(v) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  expect(bannerFirst).toBe(true);
});

test('the SPOC files a forwarded email as "no new issue"', async () => {
  open = await session.open();
  await switchMailbox(open.page, SPOC_MAILBOX);
  const forwarded = open.page.locator('#messages button', { hasText: SEEDED_FORWARD });
  await forwarded.waitFor({ timeout: 15_000 });
  await forwarded.click();
  await open.pane.locator('[data-testid="spoc-no-new-issue"]').click({ timeout: 15_000 });
  await open.pane.waitForSelector('[data-testid="spoc-outcome-done"]', { timeout: 15_000 });
  // Filed: no longer in the SPOC's inbox.
  const res = await fetch(
    `${session.url}/v1.0/me/mailFolders/inbox/messages?$top=100&$select=subject`,
    { headers: { Authorization: `Bearer local:${SPOC_MAILBOX}` } },
  );
  const subjects = ((await res.json()) as { value: { subject: string }[] }).value.map(
    (m) => m.subject,
  );
  expect(subjects).not.toContain(SEEDED_FORWARD);
});
