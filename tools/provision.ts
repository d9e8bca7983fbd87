// `npm run provision -- --site oakfield.sharepoint.com:/sites/ContactGuard [--graph-url URL]
//  [--token-env VAR] [--user UPN]`: creates or completes the project's SharePoint lists.
// See docs/lists.md for what it does and never does.

import { runProvision } from './lib/provisionCommand';

runProvision(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  () => {
    // runProvision reports its own failures; this is a last resort that prints nothing private.
    console.error('Provisioning failed unexpectedly.');
    process.exitCode = 1;
  },
);
