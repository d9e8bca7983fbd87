// The model letters of policy 003 (the warning letter; Model Letter 2, conditions pending review;
// Model Letters 3 and 5, confirming or overturning; Model Letter 4, a ban pending review) and a
// restriction notice with the contents policy 002 §50 and policy 000 §6.4 require, paraphrased.
// Each is a template the school may replace: plain text, paragraphs separated by a blank line,
// `{{name}}` placeholders. `{{name?}}` marks an optional value: when it is empty, the whole
// paragraph that holds it is left out (e.g. the effect on staff when none was written). The right of
// appeal is never left out: {{appealRight}} and {{appealLater}} always say what the person can do.

export const LETTER_KINDS = [
  'warning',
  'conditionsPendingReview',
  'banPendingReview',
  'confirmation',
  'overturn',
  'restrictionNotice',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_LABELS: Record<LetterKind, string> = {
  warning: 'Written warning (policy 002 §48; policy 003 model warning letter)',
  conditionsPendingReview:
    'Conditions on contact, pending review by the chair of governors (policy 003, Model Letter 2)',
  banPendingReview:
    'A ban on contacting or attending the school, pending review (policy 003, Model Letter 4)',
  confirmation: 'The chair of governors confirms the decision (policy 003, Model Letters 3 and 5)',
  overturn: 'The chair of governors overturns the decision (policy 003, Model Letters 3 and 5)',
  restrictionNotice: 'A decision to restrict contact (policy 002 §50; policy 000 §6.4 and §7.1)',
};

/** Every placeholder a template may use, and what fills it. */
export const PLACEHOLDERS = {
  schoolName: "The school's name",
  personName: "The person's name",
  letterDate: "The letter's date",
  headTeacherName: "The head teacher's name",
  chairName: "The chair of governors' name",
  policyTitle: "The school's policy the letter refers to",
  incidentWhen: "The incident's date and time",
  reportedBy: 'The member of staff who reported it',
  effectOnStaffAndPupils: 'Its effect on staff and pupils',
  behaviour: 'The unacceptable behaviour',
  whyUnacceptable: 'Why it is unacceptable',
  stepsTaken: 'The steps the school has taken',
  whatFollows: 'What will follow if it happens again',
  versionOfEventsDeadline: 'The date by which they may send their own account',
  warningDate: 'The date of the written warning',
  decisionReasons: 'What to tell the parent about why',
  decisionDate: "The date of the head teacher's decision",
  terms: 'The terms, one per line',
  duration: 'How long it lasts, e.g. 6 months',
  startDate: 'The first day it applies',
  endDate: 'The last day it applies',
  reviewDate: 'When it will be reviewed',
  reviewCircumstances: 'When it may be reviewed sooner',
  emergencyContact: 'How to make urgent or statutory contact',
  spocName: 'The single point of contact',
  representationsDeadline: 'The last day for representations to the chair',
  representationsSentence: 'Whether representations were received',
  appealDeadline: 'The last day to appeal to the clerk to governors',
  appealRight: 'The right of appeal, or the route where the policy has none',
  appealLater: 'How the right of appeal will come after a provisional decision',
  progressMeeting: "The parent's one meeting a year about their child's progress",
  statutoryExceptions: 'What the law keeps open under a ban',
  advocacy: 'The representative who gets a copy, or the offer of an advocate',
  adjustments: 'The reasonable adjustments made for the person',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** What each letter must contain (policy 002 §48 for a warning, §50 for a restriction). */
export const REQUIRED_PLACEHOLDERS: Record<LetterKind, readonly Placeholder[]> = {
  warning: [
    'personName',
    'incidentWhen',
    'behaviour',
    'whyUnacceptable',
    'stepsTaken',
    'whatFollows',
    'policyTitle',
  ],
  conditionsPendingReview: [
    'personName',
    'decisionReasons',
    'terms',
    'duration',
    'endDate',
    'reviewDate',
    'emergencyContact',
    'representationsDeadline',
    'appealLater',
  ],
  banPendingReview: [
    'personName',
    'decisionReasons',
    'terms',
    'duration',
    'endDate',
    'reviewDate',
    'emergencyContact',
    'representationsDeadline',
    'appealLater',
  ],
  confirmation: ['personName', 'terms', 'endDate', 'reviewDate', 'emergencyContact', 'appealRight'],
  overturn: ['personName', 'decisionDate'],
  restrictionNotice: [
    'personName',
    'decisionReasons',
    'terms',
    'duration',
    'endDate',
    'reviewDate',
    'reviewCircumstances',
    'emergencyContact',
    'appealRight',
  ],
};

/**
 * Said whenever the case has a value for it, whatever the template: a school's own template that
 * leaves one out is refused rather than silently dropping a right (003 Model Letters 4 and 5;
 * 002 §61; 000 §1.1, 002 §68).
 */
export const SAID_WHEN_KNOWN: readonly Placeholder[] = [
  'progressMeeting',
  'statutoryExceptions',
  'adjustments',
];

export interface LetterTemplate {
  subject: string;
  body: string;
}

const SIGN_OFF_HEAD = 'Yours sincerely\n{{headTeacherName}}\nHead teacher';
const SIGN_OFF_CHAIR = 'Yours sincerely\n{{chairName}}\nChair of governors';
const EMERGENCY = '{{emergencyContact}}';
const REVIEWED =
  'These arrangements last {{duration}}, from {{startDate}} to {{endDate}}. They will be reviewed by {{reviewDate}}, and may be reviewed sooner {{reviewCircumstances}}.';
const REPORT =
  'I have received a report from {{reportedBy?}} about your conduct on {{incidentWhen?}}.';
const EFFECT = '{{effectOnStaffAndPupils?}}';
const FURTHER =
  'If the unacceptable behaviour continues, further restrictions may be put in place.';
const HOW_REVIEWED =
  'If the chair of governors confirms my decision, you will be told how it will be reviewed by the governing board.';

export const DEFAULT_TEMPLATES: Record<LetterKind, LetterTemplate> = {
  warning: {
    subject: 'Your contact with {{schoolName}}',
    body: [
      'Dear {{personName}}',
      'I am writing to you about your conduct on {{incidentWhen}}: {{behaviour}}.',
      EFFECT,
      'This is not acceptable because {{whyUnacceptable}}. The school will not tolerate conduct of this kind and will act to protect its staff, its pupils and everyone in the school community.',
      'What the school has done so far: {{stepsTaken}}',
      '{{whatFollows}}',
      'This letter is written under the school’s {{policyTitle}}, a copy of which is enclosed.',
      'If you wish, you may write to me with your own account of what happened by {{versionOfEventsDeadline?}}.',
      '{{adjustments?}}',
      '{{advocacy}}',
      "If you have a concern about the school that led to this, please raise it through the school's complaints policy, which is on the school's website.",
      SIGN_OFF_HEAD,
    ].join('\n\n'),
  },
  conditionsPendingReview: {
    subject: 'Conditions on your contact with {{schoolName}}',
    body: [
      'Dear {{personName}}',
      REPORT,
      'I am writing to you about your conduct. {{decisionReasons}}',
      EFFECT,
      'I wrote to you on {{warningDate?}} to warn you what would follow if this behaviour continued.',
      'The governors will not accept conduct of this kind and will act to protect staff and pupils. I am therefore putting the following conditions on your contact with the school:',
      '{{terms}}',
      REVIEWED,
      EMERGENCY,
      'These conditions are provisional until the chair of governors has reviewed them. Please treat them as in force until you hear from the chair. The chair will decide whether to confirm or overturn my decision.',
      'You may send the chair of governors, in writing, any comments of your own by {{representationsDeadline}}. You may challenge or explain the facts, express regret, or give assurances about your future conduct. The chair will then write to you with their decision.',
      HOW_REVIEWED,
      '{{appealLater}}',
      FURTHER,
      '{{adjustments?}}',
      '{{advocacy}}',
      SIGN_OFF_HEAD,
      'Copy: the chair of governors',
    ].join('\n\n'),
  },
  banPendingReview: {
    subject: 'A ban on contacting or attending {{schoolName}}',
    body: [
      'Dear {{personName}}',
      REPORT,
      'I am writing to you about your conduct. {{decisionReasons}}',
      EFFECT,
      'I wrote to you on {{warningDate?}} to warn you of the consequences of any further behaviour of this kind.',
      'The governors will not accept conduct of this kind on the school premises and will act to protect staff and pupils. I am therefore imposing a ban on you attending or contacting the school, as follows:',
      '{{terms}}',
      '{{progressMeeting?}}',
      '{{statutoryExceptions?}}',
      REVIEWED,
      EMERGENCY,
      'The ban is provisional until the chair of governors has reviewed it. Please treat it as in force until you hear from the chair, who will decide whether to confirm or overturn it.',
      'You may send the chair of governors, in writing, any comments of your own by {{representationsDeadline}}. You may challenge or explain the facts, express regret, or give assurances about your future conduct.',
      HOW_REVIEWED,
      '{{appealLater}}',
      FURTHER,
      '{{adjustments?}}',
      '{{advocacy}}',
      SIGN_OFF_HEAD,
      'Copy: the chair of governors',
    ].join('\n\n'),
  },
  confirmation: {
    subject: 'The review of the restrictions on your contact with {{schoolName}}',
    body: [
      'Dear {{personName}}',
      'The head teacher wrote to you on {{decisionDate?}} about your conduct and the restrictions placed on your contact with the school.',
      '{{representationsSentence}} Having considered the head teacher’s report, I have decided that the decision should be confirmed. The restrictions are:',
      '{{terms}}',
      '{{progressMeeting?}}',
      '{{statutoryExceptions?}}',
      'They apply until {{endDate}} and will be reviewed by the governing board by {{reviewDate}}. The clerk to the governors will write to you before then to ask for a written statement from you.',
      'When the governors decide whether the restrictions need to continue, they will consider how far you have kept to them, any expressions of regret and assurances of future good conduct from you, and any other ways in which you have co-operated with the school.',
      '{{appealRight}}',
      EMERGENCY,
      FURTHER,
      '{{adjustments?}}',
      SIGN_OFF_CHAIR,
      'Copy: the head teacher',
    ].join('\n\n'),
  },
  overturn: {
    subject: 'The review of the restrictions on your contact with {{schoolName}}',
    body: [
      'Dear {{personName}}',
      'The head teacher wrote to you on {{decisionDate}} about your conduct and the restrictions placed on your contact with the school.',
      '{{representationsSentence}} Having considered the head teacher’s report, I have decided that the decision should be overturned. The restrictions no longer apply, and you may contact the school and attend school events as usual.',
      'If there is any repeat of unacceptable behaviour towards staff, the school may apply its policy again.',
      '{{adjustments?}}',
      SIGN_OFF_CHAIR,
      'Copy: the head teacher',
    ].join('\n\n'),
  },
  restrictionNotice: {
    subject: 'Restrictions on your contact with {{schoolName}}',
    body: [
      'Dear {{personName}}',
      'I am writing to tell you that I have decided to restrict the ways in which you may contact the school.',
      REPORT,
      'Why I have taken this decision: {{decisionReasons}}',
      EFFECT,
      'I wrote to you on {{warningDate?}} to warn you what would follow if this behaviour continued.',
      'From {{startDate}}:',
      '{{terms}}',
      '{{progressMeeting?}}',
      '{{statutoryExceptions?}}',
      REVIEWED,
      EMERGENCY,
      FURTHER,
      '{{appealRight}}',
      'A copy of the school’s {{policyTitle?}} is enclosed.',
      '{{adjustments?}}',
      '{{advocacy}}',
      SIGN_OFF_HEAD,
    ].join('\n\n'),
  },
};
