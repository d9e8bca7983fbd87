// The urgency check's reading of the email, pinned where the earlier tests left room: HTML comments,
// the exact shape of quoted-history and forward markers, line endings, who counts as a person, and
// how matches are counted once. Rules: DOMAIN.md "Never block the emergency line"; 002 §61–62
// (catch urgent mail); 000 §6.1 (do not flag ordinary mail).
import {
  detectUrgency,
  htmlToText,
  isPerson,
  newText,
  plainText,
  readableText,
  subjectRule,
} from '../../../../src/policy/urgency';

const absent = undefined as unknown as string;

describe('HTML comments are never text', () => {
  test('002 §62: a comment with spaces, a ">" and several lines is dropped whole, so the words around it join', () => {
    expect(htmlToText('hos<!-- if (x > 1) show\nbanner -->pital')).toBe('hospital');
    expect(htmlToText('A<!--[if gte mso 9]>x<![endif]-->&amp;E')).toBe('A&E');
    expect(detectUrgency('', '<p>She is in hos<!-- a > b -->pital</p>').matched).toEqual([
      'in hospital',
    ]);
  });
});

describe('quoted history starts only at a mail client marker', () => {
  const urgentTail = 'He said he wants to kill himself.';

  test('000 §6.1 / 002 §62: a parent\'s own "… on 4 March … wrote:" mid-sentence is not history', () => {
    const body = `His teacher on 4 March wrote:\n${urgentTail}`;
    expect(newText(body, '')).toBe(body);
    const body2 = `On 4 March her dad wrote: ${urgentTail}\nThanks`;
    expect(newText(body2, '')).toBe(body2);
    expect(detectUrgency('', body).urgent).toBe(true);
  });

  test('"On … wrote:" is history with leading spaces or trailing spaces', () => {
    expect(newText('Fine thanks\n   On 4 Mar 2024, Office <o@x.uk> wrote:\nold', '')).toBe(
      'Fine thanks',
    );
    expect(newText('Fine thanks\nOn 4 Mar 2024, Office <o@x.uk> wrote:   \nold', '')).toBe(
      'Fine thanks',
    );
  });

  test('"On … wrote:" without a date is history when the next non-blank line is quoted, even indented or after a blank-looking line', () => {
    expect(newText('Fine\nOn Monday Office wrote:\n   > old\nold unquoted', '')).toBe('Fine');
    expect(newText('Fine\nOn Monday Office wrote:\n   \n\t\n> old\nold unquoted', '')).toBe('Fine');
  });

  test('000 §6.1: a parent\'s "On Sunday her dad wrote:" as the last line is read, not an error', () => {
    expect(newText('He is fine\nOn Sunday her dad wrote:', '')).toBe(
      'He is fine\nOn Sunday her dad wrote:',
    );
  });

  test('a wrapped "On …" header is history when indented, or when quoted lines follow it', () => {
    expect(
      newText('Fine\n  On 4 Mar 2024 at 09:12, Office\n<office@x.uk> wrote:\nold letter', ''),
    ).toBe('Fine');
    expect(newText('Fine\nThanks\nOn Sunday, Office\nwrote:\n> old\nold text\nmore old', '')).toBe(
      'Fine\nThanks',
    );
  });

  test('"Original Message" is a marker only at the start of a line and between double dashes', () => {
    const mid = 'My note --Original Message-- is below\nShe is in hospital';
    expect(newText(mid, '')).toBe(mid);
    const single = '-- Original message - she says\nShe is in hospital';
    expect(newText(single, '')).toBe(single);
    expect(newText('Fine\n-----Original Message-----\nold', '')).toBe('Fine');
  });

  test('an Outlook header block is history even without spaces after "From:" and "Sent:"', () => {
    expect(newText('Fine\nFrom:Office\nSent:Monday\nold', '')).toBe('Fine');
    expect(newText('Fine\nFrom:   Office\nDate:   Monday\nold', '')).toBe('Fine');
  });

  test('002 §62: "from:" or "sent:" inside a sentence, or a "Sent:" line above "From:", is the parent\'s text', () => {
    const slip = 'Reply slip from: Mrs Smith\nDate: 4 March\nI am worried he will kill himself';
    expect(newText(slip, '')).toBe(slip);
    const sent = 'From: Mum\nMessage sent: Monday\nShe is in hospital';
    expect(newText(sent, '')).toBe(sent);
    const above = 'Hello\nDate: Monday\nFrom: Mum\nShe is in hospital';
    expect(newText(above, '')).toBe(above);
    expect(detectUrgency('', slip).urgent).toBe(true);
  });
});

describe('a forward is read whole only at a real forward marker', () => {
  test('002 §62: "--Forwarded message--" without spaces marks a forward, so quoted lines are read', () => {
    expect(newText('--Forwarded message--\n> He is in hospital', '')).toBe(
      '--Forwarded message--\n> He is in hospital',
    );
  });
  test('000 §6.1: the words mid-line, or with a single closing dash, are not a forward', () => {
    expect(newText('See the -- Forwarded message -- below\n> old complaint', '')).toBe(
      'See the -- Forwarded message -- below',
    );
    expect(newText('-- Forwarded message - from me\n> old complaint', '')).toBe(
      '-- Forwarded message - from me',
    );
  });
});

describe('plain text as the product keeps it', () => {
  test('Windows and old Mac line endings become line breaks; an absent body is empty', () => {
    expect(plainText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(plainText(absent)).toBe('');
  });
  test('each line is trimmed and its spaces tidied; letters are never spaces', () => {
    expect(plainText(' a \n b\v\vc \nVAT')).toBe('a\nb c\nVAT');
  });
  test('an absent subject or body reads as empty', () => {
    expect(readableText(absent, absent)).toEqual({ subject: '', body: '' });
  });
});

describe('who counts as a person (a child "is missing", not an object)', () => {
  test('002 §62: names, pronouns and relations are people', () => {
    expect(isPerson('Anna')).toBe(true);
    expect(isPerson('son')).toBe(true);
    expect(detectUrgency('', 'Anna is missing.').urgent).toBe(true);
  });
  test('000 §6.1: words that merely start or end like a pronoun or name are not people', () => {
    for (const word of ['sheet', 'voucher', 'the', 'hero', 'iPad', 'ParentPay', 'PayPal']) {
      expect(isPerson(word)).toBe(false);
    }
    expect(detectUrgency('', 'The reading sheet is missing from her bag.').urgent).toBe(false);
    expect(detectUrgency('', 'The lunch voucher is missing.').urgent).toBe(false);
    expect(detectUrgency('', 'The dinner money I put on ParentPay is missing.').urgent).toBe(false);
    expect(detectUrgency('', 'Her school iPad is missing.').urgent).toBe(false);
  });
});

describe('the result', () => {
  test('002 §62: an urgent subject is of category "urgent"', () => {
    expect(subjectRule().category).toBe('urgent');
    expect(detectUrgency('URGENT - pick up today', '').matches).toEqual([
      { text: 'URGENT', category: 'urgent', rule: 'urgent.subject', in: 'subject' },
    ]);
  });
  test('000 §6.1: with no school list, only the built-in lexicon counts', () => {
    expect(detectUrgency('Stryker was here', 'Stryker was here').urgent).toBe(false);
  });
  test('a match is listed once whatever its spacing; different words are listed separately', () => {
    expect(detectUrgency('safe word', 'safe\n\nword', ['safe word']).matched).toEqual([
      'safe word',
    ]);
    expect(detectUrgency('', 'safe word or safeword', ['safe word', 'safeword']).matched).toEqual([
      'safe word',
      'safeword',
    ]);
    expect(detectUrgency('', 'Straße or strasse', ['Straße', 'strasse']).matched).toEqual([
      'Straße',
      'strasse',
    ]);
  });
});
