// `npm run provision -- --site oakfield.sharepoint.com:/sites/ContactGuard [--check]
//  [--staff-group ID --reviewers-group ID --admins-group ID | --config FILE] [--graph-url URL]
//  [--token-env VAR --sharepoint-token-env VAR] [--user UPN]`: creates or completes the project's
// SharePoint lists and sets their permissions; --check only reports drift (exit code 2).
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
