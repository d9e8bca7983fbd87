import {
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  checkTemplate,
  escapeHtml,
  letterFor,
  renderLetter,
  type Letter,
} from '../../../src/policy/letters';
import { DEFAULT_LIFECYCLE_SETTINGS, applyTransition } from '../../../src/policy/lifecycle';
import { letterWindows } from '../../../src/policy/letters/facts';
import { CHAIR, DATES, T, TERMS, TODAY, caseAt, ctx, step } from '../lifecycle/helpers';

const SCHOOL = {
  name: 'Oakfield Primary School',
  headTeacherName: 'Ms Amara Head',
  chairName: 'Mr Colin Chair',
};
const WINDOWS = letterWindows(DATES, DEFAULT_LIFECYCLE_SETTINGS);
const FACTS = {
  parentExplanation: 'you sent 40 emails to teachers in two weeks after the warning',
  incidentAt: '2026-02-27T08:45',
};
/** The context every letter below is written with, unless a test says otherwise. */
const BASE = { school: SCHOOL, windows: WINDOWS, facts: FACTS };

function ok(result: ReturnType<typeof letterFor>): Letter {
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.letter;
}

function noPlaceholdersLeft(letter: Letter) {
  for (const text of [letter.subject, letter.bodyText, letter.bodyHtml]) {
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/undefined|null|NaN/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // every date written out
  }
}

describe('the default letters', () => {
  it('are sound templates', () => {
    for (const kind of LETTER_KINDS)
      expect(checkTemplate(kind, DEFAULT_TEMPLATES[kind])).toEqual([]);
  });

  it('warning: the behaviour, why, the steps, what follows, and the date for their account (002 §48)', () => {
    const letter = ok(letterFor('warning', caseAt('warning'), { ...BASE, letterDate: TODAY }));
    noPlaceholdersLeft(letter);
    expect(letter.subject).toBe('Your contact with Oakfield Primary School');
    expect(letter.bodyText).toContain("Dear Mary O'Brien");
    expect(letter.bodyText).toContain(': twelve emails a day to class teachers.');
    expect(letter.bodyText).toContain('because it takes teachers away from teaching.');
    expect(letter.bodyText).toContain('The head teacher met you on 2 February.');
    expect(letter.bodyText).toContain(
      'If this happens again, the school will restrict the ways in which you may contact it.',
    );
    expect(letter.bodyText).toContain('by 16 March 2026');
    expect(letter.bodyHtml).toContain('<p>Dear Mary O&#39;Brien</p>');
  });

  it('conditions pending review: every item 002 §50 lists, with the dates filled (003 Model Letter 2)', () => {
    const letter = ok(
      letterFor('conditionsPendingReview', caseAt('provisional'), { ...BASE, letterDate: TODAY }),
    );
    noPlaceholdersLeft(letter);
    const text = letter.bodyText;
    expect(text).toContain('You sent 40 emails to teachers in two weeks after the warning.'); // why, for the parent
    expect(text).not.toContain('Behaviour continued after the warning'); // the reviewer's own reasons
    expect(text).toContain('- All contact with the school must be with Office Manager only'); // the action
    expect(text).toContain('- You may contact the school by email only.');
    expect(text).toContain(
      'These arrangements last 6 months, from 2 March 2026 to 1 September 2026.',
    ); // duration, end
    expect(text).toContain(
      'reviewed by 1 September 2026, and may be reviewed sooner if there is new relevant information',
    ); // review
    expect(text).toContain('in an emergency'); // emergency contact
    expect(text).toContain('by 16 March 2026'); // representations, and by when
    expect(text).toContain('I wrote to you on 2 March 2026 to warn you');
    expect(letter.bodyHtml).toContain(
      '<ul><li>All contact with the school must be with Office Manager only',
    );
  });

  it('a ban pending review (003 Model Letter 4)', () => {
    const ban = step(
      caseAt('warning'),
      {
        ...T.impose,
        terms: { ...TERMS, terms: [{ kind: 'premisesBan' }, { kind: 'letterOnly' }] },
      },
      TODAY,
    );
    const letter = ok(letterFor('banPendingReview', ban, { ...BASE, letterDate: TODAY }));
    noPlaceholdersLeft(letter);
    expect(letter.bodyText).toContain(
      '- You may not come onto the school premises for any reason.',
    );
    expect(letter.bodyText).toContain('by 16 March 2026');
  });

  it('confirmation and overturn, from the chair (003 Model Letters 3 and 5)', () => {
    const active = caseAt('active');
    const confirmed = ok(letterFor('confirmation', active, { ...BASE, letterDate: '2026-03-06' }));
    noPlaceholdersLeft(confirmed);
    expect(confirmed.bodyText).toContain('I have received your letter dated 6 March 2026');
    expect(confirmed.bodyText).toContain('should be confirmed');
    expect(confirmed.bodyText).toContain('by 1 September 2026');
    expect(confirmed.bodyText).toContain('by 7 April 2026'); // appeal: 20 working days over Easter
    expect(confirmed.bodyText).toContain('Mr Colin Chair\nChair of governors');
    const overturned = applyTransition(
      caseAt('provisional'),
      { ...T.overturn, decidedBy: CHAIR },
      ctx('2026-03-04'),
    );
    const letter = ok(
      letterFor('overturn', overturned.ok ? overturned.case : caseAt('provisional'), {
        ...BASE,
        letterDate: '2026-03-04',
      }),
    );
    noPlaceholdersLeft(letter);
    expect(letter.bodyText).toContain('I have not received a written response from you.');
    expect(letter.bodyText).toContain('should be overturned');
  });

  it('a restriction notice where the head teacher decides: the appeal and by when (000 §6.4, §7.1)', () => {
    const c = step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false });
    const letter = ok(letterFor('restrictionNotice', c, { ...BASE, letterDate: TODAY }));
    noPlaceholdersLeft(letter);
    expect(letter.bodyText).toContain(
      'to the clerk to governors, care of the school, within 20 working days of receiving this letter, that is by 30 March 2026.',
    );
    expect(letter.bodyText).toContain(
      'If the unacceptable behaviour continues, further restrictions may be put in place.',
    );
    // Where the policy has no appeal, the letter says the route there is (never silently dropped).
    const noAppeal = step(caseAt('warning'), T.impose, TODAY, {
      chairConfirms: false,
      appealDays: null,
    });
    const without = ok(
      letterFor('restrictionNotice', noAppeal, {
        ...BASE,
        letterDate: TODAY,
        windows: { ...BASE.windows, appealDays: null },
      }),
    );
    expect(without.bodyText).not.toContain('appeal');
    expect(without.bodyText).toContain(
      'If you are unhappy with the way this decision was made, you may raise it through the school’s complaints procedure.',
    );
    noPlaceholdersLeft(without);
  });
});

describe('templates the school replaces', () => {
  it('uses the school’s wording', () => {
    const template = {
      subject: 'A letter for {{personName}}',
      body: 'Hello {{personName}}.\n\nOn {{incidentWhen}}. Behaviour: {{behaviour}}. Why: {{whyUnacceptable}}. Steps: {{stepsTaken}} Next: {{whatFollows}} Policy: {{policyTitle}}',
    };
    const letter = ok(
      letterFor('warning', caseAt('warning'), { ...BASE, letterDate: TODAY, template }),
    );
    expect(letter.subject).toBe("A letter for Mary O'Brien");
    expect(
      letter.bodyText.startsWith(
        "Hello Mary O'Brien.\n\nOn 27 February 2026 at about 08:45. Behaviour: twelve emails",
      ),
    ).toBe(true);
  });

  it('reports unknown and malformed placeholders, and required contents that are missing', () => {
    const problems = checkTemplate('conditionsPendingReview', {
      subject: 'Hi {{persn}}',
      body: 'Dear {personName}\n\n{{terms}} until {{endDate}',
    });
    expect(problems).toEqual([
      '{{persn}} is not a placeholder this letter can fill.',
      'The body has a "{" or "}" that is not part of a {{placeholder}}.',
      "The letter must include {{personName}} (the person's name).",
      'The letter must include {{decisionReasons}} (what to tell the parent about why).',
      'The letter must include {{duration}} (how long it lasts, e.g. 6 months).',
      'The letter must include {{endDate}} (the last day it applies).',
      'The letter must include {{reviewDate}} (when it will be reviewed).',
      'The letter must include {{emergencyContact}} (how to make urgent or statutory contact).',
      'The letter must include {{representationsDeadline}} (the last day for representations to the chair).',
      'The letter must include {{appealLater}} (how the right of appeal will come after a provisional decision).',
    ]);
    expect(renderLetter('warning', { subject: '', body: 'x' }, {}).ok).toBe(false);
  });

  it('reports a value that is missing instead of leaving a gap', () => {
    const result = letterFor('conditionsPendingReview', caseAt('warning'), {
      ...BASE,
      facts: {},
      letterDate: TODAY,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain(
        'There is nothing to fill {{decisionReasons}} (what to tell the parent about why).',
      );
      expect(result.problems).toContain(
        'There is nothing to fill {{terms}} (the terms, one per line).',
      );
    }
  });
});

describe('escaping', () => {
  it('every inserted value is HTML-escaped; the text version keeps it as written', () => {
    const c = caseAt('warning');
    const hostile = {
      ...c,
      person: { ...c.person, name: '<script>alert("x")</script> & {{schoolName}}' },
      warning: { ...c.warning!, behaviour: '<b>shouting</b> at <img src=x onerror=alert(1)>' },
    };
    const letter = ok(letterFor('warning', hostile, { ...BASE, letterDate: TODAY }));
    expect(letter.bodyHtml).not.toMatch(/<script|<img|<b>/);
    expect(letter.bodyHtml).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{schoolName}}',
    );
    expect(letter.bodyHtml).toContain('&lt;b&gt;shouting&lt;/b&gt;');
    expect(letter.bodyText).toContain('<b>shouting</b>'); // plain text is not HTML
    expect(letter.bodyText).not.toContain('Oakfield Primary School & '); // a value is never re-read as a template
  });

  it('escapes the template’s own words too', () => {
    const template = {
      subject: 'S',
      body: 'Dear {{personName}} <i>&</i>\n\n{{incidentWhen}} {{behaviour}} {{whyUnacceptable}} {{stepsTaken}} {{whatFollows}} {{policyTitle}}',
    };
    const letter = ok(
      letterFor('warning', caseAt('warning'), { ...BASE, letterDate: TODAY, template }),
    );
    expect(letter.bodyHtml).toContain('&lt;i&gt;&amp;&lt;/i&gt;');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });
});
