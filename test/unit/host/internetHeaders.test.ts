import {
  headerValues,
  parseAddressList,
  parseMailbox,
  parseReplyTo,
  splitAddressList,
  unfoldHeaders,
} from '../../../src/host/office/internetHeaders';

const CRLF = '\r\n';

function headers(...lines: string[]): string {
  return lines.join(CRLF) + CRLF;
}

describe('unfoldHeaders and headerValues', () => {
  it('joins folded continuation lines (CRLF or LF, space or tab)', () => {
    expect(unfoldHeaders('Subject: a\r\n  b\n\tc\r\nX: y')).toBe('Subject: a  b\tc\r\nX: y');
  });

  it('matches the header name case-insensitively and only at the start of a line', () => {
    const raw = headers(
      'In-Reply-To: <abc@mail.example>',
      'reply-to: first@example.org',
      'X-Note: Reply-To: not-a-header@example.org',
    );
    expect(headerValues(raw, 'Reply-To')).toEqual(['first@example.org']);
  });
});

describe('splitAddressList', () => {
  it('keeps commas inside quoted names, comments and angle brackets', () => {
    expect(
      splitAddressList('"Smith, Jo" <jo@example.org>, (Mum, home) pat@example.org, <"a,b"@x.org>'),
    ).toEqual(['"Smith, Jo" <jo@example.org>', '(Mum, home) pat@example.org', '<"a,b"@x.org>']);
  });

  it('handles escaped quotes inside a quoted name', () => {
    expect(splitAddressList('"Jo \\"JJ\\", Smith" <jo@example.org>, b@example.org')).toEqual([
      '"Jo \\"JJ\\", Smith" <jo@example.org>',
      'b@example.org',
    ]);
  });

  it('flattens groups', () => {
    expect(splitAddressList('Parents: a@example.org, b@example.org;, c@example.org')).toEqual([
      'a@example.org',
      'b@example.org',
      'c@example.org',
    ]);
  });
});

describe('parseMailbox', () => {
  it('reads a quoted display name with a comma and unescapes it', () => {
    expect(parseMailbox('"O\'Brien, Pat \\"P\\"" <pat.o\'brien@example.org>')).toEqual({
      address: "pat.o'brien@example.org",
      displayName: 'O\'Brien, Pat "P"',
    });
  });

  it('reads a bare address and drops comments', () => {
    expect(parseMailbox('pat@example.org (home address)')).toEqual({ address: 'pat@example.org' });
  });

  it('keeps encoded-words in display names as they are', () => {
    expect(parseMailbox('=?UTF-8?B?SsO2cmc=?= <jorg@example.org>')).toEqual({
      address: 'jorg@example.org',
      displayName: '=?UTF-8?B?SsO2cmc=?=',
    });
  });

  it('returns undefined when there is no address', () => {
    expect(parseMailbox('undisclosed-recipients')).toBeUndefined();
    expect(parseMailbox('Someone <>')).toBeUndefined();
  });
});

describe('parseReplyTo', () => {
  it('returns several addresses from a folded header, in order', () => {
    const raw = headers(
      'From: Pat <pat@example.org>',
      'Reply-To: "Smith, Jo" <jo@example.org>,',
      '\t=?utf-8?q?Pat_Parent?= <PAT.PARENT@example.org>,',
      '  other@example.net',
      'Subject: Homework',
    );
    expect(parseReplyTo(raw)).toEqual([
      { address: 'jo@example.org', displayName: 'Smith, Jo' },
      { address: 'PAT.PARENT@example.org', displayName: '=?utf-8?q?Pat_Parent?=' },
      { address: 'other@example.net' },
    ]);
  });

  it('reads every Reply-To header when a message has more than one, without duplicates', () => {
    const raw = headers('Reply-To: a@example.org', 'Reply-To: b@example.org, A@example.org');
    expect(parseReplyTo(raw).map((mailbox) => mailbox.address)).toEqual([
      'a@example.org',
      'b@example.org',
    ]);
  });

  it('returns an empty list when there is no Reply-To header', () => {
    expect(parseReplyTo(headers('From: a@example.org', 'In-Reply-To: <x@y>'))).toEqual([]);
  });

  it('parses a plain list with LF line endings', () => {
    expect(parseAddressList('a@example.org,b@example.org')).toHaveLength(2);
    expect(parseReplyTo('Reply-To: a@example.org\nX: y\n')).toEqual([{ address: 'a@example.org' }]);
  });
});
