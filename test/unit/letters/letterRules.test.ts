// The rules the letters follow (issue 14 items 3 and 5), each checked on the content that matters.
import {
  appealRightSentence,
  DEFAULT_LETTER_POLICY,
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  asSentence,
  emergencyParagraph,
  incidentWhen,
  letterFor,
  letterWindows,
  midSentence,
  type Letter,
  type LetterContext,
  type LetterKind,
} from '../../../src/policy/letters';
import { DEFAULT_LIFECYCLE_SETTINGS, DEFAULT_EMERGENCY_NOTE } from '../../../src/policy/lifecycle';
import type { RestrictionCase } from '../../../src/policy/lifecycle';
import { DATES, T, TERMS, TODAY, caseAt, step } from '../lifecycle/helpers';

const SCHOOL = {
  name: 'Oakfield Primary School',
  headTeacherName: 'Ms Head',
  chairName: 'Mr Chair',
};
const WINDOWS = letterWindows(DATES, DEFAULT_LIFECYCLE_SETTINGS);
const FACTS = {
  parentExplanation: 'you sent 40 emails to teachers in two weeks',
  incidentAt: '2026-02-27T08:45',
  reportedBy: 'Mrs Jones, the office manager',
  effectOnStaffAndPupils: 'two members of staff were upset and a class was left waiting',
};
const BASE: LetterContext = { letterDate: TODAY, school: SCHOOL, windows: WINDOWS, facts: FACTS };

function write(kind: LetterKind, c: RestrictionCase, extra: Partial<LetterContext> = {}): Letter {
  const result = letterFor(kind, c, { ...BASE, ...extra });
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.letter;
}

const ban = (settings = {}) =>
  step(
    caseAt('warning'),
    { ...T.impose, terms: { ...TERMS, terms: [{ kind: 'premisesBan' }, { kind: 'letterOnly' }] } },
    TODAY,
    settings,
  );
const noticeCase = (settings = {}) =>
  step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false, ...settings });

/** Every letter that can be written for the case at each stage. */
function everyLetter(extra: Partial<LetterContext> = {}): [LetterKind, Letter][] {
  return [
    ['warning', write('warning', caseAt('warning'), extra)],
    ['conditionsPendingReview', write('conditionsPendingReview', caseAt('provisional'), extra)],
    ['banPendingReview', write('banPendingReview', ban(), extra)],
    ['confirmation', write('confirmation', caseAt('active'), extra)],
    ['overturn', write('overturn', caseAt('overturned'), extra)],
    ['restrictionNotice', write('restrictionNotice', noticeCase(), extra)],
  ];
}

describe('windows are counted from the letter’s date, not the decision’s', () => {
  it('003 Model Letters 2 and 4: representations within 10 working days of the date of THIS letter', () => {
    // Decided on 2 March; the letter is dated a week later: 10 working days from 9 March.
    const later = write('conditionsPendingReview', caseAt('provisional'), {
      letterDate: '2026-03-09',
    });
    expect(later.bodyText).toContain('any comments of your own by 23 March 2026.');
    const same = write('conditionsPendingReview', caseAt('provisional'));
    expect(same.bodyText).toContain('any comments of your own by 16 March 2026.');
  });

  it('000 §7.1: the appeal runs 20 working days from receiving the letter (a posted letter is received later)', () => {
    const emailed = write('restrictionNotice', noticeCase(), { letterDate: '2026-03-09' });
    expect(emailed.bodyText).toContain('that is by 8 April 2026.'); // over Good Friday and Easter Monday
    const posted = write('restrictionNotice', noticeCase(), {
      letterDate: '2026-03-09',
      windows: { ...WINDOWS, delivery: 'post' },
    });
    expect(posted.bodyText).toContain('that is by 10 April 2026.');
  });

  it('003 Appendix 5 Level 1: their own account within 10 working days of the warning letter’s date', () => {
    const letter = write('warning', caseAt('warning'), { letterDate: '2026-03-04' });
    expect(letter.bodyText).toContain('what happened by 18 March 2026.');
    const none = write('warning', caseAt('warning'), {
      windows: { ...WINDOWS, versionOfEventsDays: null },
    });
    expect(none.bodyText).not.toContain('your own account');
  });
});

describe('the right of appeal is never silently dropped', () => {
  it('000 §6.4, §7.1: a provisional letter says when and how the appeal right will come', () => {
    for (const c of [caseAt('provisional'), ban()]) {
      const kind = c === caseAt('provisional') ? 'conditionsPendingReview' : 'banPendingReview';
      const letter = write(kind, c);
      expect(letter.bodyText).toContain(
        'you will then have 20 working days from receiving that letter to appeal in writing to the clerk to governors',
      );
    }
  });

  it('003: where the policy has no appeal, the provisional letter names the review and the complaints route', () => {
    const letter = write('banPendingReview', ban({ appealDays: null }), {
      windows: { ...WINDOWS, appealDays: null },
    });
    expect(letter.bodyText).toContain(
      'the chair’s letter will tell you how the governing board will review it, and you may raise any concern about how it was made through the school’s complaints procedure.',
    );
    const confirmation = write('confirmation', caseAt('active'), {
      windows: { ...WINDOWS, appealDays: null },
    });
    expect(confirmation.bodyText).toContain('through the school’s complaints procedure.');
    expect(confirmation.bodyText).not.toContain('appeal');
  });

  it('000 §7.1: a school template without the appeal is refused', () => {
    const body = DEFAULT_TEMPLATES.restrictionNotice.body.replace('{{appealRight}}', '');
    const result = letterFor('restrictionNotice', noticeCase(), {
      ...BASE,
      template: { subject: 'S', body },
    });
    expect(result.ok).toBe(false);
  });
});

describe('what a ban letter keeps open', () => {
  it('003 Model Letters 4 and 5: one meeting a year about the child’s progress, in the ban letters only', () => {
    expect(write('banPendingReview', ban()).bodyText).toContain(
      'have the right to attend one meeting a year to discuss your child’s progress',
    );
    expect(write('conditionsPendingReview', caseAt('provisional')).bodyText).not.toContain(
      'one meeting a year',
    );
    const off = write('banPendingReview', ban(), {
      policy: { ...DEFAULT_LETTER_POLICY, progressMeeting: false },
    });
    expect(off.bodyText).not.toContain('one meeting a year');
  });

  it('002 §61: the statutory exceptions (child protection, SEND and EHCP reviews, exclusions, collecting the child)', () => {
    const text = write('banPendingReview', ban()).bodyText;
    for (const words of [
      'child protection',
      'special educational needs',
      'health and care plan (EHCP)',
      'any exclusion of your child',
      'collecting your child',
    ])
      expect(text).toContain(words);
    const off = write('banPendingReview', ban(), {
      policy: { ...DEFAULT_LETTER_POLICY, statutoryExceptions: false },
    });
    expect(off.bodyText).not.toContain('child protection');
    expect(write('restrictionNotice', noticeCase()).bodyText).not.toContain('child protection');
  });

  it('003 Model Letter 4: a school’s ban template that leaves out the yearly meeting is refused', () => {
    const body = DEFAULT_TEMPLATES.banPendingReview.body.replace('{{progressMeeting?}}', '');
    const result = letterFor('banPendingReview', ban(), {
      ...BASE,
      template: { subject: 'S', body },
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        "The letter must include {{progressMeeting}} (the parent's one meeting a year about their child's progress): this case has one.",
      ],
    });
  });
});

describe('the warning letter', () => {
  it('003 model warning letter, 002 §48: names the incident’s date and time and refers to the policy', () => {
    const text = write('warning', caseAt('warning')).bodyText;
    expect(text).toContain('about your conduct on 27 February 2026 at about 08:45: twelve emails');
    expect(text).toContain(
      'under the school’s policy on managing contact with parents and visitors, a copy of which is enclosed.',
    );
  });

  it('003 model warning letter: cannot be written without the incident’s date and time', () => {
    const result = letterFor('warning', caseAt('warning'), { ...BASE, facts: {} });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        "There is nothing to fill {{incidentWhen}} (the incident's date and time).",
      ]);
  });

  it('reads the incident time strictly (London wall clock, HH:mm)', () => {
    expect(incidentWhen('2026-02-27T08:45')).toBe('27 February 2026 at about 08:45');
    expect(incidentWhen(' 2026-02-27T23:59 ')).toBe('27 February 2026 at about 23:59');
    for (const bad of [
      '2026-02-27T24:00',
      '2026-02-27T08:60',
      '2026-02-30T08:00',
      '2026-02-27',
      'x2026-02-27T08:45',
      '2026-02-27T08:45x',
      undefined,
    ])
      expect(incidentWhen(bad)).toBeUndefined();
  });
});

describe('reviewers’ private reasons never reach a letter', () => {
  it('002 §51: only the text written for the parent is used; none written, no decision letter', () => {
    const reasons = caseAt('active').history.map((h) => h.reasons);
    for (const [, letter] of everyLetter())
      for (const r of reasons) {
        expect(letter.bodyText).not.toContain(r);
        expect(letter.subject).not.toContain(r);
      }
    expect(write('restrictionNotice', noticeCase()).bodyText).toContain(
      'Why I have taken this decision: You sent 40 emails to teachers in two weeks.',
    );
    const none = letterFor('restrictionNotice', noticeCase(), { ...BASE, facts: {} });
    expect(none.ok).toBe(false);
  });
});

describe('the model letters’ other elements', () => {
  it('003 Model Letters 2 and 4: the reporting member of staff and the effect on staff and pupils', () => {
    for (const letter of [
      write('conditionsPendingReview', caseAt('provisional')),
      write('banPendingReview', ban()),
      write('restrictionNotice', noticeCase()),
    ]) {
      expect(letter.bodyText).toContain(
        'I have received a report from Mrs Jones, the office manager about your conduct on 27 February 2026 at about 08:45.',
      );
      expect(letter.bodyText).toContain(
        'Two members of staff were upset and a class was left waiting.',
      );
    }
    const bare = write('banPendingReview', ban(), {
      facts: { parentExplanation: 'x', incidentAt: '2026-02-27T08:45' },
    });
    expect(bare.bodyText).not.toContain('I have received a report');
  });

  it('003 Model Letter 4, 002 §50: how the ban is reviewed, and that further restriction may follow', () => {
    for (const letter of [
      write('banPendingReview', ban()),
      write('conditionsPendingReview', caseAt('provisional')),
    ]) {
      expect(letter.bodyText).toContain(
        'If the chair of governors confirms my decision, you will be told how it will be reviewed by the governing board.',
      );
      expect(letter.bodyText).toContain(
        'If the unacceptable behaviour continues, further restrictions may be put in place.',
      );
    }
    expect(write('confirmation', caseAt('active')).bodyText).toContain(
      'further restrictions may be put in place',
    );
  });

  it('002 §61-62: the emergency paragraph is said once, whatever the note', () => {
    for (const [kind, letter] of everyLetter()) {
      const count = (letter.bodyText.match(/emergenc/gi) ?? []).length;
      expect([kind, count]).toEqual([kind, kind === 'warning' || kind === 'overturn' ? 0 : 1]);
    }
    expect(emergencyParagraph(DEFAULT_EMERGENCY_NOTE)).toBe(
      'This does not stop you contacting the school in an emergency, or where the law requires the school to respond to you: contact the school office in the usual way, and the normal school processes apply.',
    );
    expect(emergencyParagraph('ring the office on 01234 567890')).toBe(
      'This does not stop you contacting the school in an emergency, or where the law requires the school to respond to you. Ring the office on 01234 567890.',
    );
  });
});

describe('inserted text reads as part of the sentence', () => {
  it('lower-cases an ordinary first word and drops the phrase’s own final stop', () => {
    expect(midSentence('The tone of recent emails.')).toBe('the tone of recent emails');
    expect(midSentence('Shouting at the office staff..')).toBe('shouting at the office staff');
    expect(midSentence('  Repeated   calls;\n to staff ')).toBe('repeated calls; to staff');
    expect(midSentence('Mr Smith was shouted at.')).toBe('Mr Smith was shouted at');
    expect(midSentence('CCTV shows it.')).toBe('CCTV shows it');
    expect(midSentence('Ofsted was threatened')).toBe('Ofsted was threatened');
    expect(midSentence('8 emails')).toBe('8 emails');
    expect(midSentence('')).toBe('');
  });

  it('a reviewer’s sentences start with a capital and end with one stop', () => {
    expect(asSentence('met you on 2 February')).toBe('Met you on 2 February.');
    expect(asSentence('Why did this happen?')).toBe('Why did this happen?');
    expect(asSentence('Stop now!')).toBe('Stop now!');
    expect(asSentence('we met;  ')).toBe('We met.');
    expect(asSentence('   ')).toBe('');
  });

  it('no doubled stops or capitals mid-sentence in any letter', () => {
    const c = caseAt('warning');
    const messy = {
      ...c,
      warning: {
        ...c.warning!,
        behaviour: 'The tone of recent emails.',
        whyUnacceptable: 'It upset staff.',
      },
    };
    const text = write('warning', messy).bodyText;
    expect(text).toContain(': the tone of recent emails.');
    expect(text).toContain('because it upset staff.');
    for (const [, letter] of everyLetter()) expect(letter.bodyText).not.toMatch(/\.\.|\.\s*\./);
  });
});

describe('fairness duties in every letter', () => {
  const fairness = {
    adjustments: 'Large print, and a phone call to read it to you.',
    representative: 'Sam Patel, advocate (sam.patel@example.org)',
  };

  it('000 §1.1, 002 §65 and §68: the reasonable adjustments are named in every letter', () => {
    for (const [kind, letter] of everyLetter({ fairness })) {
      expect([kind, letter.bodyText]).toEqual([
        kind,
        expect.stringContaining(
          'We will make these adjustments for you: large print, and a phone call to read it to you. Please tell us if you need anything else',
        ),
      ]);
    }
    for (const [, letter] of everyLetter()) expect(letter.bodyText).not.toContain('adjustments');
  });

  it('000 §5.2, 002 §69: the representative gets a copy; with none, an advocate is offered', () => {
    for (const kind of ['warning', 'banPendingReview', 'restrictionNotice'] as const) {
      const c =
        kind === 'warning' ? caseAt('warning') : kind === 'banPendingReview' ? ban() : noticeCase();
      expect(write(kind, c, { fairness }).bodyText).toContain(
        'A copy of this letter is also being sent to Sam Patel, advocate (sam.patel@example.org), who acts for you.',
      );
      expect(write(kind, c).bodyText).toContain(
        'you may ask an independent advocate, a support worker, a friend or a family member to help you or to act for you.',
      );
    }
  });

  it('000 §1.1: a school template that leaves out the adjustments is refused when the case has some', () => {
    const body = DEFAULT_TEMPLATES.overturn.body.replace('{{adjustments?}}', '');
    const template = { subject: 'S', body };
    expect(letterFor('overturn', caseAt('overturned'), { ...BASE, template }).ok).toBe(true);
    expect(letterFor('overturn', caseAt('overturned'), { ...BASE, template, fairness }).ok).toBe(
      false,
    );
  });

  it('every default letter kind is covered above', () => {
    expect(everyLetter().map(([k]) => k)).toEqual([...LETTER_KINDS]);
  });
});

describe('edges of the letter values', () => {
  it('a letter with no valid date states no window (the reviewer is told, not given a guess)', () => {
    const result = letterFor('conditionsPendingReview', caseAt('provisional'), {
      ...BASE,
      letterDate: '2026-02-30',
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContain(
        'There is nothing to fill {{representationsDeadline}} (the last day for representations to the chair).',
      );
    // The appeal sentence falls back to the complaints route rather than a date it cannot count.
    const notice = write('restrictionNotice', noticeCase(), { letterDate: '2026-13-01' });
    expect(notice.bodyText).toContain('through the school’s complaints procedure.');
  });

  it('000 §7.1: a school with no delivery setting counts the appeal from the letter’s date (email)', () => {
    const w = letterWindows(DATES, { ...DEFAULT_LIFECYCLE_SETTINGS, letterDelivery: undefined });
    expect(w.delivery).toBe('email');
    expect(w).toEqual({
      dates: DATES,
      representationsDays: 10,
      appealDays: 20,
      versionOfEventsDays: 10,
      delivery: 'email',
    });
  });

  it('the default emergency note is recognised even with spaces around it (said once, 002 §61-62)', () => {
    expect(emergencyParagraph(`  ${DEFAULT_EMERGENCY_NOTE}  `)).toBe(
      emergencyParagraph(DEFAULT_EMERGENCY_NOTE),
    );
  });

  it('000 §7.1: with no appeal in the policy, a deadline passed in by mistake is not turned into one', () => {
    expect(appealRightSentence(null, '8 April 2026')).toBe(
      'If you are unhappy with the way this decision was made, you may raise it through the school’s complaints procedure.',
    );
  });

  it('phrases: only a leading ordinary word is lower-cased; sentences get exactly one ending', () => {
    expect(midSentence('8 Repeated calls')).toBe('8 Repeated calls');
    expect(midSentence('Ringtones at night')).toBe('Ringtones at night');
    expect(asSentence('  met you')).toBe('Met you.');
    expect(asSentence('we met;;, ')).toBe('We met.');
    expect(asSentence('Mr. Smith called')).toBe('Mr. Smith called.');
  });

  it('blank facts are treated as missing, not as empty sentences', () => {
    const letter = write('banPendingReview', ban(), {
      facts: { ...FACTS, reportedBy: '   ', effectOnStaffAndPupils: ' ' },
      fairness: { adjustments: '  ', representative: ' ' },
    });
    expect(letter.bodyText).not.toContain('I have received a report');
    expect(letter.bodyText).not.toContain('adjustments');
    expect(letter.bodyText).toContain('you may ask an independent advocate');
    expect(letter.bodyText).not.toMatch(/\n\n\s*\n/);
  });

  it('a warning letter has no restriction values; a restriction letter names the SPOC’s terms', () => {
    const w = write('warning', caseAt('warning')).bodyText;
    expect(w).not.toContain('working days');
    const n = write('restrictionNotice', noticeCase()).bodyText;
    expect(n).toContain('- All contact with the school must be with Office Manager only');
    expect(n).toContain('These arrangements last 6 months, from 2 March 2026 to 1 September 2026.');
    expect(n).toContain(
      'A copy of the school’s policy on managing contact with parents and visitors is enclosed.',
    );
  });
});
