import { OfficeCompose, isComposeItem } from '../../../src/host/office/officeCompose';

type Cb<T> = (result: {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { code: number };
}) => void;

function line(initial: Office.EmailAddressDetails[]) {
  const state = { value: initial, sets: [] as Office.EmailAddressDetails[][] };
  return {
    state,
    api: {
      getAsync: (cb: Cb<Office.EmailAddressDetails[]>) =>
        queueMicrotask(() => cb({ status: 'succeeded', value: state.value })),
      setAsync: (v: Office.EmailAddressDetails[], cb: Cb<void>) => {
        state.sets.push(v);
        state.value = v;
        queueMicrotask(() => cb({ status: 'succeeded', value: undefined }));
      },
    },
  };
}

function composeItem() {
  const to = line([
    { emailAddress: 'pat@example.org', displayName: 'Pat' } as Office.EmailAddressDetails,
  ]);
  const cc = line([]);
  const bcc = line([]);
  const session = new Map<string, string>();
  const handlers: Array<[unknown, () => void]> = [];
  let sent = 0;
  const item = {
    to: to.api,
    cc: cc.api,
    bcc: bcc.api,
    from: {
      getAsync: (cb: Cb<Office.EmailAddressDetails>) =>
        cb({
          status: 'succeeded',
          value: {
            emailAddress: 'office@oakfield.sch.uk',
            displayName: 'Office',
          } as Office.EmailAddressDetails,
        }),
    },
    sessionData: {
      setAsync: (k: string, v: string, cb: Cb<void>) => {
        session.set(k, v);
        cb({ status: 'succeeded', value: undefined });
      },
    },
    sendAsync: (cb: Cb<void>) => {
      sent += 1;
      cb({ status: 'succeeded', value: undefined });
    },
    addHandlerAsync: (type: unknown, handler: () => void) => handlers.push([type, handler]),
  };
  return { item, to, session, handlers, sent: () => sent };
}

const office = {
  EventType: { RecipientsChanged: 'olkRecipientsChanged' },
} as unknown as typeof Office;
const upTo = (max: string) => (_set: string, version: string) =>
  Number(version.split('.')[1]) <= Number(max.split('.')[1]);

/** The fake as the adapter's item type (Office's AsyncResult has fields the adapter never reads). */
const asItem = (item: unknown) => item as ConstructorParameters<typeof OfficeCompose>[0];

describe('isComposeItem', () => {
  it('is true for compose items (Recipients objects) and false for read items (arrays)', () => {
    expect(isComposeItem(composeItem().item)).toBe(true);
    expect(isComposeItem({ to: [], cc: [], bcc: undefined })).toBe(false);
    expect(isComposeItem({ to: [{ emailAddress: 'a@b.c' }], cc: [] })).toBe(false);
    expect(isComposeItem(null)).toBe(false);
  });
});

describe('OfficeCompose', () => {
  it("marks a distribution list (recipientType 'distributionList') as a group", async () => {
    const fake = composeItem();
    const group = line([
      {
        emailAddress: 'year6@oakfield.sch.uk',
        displayName: 'Year 6 parents',
        recipientType: 'distributionList',
      } as unknown as Office.EmailAddressDetails,
    ]);
    const item = { ...fake.item, cc: group.api };
    const compose = new OfficeCompose(asItem(item), office, upTo('1.15'));
    expect((await compose.read()).cc).toEqual([
      { address: 'year6@oakfield.sch.uk', displayName: 'Year 6 parents', isGroup: true },
    ]);
  });

  it('reads the three lines and From', async () => {
    const { item } = composeItem();
    const compose = new OfficeCompose(asItem(item), office, upTo('1.15'));
    await expect(compose.read()).resolves.toEqual({
      to: [{ address: 'pat@example.org', displayName: 'Pat' }],
      cc: [],
      bcc: [],
      from: { address: 'office@oakfield.sch.uk', displayName: 'Office' },
    });
  });

  it('replaces a line, sets session data, and never sends itself (sendAsync needs read/write mailbox)', async () => {
    const fake = composeItem();
    const compose = new OfficeCompose(asItem(fake.item), office, upTo('1.15'));
    await compose.setRecipients('to', [
      { address: 'office@oakfield.sch.uk', displayName: 'Office' },
    ]);
    expect(fake.to.state.sets).toEqual([
      [{ emailAddress: 'office@oakfield.sch.uk', displayName: 'Office' }],
    ]);
    await compose.setSessionData('k', 'v');
    expect(fake.session.get('k')).toBe('v');
    // Mailbox 1.15 is there, but the manifest asks for ReadWriteItem (names.ts): Outlook would
    // refuse sendAsync, so the pane does not offer it and the user presses Send.
    expect(compose.canSend).toBe(false);
    await expect(compose.send()).rejects.toThrow();
    expect(fake.sent()).toBe(0);

    const older = new OfficeCompose(asItem(fake.item), office, upTo('1.14'));
    expect(older.canSend).toBe(false);
    await expect(older.send()).rejects.toThrow();
    const oldest = new OfficeCompose(asItem(fake.item), office, upTo('1.10'));
    await expect(oldest.setSessionData('k', 'v')).rejects.toThrow();
  });

  it('follows RecipientsChanged with one registration', () => {
    const fake = composeItem();
    const compose = new OfficeCompose(asItem(fake.item), office, upTo('1.15'));
    const seen: number[] = [];
    compose.onChanged(() => seen.push(1));
    const off = compose.onChanged(() => seen.push(2));
    expect(fake.handlers.map(([type]) => type)).toEqual(['olkRecipientsChanged']);
    fake.handlers[0]![1]();
    off();
    fake.handlers[0]![1]();
    expect(seen).toEqual([1, 2, 1]);
  });
});
