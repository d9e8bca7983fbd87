// The contact event form and the email's "logged" state, in jsdom with the real ContactEvents
// service and outbox (the save target is a fake: no Graph here).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EventForm } from '../../../src/taskpane/components/events/EventForm';
import { LoggedStatus } from '../../../src/taskpane/components/events/LoggedStatus';
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

const tick = (label: string) => fireEvent.click(screen.getByLabelText(label));
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
    expect(screen.getByText(/leave blank if you prefer/)).toBeTruthy();
    expect(screen.getByTestId('event-recorder').textContent).toBe(
      'Recorded by Sarah Whitfield (you).',
    );
  });

  it('"attach a copy" is off by default and, when ticked, asks the save for a copy', async () => {
    const { events, outbox } = service();
    renderForm(events, true);
    const box = screen.getByTestId('event-attach-copy') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByTestId('event-evidence-note').textContent).toMatch(/not a copy/);
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

describe('LoggedStatus', () => {
  function renderStatus(events: ContactEvents) {
    renderWithServices(<LoggedStatus message={message} />, testServices({ host, events }));
  }

  async function logIt() {
    fireEvent.click(await screen.findByTestId('log-email'));
    await screen.findByLabelText('Tone'); // the form's code is loaded on demand
    tick('Tone');
    await save();
  }

  it('"waiting to save" until the save is confirmed, then "logged by you" — never "saved" before', async () => {
    const target = new ManualTarget();
    const { events } = service(target);
    renderStatus(events);
    await logIt();
    await waitFor(() =>
      expect(screen.getByTestId('logged-state').getAttribute('data-state')).toBe('waiting'),
    );
    expect(screen.getByTestId('logged-state').textContent).toMatch(/^Waiting to save/);
    expect(screen.queryByText(/logged by/i)).toBeNull();
    await waitFor(() => expect(target.waiting).toBe(1));
    await act(async () => target.finish());
    await waitFor(() =>
      expect(screen.getByTestId('logged-state').getAttribute('data-state')).toBe('logged'),
    );
    expect(screen.getByTestId('logged-state').textContent).toMatch(
      /^Contact event logged by you at \d{2}:\d{2}\.$/,
    );
  });

  it('stays "waiting to save", with the reason, while Microsoft 365 cannot be reached', async () => {
    const target = new ManualTarget();
    const { events } = service(target);
    renderStatus(events);
    await logIt();
    await waitFor(() => expect(target.waiting).toBe(1));
    await act(async () => target.fail(new GraphAccessError('offline')));
    await waitFor(() =>
      expect(screen.getByTestId('logged-state').textContent).toMatch(/Waiting to save.*\(.+\)/),
    );
    expect(screen.getByTestId('logged-state').getAttribute('data-state')).toBe('waiting');
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
    expect(screen.getByTestId('logged-state').getAttribute('data-state')).toBe('notLogged');
  });
});
