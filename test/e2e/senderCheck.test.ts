// The sender check in the real task pane, in Debian's chromium, against `npm start`'s workbench.
import { workbenchSession } from './support/session';
import { selectMessage, setFaults, verdictFor, type OpenWorkbench } from './support/browser';

jest.setTimeout(90_000);

// Subjects in the demo seed's reception inbox (dev/local-graph/seeds/demo-school.json).
const RESTRICTED = 'Complaint about the Year 5 trip letter'; // Mark Denton, Active
const RESTRICTED_SECOND_ADDRESS = 'Re: Meeting request - Mr Denton'; // his other address, other case
const CLEAR = 'Absence - Oliver Clarke (dentist)';
const ON_BEHALF = 'PTA summer fair stall rota'; // Sender is a restricted parent
const REPLY_TO = "Class 3 parents' collection for Mrs Patel"; // Reply-To is restricted
const NAME_ONLY = 'New email address'; // Mark Denton's name, unknown address
const EXPIRED = 'School photos order';
const OVERTURNED = 'Football club Thursday';
const APOSTROPHE = 'Homework club - Aoife'; // siobhan.o'brien@…

let open: OpenWorkbench | undefined;

const session = workbenchSession();

test('a restricted sender: restricted, with the single point of contact and what to do', async () => {
  open = await session.open();
  await selectMessage(open.page, RESTRICTED);
  expect(await verdictFor(open.pane, RESTRICTED)).toBe('restricted');
  const text = (await open.pane.textContent('[data-verdict]')) ?? '';
  expect(text).toContain('do not reply');
  expect(text).toContain('Single point of contact: Priya Shah');
  expect(text).toContain(
    'Forward this email to Priya Shah (School Business Manager), then file it.',
  );
  // The rest is under a collapsed "Details", and the heading and the instruction were announced.
  expect(
    await open.pane.$eval(
      'details[data-testid="verdict-details"]',
      (d) => (d as HTMLDetailsElement).open,
    ),
  ).toBe(false);
  await open.pane.waitForFunction(() =>
    document
      .querySelector('[data-testid="announcer"]')
      ?.textContent?.startsWith('Restricted sender — do not reply.'),
  );
});

test('a clear sender: clear, and when the restrictions were read', async () => {
  open = await session.open();
  await selectMessage(open.page, CLEAR);
  expect(await verdictFor(open.pane, CLEAR)).toBe('clear');
  expect(await open.pane.textContent('[data-testid="refreshed-at"]')).toMatch(
    /Restrictions updated \d\d:\d\d/,
  );
});

test('switching between emails in the pinned pane updates the verdict without a reload', async () => {
  open = await session.open();
  await open.pane.evaluate(() => ((window as unknown as { loadMarker: number }).loadMarker = 42));
  const expected: Array<[string, string]> = [
    [RESTRICTED, 'restricted'],
    [CLEAR, 'clear'],
    [RESTRICTED_SECOND_ADDRESS, 'restricted'],
    [ON_BEHALF, 'restricted'],
    [REPLY_TO, 'restricted'],
    [NAME_ONLY, 'caution'],
    [EXPIRED, 'clear'],
    [OVERTURNED, 'clear'],
    [APOSTROPHE, 'restricted'],
    [CLEAR, 'clear'],
  ];
  for (const [subject, verdict] of expected) {
    await selectMessage(open.page, subject);
    expect([subject, await verdictFor(open.pane, subject)]).toEqual([subject, verdict]);
  }
  // Same document all along: the pane followed ItemChanged, it was not reloaded.
  expect(
    await open.pane.evaluate(() => (window as unknown as { loadMarker?: number }).loadMarker),
  ).toBe(42);
  // Graph was read once for the list (cold), not once per email.
});

test('the Reply-To case names the matching address', async () => {
  open = await session.open();
  await selectMessage(open.page, REPLY_TO);
  expect(await verdictFor(open.pane, REPLY_TO)).toBe('restricted');
  expect(await open.pane.textContent('[data-testid="matched-address"]')).toContain(
    "siobhan.o'brien@outlook.com",
  );
});

test('the local service down: cannot check (never clear), then the verdict once it is back', async () => {
  open = await session.open();
  await setFaults(session.url, { down: true });
  await selectMessage(open.page, CLEAR);
  expect(await verdictFor(open.pane, CLEAR)).toBe('unavailable');
  expect(await open.pane.textContent('[data-verdict]')).toContain('cannot reach Microsoft 365');
  await setFaults(session.url, { down: false });
  await open.pane.click('text=Try again');
  expect(await verdictFor(open.pane, CLEAR)).toBe('clear');
});

test('a throttled service: cannot check while it throttles beyond retries, then recovers', async () => {
  open = await session.open();
  await setFaults(session.url, { throttleRate: 1, retryAfterSeconds: 1 });
  await selectMessage(open.page, RESTRICTED);
  expect(await verdictFor(open.pane, RESTRICTED, 30_000)).toBe('unavailable');
  expect(await open.pane.textContent('[data-verdict]')).toContain('busy');
  await setFaults(session.url, { throttleRate: 0 });
  await open.pane.click('text=Try again');
  expect(await verdictFor(open.pane, RESTRICTED)).toBe('restricted');
});

test('a throttled service within the retry budget: the verdict still arrives', async () => {
  open = await session.open();
  await setFaults(session.url, { throttleRate: 0.5, unavailableRate: 0.2, retryAfterSeconds: 1 });
  await selectMessage(open.page, APOSTROPHE);
  const verdict = await verdictFor(open.pane, APOSTROPHE, 30_000);
  // Either it got through (restricted) or it said it could not check: never clear.
  expect(['restricted', 'unavailable']).toContain(verdict);
});
