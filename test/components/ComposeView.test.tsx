import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ComposeView } from '../../src/taskpane/views/ComposeView';
import { ComposeGuard } from '../../src/app/compose/composeGuard';
import type { PreparedIndex } from '../../src/app/senderCheck';
import type { AuditEntry } from '../../src/graph/repositories/auditRepository';
import type {
  ComposeAccess,
  ComposeField,
  ComposeRecipient,
  ComposeState,
  MailHost,
} from '../../src/host/mailHost';
import { SEND_ANYWAY_SESSION_KEY } from '../../src/launchevent/names';
import type { Restriction } from '../../src/policy/types';
import { buildRestrictionIndex } from '../../src/policy/verdict';
import { COMPOSE_TEXT } from '../../src/taskpane/composeText';
import { renderWithServices, testServices } from './withServices';

const dana: Restriction = {
  id: '1',
  personName: 'Dana Example',
  emails: ['dana@example.org'],
  status: 'Active',
  startDate: '2020-01-01',
  endDate: '2099-12-31',
  handling: 'Forward',
  spocName: 'School Office',
  spocEmail: 'office@oakfield.sch.uk',
  allowedContact: '',
  staffGuidance: '',
  emergencyNote: '',
};

const ready: PreparedIndex = {
  kind: 'ready',
  index: buildRestrictionIndex([dana], []),
  today: '2026-03-02',
  refreshedAt: '2026-03-02T08:00:00Z',
};

class FakeCompose implements ComposeAccess {
  calls: string[] = [];
  session = new Map<string, string>();
  private listeners = new Set<() => void>();
  constructor(
    public state: ComposeState,
    public canSend = true,
  ) {}
  async read() {
    return structuredClone(this.state);
  }
  onChanged(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  /** The user edits the recipients in Outlook. */
  change(state: ComposeState) {
    this.state = state;
    this.listeners.forEach((l) => l());
  }
  async setRecipients(field: ComposeField, list: readonly ComposeRecipient[]) {
    this.calls.push(`set:${field}`);
    this.state = { ...this.state, [field]: [...list] };
  }
  async setSessionData(key: string, value: string) {
    this.calls.push('session');
    this.session.set(key, value);
  }
  async send() {
    this.calls.push('send');
  }
}

const host: MailHost = {
  kind: 'workbench',
  getCurrentMessage: async () => null,
  onMessageChanged: () => () => undefined,
  getTheme: () => 'light',
  onThemeChanged: () => () => undefined,
  getUser: () => ({ displayName: 'Sam Teacher', emailAddress: 'sam@oakfield.sch.uk' }),
};

const to = (...addresses: string[]): ComposeState => ({
  to: addresses.map((address) => ({ address })),
  cc: [],
  bcc: [],
});

function renderCompose(
  compose: FakeCompose,
  opts: { prepared?: PreparedIndex; auditFails?: boolean } = {},
) {
  const entries: AuditEntry[] = [];
  const audit = {
    fail: opts.auditFails ?? false,
    append: async (entry: AuditEntry) => {
      compose.calls.push('audit');
      if (audit.fail) throw new Error('503');
      entries.push(entry);
    },
  };
  const guard = new ComposeGuard({
    compose,
    restrictions: { restrictionIndex: async () => opts.prepared ?? ready },
    audit: async () => audit,
    user: () => host.getUser(),
    newKey: () => 'k1',
  });
  renderWithServices(<ComposeView />, testServices({ host, compose: async () => guard }));
  return { entries, audit };
}

const verdict = async () =>
  (await screen.findByText((_, el) => !!el?.getAttribute('data-verdict'))).getAttribute(
    'data-verdict',
  );

describe('ComposeView', () => {
  it('lists a restricted recipient with the person and the SPOC, and offers both actions', async () => {
    renderCompose(new FakeCompose(to('dana@example.org', 'parent@example.org')));
    expect(await verdict()).toBe('stop');
    const list = screen.getByRole('list', { name: COMPOSE_TEXT.restrictedListLabel });
    expect(list.textContent).toContain('Dana Example');
    expect(list.textContent).toContain('School Office (office@oakfield.sch.uk)');
    expect(screen.getByRole('button', { name: COMPOSE_TEXT.sendToSpoc })).toBeTruthy();
    expect(screen.getByRole('button', { name: COMPOSE_TEXT.sendAnyway })).toBeTruthy();
  });

  it('says the recipients could not be checked, never clear, when the list cannot be read', async () => {
    renderCompose(new FakeCompose(to('dana@example.org')), {
      prepared: { kind: 'unavailable', reason: 'offline' },
    });
    expect(await verdict()).toBe('unchecked');
    expect(screen.getByText(COMPOSE_TEXT.uncheckedTitle)).toBeTruthy();
    expect(screen.queryByText(COMPOSE_TEXT.clearTitle)).toBeNull();
    expect(screen.getByText(/cannot reach Microsoft 365/)).toBeTruthy();
  });

  it('never says clear while a distribution list is on the email (its members are unknown)', async () => {
    renderCompose(
      new FakeCompose({
        to: [{ address: 'parent@example.org' }],
        cc: [{ address: 'year6@oakfield.sch.uk', displayName: 'Year 6 parents', isGroup: true }],
        bcc: [],
      }),
    );
    expect(await verdict()).toBe('groups');
    expect(screen.queryByText(COMPOSE_TEXT.clearTitle)).toBeNull();
    expect(screen.getByText(/The members of Year 6 parents cannot be checked/)).toBeTruthy();
  });

  it('updates the verdict when the recipients change', async () => {
    const compose = new FakeCompose(to('parent@example.org'));
    renderCompose(compose);
    expect(await verdict()).toBe('clear');
    act(() => compose.change(to('parent@example.org', 'DANA@example.org')));
    await waitFor(() => expect(screen.queryByText(COMPOSE_TEXT.stopTitle)).not.toBeNull());
  });

  it('sends to the SPOC instead', async () => {
    const compose = new FakeCompose(to('dana@example.org', 'parent@example.org'));
    renderCompose(compose);
    fireEvent.click(await screen.findByRole('button', { name: COMPOSE_TEXT.sendToSpoc }));
    expect(await screen.findByText(COMPOSE_TEXT.sent)).toBeTruthy();
    expect(compose.calls).toEqual(['set:to', 'send']);
    expect(compose.state.to.map((r) => r.address)).toEqual([
      'office@oakfield.sch.uk',
      'parent@example.org',
    ]);
  });

  it('asks to press Send where the pane cannot send', async () => {
    const compose = new FakeCompose(to('dana@example.org'), false);
    renderCompose(compose);
    fireEvent.click(await screen.findByRole('button', { name: COMPOSE_TEXT.sendToSpoc }));
    expect(await screen.findByText(COMPOSE_TEXT.changedPressSend)).toBeTruthy();
    expect(compose.calls).toEqual(['set:to']);
  });

  it('needs a reason to send anyway, records it, then marks and sends', async () => {
    const compose = new FakeCompose(to('dana@example.org'));
    const { entries } = renderCompose(compose);
    fireEvent.click(await screen.findByRole('button', { name: COMPOSE_TEXT.sendAnyway }));
    fireEvent.click(screen.getByRole('button', { name: COMPOSE_TEXT.recordAndSend }));
    expect(await screen.findByText(COMPOSE_TEXT.reasonMissing)).toBeTruthy();
    expect(compose.calls).toEqual([]);

    fireEvent.change(
      screen.getByRole('textbox', {
        name: new RegExp(COMPOSE_TEXT.reasonLabel.replace('?', '\\?')),
      }),
      {
        target: { value: 'Statutory notice the law requires' },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: COMPOSE_TEXT.recordAndSend }));
    expect(await screen.findByText(COMPOSE_TEXT.sent)).toBeTruthy();
    expect(compose.calls).toEqual(['audit', 'session', 'send']);
    expect(entries[0]?.what).toContain('Statutory notice the law requires');
    expect(compose.session.has(SEND_ANYWAY_SESSION_KEY)).toBe(true);
  });

  it('when the audit write fails: says so, keeps the reason, sets no marker, sends nothing', async () => {
    const compose = new FakeCompose(to('dana@example.org'));
    renderCompose(compose, { auditFails: true });
    fireEvent.click(await screen.findByRole('button', { name: COMPOSE_TEXT.sendAnyway }));
    const box = screen.getByRole('textbox');
    fireEvent.change(box, { target: { value: 'Urgent medical information' } });
    fireEvent.click(screen.getByRole('button', { name: COMPOSE_TEXT.recordAndSend }));
    // The alert region is always on the page (so it is read out): its text arrives with the failure.
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveProperty('textContent', COMPOSE_TEXT.failedAudit),
    );
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe(
      'Urgent medical information',
    );
    expect(compose.calls).toEqual(['audit']);
    expect(compose.session.size).toBe(0);
  });
});

describe('App on an email being written', () => {
  it('shows the compose pane instead of the read tabs', async () => {
    const { App } = await import('../../src/taskpane/App');
    const compose = new FakeCompose(to('dana@example.org'));
    const guard = new ComposeGuard({
      compose,
      restrictions: { restrictionIndex: async () => ready },
      audit: async () => ({ append: async () => undefined }),
      user: () => host.getUser(),
    });
    render(<App services={testServices({ host, compose: async () => guard })} />);
    expect(await screen.findByRole('region', { name: COMPOSE_TEXT.heading })).toBeTruthy();
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(await verdict()).toBe('stop');
  });
});
