// Browser tests: check for Debian's chromium and build the workbench bundle once for all test files.
import { existsSync } from 'node:fs';
import { buildWorkbench } from '../../dev/workbench/build';
import { chromiumPath } from './support/browser';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(chromiumPath())) {
    throw new Error(
      `Browser tests need Debian's chromium at ${chromiumPath()}: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  await buildWorkbench({ quiet: true });
}
