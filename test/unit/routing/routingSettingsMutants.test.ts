// The routing settings as a school types them in its SharePoint Settings list (settings.ts): keys
// and values with stray spaces, the tenant's verified domains, and the exact problem texts shown to
// the person who edits the list.
import { readRoutingSettings } from '../../../src/policy/routing';

const defaults = { folderName: 'Restricted correspondence' };
const DOMAINS = ['oakfield.sch.uk'];

function read(entries: [string, string][], tenantDomains: readonly string[] = DOMAINS) {
  return readRoutingSettings(new Map(entries), defaults, tenantDomains);
}

describe('routing settings as typed in the list', () => {
  it('nothing set: the defaults, and no problem reported', () => {
    const { settings, problems, defaultSpoc } = read([]);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      protectedMailboxes: [],
      acceptedDomains: ['oakfield.sch.uk'],
      folderName: 'Restricted correspondence',
      delivery: 'redirect',
      addressesPerRule: 50,
    });
    expect(defaultSpoc).toBeUndefined();
  });

  it('keys are matched whatever their case and surrounding spaces; values are trimmed', () => {
    const { settings, problems, defaultSpoc } = read([
      [' ROUTINGDELIVERY ', '  forwardAsAttachment \n'],
      ['RoutingFolderName\t', '  Safeguarding mail  '],
      [' routingaddressesperrule', ' 20 '],
      ['DefaultSpocEmail ', ' Office@Oakfield.sch.uk '],
    ]);
    expect(problems).toEqual([]);
    expect(settings.delivery).toBe('forwardAsAttachment');
    expect(settings.folderName).toBe('Safeguarding mail');
    expect(settings.addressesPerRule).toBe(20);
    expect(defaultSpoc).toBe('office@oakfield.sch.uk');
  });

  it('an empty or blank value counts as not set: the default, no problem', () => {
    const { settings, problems } = read([
      ['RoutingDelivery', '   '],
      ['RoutingAddressesPerRule', ''],
      ['RoutingFolderName', ' '],
    ]);
    expect(problems).toEqual([]);
    expect(settings.delivery).toBe('redirect');
    expect(settings.addressesPerRule).toBe(50);
    expect(settings.folderName).toBe('Restricted correspondence');
  });

  it("the accepted domains are the tenant's verified domains, lower case, trimmed, once each, blanks dropped", () => {
    const { settings } = read(
      [],
      [' Oakfield.SCH.uk ', 'oakfield.sch.uk', '', '   ', 'oakfield.onmicrosoft.com'],
    );
    expect(settings.acceptedDomains).toEqual(['oakfield.sch.uk', 'oakfield.onmicrosoft.com']);
  });
});

describe('RoutingAddressesPerRule: a whole number from 1 to 500', () => {
  it.each([
    ['1', 1],
    ['500', 500],
    ['37', 37],
  ])('%s is taken as it is', (text, n) => {
    const { settings, problems } = read([['RoutingAddressesPerRule', text]]);
    expect(settings.addressesPerRule).toBe(n);
    expect(problems).toEqual([]);
  });

  it.each(['0', '501', '2.5', 'fifty', '-3'])(
    '%s is refused: 50 is used and the school is told why',
    (text) => {
      const { settings, problems } = read([['RoutingAddressesPerRule', text]]);
      expect(settings.addressesPerRule).toBe(50);
      expect(problems).toEqual([
        'RoutingAddressesPerRule must be a whole number from 1 to 500; 50 is used.',
      ]);
    },
  );
});

describe('routing setting problems, in plain words', () => {
  it('one bad entry and one outside mailbox: singular wording', () => {
    const { settings, problems } = read([
      ['ProtectedMailboxes', 'not an address\nsomeone@gmail.com\nreception@oakfield.sch.uk'],
    ]);
    expect(settings.protectedMailboxes).toEqual(['reception@oakfield.sch.uk']);
    expect(problems).toEqual([
      'ProtectedMailboxes has 1 entry that is not an address.',
      'ProtectedMailboxes: 1 mailbox is outside the accepted domains and will not be protected.',
    ]);
  });

  it('several bad entries and outside mailboxes: plural wording', () => {
    const { settings, problems } = read([
      [
        'ProtectedMailboxes',
        'not an address\nalso wrong\nsomeone@gmail.com\nother@hotmail.co.uk\noffice@oakfield.sch.uk',
      ],
    ]);
    expect(settings.protectedMailboxes).toEqual(['office@oakfield.sch.uk']);
    expect(problems).toEqual([
      'ProtectedMailboxes has 2 entries that are not an address.',
      'ProtectedMailboxes: 2 mailboxes are outside the accepted domains and will not be protected.',
    ]);
  });

  it('a folder path and an unknown delivery: the default is used and the school is told', () => {
    const { settings, problems } = read([
      ['RoutingFolderName', 'Inbox\\Restricted'],
      ['RoutingDelivery', 'forward'],
    ]);
    expect(settings.folderName).toBe('Restricted correspondence');
    expect(settings.delivery).toBe('redirect');
    expect(problems).toEqual([
      'RoutingFolderName cannot contain "/" or "\\".',
      'RoutingDelivery must be "redirect" or "forwardAsAttachment"; "redirect" is used.',
    ]);
  });
});
