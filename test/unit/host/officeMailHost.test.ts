import { OfficeMailHost, officeReady } from '../../../src/host/office/officeMailHost';
import type { OpenMessage } from '../../../src/host/mailHost';
import { flushPromises, installFakeOffice, type FakeItemInit, type FakeOffice } from './fakeOffice';

const EWS_ID = 'AAMkAGI2TG93AAA/+=';

const parentMessage: FakeItemInit = {
  itemId: EWS_ID,
  subject: 'Homework',
  from: { emailAddress: 'Pat.Parent@example.org', displayName: 'Pat Parent' },
  sender: { emailAddress: 'assistant@example.org', displayName: 'Office Assistant' },
  dateTimeCreated: new Date('2025-03-04T09:15:00Z'),
  internetMessageId: '<abc123@mail.example.org>',
  headers:
    'From: Pat <Pat.Parent@example.org>\r\nReply-To: "Parent, Pat" <pat.home@example.net>\r\n',
};

let fake: FakeOffice;

afterEach(() => {
  fake.uninstall();
});

describe('OfficeMailHost.getCurrentMessage', () => {
  it('maps from, sender, Reply-To, subject, received date and internetMessageId', async () => {
    fake = installFakeOffice({ item: parentMessage });
    const message = await new OfficeMailHost().getCurrentMessage();
    expect(message).toEqual<OpenMessage>({
      itemId: `rest:${EWS_ID.replace(/\//g, '-')}`,
      subject: 'Homework',
      from: { address: 'Pat.Parent@example.org', displayName: 'Pat Parent' },
      sender: { address: 'assistant@example.org', displayName: 'Office Assistant' },
      replyTo: [{ address: 'pat.home@example.net', displayName: 'Parent, Pat' }],
      receivedAt: '2025-03-04T09:15:00.000Z',
      internetMessageId: '<abc123@mail.example.org>',
    });
  });

  it('converts the EWS id with REST version v2.0 on desktop and web', async () => {
    fake = installFakeOffice({ item: parentMessage, platform: 'OfficeOnline' });
    await new OfficeMailHost().getCurrentMessage();
    expect(fake.convertToRestIdCalls).toEqual([{ id: EWS_ID, version: 'v2.0' }]);
  });

  it.each(['iOS', 'Android'])(
    'keeps the id as it is on %s, where it is already a REST id',
    async (platform) => {
      fake = installFakeOffice({ item: parentMessage, platform });
      const message = await new OfficeMailHost().getCurrentMessage();
      expect(fake.convertToRestIdCalls).toEqual([]);
      expect(message?.itemId).toBe(EWS_ID);
    },
  );

  it('does not read headers before Mailbox 1.8 (Reply-To unknown, not empty)', async () => {
    fake = installFakeOffice({ item: parentMessage, supportedSets: { Mailbox: '1.5' } });
    const message = await new OfficeMailHost().getCurrentMessage();
    expect(message?.replyTo).toBeUndefined();
    expect(message?.from?.address).toBe('Pat.Parent@example.org');
  });

  it('still returns the message when reading the headers fails', async () => {
    fake = installFakeOffice({ item: { ...parentMessage, headers: { failWithCode: 9020 } } });
    const message = await new OfficeMailHost().getCurrentMessage();
    expect(message?.replyTo).toBeUndefined();
    expect(message?.subject).toBe('Homework');
  });

  it('reports the shared or delegated mailbox the item lives in', async () => {
    fake = installFakeOffice({
      item: { ...parentMessage, sharedTargetMailbox: 'office@oakfield.sch.uk' },
    });
    const message = await new OfficeMailHost().getCurrentMessage();
    expect(message?.sharedMailbox).toBe('office@oakfield.sch.uk');
  });

  it('reports a shared mailbox under Mailbox 1.13 the same way', async () => {
    fake = installFakeOffice({
      item: { ...parentMessage, sharedTargetMailbox: 'office@oakfield.sch.uk' },
      supportedSets: { Mailbox: '1.13' },
    });
    expect((await new OfficeMailHost().getCurrentMessage())?.sharedMailbox).toBe(
      'office@oakfield.sch.uk',
    );
  });

  it('uses the owner when a client gives no target mailbox', async () => {
    fake = installFakeOffice({
      item: { ...parentMessage, sharedTargetMailbox: '', sharedOwner: 'head@oakfield.sch.uk' },
    });
    expect((await new OfficeMailHost().getCurrentMessage())?.sharedMailbox).toBe(
      'head@oakfield.sch.uk',
    );
  });

  it('does not ask for shared properties before Mailbox 1.8 (delegate folders need it)', async () => {
    fake = installFakeOffice({
      item: { ...parentMessage, sharedTargetMailbox: 'office@oakfield.sch.uk' },
      supportedSets: { Mailbox: '1.7' },
    });
    expect((await new OfficeMailHost().getCurrentMessage())?.sharedMailbox).toBeUndefined();
  });

  it("is the user's own mailbox when the call fails (not shared) or names the user", async () => {
    fake = installFakeOffice({ item: { ...parentMessage, sharedFailsWithCode: 9041 } });
    const failed = await new OfficeMailHost().getCurrentMessage();
    expect(failed?.sharedMailbox).toBeUndefined();
    expect(failed?.subject).toBe('Homework');
    fake.uninstall();
    fake = installFakeOffice({
      item: { ...parentMessage, sharedTargetMailbox: 'Reception@Oakfield.sch.uk' },
      userProfile: { displayName: 'Sarah Whitfield', emailAddress: 'reception@oakfield.sch.uk' },
    });
    expect((await new OfficeMailHost().getCurrentMessage())?.sharedMailbox).toBeUndefined();
  });

  it("leaves sharedMailbox undefined for the user's own mailbox", async () => {
    fake = installFakeOffice({ item: parentMessage });
    expect((await new OfficeMailHost().getCurrentMessage())?.sharedMailbox).toBeUndefined();
  });

  it('returns null with no item, for appointments, and for an unsent message', async () => {
    fake = installFakeOffice({ item: null });
    const host = new OfficeMailHost();
    expect(await host.getCurrentMessage()).toBeNull();
    fake.setItem({ ...parentMessage, itemType: 'appointment' });
    expect(await host.getCurrentMessage()).toBeNull();
    fake.setItem({ ...parentMessage, itemId: undefined, from: { getAsync: () => undefined } });
    expect(await host.getCurrentMessage()).toBeNull();
  });

  it('omits from when Outlook gives no address', async () => {
    fake = installFakeOffice({ item: { ...parentMessage, from: { emailAddress: '' } } });
    const message = await new OfficeMailHost().getCurrentMessage();
    expect(message).not.toBeNull();
    expect(message?.from).toBeUndefined();
  });
});

describe('OfficeMailHost.onMessageChanged', () => {
  it('registers once for ItemChanged and tells the listener of the new item', async () => {
    fake = installFakeOffice({ item: parentMessage });
    const host = new OfficeMailHost();
    const seen: Array<OpenMessage | null> = [];
    host.onMessageChanged((message) => seen.push(message));
    await host.settled();
    expect(fake.addHandlerCalls).toEqual(['olkItemSelectedChanged']);

    fake.setItem({ ...parentMessage, itemId: 'second', subject: 'Trip' });
    fake.fireItemChanged();
    await flushPromises();
    expect(seen.map((message) => message?.subject)).toEqual(['Trip']);
  });

  it('passes null when the pinned pane has no item selected', async () => {
    fake = installFakeOffice({ item: parentMessage });
    const host = new OfficeMailHost();
    const seen: Array<OpenMessage | null> = [];
    host.onMessageChanged((message) => seen.push(message));
    await host.settled();
    fake.setItem(null);
    fake.fireItemChanged();
    await flushPromises();
    expect(seen).toEqual([null]);
  });

  it('never delivers an older item after a newer one when reads overlap', async () => {
    fake = installFakeOffice({ item: parentMessage });
    const host = new OfficeMailHost();
    const seen: Array<string | undefined> = [];
    host.onMessageChanged((message) => seen.push(message?.subject));
    await host.settled();
    fake.setItem({ ...parentMessage, subject: 'slow', headersDelayMs: 30 });
    fake.fireItemChanged();
    fake.setItem({ ...parentMessage, subject: 'fast' });
    fake.fireItemChanged();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen).toEqual(['fast']);
  });

  it('fans one Office handler out to every listener and removes it after the last one leaves', async () => {
    fake = installFakeOffice({ item: parentMessage });
    const host = new OfficeMailHost();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = host.onMessageChanged((message) => first.push(message));
    const stopSecond = host.onMessageChanged((message) => second.push(message));
    await host.settled();
    expect(fake.addHandlerCalls).toHaveLength(1);

    fake.fireItemChanged();
    await flushPromises();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);

    stopFirst();
    await host.settled();
    expect(fake.removeHandlerCalls).toEqual([]);
    fake.fireItemChanged();
    await flushPromises();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);

    stopSecond();
    await host.settled();
    expect(fake.removeHandlerCalls).toEqual(['olkItemSelectedChanged']);
  });

  it('does nothing before Mailbox 1.5 (no pinning, Outlook reloads the pane instead)', async () => {
    fake = installFakeOffice({ item: parentMessage, supportedSets: { Mailbox: '1.4' } });
    const host = new OfficeMailHost();
    const unsubscribe = host.onMessageChanged(() => undefined);
    await host.settled();
    expect(fake.addHandlerCalls).toEqual([]);
    expect(() => unsubscribe()).not.toThrow();
  });
});

describe('OfficeMailHost theme and user', () => {
  it('maps officeTheme colours and follows OfficeThemeChanged where Mailbox 1.14 has it', async () => {
    fake = installFakeOffice({
      item: null,
      supportedSets: { Mailbox: '1.14' },
      officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#444444' },
    });
    const host = new OfficeMailHost();
    expect(host.getTheme()).toBe('light');
    const themes: string[] = [];
    host.onThemeChanged((theme) => themes.push(theme));
    await host.settled();
    expect(fake.addHandlerCalls).toEqual(['officeThemeChanged']);
    fake.fireThemeChanged({ bodyBackgroundColor: '#6A6A6A', bodyForegroundColor: '#F0F0F0' });
    fake.fireThemeChanged({ bodyBackgroundColor: '#000000', bodyForegroundColor: '#FFFFFF' });
    expect(themes).toEqual(['dark', 'highContrast']);
  });

  it('is light when Outlook gives no theme, and registers nothing before Mailbox 1.14', async () => {
    fake = installFakeOffice({ item: null, supportedSets: { Mailbox: '1.8' } });
    const host = new OfficeMailHost();
    expect(host.getTheme()).toBe('light');
    host.onThemeChanged(() => undefined);
    await host.settled();
    expect(fake.addHandlerCalls).toEqual([]);
  });

  it('reads the signed-in user from userProfile', () => {
    fake = installFakeOffice({
      userProfile: { displayName: 'Ms Head', emailAddress: 'head@oakfield.sch.uk' },
    });
    expect(new OfficeMailHost().getUser()).toEqual({
      displayName: 'Ms Head',
      emailAddress: 'head@oakfield.sch.uk',
    });
  });
});

describe('officeReady', () => {
  it('is true when Office.onReady reports Outlook', async () => {
    fake = installFakeOffice({ onReadyHost: 'Outlook' });
    await expect(officeReady()).resolves.toBe(true);
  });

  it('is false for another Office host or a browser outside Office', async () => {
    fake = installFakeOffice({ onReadyHost: 'Word' });
    await expect(officeReady()).resolves.toBe(false);
    fake.uninstall();
    fake = installFakeOffice({ onReadyHost: null });
    await expect(officeReady()).resolves.toBe(false);
  });

  it('is false at once when Office.js is absent', async () => {
    fake = installFakeOffice();
    fake.uninstall();
    await expect(officeReady()).resolves.toBe(false);
  });

  it('is false, not pending, when onReady never answers', async () => {
    fake = installFakeOffice({ onReadyHost: 'never' });
    await expect(officeReady(20)).resolves.toBe(false);
  });
});
