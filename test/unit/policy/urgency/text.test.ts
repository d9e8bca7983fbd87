// What the urgency check reads: the visible text of the email and only what the sender wrote now.
import {
  COVER_NOTE_FLAG,
  decodeEntities,
  detectUrgency,
  htmlToText,
  newText,
  plainText,
  readableText,
} from '../../../../src/policy/urgency';

describe('HTML is read as a person sees it', () => {
  test('adjacent block tags end a line; inline tags join their neighbours without a space', () => {
    expect(htmlToText('<p>He is not</p><p>well</p>')).toBe('\nHe is not\n\nwell\n');
    expect(htmlToText('<div>Call<br>me</div>')).toBe('\nCall\nme\n');
    expect(htmlToText('She is in hos<b>pital</b>')).toBe('She is in hospital');
    expect(htmlToText('<span>in</span> <span>A&amp;E</span>')).toBe('in A&E');
  });
  test('comments, the head, scripts and styles are not text; attributes are never read', () => {
    expect(
      htmlToText(
        '<html><head><title>urgent</title><style>p{}</style></head><body><!-- emergency --><a title="urgent">link</a><script>var x = "suicide"</script></body></html>',
      ),
    ).toBe('link');
  });
  test('entities: named, decimal and hexadecimal; unknown or invalid ones are left as written', () => {
    expect(decodeEntities('A&amp;E &lt;now&gt; &quot;x&quot; &apos;y&#39; &nbsp;&pound;5')).toBe(
      'A&E <now> "x" \'y\'  £5',
    );
    expect(decodeEntities('It&#8217;s &#x2019;s &#X41;')).toBe('It\u2019s \u2019s A');
    expect(decodeEntities('&rsquo;&lsquo;&ldquo;&rdquo;&ndash;&mdash;&hellip;')).toBe(
      '\'\'""--...',
    );
    expect(decodeEntities('&bogus; &#0; &#x110000; & amp;')).toBe('&bogus; &#0; &#x110000; & amp;');
    expect(decodeEntities('&#x10FFFF;&#1114111;')).toBe('\u{10FFFF}\u{10FFFF}');
    expect(decodeEntities('&#12345678; &#x1234567; &a; &abcdefghi;')).toBe(
      '&#12345678; &#x1234567; &a; &abcdefghi;',
    );
  });
  test('a body is read as HTML only when it has a mail client tag; text keeps its angle brackets', () => {
    expect(plainText('Office <office@oakfield.sch.uk> wrote')).toBe(
      'Office <office@oakfield.sch.uk> wrote',
    );
    expect(plainText('<p>a</p>\r\n<p>b   c</p>\n\n\n\n<p>d</p>')).toBe('a\n\nb c\n\nd');
    expect(plainText('   ')).toBe('');
  });
  test('002 §62: an urgent phrase split by markup or entities is still found', () => {
    expect(detectUrgency('', '<p>We are in A&amp;E</p>').matched).toEqual(['A&E']);
    expect(detectUrgency('', '<p>she hasn&#39;t come <b>home</b></p>').matched).toEqual([
      "hasn't come home",
    ]);
    expect(detectUrgency('', '<div>self-</div>harm').matched).toEqual([]);
    expect(detectUrgency('', 'She is cutting her<i>self</i>').matched).toEqual(['cutting herself']);
  });
});

describe('only the new text counts; quoted history does not, a forward is read whole', () => {
  const reply = (history: string) => `Still no date for the meeting.\n\n${history}`;
  test.each([
    [
      'Gmail',
      'On Mon, 4 Mar 2024 at 09:12, Office <office@x.sch.uk> wrote:\n> call the DSL if he is missing',
    ],
    [
      'Gmail, wrapped',
      'On Mon, 4 Mar 2024 at 09:12, Office\n<office@x.sch.uk> wrote:\nhe is missing, call 999',
    ],
    ['Outlook', '-----Original Message-----\nHe has gone missing'],
    ['Outlook header block', 'From: Office\nSent: 14 March\nTo: Mrs Barlow\nAmira is very unwell'],
    ['a quoted line', '> Amira is very unwell'],
  ])('000 §6.1: %s history is not read', (_client, history) => {
    const text = readableText('RE: Meeting', reply(history));
    expect(text.body.trim()).toBe('Still no date for the meeting.');
    expect(detectUrgency('RE: Meeting', reply(history)).urgent).toBe(false);
  });
  test('002 §62: a parent\'s own "On … wrote:" sentence is not history: what follows is read', () => {
    const body =
      'On Sunday her dad wrote:\nhe is coming to the gate for Amy today. There is a court order: he must not collect her';
    expect(newText(body, 'Amy')).toBe(body);
    expect(detectUrgency('Amy', body).urgent).toBe(true);
    // A client's marker with no date or address still counts when quoted lines follow it.
    expect(newText('new\nOn Monday Office wrote:\n> old', '')).toBe('new');
  });
  test('Outlook\'s header block: "Sent:" or "Date:" within the three lines after "From:"', () => {
    expect(newText('new\nFrom: Office\nTo: me\nCc: you\nSent: today\nold', '')).toBe('new');
    expect(newText('new\nFrom: Office\nDate: today\nold', '')).toBe('new');
    expect(newText('new\n  From: Office\n  Sent: today', '')).toBe('new');
    expect(newText('new\nFrom:\nSent: today', '')).toBe('new\nFrom:\nSent: today');
    expect(newText('new\nFrom: Office\nSent:', '')).toBe('new\nFrom: Office\nSent:');
    expect(newText('new\n- Original Message -\nold', '')).toBe('new\n- Original Message -\nold');
    expect(newText('new\n-- Original Message --\nold', '')).toBe('new');
    expect(newText('new\n  ----- Original Message -----\nold', '')).toBe('new');
    expect(newText('new\nwe said On time wrote: fine\nx', '')).toBe(
      'new\nwe said On time wrote: fine\nx',
    );
    expect(newText('new\n   > old\nmore', '')).toBe('new\nmore');
  });
  test('a forward: "FW:" or "Fwd:" only at the start of the subject, or the forwarded-message line', () => {
    const body = 'new\nFrom: P\nSent: t\nold';
    expect(newText(body, ' fwd : x')).toBe(body);
    expect(newText(body, 'RE: FW: x')).toBe('new');
    expect(newText(body, 'FWD x')).toBe('new');
    expect(newText('a\n  -- Forwarded message --\nFrom: P\nSent: t\nold', '')).toContain('old');
    expect(newText('a\nForwarded message\nFrom: P\nSent: t\nold', '')).toBe('a\nForwarded message');
    expect(newText(`  ${COVER_NOTE_FLAG} x\nkept`, 'FW: x')).toBe('kept');
    expect(newText(`${COVER_NOTE_FLAG} x\nkept`, 'RE: x')).toBe(`${COVER_NOTE_FLAG} x\nkept`);
  });
  test('a "From:" line with no "Sent:" or "Date:" below it is the sender\'s own text', () => {
    expect(newText('From: me\nTo: you\nCc: x\nShe is in hospital', '')).toBe(
      'From: me\nTo: you\nCc: x\nShe is in hospital',
    );
    expect(newText('a\nFrom: me\nx\ny\nz\nDate: today', '')).toBe(
      'a\nFrom: me\nx\ny\nz\nDate: today',
    );
    expect(newText('a\nOn Monday we went out\nb', '')).toBe('a\nOn Monday we went out\nb');
  });
  test('an urgent message above the quoted history counts', () => {
    const body = 'Forget the detention. She has not come home.\n\n> From: Office\n> Sent: 14 March';
    expect(detectUrgency('RE: Detention', body).matched).toEqual(['not come home']);
  });
  test("002 §62: a forward is read whole (the forwarded text is the content), less Contact Guard's own flag line", () => {
    const forward = `${COVER_NOTE_FLAG} this email mentions "safeguarding concern".\nForwarded by Contact Guard.\n\nFrom: Parent\nSent: today\nLucas is missing.\n> he is in A&E`;
    expect(detectUrgency('FW: Lucas', forward).matched).toEqual(['Lucas is missing', 'A&E']);
    expect(detectUrgency('Fwd: x', 'From: P\nSent: t\nA&E').matched).toEqual(['A&E']);
    const marked = 'see below\n---------- Forwarded message ---------\nFrom: P\nDate: t\nin A&E';
    expect(detectUrgency('Agenda', marked).matched).toEqual(['A&E']);
  });
  test('which bodies are HTML', () => {
    for (const tag of [
      '<html>',
      '<BODY class="x">',
      '<div>',
      '<p>',
      '<br/>',
      '<span>',
      '<table>',
      '<b>',
      '<i>',
      '<strong>',
      '<em>',
      '<a href="x">',
      '<font>',
    ])
      expect(plainText(`${tag}A&amp;E`)).toBe('A&E');
    for (const text of ['<office@x.sch.uk>', 'a <pre> b', '<bold>', 'x < y > z'])
      expect(plainText(`${text} A&amp;E`)).toBe(`${text} A&amp;E`);
  });
  test('every block tag ends a line; an inline tag does not', () => {
    for (const tag of [
      'br',
      'p',
      'div',
      'li',
      'ul',
      'ol',
      'tr',
      'td',
      'th',
      'table',
      'tbody',
      'thead',
      'h1',
      'h6',
      'blockquote',
      'hr',
      'pre',
      'section',
      'article',
      'header',
      'footer',
      'center',
    ])
      expect(htmlToText(`a<${tag} class="x">b</${tag}>c`)).toBe('a\nb\nc');
    expect(htmlToText('a<bdi>b</bdi><preview>c')).toBe('abc');
    expect(htmlToText('a<!-- x --> b <!--y-->c')).toBe('a b c');
    expect(htmlToText('<TITLE>t</TITLE ><Script type="x">s</script>k')).toBe('k');
  });
  test('spacing is tidied and curly apostrophes read as straight ones; line breaks are kept', () => {
    expect(readableText('\u2018a\u02bcb', 'x\r\ny\rz')).toEqual({
      subject: "'a'b",
      body: 'x\ny\nz',
    });
    expect(readableText(' a\u00a0\u00a0b ', 'she hasn\u2019t\t\tcome home\nnext')).toEqual({
      subject: ' a b ',
      body: "she hasn't come home\nnext",
    });
  });
});
