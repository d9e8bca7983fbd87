// Layout and accessibility checks the browser tests share (issue 13): the pane at Outlook's real
// widths, sideways overflow, axe-core's serious and critical findings, and the workbench's themes.
//
// Widths: Outlook's task pane is 320 px at its narrowest on the web and new Outlook and about
// 350 px by default on Windows, so every pane state is checked at both (issue 13, "How it is
// checked"). axe-core is injected into the frame with `evaluate` (as @axe-core/playwright does),
// which the pane's Content-Security-Policy does not apply to.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

export const PANE_WIDTHS = [320, 350] as const;
export type ThemeName = 'light' | 'dark' | 'highContrast';
export const THEMES: readonly ThemeName[] = ['light', 'dark', 'highContrast'];

export { setPaneWidth } from '../../../dev/browser/workbenchPane';

/**
 * Switches the workbench's Theme menu (as Outlook's theme change reaches the pane). For high
 * contrast it also turns on forced colours, as Windows high contrast does to the pane's web view,
 * so that anything told apart by colour alone looks the same.
 */
export async function setTheme(page: Page, theme: ThemeName): Promise<void> {
  await page.emulateMedia({ forcedColors: theme === 'highContrast' ? 'active' : 'none' });
  await page.selectOption('#theme', theme);
  // The dark and high-contrast themes are a chunk loaded on first use: the pane is still light
  // for a moment, so wait until it says it has the theme before anything is measured.
  const pane = await (await page.$('iframe#taskpane'))?.contentFrame();
  if (pane) await pane.waitForSelector(`[data-theme="${theme}"]`);
}

export interface Overflow {
  /** How far the document is wider than the frame's viewport, in CSS pixels (0: none). */
  documentOverflow: number;
  /** Visible elements whose right edge passes the viewport, outermost first (up to 5). */
  offenders: string[];
}

/** What scrolls sideways in this document (a frame or a page). */
export function sidewaysOverflow(target: Frame | Page): Promise<Overflow> {
  return target.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const documentOverflow = Math.max(0, document.documentElement.scrollWidth - viewport);
    const offenders: string[] = [];
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const testId = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : ''} "${text}"`;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      // Content cut off sideways by its own box (overflow hidden or clip) is lost to the reader
      // as surely as content past the pane's edge: reported too. A visually hidden text (the
      // live region, 1 px wide) is meant to be clipped, and a one-line text box scrolls its own
      // value as every text box does.
      if (
        !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) &&
        (style.overflowX === 'hidden' || style.overflowX === 'clip') &&
        el.clientWidth > 1 &&
        el.scrollWidth > el.clientWidth + 1 &&
        offenders.length < 5
      ) {
        offenders.push(`cut off: ${describe(el)}`);
      }
      // An element inside a scrolling container that clips it (a table wrapper) is not overflow.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX === 'hidden' || overflowX === 'clip') {
          const pb = p.getBoundingClientRect();
          if (pb.right <= viewport + 0.5) clipped = true;
          break;
        }
      }
      if (clipped) continue;
      if (box.right > viewport + 0.5 && !offenders.some((o) => o === describe(el))) {
        // Only the outermost offender of a branch: skip descendants of one already listed.
        let ancestorListed = false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          if (p.getBoundingClientRect().right > viewport + 0.5 && p !== document.body) {
            ancestorListed = true;
            break;
          }
        }
        if (!ancestorListed) offenders.push(describe(el));
      }
      if (offenders.length >= 5) break;
    }
    return { documentOverflow, offenders };
  });
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

/**
 * axe-core's serious and critical violations in this document (WCAG 2.1 A and AA and axe's
 * best practices). Each finding names the rule and up to three targets, never the page's text.
 */
export async function seriousAxeViolations(target: Frame | Page): Promise<AxeFinding[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Fluent's controls fade to a new theme's colours: measure contrast once the fades are over,
  // not a frame of the change (a false finding otherwise, seen in the dark theme).
  await target.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
  );
  const hasAxe = await target.evaluate(() => 'axe' in window);
  if (!hasAxe) await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{
              id: string;
              impact?: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')),
      }));
  });
}

/** The top of `selector` measured from the top of the frame's viewport, in CSS pixels. */
export function offsetFromTop(target: Frame | Page, selector: string): Promise<number> {
  return target.$eval(selector, (el) => el.getBoundingClientRect().top);
}
