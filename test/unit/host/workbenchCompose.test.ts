/**
 * @jest-environment jsdom
 */
// The workbench adapter's compose side: cg:context's compose snapshot, cg:compose changes, and the
// pane's requests answered by cg:compose-done.
import { WorkbenchMailHost } from '../../../src/host/workbench/workbenchMailHost';
import type { ComposeSnapshot, HostToPane, PaneToHost } from '../../../src/host/workbench/protocol';

const snapshot: ComposeSnapshot = {
  id: 'c1',
  kind: 'reply',
  from: { emailAddress: 'office@oakfield.sch.uk', displayName: 'School Office' },
  user: { displayName: 'Sam Teacher', emailAddress: 'sam@oakfield.sch.uk' },
  subject: 'Re: trip',
  to: [{ emailAddress: 'dana@example.org', displayName: 'Dana' }],
  cc: [],
  bcc: [{ emailAddress: 'x@example.org', displayName: '' }],
};

/** A message from the workbench page (the parent window, same origin). */
function fromHost(data: HostToPane): void {
  window.dispatchEvent(
    new MessageEvent('message', { data, source: window.parent, origin: window.location.origin }),
  );
}

async function connect(compose?: ComposeSnapshot): Promise<WorkbenchMailHost> {
  const connecting = WorkbenchMailHost.connect(1000);
  fromHost({
    type: 'cg:context',
    user: snapshot.user,
    theme: 'light',
    message: null,
    ...(compose ? { compose } : {}),
  });
  return connecting;
}

afterEach(() => jest.restoreAllMocks());

describe('WorkbenchMailHost compose', () => {
  it('has no compose item on a read pane', async () => {
    const host = await connect();
    expect(host.getCompose()).toBeNull();
  });

  it('reads the snapshot and follows cg:compose', async () => {
    const host = await connect(snapshot);
    const compose = host.getCompose()!;
    expect(await compose.read()).toEqual({
      to: [{ address: 'dana@example.org', displayName: 'Dana' }],
      cc: [],
      bcc: [{ address: 'x@example.org' }],
      from: { address: 'office@oakfield.sch.uk', displayName: 'School Office' },
    });
    const changed = jest.fn();
    compose.onChanged(changed);
    fromHost({ type: 'cg:compose', compose: { ...snapshot, to: [] } });
    expect(changed).toHaveBeenCalledTimes(1);
    expect((await compose.read()).to).toEqual([]);
  });

  it('sends each request with an id and settles on its cg:compose-done', async () => {
    const spy = jest.spyOn(window.parent, 'postMessage').mockImplementation(() => undefined);
    const host = await connect(snapshot);
    const compose = host.getCompose()!;
    const setting = compose.setRecipients('to', [{ address: 'office@oakfield.sch.uk' }]);
    const request = spy.mock.calls.at(-1)![0] as Extract<
      PaneToHost,
      { type: 'cg:compose-set-recipients' }
    >;
    expect(request).toMatchObject({
      type: 'cg:compose-set-recipients',
      field: 'to',
      recipients: [{ emailAddress: 'office@oakfield.sch.uk', displayName: '' }],
    });
    fromHost({ type: 'cg:compose-done', id: request.id });
    await expect(setting).resolves.toBeUndefined();

    const sending = compose.send();
    const send = spy.mock.calls.at(-1)![0] as Extract<PaneToHost, { type: 'cg:compose-send' }>;
    expect(send.type).toBe('cg:compose-send');
    fromHost({ type: 'cg:compose-done', id: 'another', error: 'not mine' });
    fromHost({ type: 'cg:compose-done', id: send.id, error: 'Send failed' });
    await expect(sending).rejects.toThrow('Send failed');
    // As in Outlook under the manifest's ReadWriteItem: the pane may not send itself.
    expect(compose.canSend).toBe(false);
  });
});
