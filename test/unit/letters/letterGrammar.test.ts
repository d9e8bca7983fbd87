// Inserted text fits its sentence (issue 13 item 8): a head teacher signs what the letter says
// without correcting it. Policy 002 §48 (a written warning that tells the parent what was wrong
// and what follows) and 002 §65 (the decision "in writing", explaining why) are only met by a
// letter the parent can read; the 003 model letters are the register: plain, correct prose.
import {
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  fitToSlot,
  letterFor,
  letterWindows,
  lowerEachItem,
  lowerFirstWord,
  midSentence,
  nameWords,
  withoutRepeatedLead,
  withoutRepeatedSentences,
  type Letter,
  type LetterContext,
  type LetterKind,
  type LetterTemplate,
} from '../../../src/policy/letters';
import { DEFAULT_LIFECYCLE_SETTINGS, type RestrictionCase } from '../../../src/policy/lifecycle';
import { DATES, T, TERMS, TODAY, caseAt, step } from '../lifecycle/helpers';

const NONE = new Set<string>();

describe('THE CASE RULE: a first word is lower-cased mid-sentence only when it is surely not a name (002 §48, §65)', () => {
  it('lower-cases a capitalised common word or gerund, and each item of a "; " list', () => {
    expect(lowerEachItem('Shouting at staff; Swearing; PTA funds; Mr Smith')).toBe(
      'shouting at staff; swearing; PTA funds; Mr Smith',
    );
    expect(lowerFirstWord('The tone of recent emails')).toBe('the tone of recent emails');
    expect(lowerFirstWord('It is intimidating')).toBe('it is intimidating');
    expect(lowerFirstWord('Because it is intimidating')).toBe('because it is intimidating');
    expect(lowerFirstWord('Shouting at the office staff')).toBe('shouting at the office staff');
    expect(lowerFirstWord('Swearing, twice')).toBe('swearing, twice');
  });

  it('keeps "I", acronyms, mixed case, unknown words and names', () => {
    expect(lowerFirstWord('I was told')).toBe('I was told');
    expect(lowerFirstWord('PTA funds')).toBe('PTA funds');
    expect(lowerFirstWord('SENCo meetings')).toBe('SENCo meetings');
    expect(lowerFirstWord('CCTV shows it')).toBe('CCTV shows it');
    expect(lowerFirstWord('Ofsted was threatened')).toBe('Ofsted was threatened');
    expect(lowerFirstWord('Mr Smith was shouted at')).toBe('Mr Smith was shouted at');
    expect(lowerFirstWord('Ringtones at night')).toBe('Ringtones at night');
    // A gerund-like word before another capital is a place or a name.
    expect(lowerFirstWord('Manning Road car park')).toBe('Manning Road car park');
    // Surnames and places ending in "-ing" are not behaviours: only listed words are lower-cased.
    expect(lowerFirstWord('Fleming, the caretaker, was shouted at')).toBe(
      'Fleming, the caretaker, was shouted at',
    );
    expect(lowerFirstWord('Manning said it happened twice')).toBe('Manning said it happened twice');
    expect(lowerFirstWord('Worthing police were called')).toBe('Worthing police were called');
    expect(lowerFirstWord('Filming staff at the gate')).toBe('filming staff at the gate');
    expect(lowerFirstWord('A copy by post')).toBe('a copy by post');
    expect(lowerFirstWord('A Level results')).toBe('A Level results');
    expect(lowerFirstWord('A')).toBe('A');
    expect(lowerFirstWord('Sing')).toBe('Sing'); // too short to be read as a gerund
    expect(lowerFirstWord('8 Repeated calls')).toBe('8 Repeated calls');
    expect(lowerFirstWord('')).toBe('');
  });

  it('keeps a word that is part of a name known in the case', () => {
    const names = nameWords(['Mrs Grace Young', 'The Shouting Lane School', undefined]);
    expect([...names].sort()).toEqual(['grace', 'lane', 'mrs', 'school', 'shouting', 'young']);
    expect(lowerFirstWord('Shouting Lane parents were told', names)).toBe(
      'Shouting Lane parents were told',
    );
    expect(lowerFirstWord('Shouting at staff', names)).toBe('Shouting at staff');
    expect(lowerFirstWord('Shouting at staff', NONE)).toBe('shouting at staff');
    // "The" of a school's name is not a name: still lower-cased elsewhere.
    expect(lowerFirstWord('The tone', names)).toBe('the tone');
    expect(midSentence('Young people were frightened.', nameWords(['Mrs Young']))).toBe(
      'Young people were frightened',
    );
  });
});

describe('a value fitted to its slot (002 §48, §65)', () => {
  const fit = (value: string, before: string, after: string, names = NONE) =>
    fitToSlot(value, { before, after }, names);

  it('drops its own closing stops where the template’s sentence goes on', () => {
    expect(fit('The tone of recent emails..', 'I am writing about ', '.')).toEqual({
      text: 'the tone of recent emails',
      consumed: 0,
    });
    expect(fit('Mrs Jones, the office manager.', 'a report from ', ' about your conduct')).toEqual({
      text: 'Mrs Jones, the office manager',
      consumed: 0,
    });
    expect(fit('  Large print;\n ', 'adjustments: ', '.').text).toBe('Large print');
  });

  it('keeps a sentence’s stop where a new sentence follows, or the paragraph ends', () => {
    expect(fit('You sent 40 emails.', 'about your conduct. ', '').text).toBe('You sent 40 emails.');
    expect(fit('We met.', '', ' Having considered').text).toBe('We met.');
  });

  it('a "?" or "!" of its own stands in for the template’s full stop', () => {
    expect(fit('Why did this happen?', 'You asked: ', '.')).toEqual({
      text: 'Why did this happen?',
      consumed: 1,
    });
  });

  it('drops the words it repeats from the template ("because Because…")', () => {
    expect(fit('Because it is intimidating.', 'This is not acceptable because ', '.').text).toBe(
      'it is intimidating',
    );
    expect(fit('about the emails', 'I am writing to you about ', '.').text).toBe('the emails');
    expect(withoutRepeatedLead('sent to the', 'chair of governors')).toBe('chair of governors');
    expect(withoutRepeatedLead('written to the chair of', 'chair of governors')).toBe('governors');
    // Only whole words: "about" is not "aboutness"; after a stop nothing is dropped.
    expect(withoutRepeatedLead('about ', 'aboutness')).toBe('aboutness');
    expect(withoutRepeatedLead('It was about. ', 'About it')).toBe('About it');
  });

  it('capital at a sentence’s start; left as written after a colon; names never re-cased', () => {
    expect(fit('you sent 40 emails', 'conduct. ', '').text).toBe('You sent 40 emails');
    expect(fit('The head teacher met you', 'so far: ', '.').text).toBe('The head teacher met you');
    expect(fitToSlot('Young', { before: 'Dear ', after: '' }, NONE, false).text).toBe('Young');
  });
});

describe('a sentence already said is said once', () => {
  it('drops repeated sentences of four words or more, case and spacing ignored', () => {
    const seen = new Set<string>();
    expect(withoutRepeatedSentences(['You sent forty emails in a week.'], seen)).toEqual([
      'You sent forty emails in a week.',
    ]);
    expect(
      withoutRepeatedSentences(['Staff were upset. You sent  forty emails in a week'], seen),
    ).toEqual(['Staff were upset.']);
    expect(withoutRepeatedSentences(['you sent forty emails in a week.'], seen)).toEqual([]);
    // Short lines (sign-offs) repeat freely.
    expect(withoutRepeatedSentences(['Head teacher', 'Head teacher'], seen)).toEqual([
      'Head teacher',
      'Head teacher',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every letter, with what reviewers really type.

const SCHOOL = {
  name: 'Oakfield Primary School',
  headTeacherName: 'Ms Head',
  chairName: 'Mr Chair',
};
const WINDOWS = letterWindows(DATES, DEFAULT_LIFECYCLE_SETTINGS);

/** Text as typed in a hurry: capitals, closing stops, doubled punctuation, spaces, lists. */
const MESSY = {
  behaviour: 'Shouting at the office staff; Swearing at a teacher; Threats to post on Facebook..',
  whyUnacceptable: 'Because It is intimidating to staff.',
  stepsTaken: 'the head teacher met you on 2 February.  ',
  whatFollows: 'If this happens again, the school will restrict your contact.',
  facts: {
    parentExplanation: 'You sent 40 emails to teachers in two weeks.',
    incidentAt: '2026-02-27T08:45',
    reportedBy: 'Mrs Jones, the office manager.',
    // The same text pasted into two boxes: said once.
    effectOnStaffAndPupils: 'You sent 40 emails to teachers in two weeks. Two staff were upset.',
  },
  fairness: {
    adjustments: 'Large print; A copy read to you by phone.',
    representative: 'The Citizens Advice caseworker, Sam Patel.',
  },
};

function messyCase(c: RestrictionCase): RestrictionCase {
  return c.warning
    ? {
        ...c,
        warning: {
          ...c.warning,
          behaviour: MESSY.behaviour,
          whyUnacceptable: MESSY.whyUnacceptable,
          stepsTaken: MESSY.stepsTaken,
          whatFollows: MESSY.whatFollows,
        },
      }
    : c;
}

const CONTEXT: LetterContext = {
  letterDate: TODAY,
  school: SCHOOL,
  windows: WINDOWS,
  facts: MESSY.facts,
  fairness: MESSY.fairness,
};

const banCase = () =>
  step(
    caseAt('warning'),
    { ...T.impose, terms: { ...TERMS, terms: [{ kind: 'premisesBan' }, { kind: 'letterOnly' }] } },
    TODAY,
  );
const noticeCase = () => step(caseAt('warning'), T.impose, TODAY, { chairConfirms: false });

const CASES: Record<LetterKind, () => RestrictionCase> = {
  warning: () => caseAt('warning'),
  conditionsPendingReview: () => caseAt('provisional'),
  banPendingReview: banCase,
  confirmation: () => caseAt('active'),
  overturn: () => caseAt('overturned'),
  restrictionNotice: noticeCase,
};

/** A school's own wording that puts the free text straight after "about" and "because". */
const SCHOOL_WORDING: Partial<Record<LetterKind, LetterTemplate>> = {
  warning: {
    subject: 'About {{behaviour}}',
    body: 'Dear {{personName}}\n\nI am writing to you about {{behaviour}}. I have had a report from {{reportedBy}} about it. It is not acceptable because {{whyUnacceptable}}. So far: {{stepsTaken}} {{whatFollows}}\n\nThis is under our {{policyTitle}} and about {{incidentWhen}}.\n\n{{adjustments?}}',
  },
  restrictionNotice: {
    subject: 'Restrictions on your contact with {{schoolName}}',
    body: `${DEFAULT_TEMPLATES.restrictionNotice.body}\n\nI made this decision because {{decisionReasons}}.\n\nI am writing about {{effectOnStaffAndPupils}}.`,
  },
};

function write(kind: LetterKind, template?: LetterTemplate): Letter {
  const result = letterFor(kind, messyCase(CASES[kind]()), {
    ...CONTEXT,
    ...(template ? { template } : {}),
  });
  if (!result.ok) throw new Error(`${kind}: ${result.problems.join(' ')}`);
  return result.letter;
}

const ALLOWED_CAPITALS = new Set(['I', ...nameWords([SCHOOL.name, "Mary O'Brien"])]);

/** What a head teacher would have to correct: each found problem, quoted. */
function grammarProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/\.\s*\.|[,;:]\s*\.|\?\.|!\./g))
    problems.push(`doubled stop "${m[0]}"`);
  for (const m of text.matchAll(/\b(about|because)\s+([A-Z][\p{L}]*)/gu))
    if (!ALLOWED_CAPITALS.has(m[2]!) && !ALLOWED_CAPITALS.has(m[2]!.toLowerCase()))
      problems.push(`capital after "${m[1]}": "${m[0]}"`);
  for (const m of text.matchAll(/\b([\p{L}]+)[ \t]+\1\b/giu))
    problems.push(`doubled word "${m[0]}"`);
  for (const m of text.matchAll(/\b(\p{L}+ \p{L}+)[ \t,]+\1\b/giu))
    problems.push(`doubled phrase "${m[0]}"`);
  if (/\{\{|\}\}|\{|\}/.test(text)) problems.push('a placeholder left over');
  const seen = new Set<string>();
  for (const s of text.split(/(?<=[.!?])\s+/)) {
    const key = s.trim().toLowerCase();
    if (key.split(/\s+/).length >= 4 && seen.has(key)) problems.push(`repeated sentence "${s}"`);
    seen.add(key);
  }
  if (/ [.,;:]/.test(text)) problems.push('a space before punctuation');
  return problems;
}

describe('every letter kind, with text as reviewers type it, reads as correct English', () => {
  it('the checker itself finds each fault it is for', () => {
    expect(grammarProblems('about The tone of recent emails..')).toEqual([
      'doubled stop ".."',
      'capital after "about": "about The"',
    ]);
    expect(grammarProblems('because It is. It was the the one.')).toEqual([
      'capital after "because": "because It"',
      'doubled word "the the"',
    ]);
    expect(grammarProblems('sent to the chair the chair. {{x}}')).toEqual([
      'doubled phrase "the chair the chair"',
      'a placeholder left over',
    ]);
    expect(grammarProblems('We met you on Monday. We met you on Monday.')).toEqual([
      'repeated sentence "We met you on Monday."',
    ]);
    expect(grammarProblems('about Mary O’Brien and I. Yours sincerely')).toEqual([]);
  });

  it.each([...LETTER_KINDS])('%s: the default template', (kind) => {
    const letter = write(kind);
    expect(grammarProblems(letter.subject)).toEqual([]);
    expect(grammarProblems(letter.bodyText)).toEqual([]);
  });

  it.each(Object.keys(SCHOOL_WORDING) as LetterKind[])(
    '%s: a school’s own wording with "about {{…}}" and "because {{…}}"',
    (kind) => {
      const letter = write(kind, SCHOOL_WORDING[kind]);
      expect(grammarProblems(letter.subject)).toEqual([]);
      expect(grammarProblems(letter.bodyText)).toEqual([]);
    },
  );

  it('the warning says each thing once, in the sentence it belongs to', () => {
    const text = write('warning').bodyText;
    expect(text).toContain(
      ': shouting at the office staff; swearing at a teacher; threats to post on Facebook.',
    );
    expect(text).toContain('This is not acceptable because it is intimidating to staff.');
    expect(text).toContain(
      'What the school has done so far: The head teacher met you on 2 February.',
    );
    expect(text).toContain(
      'We will make these adjustments for you: large print; a copy read to you by phone.',
    );
    expect(text).toContain(
      'also being sent to the Citizens Advice caseworker, Sam Patel, who acts',
    );
    const own = write('warning', SCHOOL_WORDING.warning);
    expect(own.subject).toBe(
      'About shouting at the office staff; swearing at a teacher; threats to post on Facebook',
    );
    expect(own.bodyText).toContain('I am writing to you about shouting at the office staff;');
    expect(own.bodyText).toContain('a report from Mrs Jones, the office manager about it.');
    expect(own.bodyText).toContain('It is not acceptable because it is intimidating to staff.');
  });

  it('the reasons typed again as the effect on staff are said once; the rest of the effect stays', () => {
    const text = write('restrictionNotice').bodyText;
    expect(text.split('You sent 40 emails to teachers in two weeks.')).toHaveLength(2);
    expect(text).toContain('Two staff were upset.');
    const own = write('restrictionNotice', SCHOOL_WORDING.restrictionNotice).bodyText;
    expect(own).toContain(
      'I made this decision because you sent 40 emails to teachers in two weeks.',
    );
  });
});
