// `npm run screens`: screenshots of the product's main states into docs/screens/*.png (issue 13),
// so a reader of the README sees the product, and docs/screens/README.md listing them.
//   --no-build     use the existing dist/workbench
//   --only NAME    take only this picture (repeatable)
//
// It builds the workbench bundle, starts the workbench on a free port, and drives Debian's chromium
// as the browser tests do. Each picture gets a fresh browser profile and a freshly reset service.
// The pictures are deterministic: a fixed viewport at device scale 1, reduced motion and animations
// stopped, no caret, and one fixed moment (FIXED_TIME) for the browser's clock and for the local
// service's seed (its `$today`/`$now` dates), so a re-run changes a picture only when the product
// changed. What the service creates while a picture is taken (a forwarded email) has the real time.
//
// States are reached by behaviour: an email's subject in the demo seed, the verdict the pane gives
// (data-verdict), the user and their role, and the controls' accessible roles, the same hooks the
// browser tests use, so the script keeps working while the pane's design changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../dev/browser/launchChromium';
import { setPaneWidth, verdictFor } from '../../dev/browser/workbenchPane';
import { startWorkbench, type RunningWorkbench } from '../../dev/workbench/start';
import {
  DENTON,
  HEAD,
  IT_ADMIN,
  PANE_WIDTH,
  RECEPTION,
  REVIEW_PERSON,
  REVIEW_HEIGHT,
  REVIEW_WIDTH,
  SHOTS,
  SUBJECTS,
  type Shot,
} from './shots';
import { screensReadme } from './readme';

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'docs', 'screens');
/**
 * The workbench page's size: wide enough for its three columns (at 1280 its pane overflows by a
 * pixel), its task pane as tall as Outlook's on a laptop.
 */
const VIEWPORT = { width: 1366, height: 860 };
const TIMEOUT = 30_000;

/**
 * The moment every picture is taken at, for the browser's clock and the local service's seed alike:
 * a Wednesday morning in term time (GMT, so 09:30 in London too).
 */
const FIXED_TIME = new Date('2026-01-14T09:30:00Z');

interface Ctx {
  browser: Browser;
  workbench: RunningWorkbench;
  /** The browser profiles of the picture being taken, closed after it (taken or not). */
  contexts: BrowserContext[];
}

async function newContext(ctx: Ctx, viewport = VIEWPORT): Promise<BrowserContext> {
  const context = await ctx.browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    colorScheme: 'light',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  ctx.contexts.push(context);
  await context.clock.setFixedTime(FIXED_TIME);
  return context;
}

async function post(ctx: Ctx, route: string, body?: unknown): Promise<void> {
  const response = await fetch(`${ctx.workbench.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route} answered ${response.status}`);
}

interface Workbench {
  page: Page;
  pane: Frame;
}

/** The workbench page as `mailbox`'s user, the task pane at Outlook's default width. */
async function openWorkbench(ctx: Ctx, mailbox = RECEPTION): Promise<Workbench> {
  const context = await newContext(ctx);
  const page = await context.newPage();
  await page.goto(`${ctx.workbench.url}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: TIMEOUT });
  await page.locator('#messages button').first().waitFor({ timeout: TIMEOUT });
  // Another person's mailbox (whose inbox may be empty): the pane starts again as them, and the
  // caller waits for what that person sees.
  if (mailbox !== RECEPTION) await page.selectOption('#mailbox', mailbox);
  await setPaneWidth(page, PANE_WIDTH);
  return { page, pane: await paneFrame(page) };
}

async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#taskpane', { timeout: TIMEOUT });
  const pane = await handle.contentFrame();
  if (!pane) throw new Error('The task pane frame did not load');
  await pane.waitForSelector('main', { timeout: TIMEOUT });
  return pane;
}

/** Selects the email and waits for the pane's verdict on it. */
async function verdictOn(page: Page, pane: Frame, subject: string): Promise<string> {
  await page.locator('#messages button', { hasText: subject }).first().click();
  return verdictFor(pane, subject, TIMEOUT);
}

function expectVerdict(subject: string, got: string, want: string): void {
  if (got !== want) throw new Error(`"${subject}": the pane said ${got}, expected ${want}`);
}

/** The first of these that appears (a design change may keep only one of them). */
async function firstVisible(candidates: Locator[], what: string): Promise<Locator> {
  const until = Date.now() + TIMEOUT;
  while (Date.now() < until) {
    for (const c of candidates) {
      if (await c.first().isVisible()) return c.first();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not appear`);
}

/** Fonts loaded, no spinner, and a moment for the last render. */
async function settle(frame: Frame | Page): Promise<void> {
  await frame.evaluate(() => document.fonts.ready.then(() => undefined));
  await frame
    .locator('[role="progressbar"], .fui-Spinner')
    .first()
    .waitFor({ state: 'hidden', timeout: TIMEOUT })
    .catch(() => undefined);
  await new Promise((r) => setTimeout(r, 300));
}

const shotOptions = { animations: 'disabled', caret: 'hide', scale: 'css' } as const;

async function paneShot(page: Page, pane: Frame, file: string): Promise<void> {
  await settle(pane);
  // The pane's own scroll at the top: the picture shows what the user sees first.
  await pane.evaluate(() => window.scrollTo(0, 0));
  // Cropped to the frame's inside (its border is the workbench's, not the pane's).
  const clip = await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe#taskpane');
    if (!frame) throw new Error('no task pane frame');
    const box = frame.getBoundingClientRect();
    return {
      x: box.left + frame.clientLeft,
      y: box.top + frame.clientTop,
      width: frame.clientWidth,
      height: frame.clientHeight,
    };
  });
  // fullPage: the workbench page is a pixel wider than its viewport (the frame's border).
  await page.screenshot({ ...shotOptions, path: file, clip, fullPage: true });
}

async function newEmailTo(page: Page, subject: string, address: string): Promise<void> {
  await page.click('#new-email');
  await page.locator('#compose-subject').waitFor({ timeout: TIMEOUT });
  await page.fill('#compose-subject', subject);
  await page.fill('#compose-to', `Mark Denton <${address}>`);
  await page.press('#compose-to', 'Enter');
}

type Take = (ctx: Ctx, file: string) => Promise<void>;

async function verdictShot(ctx: Ctx, file: string, subject: string, want: string): Promise<void> {
  const { page, pane } = await openWorkbench(ctx);
  expectVerdict(subject, await verdictOn(page, pane, subject), want);
  await paneShot(page, pane, file);
}

const TAKE: Record<string, Take> = {
  'pane-restricted': (ctx, file) => verdictShot(ctx, file, SUBJECTS.restricted, 'restricted'),
  'pane-caution': (ctx, file) => verdictShot(ctx, file, SUBJECTS.caution, 'caution'),
  'pane-clear': (ctx, file) => verdictShot(ctx, file, SUBJECTS.clear, 'clear'),

  'pane-restricted-forwarded': async (ctx, file) => {
    const { page, pane } = await openWorkbench(ctx);
    expectVerdict(
      SUBJECTS.toForward,
      await verdictOn(page, pane, SUBJECTS.toForward),
      'restricted',
    );
    const act = await firstVisible(
      [
        pane.locator('[data-testid="primary-action"]'),
        pane.getByRole('button', { name: /^Forward/ }),
      ],
      'the forward action',
    );
    await act.click();
    const confirm = await firstVisible(
      [
        pane.locator('[data-testid="confirm-yes"]'),
        pane.getByRole('button', { name: /^(Yes|Confirm)/ }),
      ],
      'the confirmation',
    );
    await confirm.click();
    await firstVisible(
      [pane.locator('[data-testid="done-forwarded"]'), pane.getByText(/forwarded/i)],
      'the forwarded result',
    );
    await paneShot(page, pane, file);
  },

  'pane-cannot-check': async (ctx, file) => {
    const { page, pane } = await openWorkbench(ctx);
    await post(ctx, '/_dev/faults', { down: true });
    try {
      expectVerdict(SUBJECTS.clear, await verdictOn(page, pane, SUBJECTS.clear), 'unavailable');
      await paneShot(page, pane, file);
    } finally {
      await post(ctx, '/_dev/faults', { down: false });
    }
  },

  'pane-log-form': async (ctx, file) => {
    const { page, pane } = await openWorkbench(ctx);
    await verdictOn(page, pane, SUBJECTS.clear);
    const log = await firstVisible(
      [pane.locator('[data-testid="log-email"]'), pane.getByRole('button', { name: /^Log/ })],
      'the log button',
    );
    await log.click();
    await pane.locator('form').first().waitFor({ timeout: TIMEOUT });
    await paneShot(page, pane, file);
  },

  'compose-pane-restricted': async (ctx, file) => {
    const { page } = await openWorkbench(ctx);
    await newEmailTo(page, 'About the trip', DENTON);
    await page.click('#compose-open-pane');
    const pane = await paneFrame(page);
    await pane.waitForSelector('[data-verdict="stop"]', { timeout: TIMEOUT });
    await paneShot(page, pane, file);
  },

  'compose-smart-alert': async (ctx, file) => {
    const { page } = await openWorkbench(ctx);
    await newEmailTo(page, 'About the trip', DENTON);
    await page.click('#compose-send');
    const dialog = page.locator('#smart-alert[data-kind="stopped"]');
    await dialog.waitFor({ timeout: TIMEOUT });
    await settle(page);
    const box = await dialog.boundingBox();
    if (!box) throw new Error('the Smart Alert has no box');
    const margin = 24;
    await page.screenshot({
      ...shotOptions,
      path: file,
      clip: {
        x: Math.max(0, box.x - margin),
        y: Math.max(0, box.y - margin),
        width: box.width + 2 * margin,
        height: box.height + 2 * margin,
      },
    });
  },

  'pane-admin': async (ctx, file) => {
    const { page, pane } = await openWorkbench(ctx, IT_ADMIN);
    // The admin tab is shown only to the admin role: the last tab of the pane's tab list.
    const tab = pane.getByRole('tab', { name: /admin/i });
    await tab.waitFor({ timeout: TIMEOUT });
    await tab.click();
    await pane.waitForFunction(
      () =>
        document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.match(/admin/i),
      undefined,
      { timeout: TIMEOUT },
    );
    await paneShot(page, pane, file);
  },

  review: async (ctx, file) => {
    const context = await newContext(ctx, { width: REVIEW_WIDTH, height: REVIEW_HEIGHT });
    const page = await context.newPage();
    await page.goto(`${ctx.workbench.url}/review.html?as=${encodeURIComponent(HEAD)}`);
    await page.getByRole('button', { name: `Open ${REVIEW_PERSON}` }).click({ timeout: TIMEOUT });
    await page.waitForSelector('[data-testid="actions"]', { timeout: TIMEOUT });
    await settle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    // The first screen of a laptop, as the head teacher sees it: anything wider is cut off.
    await page.screenshot({ ...shotOptions, path: file });
  },
};

function option(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = option(args, '--only');
  const unknown = only.filter((n) => !SHOTS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`No such picture: ${unknown.join(', ')}`);
  const shots: Shot[] = SHOTS.filter((s) => only.length === 0 || only.includes(s.name));
  mkdirSync(outDir, { recursive: true });
  const [workbench, browser] = await Promise.all([
    startWorkbench({ port: 0, build: !args.includes('--no-build'), seedTime: FIXED_TIME }),
    launchChromium(),
  ]);
  const ctx: Ctx = { browser, workbench, contexts: [] };
  const failed: string[] = [];
  try {
    for (const shot of shots) {
      const file = path.join(outDir, `${shot.name}.png`);
      // Twice at most: on a busy machine a first attempt can time out.
      for (let attempt = 1; attempt <= 2; attempt++) {
        const started = Date.now();
        await post(ctx, '/_dev/reset');
        try {
          await TAKE[shot.name]!(ctx, file);
          console.log(`  ${shot.name}.png  (${Date.now() - started} ms)`);
          break;
        } catch (error) {
          const message = (error as Error).message.split('\n')[0];
          console.error(`  ${shot.name}.png  attempt ${attempt} failed: ${message}`);
          if (attempt === 2) failed.push(shot.name);
        } finally {
          for (const c of ctx.contexts.splice(0)) await c.close();
        }
      }
    }
    // Formatted as the repository's prettier check wants it.
    const readme = path.join(outDir, 'README.md');
    const options = (await prettier.resolveConfig(readme)) ?? {};
    writeFileSync(readme, await prettier.format(screensReadme(), { ...options, filepath: readme }));
  } finally {
    await browser.close();
    await workbench.close();
  }
  if (failed.length) {
    throw new Error(`${failed.length} picture(s) not taken: ${failed.join(', ')}`);
  }
  console.log(`Pictures in ${path.relative(root, outDir)}/`);
}

main().catch((error: unknown) => {
  console.error(`npm run screens: ${(error as Error).message}`);
  process.exit(1);
});
