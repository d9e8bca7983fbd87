// The chronology's "open the original email" link: only https links to Outlook on the web's own
// hosts become links; hostile values written into the MessageLink column stay text.
import { OUTLOOK_WEB_HOSTS, safeMessageLink } from '../../../src/policy/chronology/messageLink';

const WEB_LINK =
  'https://outlook.office365.com/owa/?ItemID=AAMkAGI2TAAA%3D&exvsurl=1&viewmodel=ReadMessageItem';

describe('safeMessageLink', () => {
  it("accepts Graph's webLink for a work account, on either Outlook on the web host", () => {
    expect(safeMessageLink(WEB_LINK)).toBe(WEB_LINK);
    const office = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2%3D';
    expect(safeMessageLink(office)).toBe(office);
    expect(safeMessageLink('HTTPS://OUTLOOK.OFFICE365.COM/owa/')).toBe(
      'HTTPS://OUTLOOK.OFFICE365.COM/owa/',
    );
  });

  it.each([
    ['javascript:', 'javascript:alert(document.domain)'],
    ['javascript: with the host in a comment', 'javascript://outlook.office365.com/%0aalert(1)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['http:', 'http://outlook.office365.com/owa/?ItemID=1'],
    ['no scheme', '//outlook.office365.com/owa/'],
    ['a relative path', '/owa/?ItemID=1'],
    ['another host', 'https://evil.example/owa/?ItemID=1'],
    ['a look-alike suffix', 'https://outlook.office365.com.evil.example/owa/'],
    ['a look-alike prefix', 'https://evil-outlook.office365.com/owa/'],
    ['personal Outlook', 'https://outlook.live.com/owa/?ItemID=1'],
    ['userinfo before the host', 'https://outlook.office.com@evil.example/owa/'],
    ['userinfo with a password', 'https://outlook.office.com:x@evil.example/'],
    ['the host as userinfo of itself', 'https://a@outlook.office.com/owa/'],
    ['a port', 'https://outlook.office.com:8443/owa/'],
    ['a trailing dot', 'https://outlook.office.com./owa/'],
    ['a percent-encoded host', 'https://outlook%2Eoffice.com/owa/'],
    ['a backslash after the host', 'https://outlook.office.com\\@evil.example/'],
    ['a backslash for the slashes', 'https:\\\\outlook.office.com/owa/'],
    ['a leading space', ' https://outlook.office.com/owa/'],
    ['a tab inside the scheme', 'ht\ttps://outlook.office.com/owa/'],
    ['a new line inside', 'https://outlook.office.com/owa/\n?x=1'],
    ['a NUL', 'https://outlook.office.com/owa/\u0000'],
    ['a zero-width space in the host', 'https://outlook.office\u200b.com/owa/'],
    ['a right-to-left override', 'https://outlook.office.com/\u202egnp.exe'],
    ['a full-width look-alike host', 'https://ｏutlook.office.com/owa/'],
    ['an empty string', ''],
  ])('refuses %s', (_name, value) => {
    expect(safeMessageLink(value)).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(safeMessageLink(undefined)).toBeUndefined();
    expect(safeMessageLink(null)).toBeUndefined();
    expect(safeMessageLink({ toString: () => WEB_LINK })).toBeUndefined();
  });

  it("takes another tenant cloud's hosts when given them, and only those", () => {
    const us = 'https://outlook.office365.us/owa/?ItemID=1';
    expect(safeMessageLink(us)).toBeUndefined();
    expect(safeMessageLink(us, ['outlook.office365.us'])).toBe(us);
    expect(safeMessageLink(WEB_LINK, ['outlook.office365.us'])).toBeUndefined();
    expect(OUTLOOK_WEB_HOSTS).not.toContain('outlook.live.com');
  });
});
