// 'Log contact' when the open email cannot be read: it says so plainly, with Try again, instead of
// "Select an email" while one is open; another contact can still be logged.
import { act, screen, waitFor } from '@testing-library/react';
import { LogEventView } from '../../../src/taskpane/views/LogEventView';
import type { MailHost, OpenMessage } from '../../../src/host/mailHost';
import { ContactEvents } from '../../../src/app/events/contactEvents';
import { EventOutbox } from '../../../src/app/events/outbox';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import type { MessageMarks } from '../../../src/graph/mail/messageMarks';
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
