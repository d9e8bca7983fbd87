// docs/screens/README.md, written by `npm run screens` from the list of pictures (shots.ts), so the
// list and the pictures never disagree.
import { PANE_WIDTH, REVIEW_HEIGHT, REVIEW_WIDTH, SHOTS } from './shots';

export function screensReadme(): string {
  const rows = SHOTS.map((s) => `| [${s.name}.png](${s.name}.png) | ${s.title} | ${s.how} |`);
  return [
    '# Screens',
    '',
    'Pictures of Contact Guard in the workbench (`npm start`) with the demo school, taken by',
    '`npm run screens` (`tools/screens/run.ts`). Do not edit them by hand: re-run the script after',
    'changing what they show. This file is written by the script too.',
    '',
    '| picture | what it shows | how it is reached |',
    '| ------- | ------------- | ----------------- |',
    ...rows,
    '',
    `The pane is shown at ${PANE_WIDTH} px, Outlook's default task pane width on Windows, cropped`,
    `to the inside of the pane as the user first sees it (not scrolled); the review page as the first`,
    `screen of a head teacher's laptop, ${REVIEW_WIDTH} × ${REVIEW_HEIGHT} px (anything wider is cut off,`,
    'as it is for them).',
    '',
    '## Regenerating',
    '',
    '```sh',
    'npm run screens                           # builds the workbench bundle, then all pictures',
    'npm run screens -- --no-build             # with the bundle already in dist/workbench',
    'npm run screens -- --only pane-restricted # one picture (repeat --only for more)',
    '```',
    '',
    "It needs Debian's chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`), as the browser tests do,",
    'and takes about a minute. Each picture starts from a fresh browser profile and a reset local',
    'service. To keep the pictures stable between runs: device scale 1, a fixed viewport, reduced',
    'motion with animations stopped, no text caret, and one fixed moment (Wednesday 14 January',
    "2026, 09:30) for the browser's clock and the demo seed's relative dates, so a re-run changes a",
    'picture only when the product changed.',
    '',
    'The script reaches each state by behaviour (the subject of an email in the demo seed, the',
    "verdict the pane gives, the user's role, the controls' accessible names), never by styling, so",
    'it keeps working when the design changes. If a state cannot be reached it says which, and',
    'exits with an error.',
    '',
  ].join('\n');
}
