// Sign-in for real (issue #15): the add-in's MSAL code against a local OpenID Connect provider
// (oidc-provider, OpenID Certified, set up as Entra answers an SPA: dev/local-identity), in
// Debian's chromium, with the workbench playing Office's dialog. Nested app authentication needs
// Outlook itself and is not here (README "Sign-in": what is proven where).
import type { Browser, BrowserContext, Frame, Page, Request, Route } from 'playwright-core';
import { launchChromium, selectMessage, verdictFor } from './support/browser';
import { startSignInWorkbench, type SignInWorkbench } from './support/signInWorkbench';

const RESTRICTED_FOR_RECEPTION = 'Urgent: Aoife not well — please call';
const HEAD_MESSAGE = 'Representations about the restriction';

let browser: Browser;
let workbench: SignInWorkbench;
const contexts: BrowserContext[] = [];
// A sign-in is a dozen page loads and redirects; on two shared cores that is more than Jest's 30 s.
jest.setTimeout(120_000);

beforeAll(async () => {
  [browser, workbench] = await Promise.all([launchChromium(), startSignInWorkbench()]);
}, 90_000);
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});
afterAll(async () => {
  await browser?.close();
  await workbench?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  pane: () => Promise<Frame>;
  /** The user each Graph request from the pane was made as (the token's upn), in order. */
  graphUsers: string[];
  /** grant_type of every token request to the identity provider. */
  tokenGrants: string[];
  /** graphUsers.length at each (re)load of the task pane: requests after it are the new pane's. */
  paneLoads: number[];
}

/** Graph requests of the workbench page itself (it plays Outlook, with local tokens) are not the pane's. */
function fromPane(request: Request): boolean {
  try {
    return request.frame().url().includes('taskpane.html');
  } catch {
    return false; // a navigation request before its frame exists
  }
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function upnOf(authorization: string | undefined): string {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  if (token.startsWith('local:')) return token;
  const payload = token.split('.')[1];
  if (!payload) return '(none)';
  return String(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).upn ?? '(no upn)');
}

async function openWorkbench(path = '/'): Promise<Opened> {
  // The provider's certificate is self-signed (MSAL insists on an https authority).
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  contexts.push(context);
  const graphUsers: string[] = [];
  const tokenGrants: string[] = [];
  const watch = (request: Request) => {
    const url = request.url();
    if (url.startsWith(`${workbench.url}/v1.0/`) && (path !== '/' || fromPane(request))) {
      graphUsers.push(upnOf(request.headers().authorization));
    }
    if (url.startsWith(workbench.authority) && /\/token(\?|$)/.test(url)) {
      tokenGrants.push(new URLSearchParams(request.postData() ?? '').get('grant_type') ?? '?');
    }
  };
  context.on('request', watch);
  const page = await context.newPage();
  const paneLoads: number[] = [];
  page.on('framenavigated', (frame) => {
    if (frame.parentFrame() === page.mainFrame() && frame.url().includes('taskpane.html'))
      paneLoads.push(graphUsers.length);
  });
  await page.goto(`${workbench.url}${path}`);
  const pane = async () => {
    const handle = await page.waitForSelector('iframe#taskpane');
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('no task pane');
    await frame.waitForSelector('main');
    return frame;
  };
  if (path === '/') await page.waitForSelector('body[data-ready="true"]');
  return { context, page, pane, graphUsers, tokenGrants, paneLoads };
}

/** Office's "wants to display a new window" → Allow → the provider's page → sign in as `as`. */
async function signInThroughDialog(
  opened: Opened,
  options: { as?: string; expectHint?: string } = {},
): Promise<void> {
  const prompt = opened.page.locator('#dialog-prompt');
  let dialog: Page | undefined;
  // A prompt raised by the pane just before it restarted (another user took the mailbox) is
  // Office's to close with its pane, as Outlook closes a dialog whose add-in went away; the new
  // pane asks again. So a dialog that closes before its page shows is answered once more.
  for (let attempt = 0; attempt < 2 && !dialog; attempt += 1) {
    await prompt.waitFor({ state: 'visible', timeout: 20_000 });
    const dialogPage = opened.context.waitForEvent('page');
    await opened.page.locator('#dialog-allow').click();
    const opening = await dialogPage;
    try {
      await opening.waitForSelector('#username', { timeout: 20_000 });
      dialog = opening;
    } catch (e) {
      if (!opening.isClosed() || attempt === 1) throw e;
    }
  }
  if (!dialog) throw new Error('The sign-in dialog never showed its page');
  if (options.expectHint) expect(await dialog.inputValue('#username')).toBe(options.expectHint);
  if (options.as) await dialog.fill('#username', options.as);
  const closed = dialog.waitForEvent('close', { timeout: 30_000 });
  await dialog.click('#sign-in');
  await closed;
}

test('the Office dialog signs in at the identity provider and hands the token to the pane', async () => {
  const opened = await openWorkbench();
  const pane = await opened.pane();
  await selectMessage(opened.page, RESTRICTED_FOR_RECEPTION);
  await signInThroughDialog(opened, { expectHint: 'reception@oakfield.sch.uk' });
  expect(await verdictFor(pane, RESTRICTED_FOR_RECEPTION, 30_000)).toBe('restricted');
  // Every Graph request the pane made carried the provider's token for the mailbox user.
  expect(opened.graphUsers.length).toBeGreaterThan(0);
  expect(new Set(opened.graphUsers)).toEqual(new Set(['reception@oakfield.sch.uk']));
  // MSAL redeemed the code itself (PKCE): one authorization_code grant.
  expect(opened.tokenGrants).toEqual(['authorization_code']);
});

test('after signing in once, a reloaded pane gets its token silently, and an expired one is renewed with the refresh token', async () => {
  const opened = await openWorkbench();
  await opened.context.clock.install();
  let pane = await opened.pane();
  await selectMessage(opened.page, RESTRICTED_FOR_RECEPTION);
  await signInThroughDialog(opened);
  expect(await verdictFor(pane, RESTRICTED_FOR_RECEPTION, 30_000)).toBe('restricted');

  // Outlook on the web reloads the pane often: no second dialog.
  await pane.evaluate(() => window.location.reload());
  pane = await opened.pane();
  await selectMessage(opened.page, 'Complaint about the Year 5 trip letter');
  expect(await verdictFor(pane, 'Complaint about the Year 5 trip letter', 30_000)).not.toBe(
    'unavailable',
  );
  expect(await opened.page.locator('#dialog-prompt').isHidden()).toBe(true);

  // Two hours on, the access token (one hour) has expired: MSAL renews it without the user.
  const before = opened.graphUsers.length;
  await opened.context.clock.fastForward('02:00:00');
  await selectMessage(opened.page, RESTRICTED_FOR_RECEPTION);
  await until(() => opened.tokenGrants.includes('refresh_token'));
  expect(await verdictFor(pane, RESTRICTED_FOR_RECEPTION, 30_000)).toBe('restricted');
  expect(opened.graphUsers.length).toBeGreaterThan(before);
  expect(await opened.page.locator('#dialog-prompt').isHidden()).toBe(true);
  expect(opened.tokenGrants.filter((g) => g === 'authorization_code')).toHaveLength(1);
});

test('review.html, a top-level page, signs in with MSAL itself and shows the review to a reviewer', async () => {
  const opened = await openWorkbench(
    `/review.html?login_hint=${encodeURIComponent('head@oakfield.sch.uk')}`,
  );
  // The page tries to sign in as it opens; where the browser wants a click first, it offers one.
  const popup = opened.context.waitForEvent('page', { timeout: 30_000 });
  void opened.page
    .getByRole('button', { name: 'Sign in' })
    .click({ timeout: 30_000 })
    .catch(() => undefined);
  const window = await popup;
  await window.waitForSelector('#username', { timeout: 20_000 });
  expect(await window.inputValue('#username')).toBe('head@oakfield.sch.uk');
  await window.click('#sign-in');
  await opened.page.getByText('Helen Marsh', { exact: false }).first().waitFor({ timeout: 30_000 });
  await opened.page
    .getByRole('heading', { name: /flagged|review/i })
    .first()
    .waitFor();
  expect(new Set(opened.graphUsers)).toEqual(new Set(['head@oakfield.sch.uk']));
});

test('a second person on the same browser profile never gets the first one’s token, role or copy of the restrictions', async () => {
  const opened = await openWorkbench();
  await opened.page.selectOption('#mailbox', 'head@oakfield.sch.uk');
  let pane = await opened.pane();
  await selectMessage(opened.page, HEAD_MESSAGE);
  await signInThroughDialog(opened, { expectHint: 'head@oakfield.sch.uk' });
  await verdictFor(pane, HEAD_MESSAGE, 30_000);
  await pane.getByRole('tab', { name: 'Review' }).waitFor({ timeout: 20_000 });
  expect(new Set(opened.graphUsers)).toEqual(new Set(['head@oakfield.sch.uk']));

  // The receptionist takes the same PC: Outlook (the workbench) now belongs to her. Until the pane
  // restarts it is still the head teacher's (her Review tab may still be loading), so the requests
  // that count are those after the restart.
  const loadsBefore = opened.paneLoads.length;
  await opened.page.selectOption('#mailbox', 'reception@oakfield.sch.uk');
  await until(() => opened.paneLoads.length > loadsBefore);
  const headRequests = opened.paneLoads[loadsBefore] ?? 0;
  pane = await opened.pane();
  await selectMessage(opened.page, RESTRICTED_FOR_RECEPTION);
  // She is asked to sign in herself, with her own name suggested.
  await signInThroughDialog(opened, { expectHint: 'reception@oakfield.sch.uk' });
  expect(await verdictFor(pane, RESTRICTED_FOR_RECEPTION, 30_000)).toBe('restricted');
  const afterSwitch = opened.graphUsers.slice(headRequests);
  expect(afterSwitch.length).toBeGreaterThan(0);
  expect(new Set(afterSwitch)).toEqual(new Set(['reception@oakfield.sch.uk']));
  // No Review tab: the head teacher's role did not follow her.
  expect(await pane.getByRole('tab', { name: 'Review' }).count()).toBe(0);
  // The head teacher's tokens and copy of the restrictions are gone from the device.
  const stored = await pane.evaluate(async () => {
    const msal = Object.keys(localStorage).join('\n');
    const keys = await new Promise<string[]>((resolve, reject) => {
      const request = indexedDB.open('contact-guard');
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('cache')) return resolve([]);
        const all = db.transaction('cache').objectStore('cache').getAllKeys();
        all.onsuccess = () => resolve(all.result.map(String));
        all.onerror = () => reject(all.error);
      };
      request.onerror = () => reject(request.error);
    });
    return { msal, keys };
  });
  expect(stored.msal.toLowerCase()).not.toContain('head@oakfield.sch.uk');
  expect(stored.keys.join('\n')).not.toContain('head@oakfield.sch.uk');
});

test('an event the first person could not save waits for her: the next person never sends it as theirs', async () => {
  const opened = await openWorkbench();
  await opened.page.selectOption('#mailbox', 'head@oakfield.sch.uk');
  let pane = await opened.pane();
  await selectMessage(opened.page, HEAD_MESSAGE);
  await signInThroughDialog(opened, { expectHint: 'head@oakfield.sch.uk' });
  await verdictFor(pane, HEAD_MESSAGE, 30_000);

  // The head teacher logs the email while SharePoint cannot be reached from her PC: it waits on
  // the device.
  await pane.click('[data-testid="log-email"]');
  const summary = `Logged by the head teacher while offline ${Date.now()}`;
  await pane.fill('[data-testid="event-summary"]', summary);
  const offline = (route: Route) =>
    route.request().method() === 'GET' ? route.continue() : route.abort('internetdisconnected');
  const eventsList = /\/lists\/Contact%20Events\/items|\/\$batch/;
  await opened.context.route(eventsList, offline);
  await pane.getByLabel('Words').check();
  await pane.click('[data-testid="event-save"]');
  await pane.waitForSelector('[data-testid="logged-state"][data-state="waiting"]', {
    timeout: 20_000,
  });
  // The receptionist takes the PC before it could be sent; the network is back.
  const loadsBefore = opened.paneLoads.length;
  await opened.page.selectOption('#mailbox', 'reception@oakfield.sch.uk');
  await until(() => opened.paneLoads.length > loadsBefore);
  await opened.context.unroute(eventsList, offline);
  pane = await opened.pane();
  await selectMessage(opened.page, RESTRICTED_FOR_RECEPTION);
  await signInThroughDialog(opened, { expectHint: 'reception@oakfield.sch.uk' });
  expect(await verdictFor(pane, RESTRICTED_FOR_RECEPTION, 30_000)).toBe('restricted');
  // Her pane works (Graph answers) and still never sends the head teacher's event.
  await new Promise((r) => setTimeout(r, 3_000));
  expect(await eventsTitled(summary)).toEqual([]);

  // The head teacher comes back: her event is sent, as hers.
  const loadsBack = opened.paneLoads.length;
  await opened.page.selectOption('#mailbox', 'head@oakfield.sch.uk');
  await until(() => opened.paneLoads.length > loadsBack);
  pane = await opened.pane();
  await selectMessage(opened.page, HEAD_MESSAGE);
  await signInThroughDialog(opened, { expectHint: 'head@oakfield.sch.uk' });
  let saved: string[] = [];
  const end = Date.now() + 20_000;
  while (saved.length === 0 && Date.now() < end) {
    saved = await eventsTitled(summary);
    if (saved.length === 0) await new Promise((r) => setTimeout(r, 500));
  }
  expect(saved).toEqual(['Helen Marsh']);
});

/** Who created each Contact Events item with this title: SharePoint's own createdBy (Graph gives its
 * id and display name). */
async function eventsTitled(title: string): Promise<string[]> {
  const res = await fetch(
    `${workbench.url}/v1.0/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Events/items?$expand=fields&$top=999`,
    { headers: { Authorization: 'Bearer local:head@oakfield.sch.uk' } },
  );
  const page = (await res.json()) as {
    value: { fields: { Title?: string }; createdBy?: { user?: { displayName?: string } } }[];
  };
  return page.value
    .filter((item) => item.fields.Title === title)
    .map((item) => item.createdBy?.user?.displayName ?? '(unknown)');
}

test('signing in as someone other than the mailbox user is refused with a plain message', async () => {
  const opened = await openWorkbench();
  const pane = await opened.pane();
  await selectMessage(opened.page, RESTRICTED_FOR_RECEPTION);
  await signInThroughDialog(opened, { as: 'head@oakfield.sch.uk' });
  expect(await verdictFor(pane, RESTRICTED_FOR_RECEPTION, 30_000)).toBe('unavailable');
  await pane.getByText('different account', { exact: false }).first().waitFor();
  // The head teacher's token never reached Graph from the receptionist's pane.
  expect(opened.graphUsers).not.toContain('head@oakfield.sch.uk');
});

test('least scopes: an admin signs in with the staff set; the admin view asks for its own scopes when first opened', async () => {
  const opened = await openWorkbench();
  /** The scp claim of each of the pane's Graph requests, in order. */
  const scopes: string[] = [];
  opened.context.on('request', (request) => {
    if (!request.url().startsWith(`${workbench.url}/v1.0/`) || !fromPane(request)) return;
    const token = /^Bearer (.+)$/.exec(request.headers().authorization ?? '')?.[1] ?? '';
    const payload = token.split('.')[1];
    if (payload)
      scopes.push(String(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).scp));
  });
  // The pane restarts for the new mailbox; a sign-in prompt still up from the first pane would
  // open a dialog that Office closes with that pane, so wait for the restart before answering.
  await opened.pane();
  const loadsBefore = opened.paneLoads.length;
  await opened.page.selectOption('#mailbox', 'it.admin@oakfield.sch.uk');
  await until(() => opened.paneLoads.length > loadsBefore);
  let pane = await opened.pane();
  await signInThroughDialog(opened, { expectHint: 'it.admin@oakfield.sch.uk' });
  await pane.getByRole('tab', { name: 'Admin' }).waitFor({ timeout: 30_000 });
  expect(scopes.length).toBeGreaterThan(0);
  expect(scopes.every((s) => s.split(' ').includes('Sites.Selected'))).toBe(true);
  expect(scopes.some((s) => s.split(' ').includes('User.Read.All'))).toBe(false);
  const beforeAdmin = scopes.length;

  // The admin view's first call needs the admin set. MSAL first tries without a window (a refresh
  // token grant for the new scopes, which the provider refuses); then the dialog again (the
  // session lets its page through without asking for the name). The staff dialog closed a moment
  // ago, and the workbench, as Office, answers 12007 until that close has settled: the pane asks
  // again (dialog-best-practices, "Opening another dialog immediately after closing one").
  pane = await opened.pane();
  await pane.getByRole('tab', { name: 'Admin' }).click();
  const prompt = opened.page.locator('#dialog-prompt');
  const adminToken = () =>
    scopes.slice(beforeAdmin).some((s) => s.split(' ').includes('User.Read.All'));
  const how = await Promise.any([
    prompt.waitFor({ state: 'visible', timeout: 30_000 }).then(() => 'prompt'),
    until(adminToken, 30_000).then(() => 'silent'),
  ]).catch(() => 'neither');
  expect(how).not.toBe('neither');
  if (how === 'prompt') {
    const dialogPage = opened.context.waitForEvent('page');
    await opened.page.locator('#dialog-allow').click();
    const dialog = await dialogPage;
    const closed = dialog.waitForEvent('close', { timeout: 30_000 });
    const asked = dialog.waitForSelector('#username', { timeout: 30_000 }).then(() => 'asked');
    if ((await Promise.race([closed.then(() => 'closed'), asked])) === 'asked') {
      await dialog.click('#sign-in');
      await closed;
    }
  }
  await until(() => scopes.slice(beforeAdmin).some((s) => s.split(' ').includes('User.Read.All')));
  await pane.waitForFunction(
    () => !document.body.textContent?.includes('Reading the Settings list'),
    undefined,
    { timeout: 30_000 },
  );
  expect(new Set(opened.graphUsers)).toEqual(new Set(['it.admin@oakfield.sch.uk']));
});
