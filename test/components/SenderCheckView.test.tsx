import { act, screen, waitFor } from '@testing-library/react';
import { SenderCheckView } from '../../src/taskpane/views/SenderCheckView';
import { SenderCheck, type RestrictionsSource } from '../../src/app/senderCheck';
import type { MailHost, OpenMessage } from '../../src/host/mailHost';
import type { RestrictionsSnapshot } from '../../src/cache/restrictionsCache';
import { GraphAccessError } from '../../src/graph/errors';
import { loadConfig } from '../../src/config/appConfig';
import { renderWithServices, testServices } from './withServices';
import {
  RestrictedActions as RealRestrictedActions,
  type RestrictedActions,
} from '../../src/app/actions/restrictedActions';
import type { MailActionsGraph } from '../../src/graph/mail/mailActions';
import type { MessageMarks } from '../../src/graph/mail/messageMarks';

const snapshot: RestrictionsSnapshot = {
  refreshedAt: new Date().toISOString(),
  malformed: [],
  restrictions: [
    {
      id: '1',
      personName: 'Dana Example',
      emails: ['dana@example.org'],
      status: 'Active',
      startDate: '2020-01-01',
      endDate: '2099-12-31',
      handling: 'File',
      spocName: 'Office',
      spocEmail: 'office@oakfield.sch.uk',
      allowedContact: '',
      staffGuidance: '',
      emergencyNote: '',
    },
  ],
};

class FakeHost implements MailHost {
  readonly kind = 'workbench' as const;
  private listeners = new Set<(m: OpenMessage | null) => void>();
  constructor(private message: OpenMessage | null) {}
  async getCurrentMessage() {
    return this.message;
  }
  onMessageChanged(l: (m: OpenMessage | null) => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  select(m: OpenMessage | null) {
    this.message = m;
    this.listeners.forEach((l) => l(m));
  }
  getTheme() {
    return 'light' as const;
  }
  onThemeChanged() {
    return () => undefined;
  }
  getUser() {
    return { displayName: 'Reception', emailAddress: 'reception@oakfield.sch.uk' };
  }
}

const mail = (id: string, address: string): OpenMessage => ({
  itemId: id,
  subject: `Subject ${id}`,
  from: { address },
});

function renderView(host: MailHost, source: RestrictionsSource) {
  const check = new SenderCheck(source, { trustMs: 300_000, backgroundRefreshMs: 30_000 });
  const config = { ...loadConfig(), cacheBackgroundRefreshSeconds: 30 };
  renderWithServices(<SenderCheckView />, testServices({ host, senderCheck: check, config }));
}

const verdictOf = () =>
  document.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? null;

describe('SenderCheckView', () => {
  it('follows the selected email (pinned pane) without reloading', async () => {
    const host = new FakeHost(mail('a', 'dana@example.org'));
    renderView(host, {
      current: () => snapshot,
      load: async () => snapshot,
      refresh: async () => snapshot,
    });
    await waitFor(() => expect(verdictOf()).toBe('restricted'));
    act(() => host.select(mail('b', 'parent@example.org')));
    await waitFor(() => expect(verdictOf()).toBe('clear'));
    act(() => host.select(mail('c', 'Dana@Example.org')));
    await waitFor(() => expect(verdictOf()).toBe('restricted'));
    expect(screen.getByTestId('checked-subject').textContent).toContain('Subject c');
  });

  it('copes with no item selected (ItemChanged with a null item)', async () => {
    const host = new FakeHost(mail('a', 'dana@example.org'));
    renderView(host, {
      current: () => snapshot,
      load: async () => snapshot,
      refresh: async () => snapshot,
    });
    await waitFor(() => expect(verdictOf()).toBe('restricted'));
    act(() => host.select(null));
    expect(screen.getByTestId('no-item').textContent).toContain('Select an email');
  });

  it('shows cannot check, then the verdict after Try again', async () => {
    let fail = true;
    let current: RestrictionsSnapshot | null = null;
    const source: RestrictionsSource = {
      current: () => current,
      load: async () => null,
      refresh: async () => {
        if (fail) throw new GraphAccessError('offline');
        current = snapshot;
        return snapshot;
      },
    };
    renderView(new FakeHost(mail('a', 'dana@example.org')), source);
    await waitFor(() => expect(verdictOf()).toBe('unavailable'));
    fail = false;
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await waitFor(() => expect(verdictOf()).toBe('restricted'));
  });
});

describe('SenderCheckView when the service is unreachable', () => {
  afterEach(() => jest.useRealTimers());

  it('tries again by itself after 20 seconds', async () => {
    jest.useFakeTimers();
    let fail = true;
    let current: RestrictionsSnapshot | null = null;
    const refresh = jest.fn(async () => {
      if (fail) throw new GraphAccessError('offline');
      current = snapshot;
      return snapshot;
    });
    renderView(new FakeHost(mail('a', 'dana@example.org')), {
      current: () => current,
      load: async () => null,
      refresh,
    });
    await waitFor(() => expect(verdictOf()).toBe('unavailable'));
    fail = false;
    await act(async () => {
      jest.advanceTimersByTime(19_000);
    });
    expect(verdictOf()).toBe('unavailable');
    await act(async () => {
      jest.advanceTimersByTime(1_500);
    });
    await waitFor(() => expect(verdictOf()).toBe('restricted'));
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('says the open email could not be read (never "Select an email"), and reads it again on Try again', async () => {
    const host = new FakeHost(mail('a', 'dana@example.org'));
    const read = jest
      .spyOn(host, 'getCurrentMessage')
      .mockRejectedValueOnce(new Error('Office said no for dana@example.org'));
    renderView(host, {
      current: () => snapshot,
      load: async () => snapshot,
      refresh: async () => snapshot,
    });
    const failure = await screen.findByTestId('async-error');
    expect(failure.textContent).toContain('This email could not be read.');
    // Plain words only: nothing from the error (an address, a token) is shown.
    expect(failure.textContent).not.toContain('dana@example.org');
    expect(screen.queryByTestId('no-item')).toBeNull();
    expect(screen.queryByText(/Select an email/)).toBeNull();
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await waitFor(() => expect(verdictOf()).toBe('restricted'));
    expect(read).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId('async-error')).toBeNull();
  });
});

describe('SenderCheckView: restricted correspondence forwarded to its single point of contact', () => {
  // Issue 13, item 2: the forward comes from reception, whose own check is clear; the SPOC sees
  // the forwarded-restricted verdict first, and never a "clear" above or before it.
  function withActions(forwardHeader: object | undefined) {
    const status = {
      ref: { messageId: 'f' },
      state: {
        id: 'f',
        subject: 'FW: Trip',
        bodyText: '',
        categories: [],
        marks: [],
        forwardHeader,
      },
      urgency: { urgent: false, matched: [], matches: [] },
    };
    const actions = { load: jest.fn().mockResolvedValue(status) };
    return actions as unknown as RestrictedActions;
  }

  async function render(
    forwardHeader: object | undefined,
    actions: () => Promise<RestrictedActions> = async () => withActions(forwardHeader),
  ) {
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const el of Array.from(document.querySelectorAll('[data-verdict]')))
        seen.add(el.getAttribute('data-verdict') ?? '');
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    const host = new FakeHost({
      itemId: 'f',
      subject: 'FW: Trip',
      from: { address: 'reception@oakfield.sch.uk' },
    });
    const check = new SenderCheck(
      { current: () => snapshot, load: async () => snapshot, refresh: async () => snapshot },
      { trustMs: 300_000, backgroundRefreshMs: 30_000 },
    );
    renderWithServices(<SenderCheckView />, testServices({ host, senderCheck: check, actions }));
    return { seen, stop: () => observer.disconnect() };
  }

  it('a forward from Contact Guard is its own verdict, with the triage buttons; clear is never shown', async () => {
    const header = { key: 'k', restrictionId: '1', personName: 'Dana Example', urgent: false };
    const { seen, stop } = await render(header);
    await waitFor(() => expect(verdictOf()).toBe('forwarded'));
    stop();
    expect(seen.has('clear')).toBe(false);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Restricted correspondence from Dana Example',
    );
    expect(screen.getByTestId('spoc-no-new-issue')).toBeTruthy();
  });

  it('an ordinary "FW:" email without the header gets its sender\'s own verdict', async () => {
    const { seen, stop } = await render(undefined);
    await waitFor(() => expect(verdictOf()).toBe('clear'));
    stop();
    // (The observer above does see a clear verdict when there is one.)
    expect(seen.has('clear')).toBe(true);
    expect(screen.queryByTestId('forwarded-correspondence')).toBeNull();
  });

  // Never "clear" when the check could not be made: each way the forward header can go unread.
  const header = { key: 'k', restrictionId: '1', personName: 'Dana Example', urgent: false };
  const expectCannotCheck = () => {
    expect(screen.getByTestId('forward-uncheckable').getAttribute('data-verdict')).toBe(
      'unavailable',
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Cannot check this email');
    expect(
      screen.getByText(
        'It could not be checked whether this is restricted correspondence forwarded to you.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('Until the check works, do not assume this email is clear.'),
    ).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Reply as usual|No contact restriction/);
  };

  it('an email whose status cannot be read is "cannot check", never its sender\'s clear; Try again reads it', async () => {
    const status = await withActions(header).load({} as OpenMessage);
    const load = jest
      .fn()
      .mockRejectedValueOnce(new GraphAccessError('unavailable', { status: 503 }))
      .mockResolvedValue(status);
    const { seen, stop } = await render(
      header,
      async () => ({ load }) as unknown as RestrictedActions,
    );
    await waitFor(() => expect(screen.queryByTestId('forward-uncheckable')).not.toBeNull());
    expectCannotCheck();
    expect(seen.has('clear')).toBe(false);
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    await waitFor(() => expect(verdictOf()).toBe('forwarded'));
    stop();
    expect(seen.has('clear')).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('the school\'s email domains cannot be read: the header is not quietly disbelieved, the email is "cannot check"', async () => {
    // The real service: the header is there, from inside the school, but the domains read fails.
    const readState = jest.fn().mockResolvedValue({
      id: 'f',
      subject: 'FW: Trip',
      bodyText: '',
      categories: [],
      marks: [],
      forwardHeader: header,
      from: 'reception@oakfield.sch.uk',
      sender: 'reception@oakfield.sch.uk',
    });
    const actions = new RealRestrictedActions({
      graph: { readState } as unknown as MailActionsGraph,
      marks: {} as MessageMarks,
      audit: { append: async () => undefined },
      user: () => ({ displayName: 'Office', emailAddress: 'office@oakfield.sch.uk' }),
      config: { restrictedFolderName: 'Restricted correspondence', urgentKeywords: [] },
      tenantDomains: () => Promise.reject(new GraphAccessError('forbidden', { status: 403 })),
      sleep: async () => undefined,
    });
    const { seen, stop } = await render(header, async () => actions);
    await waitFor(() => expect(screen.queryByTestId('forward-uncheckable')).not.toBeNull());
    stop();
    expect(readState).toHaveBeenCalled();
    expectCannotCheck();
    expect(seen.has('clear')).toBe(false);
  });

  it('a re-read that fails after a triage button keeps the forwarded verdict (never clear) and says so', async () => {
    const status = await withActions(header).load({} as OpenMessage);
    const load = jest
      .fn()
      .mockResolvedValueOnce(status)
      .mockRejectedValueOnce(new GraphAccessError('unavailable', { status: 503 }))
      .mockResolvedValue(status);
    const mark = {
      kind: 'spocOutcome',
      byName: 'Office',
      byAddress: 'office@oakfield.sch.uk',
      at: new Date().toISOString(),
      key: 'k',
      detail: 'noNewIssue',
    };
    const spocNoNewIssue = jest.fn().mockResolvedValue({ mark });
    const fake = { load, spocNoNewIssue } as unknown as RestrictedActions;
    const { seen, stop } = await render(header, async () => fake);
    await waitFor(() => expect(verdictOf()).toBe('forwarded'));
    act(() => screen.getByTestId('spoc-no-new-issue').click());
    await waitFor(() => expect(screen.queryByTestId('forward-reread-failed')).not.toBeNull());
    expect(load).toHaveBeenCalledTimes(2);
    expect(verdictOf()).toBe('forwarded');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Restricted correspondence from Dana Example',
    );
    expect(screen.getByTestId('forward-reread-failed').textContent).toContain(
      'This email could not be read again, so what is shown here may be out of date.',
    );
    expect(document.body.textContent).not.toMatch(/Reply as usual|No contact restriction/);
    // Try again reads it once more, the forwarded verdict staying in place meanwhile.
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    expect(verdictOf()).toBe('forwarded');
    await waitFor(() => expect(load).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(screen.queryByTestId('forward-reread-failed')).toBeNull());
    stop();
    expect(seen.has('clear')).toBe(false);
    expect(verdictOf()).toBe('forwarded');
  });

  it('the actions cannot be loaded: an email that looks forwarded is "cannot check", never clear', async () => {
    const { seen, stop } = await render(header, () => Promise.reject(new Error('chunk failed')));
    await waitFor(() => expect(screen.queryByTestId('forward-uncheckable')).not.toBeNull());
    stop();
    expectCannotCheck();
    expect(seen.has('clear')).toBe(false);
  });
});
