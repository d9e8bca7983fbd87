// Logging contact events in the real task pane, in Debian's chromium, against the workbench.
import type { Frame } from 'playwright-core';
import { workbenchSession } from './support/session';
import { selectMessage, setFaults, verdictFor, type OpenWorkbench } from './support/browser';

jest.setTimeout(120_000);

const CLEAR = 'Absence - Oliver Clarke (dentist)';
const RESTRICTED = 'Complaint about the Year 5 trip letter';
const OTHER = 'School photos order';

let open: OpenWorkbench | undefined;

const session = workbenchSession();

async function graphGet(
  path: string,
  as = 'head@oakfield.sch.uk',
): Promise<Record<string, unknown>> {
  const res = await fetch(`${session.url}/v1.0${path}`, {
    headers: { Authorization: `Bearer local:${as}` },
  });
  return (await res.json()) as Record<string, unknown>;
}

async function categoriesOf(subject: string): Promise<string[]> {
  const filter = encodeURIComponent(`subject eq '${subject.replace(/'/g, "''")}'`);
  // Read as reception: the service refuses anyone else her mailbox (no Full Access granted).
  const page = await graphGet(
    `/users/reception@oakfield.sch.uk/messages?$filter=${filter}&$select=categories`,
    'reception@oakfield.sch.uk',
  );
  return ((page.value as { categories: string[] }[])[0]?.categories ?? []) as string[];
}

async function eventTitles(): Promise<string[]> {
  const page = await graphGet(
    '/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Events/items?$expand=fields',
  );
  return (page.value as { fields: { Title: string } }[]).map((v) => v.fields.Title);
}

async function loggedState(pane: Frame, state: string, timeout = 20_000): Promise<void> {
  await pane.waitForSelector(`[data-testid="logged-state"][data-state="${state}"]`, { timeout });
}

async function fillAndSave(pane: Frame, behaviour: string): Promise<void> {
  await pane.getByLabel(behaviour).check();
  await pane.click('[data-testid="event-save"]');
}

test('log an email: category on the email, and "logged" after switching away and back', async () => {
  open = await session.open();
  await selectMessage(open.page, CLEAR);
  await verdictFor(open.pane, CLEAR);
  await loggedState(open.pane, 'notLogged');
  await open.pane.click('[data-testid="log-email"]');
  expect(await open.pane.inputValue('[data-testid="event-summary"]')).toBe(CLEAR);
  expect(await open.pane.textContent('[data-testid="event-recorder"]')).toContain(
    'Sarah Whitfield',
  );
  await fillAndSave(open.pane, 'Tone');
  await loggedState(open.pane, 'logged');
  expect(await categoriesOf(CLEAR)).toContain('Contact event logged');
  await selectMessage(open.page, OTHER);
  await verdictFor(open.pane, OTHER);
  await loggedState(open.pane, 'notLogged');
  await selectMessage(open.page, CLEAR);
  await verdictFor(open.pane, CLEAR);
  await loggedState(open.pane, 'logged');
  expect(await open.pane.textContent('[data-testid="logged-state"]')).toMatch(
    /logged by you at \d\d:\d\d/,
  );
});

test('a threat asks about the head teacher and police; missing answers are named', async () => {
  open = await session.open();
  await selectMessage(open.page, RESTRICTED);
  await verdictFor(open.pane, RESTRICTED);
  await open.pane.click('[data-testid="log-email"]');
  await open.pane.getByLabel('Threats, or threatening behaviour').check();
  expect(await open.pane.textContent('[data-testid="threat-notice"]')).toContain('police');
  await open.pane.click('[data-testid="event-save"]');
  const problems = await open.pane.textContent('[data-testid="event-problems"]');
  expect(problems).toContain('head teacher');
  expect(problems).toContain('police');
  // Each beside its question, and the focus on the first (issue 13 item 5).
  expect(await open.pane.textContent('[data-testid="head-told"] >> xpath=..')).toContain(
    'Say whether the head teacher has been told.',
  );
  expect(
    await open.pane.evaluate(
      () => document.activeElement?.closest('[data-testid="head-told"]') !== null,
    ),
  ).toBe(true);
});

test('log a phone call for a person with no email open', async () => {
  open = await session.open();
  await open.pane.getByRole('tab', { name: 'Log contact' }).click();
  await open.pane.click('[data-testid="log-other-contact"]');
  await open.pane.selectOption('[data-testid="event-channel"]', 'Phone');
  await open.pane.waitForSelector(
    '[data-testid="event-person-pick"] option:has-text("Karen Pike")',
    {
      state: 'attached',
    },
  );
  await open.pane.selectOption('[data-testid="event-person-pick"]', { label: 'Karen Pike' });
  await open.pane.fill('[data-testid="event-summary"]', 'Phoned reception five times this morning');
  await fillAndSave(open.pane, 'C. Unreasonable levels of contact');
  await open.pane.waitForSelector('[data-testid="other-saved"][data-state="saved"]', {
    timeout: 20_000,
  });
  expect(await eventTitles()).toContain('Phoned reception five times this morning');
});

test('save while the local service is stopped, restart it, see the event saved', async () => {
  open = await session.open();
  await selectMessage(open.page, OTHER);
  await verdictFor(open.pane, OTHER);
  await open.pane.click('[data-testid="log-email"]');
  await setFaults(session.url, { down: true });
  await fillAndSave(open.pane, 'Words');
  await loggedState(open.pane, 'waiting');
  // The service gave no answer: waiting at once, with the reason, and the verdict said to be
  // from the copy on this device.
  expect(await open.pane.textContent('[data-testid="logged-state"]')).toMatch(
    /^Waiting to save.*\(.+\)/,
  );
  expect(await open.pane.textContent('[data-testid="offline-verdict-note"]')).toContain(
    'copy of the restrictions kept on this device',
  );
  expect(await eventTitles().catch(() => [])).not.toContain(OTHER);
  await setFaults(session.url, { down: false });
  await loggedState(open.pane, 'logged', 60_000);
  expect(await eventTitles()).toContain(OTHER);
});
