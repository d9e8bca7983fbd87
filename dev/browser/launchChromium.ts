// Debian's chromium driven by playwright-core, with the flags this sandbox needs. Here in dev/
// because the browser tests (test/e2e) and the bench (tools/bench) both launch it, and tools/ may
// not import test/.
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
