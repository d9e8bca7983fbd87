// The workbench's Smart Alerts contract, with stand-in handler bundles (launchevent.js replaced in
// the browser): what Outlook on the web does when the add-in cannot be loaded, takes more than 5 s,
// times out, throws, passes options beyond Outlook's limits, or breaks the notification rules.
// Timers are shortened through the page's query (?longRunningMs=&timeoutMs=); defaults are Outlook's.
import type { BrowserContext, Page } from 'playwright-core';
import { workbenchSession } from './support/session';

jest.setTimeout(90_000);

const session = workbenchSession();
let context: BrowserContext | undefined;

beforeEach(async () => {
  await fetch(`${session.url}/_dev/reset`, { method: 'POST' });
});
afterEach(async () => {
  await context?.close();
  context = undefined;
});

/** The workbench with launchevent.js replaced by `bundle`, composing a new email to a parent. */
async function composeWith(bundle: string, query = ''): Promise<Page> {
  context = await session.browser.newContext();
  await context.route('**/launchevent.js', (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: bundle }),
  );
  const page = await context.newPage();
  await page.goto(`${session.url}/${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#new-email');
  await page.fill('#compose-subject', 'Contract');
  await page.fill('#compose-to', 'j.clarke@example.org');
  await page.press('#compose-to', 'Enter');
  return page;
}

const associate = (send: string, compose = 'function (e) { e.completed(); }') => `
  Office.actions.associate('onMessageSendHandler', ${send});
  Office.actions.associate('onNewMessageComposeHandler', ${compose});
  Office.actions.associate('onMessageRecipientsChangedHandler', function (e) { e.completed(); });
`;

async function sentShown(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('#mail-status')?.textContent === 'Sent',
    undefined,
    { timeout: 20_000 },
  );
}

test('a bundle that associates nothing is unavailable: Send Anyway or Try Later (soft block)', async () => {
  const page = await composeWith('/* loads, associates nothing */');
  await page.click('#compose-send');
  const dialog = page.locator('#smart-alert[data-kind="unavailable"]');
  await dialog.waitFor();
  expect(await dialog.locator('button').allTextContents()).toEqual(['Send Anyway', 'Try Later']);
  await page.keyboard.press('Escape'); // as Try Later: nothing is sent
  await dialog.waitFor({ state: 'detached' });
  expect(await page.textContent('#compose-status')).toBe('Not sent.');
  await page.click('#compose-send');
  await page
    .locator('#smart-alert[data-kind="unavailable"] button[data-action="sendAnyway"]')
    .click();
  await sentShown(page);
});

test('a handler that never completes: "taking longer than expected" with no way to send, then timed out', async () => {
  const page = await composeWith(associate('function () {}'), '?longRunningMs=300&timeoutMs=1500');
  await page.click('#compose-send');
  const waiting = page.locator('#smart-alert[data-kind="longRunning"]');
  await waiting.waitFor();
  expect(await waiting.textContent()).toContain('taking longer than expected');
  expect(await waiting.locator('button').count()).toBe(0);
  const timedOut = page.locator('#smart-alert[data-kind="timedOut"]');
  await timedOut.waitFor();
  expect(await timedOut.locator('button').allTextContents()).toEqual(['OK']);
  await timedOut.locator('button').click();
  expect(await page.textContent('#compose-status')).toBe('Not sent.');
});

test('a handler that throws is never completed: it times out, the mail is not sent', async () => {
  const page = await composeWith(
    associate('function () { throw new Error("boom"); }'),
    '?longRunningMs=300&timeoutMs=1000',
  );
  await page.click('#compose-send');
  await page.locator('#smart-alert[data-kind="timedOut"]').waitFor();
});

test("options beyond Outlook's limits: the default message, Take Action, and Send Anyway only with promptUser", async () => {
  const page = await composeWith(
    associate(`function (e) { e.completed({
      allowEvent: false,
      errorMessage: ${JSON.stringify('x'.repeat(501))},
      cancelLabel: 'A label of more than twenty',
      commandId: 'cgComposeOpenPaneButton',
      contextData: { a: 1 },
      sendModeOverride: 'promptUser'
    }); }`),
  );
  await page.click('#compose-send');
  const dialog = page.locator('#smart-alert[data-kind="stopped"]');
  await dialog.waitFor();
  expect(await page.textContent('#smart-alert-message')).toBe(
    'Contact Guard is preventing this email from being sent.',
  );
  expect(await dialog.locator('button').allTextContents()).toEqual([
    'Take Action',
    "Don't Send",
    'Send Anyway',
  ]);
  await dialog.locator('button[data-action="sendAnyway"]').click();
  await sentShown(page);
});

test('notification rules: 150 characters at most (thrown), 5 per item, dismissible bars', async () => {
  const page = await composeWith(
    associate(
      'function (e) { e.completed({ allowEvent: true }); }',
      `function (e) {
        var n = Office.context.mailbox.item.notificationMessages;
        var results = [];
        try { n.addAsync('long', { type: 'informationalMessage', message: ${JSON.stringify('y'.repeat(151))}, icon: 'i', persistent: false }); }
        catch (err) { results.push('thrown:' + err.name); }
        var i = 0;
        function next() {
          i += 1;
          if (i > 6) { document.title = results.join(','); e.completed(); return; }
          n.addAsync('k' + i, { type: 'informationalMessage', message: 'Bar ' + i, icon: 'i', persistent: true }, function (r) {
            results.push(r.status + (r.error ? ':' + r.error.name : ''));
            next();
          });
        }
        next();
      }`,
    ),
  );
  await page.locator('#compose .notification').nth(4).waitFor();
  await page.waitForFunction(() => {
    const frame = document.querySelector('iframe[data-runtime-for]') as HTMLIFrameElement | null;
    return (frame?.contentDocument?.title ?? '').includes('failed');
  });
  const title = await page.evaluate(
    () =>
      (document.querySelector('iframe[data-runtime-for]') as HTMLIFrameElement).contentDocument
        ?.title,
  );
  expect(title).toBe(
    'thrown:ArgumentOutOfRange,succeeded,succeeded,succeeded,succeeded,succeeded,failed:NumberOfNotificationMessagesExceeded',
  );
  expect(await page.locator('#compose .notification').count()).toBe(5);
  await page.click('#compose .notification[data-key="k1"] .dismiss');
  expect(await page.locator('#compose .notification').count()).toBe(4);
});
