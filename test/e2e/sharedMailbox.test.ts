// The office's shared mailbox in the real task pane, against the strict local service (behaviour
// 3): reception (Full Access + Send As) logs, forwards and files a restricted email there and the
// forward reaches the SPOC once; Jo Evans (Full Access, no Send As) is told what to ask for, and
// nothing is forwarded or filed.
import type { Frame } from 'playwright-core';
import { workbenchSession } from './support/session';
import { selectMessage, verdictFor, type OpenWorkbench } from './support/browser';

jest.setTimeout(120_000);

const OFFICE = 'office@oakfield.sch.uk';
const AS_JO = `${OFFICE} as office.assistant@oakfield.sch.uk`; // the workbench's second choice
const SPOC = 'business.manager@oakfield.sch.uk';
const RECEPTION = 'reception@oakfield.sch.uk';
const SUBJECT = 'Trip money - still waiting'; // from Mark Denton: ForwardAndFile, SPOC Priya Shah

const session = workbenchSession();
let open: OpenWorkbench | undefined;

beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
  // A restricted parent writes to the office (no routing rules yet: it lands in its inbox).
  const res = await fetch(`${session.url}/_dev/deliver`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ from: 'mark.denton1978@gmail.com', to: OFFICE, subject: SUBJECT }),
  });
  expect(res.ok).toBe(true);
  await fetch(`${session.url}/_dev/requests`, { method: 'DELETE' });
});

async function subjects(mailbox: string, folder: string, as: string): Promise<string[]> {
  const res = await fetch(
    `${session.url}/v1.0/users/${mailbox}/mailFolders/${folder}/messages?$top=200&$select=subject`,
    { headers: { Authorization: `Bearer local:${as}` } },
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: { subject: string }[] }).value.map((m) => m.subject);
}

/**
 * `send` is asynchronous (the local service, like Exchange, keeps the forward in the Outbox for a
 * few seconds): waits, polling at most `limitMs`, until the office's Outbox is empty, so that every
 * accepted send has been delivered and a second forward would be counted.
 */
async function outboxDrained(limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  while ((await subjects(OFFICE, 'outbox', RECEPTION)).length > 0) {
    if (Date.now() > until)
      throw new Error(`the office's Outbox did not empty within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function requestsWithStatus(status: number): Promise<string[]> {
  const res = await fetch(`${session.url}/_dev/requests`);
  const log = (await res.json()) as { requests: { path: string; status: number }[] };
  return log.requests.filter((r) => r.status === status).map((r) => r.path);
}

async function openOfficeAs(choice: string): Promise<Frame> {
  open = await session.open();
  await open.page.selectOption('#mailbox', choice);
  await open.page.locator('#messages button', { hasText: SUBJECT }).waitFor({ timeout: 15_000 });
  await selectMessage(open.page, SUBJECT);
  expect(await verdictFor(open.pane, SUBJECT)).toBe('restricted');
  return open.pane;
}

async function forwardAndFile(pane: Frame): Promise<void> {
  const primary = pane.locator('[data-testid="primary-action"]');
  await primary.waitFor();
  await primary.click();
  expect(await pane.textContent('[data-testid="confirm-action"]')).toContain(SPOC);
  await pane.locator('[data-testid="confirm-yes"]').click();
}

test('reception logs, forwards and files a restricted email in the office mailbox; the forward arrives once', async () => {
  const pane = await openOfficeAs(OFFICE);
  // Log it.
  await pane.click('[data-testid="log-email"]');
  expect(await pane.textContent('[data-testid="event-recorder"]')).toContain('Sarah Whitfield');
  await pane.getByLabel('Tone').check();
  await pane.click('[data-testid="event-save"]');
  await pane.waitForSelector('[data-testid="logged-state"][data-state="logged"]', {
    timeout: 20_000,
  });
  // Forward and file.
  await forwardAndFile(pane);
  await pane.waitForSelector('[data-testid="done-forwarded"]', { timeout: 20_000 });
  await pane.waitForSelector('[data-testid="done-filed"]', { timeout: 20_000 });
  expect(await pane.textContent('[data-testid="done-forwarded"]')).toContain('Sarah Whitfield');

  await outboxDrained();
  const arrived = (await subjects(SPOC, 'inbox', SPOC)).filter((s) => s === `FW: ${SUBJECT}`);
  expect(arrived).toHaveLength(1);
  expect(await subjects(OFFICE, 'inbox', RECEPTION)).not.toContain(SUBJECT);
  expect(await subjects(OFFICE, 'sentitems', RECEPTION)).toEqual([`FW: ${SUBJECT}`]);
  // Nothing was refused on the way (no master-category call on the shared mailbox).
  expect(await requestsWithStatus(403)).toEqual([]);
});

test('a member of staff without Send As gets the plain message, and nothing is forwarded or filed', async () => {
  const pane = await openOfficeAs(AS_JO);
  await forwardAndFile(pane);
  const error = pane.locator('[data-testid="action-error"]');
  await error.waitFor({ timeout: 20_000 });
  const text = (await error.textContent()) ?? '';
  expect(text).toContain("'Send As' permission");
  expect(text).toContain('Exchange administrator');
  expect(text).toContain('nothing was forwarded or filed');

  expect((await subjects(SPOC, 'inbox', SPOC)).filter((s) => s === `FW: ${SUBJECT}`)).toEqual([]);
  expect(await subjects(OFFICE, 'inbox', RECEPTION)).toContain(SUBJECT);
  expect(await subjects(OFFICE, 'drafts', RECEPTION)).toEqual([]);
  expect(await subjects(OFFICE, 'sentitems', RECEPTION)).toEqual([]);
  // The pane still offers the action (to try again once Send As is granted).
  await pane.locator('[data-testid="primary-action"]').waitFor();
});
