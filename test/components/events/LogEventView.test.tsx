// 'Log contact' when the open email cannot be read: it says so plainly, with Try again, instead of
// "Select an email" while one is open; another contact can still be logged.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { LogEventView } from '../../../src/taskpane/views/LogEventView';
import type { MailHost, OpenMessage } from '../../../src/host/mailHost';
import { ContactEvents } from '../../../src/app/events/contactEvents';
import { EventOutbox } from '../../../src/app/events/outbox';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import type { MessageMarks } from '../../../src/graph/mail/messageMarks';
import type { ContactEvent } from '../../../src/policy/events';
import { renderWithServices, testServices } from '../withServices';

const message: OpenMessage = {
  itemId: 'AAMk-1',
  subject: 'About Friday',
  from: { address: 'mark@example.org' },
};

describe('LogEventView', () => {
  it('says the open email could not be read, and Try again reads it', async () => {
    const getCurrentMessage = jest
      .fn<Promise<OpenMessage | null>, []>()
      .mockRejectedValueOnce(new Error('item AAMk-1 for mark@example.org'))
      .mockResolvedValue(message);
    const host: MailHost = {
      kind: 'office',
      getCurrentMessage,
      onMessageChanged: () => () => undefined,
      getTheme: () => 'light',
      onThemeChanged: () => () => undefined,
      getUser: () => ({ displayName: 'Reception', emailAddress: 'reception@oakfield.sch.uk' }),
    };
    // The real contact events service; nothing is saved in this test.
    const outbox = new EventOutbox({
      store: new MemoryStore(),
      storeKey: 'test',
      target: { save: () => new Promise(() => undefined) },
    });
    const events = new ContactEvents({
      host,
      outbox,
      marks: { read: async () => ({ marks: [], categories: [] }) } as unknown as MessageMarks,
      restrictions: async () => null,
      newKey: () => 'key-1',
    });
    renderWithServices(<LogEventView />, testServices({ host, events }));
    const failure = await screen.findByTestId('async-error');
    expect(failure.textContent).toContain('The open email could not be read.');
    expect(failure.textContent).not.toContain('mark@example.org');
    expect(screen.queryByText(/Select an email/)).toBeNull();
    expect(screen.getByTestId('log-other-contact')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await waitFor(() =>
      expect(screen.getByTestId('log-open-email').hasAttribute('disabled')).toBe(false),
    );
    expect(screen.queryByTestId('async-error')).toBeNull();
    expect(getCurrentMessage).toHaveBeenCalledTimes(2);
    outbox.stop();
  });
});

// Issue 13 items 5 and 6 for a contact not by email: two toggles, not two primary buttons; the
// focus into the form when a button opens it and back when it closes; the outcome announced;
// "waiting to save" only after a second without an answer.
describe('LogEventView: another contact', () => {
  const host: MailHost = {
    kind: 'workbench',
    getCurrentMessage: async () => message,
    onMessageChanged: () => () => undefined,
    getTheme: () => 'light',
    onThemeChanged: () => () => undefined,
    getUser: () => ({ displayName: 'Reception', emailAddress: 'reception@oakfield.sch.uk' }),
  };
  let finish: (() => void) | undefined;
  let outbox: EventOutbox;

  function renderView() {
    outbox = new EventOutbox({
      store: new MemoryStore(),
      storeKey: 'test',
      target: {
        save: (_event: ContactEvent) =>
          new Promise<void>((resolve) => {
            finish = resolve;
          }),
      },
    });
    const events = new ContactEvents({
      host,
      outbox,
      marks: { read: async () => ({ marks: [], categories: [] }) } as unknown as MessageMarks,
      restrictions: async () => null,
      newKey: () => 'key-1',
    });
    renderWithServices(<LogEventView />, testServices({ host, events }));
  }
  afterEach(() => {
    outbox.stop();
    jest.useRealTimers();
  });

  const announced = () => screen.getByTestId('announcer').textContent;

  it('the choices are toggles; the form takes the focus when opened, gives it back on Escape', async () => {
    renderView();
    const email = screen.getByTestId('log-open-email');
    const other = screen.getByTestId('log-other-contact');
    await waitFor(() => expect(email.getAttribute('aria-pressed')).toBe('true'));
    expect(other.getAttribute('aria-pressed')).toBe('false');
    act(() => other.click());
    expect(other.getAttribute('aria-pressed')).toBe('true');
    expect(email.getAttribute('aria-pressed')).toBe('false');
    expect(document.activeElement).toBe(screen.getByTestId('event-heading'));
    expect(screen.getByTestId('event-heading').textContent).toBe('Log a contact');
    fireEvent.change(screen.getByTestId('event-summary'), { target: { value: 'Phoned' } });
    fireEvent.keyDown(screen.getByTestId('event-summary'), { key: 'Escape' });
    expect(document.activeElement).toBe(other);
    expect(announced()).toBe('Not logged: the form was closed without saving.');
    // Back to the open email, nothing kept of the cancelled form.
    expect(email.getAttribute('aria-pressed')).toBe('true');
    act(() => other.click());
    expect((screen.getByTestId('event-summary') as HTMLInputElement).value).toBe('');
    expect(outbox.snapshot()).toEqual([]);
  });

  it('saved: the focus on the outcome, "saving" for a second, then "waiting", then "saved", each announced', async () => {
    jest.useFakeTimers();
    renderView();
    await waitFor(() =>
      expect(screen.getByTestId('log-open-email').getAttribute('aria-pressed')).toBe('true'),
    );
    act(() => screen.getByTestId('log-other-contact').click());
    fireEvent.change(screen.getByTestId('event-person-name'), { target: { value: 'Karen Pike' } });
    fireEvent.change(screen.getByTestId('event-summary'), { target: { value: 'Phoned' } });
    fireEvent.click(screen.getByLabelText(/^Tone: /));
    await act(async () => {
      fireEvent.click(screen.getByTestId('event-save'));
    });
    await waitFor(() => expect(finish).toBeDefined());
    const saved = () => screen.getByTestId('other-saved');
    expect(saved().getAttribute('data-state')).toBe('saving');
    expect(announced()).toBe('Saving the contact event…');
    expect(document.activeElement).toBe(screen.getByTestId('other-outcome'));
    act(() => jest.advanceTimersByTime(999));
    expect(saved().getAttribute('data-state')).toBe('saving');
    act(() => jest.advanceTimersByTime(1));
    expect(saved().getAttribute('data-state')).toBe('waiting');
    expect(announced()).toMatch(/^Waiting to save/);
    await act(async () => finish?.());
    await waitFor(() => expect(saved().getAttribute('data-state')).toBe('saved'));
    expect(announced()).toMatch(/^Contact event saved at \d{2}:\d{2}\.$/);
    // A fresh form, not focused: the user reads the outcome first.
    expect((screen.getByTestId('event-summary') as HTMLInputElement).value).toBe('');
  });
});
