// trustedForwardHeader: a forward header is believed only from inside the school.
import { emailDomainsOf } from '../../../../src/graph/repositories/tenantDomains';
import { trustedForwardHeader, type ForwardHeaderValue } from '../../../../src/policy/mailActions';

const HEADER: ForwardHeaderValue = {
  key: 'k',
  restrictionId: '1',
  personName: 'Mark Denton',
  urgent: false,
};
const DOMAINS = ['oakfield.sch.uk', 'oakfield.onmicrosoft.com'];

describe('trustedForwardHeader', () => {
  it('believes a header sent from, and on behalf of, the school', () => {
    expect(trustedForwardHeader(HEADER, { from: 'Reception@Oakfield.sch.uk' }, DOMAINS)).toBe(
      HEADER,
    );
    expect(
      trustedForwardHeader(
        HEADER,
        { from: 'office@oakfield.sch.uk', sender: 'reception@oakfield.onmicrosoft.com' },
        DOMAINS,
      ),
    ).toBe(HEADER);
  });

  it.each([
    ['an outside sender', { from: 'parent@gmail.com' }, DOMAINS],
    ['a look-alike subdomain', { from: 'x@mail.oakfield.sch.uk' }, DOMAINS],
    ['a look-alike suffix', { from: 'x@evil-oakfield.sch.uk' }, DOMAINS],
    [
      'an outsider sending on behalf of the school',
      { from: 'parent@gmail.com', sender: 'reception@oakfield.sch.uk' },
      DOMAINS,
    ],
    [
      'the school on behalf of an outsider',
      { from: 'reception@oakfield.sch.uk', sender: 'parent@gmail.com' },
      DOMAINS,
    ],
    ['no sender at all', {}, DOMAINS],
    ['a sender that is not an address', { from: 'oakfield.sch.uk' }, DOMAINS],
    ['unknown domains', { from: 'reception@oakfield.sch.uk' }, []],
  ])('ignores it from %s', (_what, senders, domains) => {
    expect(trustedForwardHeader(HEADER, senders, domains)).toBeUndefined();
  });

  it('has nothing to believe when there is no header', () => {
    expect(
      trustedForwardHeader(undefined, { from: 'reception@oakfield.sch.uk' }, DOMAINS),
    ).toBeUndefined();
  });
});

describe('emailDomainsOf (GET /organization?$select=verifiedDomains)', () => {
  it('keeps the verified domains that carry mail, lower-cased, once each', () => {
    expect(
      emailDomainsOf({
        value: [
          {
            verifiedDomains: [
              { name: 'Oakfield.sch.uk', capabilities: 'Email, OfficeCommunicationsOnline' },
              { name: 'oakfield.onmicrosoft.com', capabilities: 'Email' },
              { name: 'intranet.oakfield.sch.uk', capabilities: 'OfficeCommunicationsOnline' },
              { name: 'OAKFIELD.SCH.UK', capabilities: 'email' },
              { capabilities: 'Email' },
              'nonsense',
            ],
          },
        ],
      }),
    ).toEqual(['oakfield.sch.uk', 'oakfield.onmicrosoft.com']);
    expect(emailDomainsOf(undefined)).toEqual([]);
    expect(emailDomainsOf({ value: [{}] })).toEqual([]);
  });
});

describe('a blank From', () => {
  it('is no From: the header is not believed on the Sender alone, however internal', () => {
    expect(
      trustedForwardHeader(HEADER, { from: ' ', sender: 'ann@oakfield.sch.uk' }, DOMAINS),
    ).toBeUndefined();
    expect(
      trustedForwardHeader(HEADER, { from: '', sender: 'ann@oakfield.sch.uk' }, DOMAINS),
    ).toBeUndefined();
  });
});
