// The workbench's task pane as a browser drives it: its frame's width and the verdict on an
// email. Here in dev/ because the browser tests (test/e2e) and the screenshots (tools/screens)
// both need them, and tools/ may not import test/.
import type { Frame, Page } from 'playwright-core';

/** Sets the width of the workbench's task pane frame (the workbench's own CSS says 350 px). */
export async function setPaneWidth(page: Page, width: number): Promise<void> {
  await page.evaluate((w) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe#taskpane');
    if (!frame) throw new Error('no task pane frame');
    frame.style.width = `${w}px`;
    frame.style.minWidth = `${w}px`;
    frame.style.maxWidth = `${w}px`;
  }, width);
  await page.waitForFunction(
    (w) => document.querySelector<HTMLIFrameElement>('iframe#taskpane')?.clientWidth === w,
    width,
  );
}

/** Waits for the pane's verdict on the message with this subject and returns data-verdict. */
export async function verdictFor(pane: Frame, subject: string, timeout = 15_000): Promise<string> {
  await pane.waitForFunction(
    (s) => {
      const checked = document.querySelector('[data-testid="checked-subject"]');
      const status = document.querySelector('[data-verdict]');
      return (
        !!checked?.textContent?.includes(s) &&
        !!status &&
        status.getAttribute('data-verdict') !== 'checking'
      );
    },
    subject,
    { timeout },
  );
  return (await pane.getAttribute('[data-verdict]', 'data-verdict')) ?? '';
}
