// What a parent reads, exactly: how a school's own template is laid out (paragraphs, lists, line
// breaks, spaces), what a template must hold before it is filled, and which of the case's deadlines
// a letter moves (issue 14 items 3 and 5).
import {
  appealRightSentence,
  caseDeadlinesAfterLetter,
  checkTemplate,
  letterFor,
  letterValuesFor,
  letterWindows,
  renderLetter,
  type Letter,
  type LetterTemplate,
  type LetterValues,
} from '../../../src/policy/letters';
import { DEFAULT_LIFECYCLE_SETTINGS, type RestrictionCase } from '../../../src/policy/lifecycle';
import { DATES, T, TODAY, caseAt, person, step } from '../lifecycle/helpers';

const SCHOOL = {
  name: 'Oakfield Primary School',
  headTeacherName: 'Ms Amara Head',
  chairName: 'Mr Colin Chair',
};
const WINDOWS = letterWindows(DATES, DEFAULT_LIFECYCLE_SETTINGS);

function ok(result: ReturnType<typeof renderLetter>): Letter {
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.letter;
}

const EMAIL_ONLY = 'You may contact the school by email only.';
const OFFICE_ONLY = 'All contact with the school must be with the office manager.';
const APPEAL = appealRightSentence(20, '8 April 2026');

describe('a school’s own template is laid out as the parent will read it', () => {
  // A confirmation letter written by the school, saved from Word (\r\n), an old Mac editor (\r) or
  // a web form (\n), with stray blank lines and spaces: the parent reads the same letter.
  const LINES = [
    '',
    '',
    '  Dear {{personName}} ',
    'Thank you for your letter.',
    '',
    'The restrictions are:',
    '   ',
    '',
    '{{terms}}',
    '',
    'They apply until {{endDate}} and will be reviewed by {{reviewDate}}.',
    '',
    '{{emergencyContact}}',
    '',
    '{{appealRight}}',
    '',
    'Yours sincerely',
    '{{chairName}}',
    'Chair of governors',
  ];
  const VALUES: LetterValues = {
    schoolName: SCHOOL.name,
    personName: "Mary O'Brien",
    chairName: SCHOOL.chairName,
    // One term written with spaces round it, and an empty line the reviewer left in the list.
    terms: [`  ${EMAIL_ONLY}  `, '', '   ', OFFICE_ONLY],
    endDate: '1 September 2026',
    reviewDate: '1 September 2026',
    emergencyContact: 'In an emergency, telephone the school office.',
    appealRight: APPEAL,
  };
  const subject = '  The   review of\nyour contact with {{schoolName}}  ';

  it('paragraphs, a list of terms, line breaks within a paragraph, and no stray spaces or empty paragraphs, whatever the line ends', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      const letter = ok(renderLetter('confirmation', { subject, body: LINES.join(eol) }, VALUES));
      expect(letter.subject).toBe('The review of your contact with Oakfield Primary School');
      expect(letter.bodyText).toBe(
        [
          "Dear Mary O'Brien\nThank you for your letter.",
          'The restrictions are:',
          `- ${EMAIL_ONLY}\n- ${OFFICE_ONLY}`,
          'They apply until 1 September 2026 and will be reviewed by 1 September 2026.',
          'In an emergency, telephone the school office.',
          APPEAL,
          'Yours sincerely\nMr Colin Chair\nChair of governors',
        ].join('\n\n'),
      );
      expect(letter.bodyHtml).toBe(
        [
          '<p>Dear Mary O&#39;Brien<br>Thank you for your letter.</p>',
          '<p>The restrictions are:</p>',
          `<ul><li>${EMAIL_ONLY}</li><li>${OFFICE_ONLY}</li></ul>`,
          '<p>They apply until 1 September 2026 and will be reviewed by 1 September 2026.</p>',
          '<p>In an emergency, telephone the school office.</p>',
          `<p>${APPEAL}</p>`,
          '<p>Yours sincerely<br>Mr Colin Chair<br>Chair of governors</p>',
        ].join('\n'),
      );
    }
  });

  it('a line of the template keeps its indent but loses its trailing spaces', () => {
    const letter = ok(
      renderLetter(
        'overturn',
        {
          subject: 'Your contact with {{schoolName}}',
          body: 'Dear {{personName}}   \nThe head teacher wrote to you on {{decisionDate}}.\n    Please keep this letter.',
        },
        { schoolName: SCHOOL.name, personName: "Mary O'Brien", decisionDate: '2 March 2026' },
      ),
    );
    expect(letter.bodyText).toBe(
      "Dear Mary O'Brien\nThe head teacher wrote to you on 2 March 2026.\n    Please keep this letter.",
    );
  });
});

describe('what becomes a list, and what a sentence', () => {
  /** An overturn letter whose third paragraph is `paragraph`; returns that paragraph, as text and HTML. */
  function third(paragraph: string, values: LetterValues): { text: string; html: string } {
    const letter = ok(
      renderLetter(
        'overturn',
        {
          subject: 'Your contact with {{schoolName}}',
          body: `Dear {{personName}}\n\nThe head teacher wrote to you on {{decisionDate}}.\n\n${paragraph}`,
        },
        {
          schoolName: SCHOOL.name,
          personName: "Mary O'Brien",
          decisionDate: '2 March 2026',
          ...values,
        },
      ),
    );
    return {
      text: letter.bodyText.split('\n\n').slice(2).join('\n\n'),
      html: letter.bodyHtml.split('\n').slice(2).join('\n'),
    };
  }

  it('003 Model Letter 2: the terms on a paragraph of their own are a list, even a single term', () => {
    expect(third('{{terms}}', { terms: [EMAIL_ONLY] })).toEqual({
      text: `- ${EMAIL_ONLY}`,
      html: `<ul><li>${EMAIL_ONLY}</li></ul>`,
    });
    // Spaces inside the braces change nothing.
    expect(third('{{terms }}', { terms: [EMAIL_ONLY, OFFICE_ONLY] })).toEqual({
      text: `- ${EMAIL_ONLY}\n- ${OFFICE_ONLY}`,
      html: `<ul><li>${EMAIL_ONLY}</li><li>${OFFICE_ONLY}</li></ul>`,
    });
  });

  it('any other value on a paragraph of its own is a paragraph, keeping its own line breaks; several values are a list', () => {
    expect(third('{{reportedBy}}', { reportedBy: 'Mrs Jones, the office manager' })).toEqual({
      text: 'Mrs Jones, the office manager',
      html: '<p>Mrs Jones, the office manager</p>',
    });
    expect(third('{{reportedBy}}', { reportedBy: 'Mrs Jones\nthe office manager' })).toEqual({
      text: 'Mrs Jones\nthe office manager',
      html: '<p>Mrs Jones<br>the office manager</p>',
    });
    expect(third('{{reportedBy}}', { reportedBy: ['Mrs Jones', 'Mr Patel'] })).toEqual({
      text: '- Mrs Jones\n- Mr Patel',
      html: '<ul><li>Mrs Jones</li><li>Mr Patel</li></ul>',
    });
  });

  it('values within a sentence are joined with "; ", the sentence’s own words kept round them', () => {
    const two = { terms: [EMAIL_ONLY, OFFICE_ONLY], reportedBy: ['Mrs Jones', 'Mr Patel'] };
    expect(third('Reported by {{reportedBy}}.', two).text).toBe('Reported by Mrs Jones; Mr Patel.');
    expect(third('Conditions:{{terms}}', two).text).toBe(
      `Conditions:${EMAIL_ONLY}; ${OFFICE_ONLY}`,
    );
    expect(third('{{terms}} (until further notice)', two).text).toBe(
      `${EMAIL_ONLY}; ${OFFICE_ONLY} (until further notice)`,
    );
    expect(third('{{terms}}.', { terms: ['Email only', 'Office manager only'] })).toEqual({
      text: 'Email only; Office manager only.',
      html: '<p>Email only; Office manager only.</p>',
    });
  });

  it('a value is trimmed, and a value of only spaces is no value: the letter is refused rather than sent with a gap', () => {
    expect(third('Reported by {{reportedBy}}.', { reportedBy: '  Mrs Jones  ' }).text).toBe(
      'Reported by Mrs Jones.',
    );
    const result = renderLetter(
      'overturn',
      { subject: 'Hello', body: 'Dear {{personName}}\n\nOn {{decisionDate}}.' },
      { personName: '   ', decisionDate: ['', ' '] },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        "There is nothing to fill {{personName}} (the person's name).",
        "There is nothing to fill {{decisionDate}} (the date of the head teacher's decision).",
      ],
    });
  });
});

describe('the subject line', () => {
  it('is one line: a value written on two lines is joined with a space', () => {
    const letter = ok(
      renderLetter(
        'overturn',
        {
          subject: 'Your contact with {{schoolName}}',
          body: 'Dear {{personName}}\n\nOn {{decisionDate}}.',
        },
        {
          schoolName: 'Oakfield Primary School\nand Nursery',
          personName: 'Mary',
          decisionDate: '2 March 2026',
        },
      ),
    );
    expect(letter.subject).toBe('Your contact with Oakfield Primary School and Nursery');
    const terms = ok(
      renderLetter(
        'overturn',
        { subject: '{{terms}}', body: 'Dear {{personName}}\n\nOn {{decisionDate}}.' },
        {
          terms: ['Email only', 'Office manager only'],
          personName: 'Mary',
          decisionDate: '2 March 2026',
        },
      ),
    );
    expect(terms.subject).toBe('Email only Office manager only');
  });

  it('a subject that holds only an optional value the case lacks is left empty (the paragraph rule), not an error', () => {
    const letter = ok(
      renderLetter(
        'overturn',
        { subject: 'About {{incidentWhen?}}', body: 'Dear {{personName}}\n\nOn {{decisionDate}}.' },
        { personName: 'Mary', decisionDate: '2 March 2026' },
      ),
    );
    expect(letter).toEqual({
      subject: '',
      bodyText: 'Dear Mary\n\nOn 2 March 2026.',
      bodyHtml: '<p>Dear Mary</p>\n<p>On 2 March 2026.</p>',
    });
  });
});

describe('a template with problems is refused before anything is filled', () => {
  it('an empty subject or body, or one missing from the saved template, is named', () => {
    const saved = { subject: '   ' } as unknown as LetterTemplate;
    expect(checkTemplate('overturn', saved)).toEqual([
      'The subject is empty.',
      'The body is empty.',
      "The letter must include {{personName}} (the person's name).",
      "The letter must include {{decisionDate}} (the date of the head teacher's decision).",
    ]);
    const noSubject = {
      body: 'Dear {{personName}}\n\nOn {{decisionDate}}.',
    } as unknown as LetterTemplate;
    expect(checkTemplate('overturn', noSubject)).toEqual(['The subject is empty.']);
    expect(renderLetter('overturn', noSubject, { personName: 'Mary' })).toEqual({
      ok: false,
      problems: ['The subject is empty.'],
    });
  });

  it('a required placeholder may be in the subject rather than the body', () => {
    expect(
      checkTemplate('overturn', {
        subject: 'The review of the restrictions on {{personName}}’s contact',
        body: 'The head teacher wrote to you on {{decisionDate}}.',
      }),
    ).toEqual([]);
  });

  it('only the template’s problems are reported while the template is wrong, not the values it would need', () => {
    expect(renderLetter('overturn', { subject: 'Hello', body: 'Dear {{personName}}' }, {})).toEqual(
      {
        ok: false,
        problems: [
          "The letter must include {{decisionDate}} (the date of the head teacher's decision).",
        ],
      },
    );
  });
});

describe('002 §48: a warning letter needs a warning on record', () => {
  it('a case with no warning has no behaviour to describe: the warning letter is refused, naming what is missing', () => {
    const c = person();
    const values = letterValuesFor(c, { letterDate: TODAY, school: SCHOOL, windows: WINDOWS });
    expect(values.behaviour).toBeUndefined();
    expect(values.versionOfEventsDeadline).toBeUndefined();
    expect(values.personName).toBe("Mary O'Brien");
    const result = letterFor('warning', c, {
      letterDate: TODAY,
      school: SCHOOL,
      windows: WINDOWS,
      facts: { incidentAt: '2026-02-27T08:45' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual(
        expect.arrayContaining([
          'There is nothing to fill {{behaviour}} (the unacceptable behaviour).',
          'There is nothing to fill {{whyUnacceptable}} (why it is unacceptable).',
        ]),
      );
  });
});

describe('which of the case’s deadlines a letter moves', () => {
  const due = (deadlines: { kind: string; due: string }[], kind: string) =>
    deadlines.find((d) => d.kind === kind)?.due;
  const noticeCase = () => step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false });
  const SILENT: LetterTemplate = { subject: 'Hello {{personName}}', body: 'Dear {{personName}}' };

  it('placeholders written with spaces inside the braces still move the deadlines they state (003 Model Letters 2 and 4, 000 §7.1, 003 App. 5 Level 1)', () => {
    const reps = caseDeadlinesAfterLetter(
      caseAt('provisional'),
      { subject: 'Conditions', body: 'Write to the chair by {{ representationsDeadline }}.' },
      '2026-03-09',
      WINDOWS,
    );
    expect(due(reps, 'representations')).toBe('2026-03-23');
    const appeal = caseDeadlinesAfterLetter(
      noticeCase(),
      { subject: 'Decision', body: '{{ appealRight }}' },
      '2026-03-09',
      WINDOWS,
    );
    expect(due(appeal, 'appeal')).toBe('2026-04-08');
    const account = caseDeadlinesAfterLetter(
      caseAt('warning'),
      { subject: 'Warning', body: 'Your own account by {{ versionOfEventsDeadline? }}.' },
      '2026-03-04',
      WINDOWS,
    );
    expect(due(account, 'versionOfEvents')).toBe('2026-03-18');
  });

  it('a later letter that does not state the appeal or the account window leaves those deadlines as they were', () => {
    const notice = noticeCase();
    expect(caseDeadlinesAfterLetter(notice, SILENT, '2026-03-09', WINDOWS)).toEqual(
      notice.deadlines,
    );
    const warned = caseAt('warning');
    expect(caseDeadlinesAfterLetter(warned, SILENT, '2026-03-04', WINDOWS)).toEqual(
      warned.deadlines,
    );
  });

  it('000 §7.1: where the policy has no appeal the letter gives no appeal date, so the case’s appeal deadline stays', () => {
    const notice = noticeCase();
    const after = caseDeadlinesAfterLetter(
      notice,
      { subject: 'Decision', body: '{{appealRight}}' },
      '2026-03-09',
      { ...WINDOWS, appealDays: null },
    );
    expect(after).toEqual(notice.deadlines);
    expect(due(after, 'appeal')).toBe('2026-03-30');
  });

  it('a redrafted letter replaces the earlier letter’s note, and keeps the deadline’s other notes', () => {
    const counted = 'No term dates are entered for 2026-03-20: it was counted as a working day.';
    const base = caseAt('provisional');
    const c: RestrictionCase = {
      ...base,
      deadlines: base.deadlines.map((d) =>
        d.kind === 'representations' ? { ...d, notes: [counted] } : d,
      ),
    };
    const template = { subject: 'Conditions', body: 'By {{representationsDeadline}}.' };
    const first = caseDeadlinesAfterLetter(c, template, '2026-03-09', WINDOWS);
    const redraft = caseDeadlinesAfterLetter(
      { ...c, deadlines: first },
      template,
      '2026-03-11',
      WINDOWS,
    );
    const reps = redraft.find((d) => d.kind === 'representations')!;
    expect(reps.due).toBe('2026-03-25');
    expect(reps.notes).toEqual([counted, 'Counted from the letter dated 11 March 2026.']);
  });
});
