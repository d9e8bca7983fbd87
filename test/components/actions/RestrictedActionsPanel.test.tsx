// The restricted-email actions in the pane: one primary action per Handling behind a confirmation
// that names the recipient, the emergency banner, what was done (by whom, when) instead of the
// action, plain errors, undo of a filing, the SPOC's outcomes; focus that moves to what opens and
// back, Escape, and outcomes said in the pane's one live region (issue 13, item 5).
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AnnouncerProvider } from '../../../src/taskpane/components/Announcer';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { RestrictedActionsPanel } from '../../../src/taskpane/components/actions/RestrictedActionsPanel';
import { ForwardedCorrespondence } from '../../../src/taskpane/components/actions/ForwardedCorrespondence';
import {
  ActionFailure,
  type EmailStatus,
  type RestrictedActions,
} from '../../../src/app/actions/restrictedActions';
import type { MessageMark } from '../../../src/graph/mail/messageMarks';
import type { OpenMessage } from '../../../src/host/mailHost';
import type { Restriction } from '../../../src/policy/types';

const restriction: Restriction = {
  id: '1',
  personName: 'Mark Denton',
  emails: ['mark@example.org'],
  status: 'Active',
  startDate: '2020-01-01',
  endDate: '2099-01-01',
  handling: 'ForwardAndFile',
  spocName: 'Priya Shah',
  spocEmail: 'business.manager@oakfield.sch.uk',
  allowedContact: '',
  staffGuidance: '',
  emergencyNote: '',
};
const message: OpenMessage = {
  itemId: 'm1',
  subject: 'Trip',
  from: { address: 'mark@example.org' },
};
const staff = { displayName: 'Sarah Whitfield', emailAddress: 'reception@oakfield.sch.uk' };
const spoc = { displayName: 'Priya Shah', emailAddress: 'business.manager@oakfield.sch.uk' };

function status(over: Partial<EmailStatus> = {}): EmailStatus {
  return {
    ref: { messageId: 'm1' },
    state: { id: 'm1', subject: 'Trip', bodyText: '', categories: [], marks: [] },
    urgency: { urgent: false, matched: [], matches: [] },
    ...over,
  };
}
const mark = (kind: MessageMark['kind'], detail?: string): MessageMark => ({
  kind,
  byName: 'Tom Ashworth',
  byAddress: 't@oakfield.sch.uk',
  at: new Date().toISOString(),
  key: 'k',
  detail,
});

type Fake = Record<
  'load' | 'forward' | 'file' | 'forwardAndFile' | 'undoFile' | 'spocNoNewIssue' | 'spocNewIssue',
  jest.Mock
>;

function fakeActions(overrides: Partial<Fake>): Fake & { real: RestrictedActions } {
  const fake: Fake = {
    load: jest.fn().mockResolvedValue(status()),
    forward: jest.fn(),
    file: jest.fn(),
    forwardAndFile: jest.fn(),
    undoFile: jest.fn().mockResolvedValue(undefined),
    spocNoNewIssue: jest.fn(),
    spocNewIssue: jest.fn(),
    ...overrides,
  };
  return { ...fake, real: fake as unknown as RestrictedActions };
}

function show(
  actions: { real: RestrictedActions },
  user = staff,
  r = restriction,
  m = message,
  onActed: (acted: boolean) => void = () => undefined,
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <AnnouncerProvider>
        <RestrictedActionsPanel
          actions={actions.real}
          message={m}
          restriction={r}
          matchedAddress="mark@example.org"
          user={user}
          onActed={onActed}
        />
      </AnnouncerProvider>
    </FluentProvider>,
  );
}

const announced = () => screen.getByTestId('announcer').textContent;

test('one primary action from the Handling, confirmed with the recipient named; then what was done', async () => {
  const actions = fakeActions({});
  actions.forwardAndFile.mockResolvedValue({
    forward: { status: 'done', mark: mark('forwarded', 'Priya Shah') },
    file: {
      status: 'done',
      mark: mark('filed'),
      undo: { ref: { messageId: 'm1' }, fromFolderId: 'inbox', key: 'k', outcome: false },
    },
  });
  const onActed = jest.fn();
  show(actions, staff, restriction, message, onActed);
  await screen.findByTestId('primary-action');
  // "Do not reply" is the verdict's heading, said once: not repeated here.
  expect(screen.queryByTestId('no-reply-reminder')).toBeNull();
  expect(screen.getByTestId('restricted-actions').textContent).not.toMatch(/do not reply/i);
  expect(onActed).toHaveBeenLastCalledWith(false);
  fireEvent.click(screen.getByTestId('primary-action'));
  // Focus moves to the confirmation that opened.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('confirm-action')));
  expect(screen.getByTestId('confirm-action').textContent).toContain(
    'business.manager@oakfield.sch.uk',
  );
  expect(screen.getByTestId('confirm-action').textContent).toContain(
    'If the forward fails, nothing is filed',
  );
  expect(actions.forwardAndFile).not.toHaveBeenCalled();
  actions.load.mockResolvedValue(
    status({
      forwarded: mark('forwarded', 'Priya Shah'),
      filed: mark('filed', JSON.stringify({ path: 'Restricted correspondence / Mark Denton' })),
    }),
  );
  fireEvent.click(screen.getByTestId('confirm-yes'));
  expect((await screen.findByTestId('done-forwarded')).textContent).toMatch(
    /Forwarded to Priya Shah by Tom Ashworth/,
  );
  // Focus is on the outcome, which the live region says; the verdict is told it was acted on.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('action-outcome')));
  await waitFor(() =>
    expect(announced()).toMatch(
      /^Forwarded to Priya Shah by Tom Ashworth, \d\d:\d\d\. Filed in Restricted correspondence \/ Mark Denton by Tom Ashworth, \d\d:\d\d\.$/,
    ),
  );
  expect(onActed).toHaveBeenLastCalledWith(true);
  expect(screen.getByTestId('done-filed').textContent).toMatch(
    /Filed in Restricted correspondence \/ Mark Denton by Tom Ashworth/,
  );
  expect(screen.queryByTestId('primary-action')).toBeNull();
  expect(actions.forwardAndFile).toHaveBeenCalledWith(
    expect.objectContaining({ matchedAddress: 'mark@example.org' }),
  );
  // Undo, available until the user moves on.
  fireEvent.click(screen.getByTestId('undo-file'));
  await waitFor(() => expect(actions.undoFile).toHaveBeenCalled());
});

test('forwarded but not yet filed (Forward and file): still something to do, so the verdict keeps its instruction', async () => {
  const actions = fakeActions({
    load: jest.fn().mockResolvedValue(status({ forwarded: mark('forwarded', 'Priya Shah') })),
  });
  const onActed = jest.fn();
  show(actions, staff, restriction, message, onActed);
  expect((await screen.findByTestId('done-forwarded')).textContent).toMatch(
    /Forwarded to Priya Shah/,
  );
  expect(screen.getByTestId('primary-action')).toBeTruthy();
  expect(onActed).toHaveBeenLastCalledWith(false);
});

test('cancel and Escape do nothing and give focus back; Forward and File handlings give their own labels', async () => {
  const actions = fakeActions({});
  show(actions, staff, { ...restriction, handling: 'Forward' });
  expect((await screen.findByTestId('primary-action')).textContent).toBe('Forward to Priya Shah');
  fireEvent.click(screen.getByTestId('primary-action'));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('confirm-action')));
  fireEvent.click(screen.getByText('Cancel'));
  expect(actions.forward).not.toHaveBeenCalled();
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('primary-action')));
  // Escape, from anywhere in the confirmation.
  fireEvent.click(screen.getByTestId('primary-action'));
  fireEvent.keyDown(await screen.findByTestId('confirm-yes'), { key: 'Escape' });
  expect(screen.queryByTestId('confirm-action')).toBeNull();
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('primary-action')));
  expect(actions.forward).not.toHaveBeenCalled();
  // File: its own label.
  const file = fakeActions({});
  show(file, staff, { ...restriction, id: '2', handling: 'File' });
  await waitFor(() =>
    expect(screen.getAllByTestId('primary-action').map((b) => b.textContent)).toContain('File it'),
  );
});

test('already forwarded (by anyone, earlier): not offered again; filing still offered for ForwardAndFile', async () => {
  const actions = fakeActions({
    load: jest.fn().mockResolvedValue(status({ forwarded: mark('forwarded', 'Priya Shah') })),
  });
  show(actions);
  expect((await screen.findByTestId('done-forwarded')).textContent).toContain('Tom Ashworth');
  expect(screen.getByTestId('primary-action').textContent).toBe('File it');
});

test('the emergency banner when the email looks urgent', async () => {
  const actions = fakeActions({
    load: jest.fn().mockResolvedValue(
      status({
        urgency: {
          urgent: true,
          matched: ['very unwell', 'in A&E'],
          matches: [
            { text: 'very unwell', category: 'illness', rule: 'illness.serious', in: 'body' },
            { text: 'in A&E', category: 'hospital', rule: 'hospital.in', in: 'body' },
          ],
        },
      }),
    ),
  });
  show(actions);
  const banner = await screen.findByTestId('emergency-banner');
  // The email's own words, each with what it points to, in plain words.
  expect(banner.textContent).toContain(
    'This email says "very unwell" (a serious illness) and "in A&E" (hospital or emergency care).',
  );
  expect(banner.textContent).toContain('normal emergency and safeguarding procedure');
});

test('a failure is said plainly; someone else forwarding is said with their name', async () => {
  const actions = fakeActions({});
  actions.forward.mockRejectedValueOnce(new ActionFailure('spocOutsideSchool'));
  show(actions, staff, { ...restriction, handling: 'Forward' });
  fireEvent.click(await screen.findByTestId('primary-action'));
  fireEvent.click(screen.getByTestId('confirm-yes'));
  expect((await screen.findByTestId('action-error')).textContent).toMatch(
    /not one of the school's own/,
  );
  await waitFor(() => expect(announced()).toMatch(/not one of the school's own/));
  actions.forward.mockResolvedValueOnce({
    status: 'busy',
    byName: 'Tom Ashworth',
    at: new Date().toISOString(),
  });
  fireEvent.click(await screen.findByTestId('primary-action'));
  fireEvent.click(screen.getByTestId('confirm-yes'));
  expect((await screen.findByTestId('action-notice')).textContent).toMatch(
    /Tom Ashworth started forwarding this email/,
  );
});

test('the SPOC sees the outcomes, not Forward', async () => {
  const actions = fakeActions({});
  actions.spocNoNewIssue.mockResolvedValue({ status: 'done', mark: mark('filed') });
  show(actions, spoc);
  fireEvent.click(await screen.findByTestId('spoc-no-new-issue'));
  await waitFor(() => expect(actions.spocNoNewIssue).toHaveBeenCalledWith(message, 'Mark Denton'));
  expect(screen.queryByTestId('primary-action')).toBeNull();
  expect(screen.queryByTestId('no-reply-reminder')).toBeNull();
  // Focus moves to what was recorded.
  await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('spoc-outcome')));
});

test('forwarded correspondence is its own verdict, recognised by its header; other emails show their own verdict', async () => {
  const header = { key: 'k', restrictionId: '1', personName: 'Mark Denton', urgent: true };
  const actions = fakeActions({
    load: jest
      .fn()
      .mockResolvedValue(status({ state: { ...status().state, forwardHeader: header } })),
  });
  actions.spocNewIssue.mockResolvedValue({ status: 'done', mark: mark('spocOutcome', 'newIssue') });
  render(
    <FluentProvider theme={webLightTheme}>
      <ForwardedCorrespondence
        actions={actions.real}
        message={{ ...message, subject: 'FW: Trip' }}
        otherwise={<p data-testid="own-verdict">clear</p>}
      />
    </FluentProvider>,
  );
  // While the header is read: checking, never the forwarder's own (clear) verdict.
  expect(document.querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe('checking');
  expect(screen.queryByTestId('own-verdict')).toBeNull();
  const verdict = await screen.findByTestId('forwarded-correspondence');
  expect(verdict.getAttribute('data-verdict')).toBe('forwarded');
  expect(verdict.querySelector('h2')?.textContent).toBe(
    'Restricted correspondence from Mark Denton',
  );
  expect(verdict.textContent).toContain('Forwarded to you under their contact restriction');
  // The triage buttons are in the verdict's top.
  expect(verdict.querySelector('[data-testid="spoc-no-new-issue"]')).not.toBeNull();
  expect(screen.queryByTestId('own-verdict')).toBeNull();
  // Nothing in the text matched, but the forward was flagged urgent when it was sent.
  expect(screen.getByTestId('emergency-banner').textContent).toContain(
    'flagged as possibly urgent when it was forwarded',
  );
  expect(actions.load).toHaveBeenCalledWith(expect.anything(), { headers: true });
  actions.load.mockResolvedValue(
    status({
      state: { ...status().state, forwardHeader: header },
      outcome: mark('spocOutcome', 'newIssue'),
    }),
  );
  fireEvent.click(screen.getByTestId('spoc-new-issue'));
  expect((await screen.findByTestId('spoc-outcome-done')).textContent).toMatch(
    /Tom Ashworth recorded a new issue/,
  );

  const none = fakeActions({});
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <ForwardedCorrespondence
        actions={none.real}
        message={message}
        otherwise={<p data-testid="own-verdict-2">clear</p>}
      />
    </FluentProvider>,
  );
  await waitFor(() => expect(none.load).toHaveBeenCalled());
  await screen.findByTestId('own-verdict-2');
  expect(container.querySelector('[data-testid="forwarded-correspondence"]')).toBeNull();
});
