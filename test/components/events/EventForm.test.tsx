// The contact event form and the email's "logged" state, in jsdom with the real ContactEvents
// service and outbox (the save target is a fake: no Graph here).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EventForm } from '../../../src/taskpane/components/events/EventForm';
import { LoggedStatus } from '../../../src/taskpane/components/events/LoggedStatus';
import { AnnouncerProvider } from '../../../src/taskpane/components/Announcer';
import { ContactEvents } from '../../../src/app/events/contactEvents';
import { EventOutbox } from '../../../src/app/events/outbox';
import type { SaveOutcome, SaveTarget } from '../../../src/app/events/eventSaver';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import type { MessageMark, MessageMarks } from '../../../src/graph/mail/messageMarks';
import { GraphAccessError } from '../../../src/graph/errors';
import type { MailHost, OpenMessage } from '../../../src/host/mailHost';
import type { ContactEvent } from '../../../src/policy/events';
import { THREAT_NOTICE } from '../../../src/policy/events';
import { renderWithServices, testServices } from '../withServices';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;

const ME = { displayName: 'Sarah Whitfield', emailAddress: 'reception@oakfield.sch.uk' };

const host: MailHost = {
  kind: 'workbench',
  getCurrentMessage: async () => null,
  onMessageChanged: () => () => undefined,
  getTheme: () => 'light',
  onThemeChanged: () => () => undefined,
  getUser: () => ME,
};

const message: OpenMessage = {
  itemId: 'AAMk-1',
  internetMessageId: '<1@example.org>',
  subject: 'About the trip',
  receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  from: { displayName: 'Mark <b>Denton</b>', address: 'mark.denton1978@gmail.com' },
};

/** A save target the test finishes by hand. */
class ManualTarget implements SaveTarget {
  readonly saved: ContactEvent[] = [];
  private pending: { resolve: (o: SaveOutcome) => void; reject: (e: unknown) => void }[] = [];
  save(event: ContactEvent): Promise<SaveOutcome> {
    return new Promise((resolve, reject) =>
      this.pending.push({
        resolve: (o) => {
          this.saved.push(event);
          resolve(o);
        },
        reject,
      }),
    );
  }
  get waiting(): number {
    return this.pending.length;
  }
  finish(outcome: SaveOutcome = {}) {
    this.pending.shift()?.resolve(outcome);
  }
  fail(error: unknown) {
    this.pending.shift()?.reject(error);
  }
}

const outboxes: EventOutbox[] = [];
afterEach(() => outboxes.splice(0).forEach((o) => o.stop()));

function service(target: SaveTarget = new ManualTarget(), marks: MessageMark[] = []) {
  const outbox = new EventOutbox({ store: new MemoryStore(), storeKey: 'test', target });
  outboxes.push(outbox);
  let n = 0;
  const events = new ContactEvents({
    host,
    outbox,
    marks: { read: async () => ({ marks, categories: [] }) } as unknown as MessageMarks,
    restrictions: async () => null,
    newKey: () => `key-${++n}`,
  });
  return { events, outbox, target };
}

function renderForm(events: ContactEvents, fromEmail: boolean, onSaved = jest.fn()) {
  const initial = events.draftFor(fromEmail ? message : null);
  renderWithServices(
    <EventForm initial={initial} fromEmail={fromEmail} onSaved={onSaved} />,
    testServices({ host, events }),
  );
  return onSaved;
}

// Policy 004's one-word behaviours are shown with what they mean ("Tone: the way it was said…").
const tick = (label: string) =>
  fireEvent.click(screen.getByLabelText(new RegExp(`^${escapeRegExp(label)}(: .*)?$`)));
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Opens "More detail (optional)", where the optional fields are. */
const openMore = () => {
  const more = screen.getByTestId('event-more');
  expect(more.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(more);
  expect(more.getAttribute('aria-expanded')).toBe('true');
};
const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
const save = async () => {
  await act(async () => {
    fireEvent.click(screen.getByTestId('event-save'));
  });
};
const problems = () => screen.getByTestId('event-problems').textContent ?? '';

describe('EventForm', () => {
  it('names every missing required field in plain words, and saves nothing', async () => {
    const { events, outbox } = service();
    const onSaved = renderForm(events, false);
    type('event-summary', '');
    await save();
    const text = problems();
    expect(text).toContain('Say who made the contact');
    expect(text).toContain('Write a short summary of what happened.');
    expect(text).toContain('Tick at least one kind of behaviour.');
    expect(onSaved).not.toHaveBeenCalled();
    expect(outbox.snapshot()).toEqual([]);
  });

  it('refuses a date in the future', async () => {
    const { events, outbox } = service();
    renderForm(events, true);
    tick('Tone');
    type('event-when', '2099-06-01T10:00');
    await save();
    expect(problems()).toContain('When it happened cannot be in the future.');
    expect(outbox.snapshot()).toEqual([]);
  });

  it('refuses text over the limit with a message and leaves the text as typed', async () => {
    const { events, outbox } = service();
    renderForm(events, true);
    tick('Tone');
    const long = 'x'.repeat(256);
    type('event-summary', long);
    await save();
    expect(problems()).toContain('The summary is too long: 256 characters, the most is 255.');
    expect((screen.getByTestId('event-summary') as HTMLInputElement).value).toBe(long);
    expect(outbox.snapshot()).toEqual([]);
  });

  it('keeps HTML-looking text exactly and shows it as text', async () => {
    const { events, outbox } = service();
    const onSaved = renderForm(events, true);
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script> & more';
    openMore();
    type('event-summary', html);
    type('event-details', html);
    tick('Tone');
    // The sender's name holds markup: it is shown as text, not rendered.
    expect(screen.getByTestId('event-person').textContent).toContain('Mark <b>Denton</b>');
    expect(document.querySelector('b, img, script')).toBeNull();
    await save();
    expect(onSaved).toHaveBeenCalledWith('key-1');
    const [entry] = outbox.snapshot();
    expect(entry!.event.summary).toBe(html);
    expect(entry!.event.details).toBe(html);
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('shows the threat notice when threatening or physical behaviour is ticked, and needs both answers', async () => {
    const { events, outbox } = service();
    renderForm(events, true);
    expect(screen.queryByTestId('threat-notice')).toBeNull();
    tick('Physicality');
    expect(screen.getByTestId('threat-notice').textContent).toContain(THREAT_NOTICE);
    tick('Physicality');
    expect(screen.queryByTestId('threat-notice')).toBeNull();
    tick('Threats, or threatening behaviour');
    expect(screen.getByTestId('threat-notice')).toBeTruthy();
    await save();
    expect(problems()).toContain('Say whether the head teacher has been told.');
    expect(problems()).toContain('Say whether the police have been informed.');
    expect(outbox.snapshot()).toEqual([]);
    fireEvent.click(within(screen.getByTestId('head-told')).getByLabelText('Yes'));
    fireEvent.click(within(screen.getByTestId('police-informed')).getByLabelText('Not yet'));
    await save();
    expect(outbox.snapshot()[0]!.event.threat).toEqual({
      headTeacherTold: 'Yes',
      policeInformed: 'No',
    });
  });

  it('002 §39 vs §33 (issue 14 item 6): feeling threatened records a feeling, not a threat; stalking is a reported behaviour', async () => {
    const { events, outbox } = service();
    renderForm(events, true);
    openMore();
    expect(screen.getByTestId('feelings-note').textContent).toContain('does not record a threat');
    tick('Tone');
    tick('Threatened');
    expect(screen.queryByTestId('threat-notice')).toBeNull();
    tick('Stalking: persistent unwanted attention, following or waiting for staff');
    expect(screen.getByTestId('threat-notice').textContent).toContain('stalking');
    tick('Stalking: persistent unwanted attention, following or waiting for staff');
    await save();
    const [entry] = outbox.snapshot();
    expect(entry!.event.feelings).toEqual(['Threatened']);
    expect(entry!.event.threat).toBeUndefined();
  });

  it('says the feelings are optional, shows the recorder from the signed-in user', () => {
    const { events } = service();
    renderForm(events, true);
    expect(screen.queryByText(/leave blank if you prefer/)).toBeNull(); // folded away
    openMore();
    expect(screen.getByText(/leave blank if you prefer/)).toBeTruthy();
    expect(screen.getByTestId('event-recorder').textContent).toBe(
      'Recorded by Sarah Whitfield (you).',
    );
  });

  it('"attach a copy" is off by default and, when ticked, asks the save for a copy', async () => {
    const { events, outbox } = service();
    renderForm(events, true);
    openMore();
    const box = screen.getByTestId('event-attach-copy') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByTestId('event-evidence-note').textContent).toMatch(/not a copy/);
    // Plain words (issue 13 item 6): no file extensions or message ids.
    expect(screen.getByTestId('event-form').textContent).not.toMatch(/\.eml|message id/i);
    fireEvent.click(box);
    expect(screen.getByTestId('event-evidence-note').textContent).toMatch(/too large/);
    tick('Tone');
    await save();
    expect(outbox.snapshot()[0]!.event.evidence).toMatchObject({
      messageId: 'AAMk-1',
      attachCopy: true,
    });
  });

  it('offers no copy for contact that did not come by email', () => {
    const { events } = service();
    renderForm(events, false);
    openMore();
    expect(screen.getByTestId('event-details')).toBeTruthy();
    expect(screen.queryByTestId('event-attach-copy')).toBeNull();
  });

  // Issue #11: staff record when the contact happened in school time, so "When it happened" is
  // London's clock whatever zone the laptop is set to (this runs in UTC, and again in New York:
  // scripts/variants.mjs). Before, 09:25 typed on 1 July on a UTC device was saved as 09:25Z.
  it('shows "now" on London’s clock and saves a typed time as London time', async () => {
    const outbox = new EventOutbox({
      store: new MemoryStore(),
      storeKey: 'test',
      target: new ManualTarget(),
    });
    outboxes.push(outbox);
    const events = new ContactEvents({
      host,
      outbox,
      marks: { read: async () => ({ marks: [], categories: [] }) } as unknown as MessageMarks,
      restrictions: async () => null,
      newKey: () => 'key-london',
      now: () => new Date('2026-07-01T08:30:00Z'),
    });
    renderForm(events, false);
    expect((screen.getByTestId('event-when') as HTMLInputElement).value).toBe('2026-07-01T09:30');
    type('event-when', '2026-07-01T09:25');
    expect((screen.getByTestId('event-when') as HTMLInputElement).value).toBe('2026-07-01T09:25');
    type('event-person-name', 'Mark Denton');
    type('event-summary', 'Phoned the office');
    tick('Tone');
    await save();
    expect(outbox.snapshot()[0]!.event.occurredAt).toBe('2026-07-01T08:25:00.000Z');
  });
});

// Issue 13 items 5 and 6: a heading, what is needed first and the rest folded away, problems
// beside their fields with the focus on the first, plain words.
describe('EventForm: structure, problems and focus', () => {
  const byId = (id: string | null) => (id ? document.getElementById(id) : null);
  /** The text that describes a control (Fluent's Field links its message by aria-describedby). */
  const description = (el: Element) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => byId(id)?.textContent ?? '')
      .join(' ');
  const before = (a: Element, b: Element) =>
    (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

  it('a heading, the needed fields first, the optional detail folded under a disclosure', () => {
    const { events } = service();
    renderForm(events, false);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Log a contact');
    const more = screen.getByTestId('event-more');
    expect(more.textContent).toContain('More detail (optional)');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(byId(more.getAttribute('aria-controls'))).toBe(screen.getByTestId('event-more-detail'));
    for (const needed of ['event-when', 'event-channel', 'event-person-name', 'event-summary'])
      expect(before(screen.getByTestId(needed), more)).toBe(true);
    expect(before(screen.getByTestId('event-behaviours'), more)).toBe(true);
    // Folded: the optional fields are not in the page until asked for.
    for (const optional of ['feelings-note', 'event-staff', 'event-details'])
      expect(screen.queryByTestId(optional)).toBeNull();
    openMore();
    for (const optional of ['feelings-note', 'event-staff', 'event-details'])
      expect(before(more, screen.getByTestId(optional))).toBe(true);
    // One Save, after everything, and no jargon.
    expect(screen.getAllByRole('button', { name: 'Save' })).toHaveLength(1);
    expect(screen.getByTestId('event-form').textContent).not.toMatch(/\.eml|message id/i);
    expect(screen.getByLabelText(/^Tenor: /)).toBeTruthy();
  });

  it('problems show beside each field or group, counted beside Save, and the focus goes to the first in the form', async () => {
    const { events } = service();
    renderForm(events, false);
    type('event-summary', '');
    await save();
    // The policy lists the summary before the person; the form shows the person first.
    const name = screen.getByTestId('event-person-name');
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(description(name)).toContain('Say who made the contact');
    const summary = screen.getByTestId('event-summary');
    expect(summary.getAttribute('aria-invalid')).toBe('true');
    expect(description(summary)).toContain('Write a short summary of what happened.');
    const behaviours = screen.getByTestId('event-behaviours');
    expect(description(behaviours)).toBe('Tick at least one kind of behaviour.');
    expect(behaviours.textContent).toContain('Tick at least one kind of behaviour.');
    // The count and the list sit just above Save, where the user is looking.
    const list = screen.getByTestId('event-problems');
    expect(list.textContent).toMatch(/^3 things to check before saving:/);
    expect(before(behaviours, list)).toBe(true);
    expect(before(list, screen.getByTestId('event-save'))).toBe(true);
    // Fixed and saved again: the focus moves on to what is still wrong.
    type('event-person-name', 'Mark Denton');
    await save();
    expect(document.activeElement).toBe(screen.getByTestId('event-summary'));
    expect(problems()).toMatch(/^2 things to check/);
  });

  it('a problem in the folded detail opens it and takes the focus there', async () => {
    const { events, outbox } = service();
    renderForm(events, true);
    tick('Tone');
    openMore();
    type('event-details', 'x'.repeat(4001));
    fireEvent.click(screen.getByTestId('event-more')); // folded again
    expect(screen.queryByTestId('event-details')).toBeNull();
    await save();
    expect(screen.getByTestId('event-more').getAttribute('aria-expanded')).toBe('true');
    const details = screen.getByTestId('event-details');
    expect(document.activeElement).toBe(details);
    expect(description(details)).toContain('The details is too long');
    expect(outbox.snapshot()).toEqual([]);
  });

  it('a threat question left unanswered takes the focus to its first choice', async () => {
    const { events } = service();
    renderForm(events, true);
    tick('Threats, or threatening behaviour');
    fireEvent.click(within(screen.getByTestId('head-told')).getByLabelText('Yes'));
    await save();
    expect(document.activeElement).toBe(
      within(screen.getByTestId('police-informed')).getByLabelText('Yes'),
    );
  });

  it('an address pasted from Outlook is saved as the address, its name used when none was typed', async () => {
    const { events, outbox } = service();
    renderForm(events, false);
    type('event-person-email', '"Denton, Mark" <Mark.Denton1978@Gmail.com>');
    type('event-summary', 'Phoned the office');
    tick('Tone');
    await save();
    expect(outbox.snapshot()[0]!.event.person).toEqual({
      name: 'Denton, Mark',
      email: 'mark.denton1978@gmail.com',
    });
  });

  it('a look-alike address is refused beside the email box, which gets the focus', async () => {
    const { events, outbox } = service();
    renderForm(events, false);
    type('event-person-name', 'Mark Denton');
    type('event-person-email', 'mark@gm\u0430il.com');
    type('event-summary', 'Phoned the office');
    tick('Tone');
    await save();
    const email = screen.getByTestId('event-person-email');
    expect(document.activeElement).toBe(email);
    expect(description(email)).toMatch(/look-alike letters.*Type it in by hand\./);
    expect(outbox.snapshot()).toEqual([]);
  });

  it('says a save will wait on this device while Microsoft 365 cannot be reached', async () => {
    const target = new ManualTarget();
    const { events, outbox } = service(target);
    renderForm(events, true);
    expect(screen.queryByTestId('event-offline')).toBeNull();
    tick('Tone');
    await save();
    await waitFor(() => expect(target.waiting).toBe(1));
    await act(async () => target.fail(new GraphAccessError('offline')));
    await waitFor(() => expect(outbox.snapshot()[0]!.lastErrorKind).toBe('offline'));
    expect((await screen.findByTestId('event-offline')).textContent).toBe(
      'Microsoft 365 cannot be reached just now. What you save is kept on this device and saved when it can be reached.',
    );
  });
});

describe('LoggedStatus', () => {
  function renderStatus(events: ContactEvents, verdictFrom?: string) {
    renderWithServices(
      <AnnouncerProvider>
        <LoggedStatus message={message} verdictFrom={verdictFrom} />
      </AnnouncerProvider>,
      testServices({ host, events }),
    );
  }

  async function openForm() {
    fireEvent.click(await screen.findByTestId('log-email'));
    await screen.findByLabelText(/^Tone: /); // the form's code is loaded on demand
  }

  async function logIt() {
    await openForm();
    tick('Tone');
    await save();
  }

  const stateOf = () => screen.getByTestId('logged-state').getAttribute('data-state');
  const announced = () => screen.getByTestId('announcer').textContent;

  afterEach(() => jest.useRealTimers());

  it('"saving" for the first second, then "waiting to save" until Graph confirms, then "logged by you": never "saved" before', async () => {
    jest.useFakeTimers();
    const target = new ManualTarget();
    const { events } = service(target);
    renderStatus(events);
    await logIt();
    await waitFor(() => expect(stateOf()).toBe('saving'));
    expect(announced()).toBe('Saving the contact event…');
    await waitFor(() => expect(target.waiting).toBe(1));
    // A second without an answer: not yet at 999 ms, at once at 1,000 ms.
    act(() => jest.advanceTimersByTime(999));
    expect(stateOf()).toBe('saving');
    expect(screen.queryByText(/Waiting to save/)).toBeNull();
    act(() => jest.advanceTimersByTime(1));
    expect(stateOf()).toBe('waiting');
    expect(screen.getByTestId('logged-state').textContent).toMatch(/^Waiting to save/);
    expect(announced()).toMatch(/^Waiting to save/);
    expect(screen.queryByText(/logged by/i)).toBeNull();
    await act(async () => target.finish());
    await waitFor(() => expect(stateOf()).toBe('logged'));
    expect(screen.getByTestId('logged-state').textContent).toMatch(
      /^Contact event logged by you at \d{2}:\d{2}\.$/,
    );
    expect(announced()).toMatch(/^Contact event logged by you at \d{2}:\d{2}\.$/);
  });

  it('a save answered within the second never shows "waiting to save"', async () => {
    jest.useFakeTimers();
    const target = new ManualTarget();
    const { events } = service(target);
    renderStatus(events);
    await logIt();
    await waitFor(() => expect(target.waiting).toBe(1));
    act(() => jest.advanceTimersByTime(500));
    await act(async () => target.finish());
    await waitFor(() => expect(stateOf()).toBe('logged'));
    act(() => jest.advanceTimersByTime(5_000));
    expect(stateOf()).toBe('logged');
    expect(screen.queryByText(/Waiting to save/)).toBeNull();
  });

  it('stays "waiting to save", with the reason, at once, while Microsoft 365 cannot be reached', async () => {
    jest.useFakeTimers();
    const target = new ManualTarget();
    const { events } = service(target);
    renderStatus(events);
    await logIt();
    await waitFor(() => expect(target.waiting).toBe(1));
    // The answer is a failure: no need to wait out the second.
    await act(async () => target.fail(new GraphAccessError('offline')));
    await waitFor(() =>
      expect(screen.getByTestId('logged-state').textContent).toMatch(/Waiting to save.*\(.+\)/),
    );
    expect(stateOf()).toBe('waiting');
  });

  it('says the verdict came from the copy on this device while Microsoft 365 cannot be reached', async () => {
    const target = new ManualTarget();
    const { events } = service(target);
    renderStatus(events, '2026-03-03T08:05:00Z');
    expect(screen.queryByTestId('offline-verdict-note')).toBeNull();
    await logIt();
    await waitFor(() => expect(target.waiting).toBe(1));
    expect(screen.queryByTestId('offline-verdict-note')).toBeNull(); // no answer yet: not known
    await act(async () => target.fail(new GraphAccessError('offline')));
    const note = await screen.findByTestId('offline-verdict-note');
    expect(note.textContent).toMatch(
      /^Microsoft 365 cannot be reached just now, so the check above used the copy of the restrictions kept on this device \(Restrictions updated .+\)\./,
    );
  });

  it('shows the note when the email was too large to copy', async () => {
    const target = new ManualTarget();
    const { events } = service(target);
    renderStatus(events);
    await logIt();
    await waitFor(() => expect(target.waiting).toBe(1));
    await act(async () => target.finish({ note: 'The email is too large to keep a copy.' }));
    expect((await screen.findByTestId('logged-note')).textContent).toBe(
      'The email is too large to keep a copy.',
    );
  });

  it("says who logged it (from the email's mark) instead of inviting a duplicate", async () => {
    const { events } = service(new ManualTarget(), [
      {
        kind: 'logged',
        byName: 'Tom Ashworth',
        byAddress: 't.ashworth@oakfield.sch.uk',
        at: new Date().toISOString(),
        key: 'other',
      },
    ]);
    renderStatus(events);
    await waitFor(() =>
      expect(screen.getByTestId('logged-state').textContent).toMatch(
        /^Contact event logged by Tom Ashworth at \d{2}:\d{2}\.$/,
      ),
    );
    expect(screen.queryByTestId('log-email')).toBeNull();
  });

  it('invites logging an email not logged yet', async () => {
    const { events } = service();
    renderStatus(events);
    expect(await screen.findByTestId('log-email')).toBeTruthy();
    expect(stateOf()).toBe('notLogged');
  });

  it('focus: into the form when it opens, back to its button on Escape (announced), to the outcome after saving', async () => {
    const target = new ManualTarget();
    const { events, outbox } = service(target);
    renderStatus(events);
    await openForm();
    const heading = screen.getByTestId('event-heading');
    expect(heading.textContent).toBe('Log this email as a contact event');
    expect(heading.tagName).toBe('H2');
    expect(document.activeElement).toBe(heading);
    expect(screen.getByTestId('event-form').getAttribute('aria-labelledby')).toBe(heading.id);
    // Escape, from any field, closes the form without saving.
    tick('Tone');
    fireEvent.keyDown(screen.getByTestId('event-summary'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('event-form')).toBeNull());
    expect(document.activeElement).toBe(screen.getByTestId('log-email'));
    expect(announced()).toBe('Not logged: the form was closed without saving.');
    expect(outbox.snapshot()).toEqual([]);
    // Opened again: a fresh form; saved: the focus is on the outcome.
    await openForm();
    // Opening says nothing new: the pane's one live region still holds the last outcome.
    expect(announced()).toBe('Not logged: the form was closed without saving.');
    expect((screen.getByLabelText(/^Tone: /) as HTMLInputElement).checked).toBe(false);
    tick('Tone');
    await save();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('logged-outcome')));
    expect(screen.getByTestId('logged-outcome').contains(screen.getByTestId('logged-state'))).toBe(
      true,
    );
  });
});
