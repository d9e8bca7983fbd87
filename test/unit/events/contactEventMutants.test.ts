// The Record of Evidence (policy 004) as a head teacher reads it: what a saved contact event holds,
// word for word, and which entries the form refuses with which message. Complements
// contactEvent.test.ts (issue 14: rules the mutation run showed no test would notice).
import {
  EVENT_LIMITS,
  emptyDraft,
  eventListFields,
  looksLikeMarkup,
  validateEventDraft,
  type ContactEvent,
  type ContactEventDraft,
} from '../../../src/policy/events';
import { good } from './fixtures';

const now = new Date('2025-03-03T12:00:00Z');
const ctx = {
  now,
  key: 'k-7',
  recorder: { name: 'Sarah Whitfield', email: 'Reception@oakfield.sch.uk' },
};

function problemsOf(d: ContactEventDraft, c = ctx) {
  const r = validateEventDraft(d, c);
  return r.ok ? [] : r.problems;
}

function eventOf(d: ContactEventDraft): ContactEvent {
  const r = validateEventDraft(d, ctx);
  if (!r.ok) throw new Error(`invalid: ${JSON.stringify(r.problems)}`);
  return r.event;
}

function tooLong(label: string, max: number): string {
  return `${label} is too long: ${max + 1} characters, the most is ${max}. Shorten it; nothing is cut off for you.`;
}

describe('looksLikeMarkup: text that looks like HTML or script is recognised (kept as text)', () => {
  it.each([
    ['<b>'],
    ['<br/>'],
    ['<script>alert(1)</script>'],
    ['< /b>'],
    ['</ b>'],
    ['<!-- note -->'],
    ['javascript:alert(1)'],
    ['&amp;'],
    ['&#39;'],
  ])('%s looks like markup', (text) => {
    expect(looksLikeMarkup(text)).toBe(true);
  });

  it.each([['Meeting at 3 < 4 pm'], ['Fees & charges; see letter'], ['Arrived at 3:15 <- late']])(
    '%s is ordinary text',
    (text) => {
      expect(looksLikeMarkup(text)).toBe(false);
    },
  );
});

test('a new form is empty: nothing is pre-filled or pre-ticked', () => {
  expect(emptyDraft()).toStrictEqual({
    occurredAt: '',
    channel: '',
    summary: '',
    details: '',
    person: {},
    behaviours: [],
    behaviourOther: '',
    feelings: [],
    feelingOther: '',
    policyAspects: [],
    staffInvolved: '',
    headTeacherTold: '',
    policeInformed: '',
  });
  expect(emptyDraft({ summary: 'Call at the gate' }).summary).toBe('Call at the gate');
});

describe('when it happened', () => {
  it('a missing or blank time is asked for; one that is not a time is named as such', () => {
    const say = [{ field: 'occurredAt', message: 'Say when it happened.' }];
    expect(problemsOf(good({ occurredAt: '' }))).toEqual(say);
    expect(problemsOf(good({ occurredAt: '   ' }))).toEqual(say);
    expect(problemsOf(good({ occurredAt: 'yesterday' }))).toEqual([
      { field: 'occurredAt', message: 'When it happened is not a date and time.' },
    ]);
  });

  it('exactly one minute ahead of this device is still clock skew, and is recorded', () => {
    expect(eventOf(good({ occurredAt: '2025-03-03T12:01:00Z' })).occurredAt).toBe(
      '2025-03-03T12:01:00.000Z',
    );
    expect(problemsOf(good({ occurredAt: '2025-03-03T12:01:00.001Z' }))).toEqual([
      { field: 'occurredAt', message: 'When it happened cannot be in the future.' },
    ]);
  });
});

describe('text is trimmed at the ends only, and too-long text is refused with its label', () => {
  it('the summary, details, person, other texts and staff involved are recorded trimmed', () => {
    const e = eventOf(
      good({
        summary: '  Shouted at reception  ',
        details: '\n Demanded a meeting today. \n',
        person: { name: '  Mark Denton ', email: '  Mark.Denton1978@gmail.com  ' },
        behaviours: ['Tone', 'Other'],
        behaviourOther: '  Filmed staff on his phone ',
        feelings: ['Other'],
        feelingOther: ' Shaken ',
        staffInvolved: '  Mrs Patel, Mr Jones ',
      }),
    );
    expect(e).toMatchObject({
      summary: 'Shouted at reception',
      details: 'Demanded a meeting today.',
      person: { name: 'Mark Denton', email: 'mark.denton1978@gmail.com' },
      behaviourOther: 'Filmed staff on his phone',
      feelingOther: 'Shaken',
      staffInvolved: 'Mrs Patel, Mr Jones',
    });
  });

  it('blank text counts as missing: summary, person, "Other" texts and the recorder', () => {
    expect(problemsOf(good({ summary: '   ' }))).toEqual([
      { field: 'summary', message: 'Write a short summary of what happened.' },
    ]);
    expect(problemsOf(good({ person: { name: '  ', email: ' ' } }))).toEqual([
      {
        field: 'person',
        message: 'Say who made the contact: pick a person, or type a name or an email address.',
      },
    ]);
    expect(problemsOf(good({ behaviours: ['Other'], behaviourOther: '   ' }))).toEqual([
      { field: 'behaviourOther', message: 'You ticked "Other" behaviour: say what it was.' },
    ]);
    expect(problemsOf(good({ feelings: ['Other'], feelingOther: '  ' }))).toEqual([
      {
        field: 'feelingOther',
        message: 'You ticked "Other" for how it made you feel: say how, or untick it.',
      },
    ]);
    const signedOut = { ...ctx, recorder: { name: 'Sarah Whitfield', email: '   ' } };
    expect(problemsOf(good(), signedOut)).toEqual([
      {
        field: 'recordedBy',
        message: 'You are not signed in, so the event cannot say who recorded it.',
      },
    ]);
  });

  it('each text one character over its column limit is refused, naming the field and the limit', () => {
    const over = (n: number) => 'x'.repeat(n + 1);
    expect(problemsOf(good({ summary: over(EVENT_LIMITS.summary) }))).toEqual([
      { field: 'summary', message: tooLong('The summary', 255) },
    ]);
    expect(problemsOf(good({ details: over(EVENT_LIMITS.details) }))).toEqual([
      { field: 'details', message: tooLong('The details', 4000) },
    ]);
    expect(problemsOf(good({ person: { name: over(EVENT_LIMITS.personName) } }))).toEqual([
      { field: 'person', message: tooLong("The person's name", 255) },
    ]);
    expect(
      problemsOf(
        good({ behaviours: ['Other'], behaviourOther: over(EVENT_LIMITS.behaviourOther) }),
      ),
    ).toEqual([{ field: 'behaviourOther', message: tooLong('The other behaviour', 255) }]);
    expect(
      problemsOf(good({ feelings: ['Other'], feelingOther: over(EVENT_LIMITS.feelingOther) })),
    ).toEqual([{ field: 'feelingOther', message: tooLong('The other feeling', 255) }]);
    expect(problemsOf(good({ staffInvolved: over(EVENT_LIMITS.staffInvolved) }))).toEqual([
      { field: 'staffInvolved', message: tooLong('Staff involved', 1000) },
    ]);
    const longAddress =
      'a'.repeat(EVENT_LIMITS.personEmail + 1 - '@example.org'.length) + '@example.org';
    expect(problemsOf(good({ person: { email: longAddress } }))).toContainEqual({
      field: 'person',
      message: tooLong("The person's email address", 255),
    });
  });

  it('a typed email address that is not an address is refused with an example of one', () => {
    expect(problemsOf(good({ person: { name: 'Mark', email: 'mark at gmail' } }))).toEqual([
      {
        field: 'person',
        message: "The person's email address does not look like an address (name@example.org).",
      },
    ]);
  });
});

describe('what the event records, and what it leaves out', () => {
  it('"Other" behaviour with its text is accepted and recorded; untidy extras are not recorded', () => {
    const e = eventOf(good({ behaviours: ['Other'], behaviourOther: 'Filmed staff' }));
    expect(e.behaviours).toEqual(['Other']);
    expect(e.behaviourOther).toBe('Filmed staff');
    // Text typed in the "Other" boxes without ticking "Other" is not evidence of anything.
    const unticked = eventOf(good({ behaviourOther: 'stray text', feelingOther: 'stray text' }));
    expect(unticked).not.toHaveProperty('behaviourOther');
    expect(unticked).not.toHaveProperty('feelingOther');
  });

  it('a person known by email only, or by name only, has only that recorded', () => {
    expect(eventOf(good({ person: { email: 'Parent@Example.org' } })).person).toStrictEqual({
      email: 'parent@example.org',
    });
    expect(eventOf(good({ person: { name: 'Gate parent' } })).person).toStrictEqual({
      name: 'Gate parent',
    });
  });

  it("004 harassment criteria: only the ticked ones are recorded, in the form's order", () => {
    expect(eventOf(good()).policyAspects).toEqual([]);
    expect(
      eventOf(good({ policyAspects: ['OngoingDistress', 'TargetedOverTime'] })).policyAspects,
    ).toEqual(['TargetedOverTime', 'OngoingDistress']);
  });

  it('a phone call with no details, staff or email records none of them, and lists only what it has', () => {
    const e = eventOf(
      good({ channel: 'Phone', evidence: undefined, details: '  ', staffInvolved: ' ' }),
    );
    expect(e).not.toHaveProperty('details');
    expect(e).not.toHaveProperty('staffInvolved');
    expect(e).not.toHaveProperty('evidence');
    const fields = eventListFields(e);
    expect(Object.keys(fields).sort()).toEqual(
      [
        'Behaviours',
        'Channel',
        'EventKey',
        'Feelings',
        'OccurredAt',
        'PersonEmail',
        'PersonName',
        'PolicyAspects',
        'RecordedByEmail',
        'RecordedByName',
        'ThreatOfViolence',
        'Title',
      ].sort(),
    );
  });

  it('every recorded text reaches its list column (docs/contact-events.md)', () => {
    const e = eventOf(
      good({
        details: 'Demanded a meeting today.',
        behaviours: ['Threatening', 'Other'],
        behaviourOther: 'Filmed staff',
        feelings: ['Intimidated', 'Other'],
        feelingOther: 'Shaken',
        policyAspects: ['TargetedOverTime', 'OngoingDistress'],
        staffInvolved: 'Mrs Patel',
        headTeacherTold: 'Yes',
        policeInformed: 'No',
        evidence: {
          mailbox: 'office@oakfield.sch.uk',
          messageId: 'AAMk2',
          internetMessageId: '<m@x>',
          webLink: 'https://outlook/m',
          attachCopy: true,
        },
      }),
    );
    expect(e.evidence).toStrictEqual({
      mailbox: 'office@oakfield.sch.uk',
      messageId: 'AAMk2',
      internetMessageId: '<m@x>',
      webLink: 'https://outlook/m',
      attachCopy: true,
    });
    expect(eventListFields(e)).toStrictEqual({
      Title: 'Demanding email about the trip',
      EventKey: 'k-7',
      OccurredAt: '2025-03-03T09:30:00.000Z',
      Channel: 'Email',
      Behaviours: 'Threatening\nOther',
      Feelings: 'Intimidated\nOther',
      PolicyAspects: 'TargetedOverTime\nOngoingDistress',
      RecordedByName: 'Sarah Whitfield',
      RecordedByEmail: 'reception@oakfield.sch.uk',
      ThreatOfViolence: true,
      PersonName: 'Mark Denton',
      PersonEmail: 'mark.denton1978@gmail.com',
      Details: 'Demanded a meeting today.',
      BehaviourOther: 'Filmed staff',
      FeelingOther: 'Shaken',
      StaffInvolved: 'Mrs Patel',
      HeadTeacherTold: 'Yes',
      PoliceInformed: 'No',
      InternetMessageId: '<m@x>',
      MessageLink: 'https://outlook/m',
      Mailbox: 'office@oakfield.sch.uk',
    });
  });

  it('an email whose message id and link Outlook left empty lists no empty columns', () => {
    const e = eventOf(
      good({
        evidence: { messageId: 'AAMk3', internetMessageId: '', webLink: '', attachCopy: false },
      }),
    );
    const fields = eventListFields(e);
    expect(fields).not.toHaveProperty('InternetMessageId');
    expect(fields).not.toHaveProperty('MessageLink');
    expect(fields).not.toHaveProperty('Mailbox');
  });
});

test('002 §33, §41: with a threat, the head teacher and police questions are each asked by name', () => {
  expect(problemsOf(good({ behaviours: ['Physicality'], policeInformed: 'Yes' }))).toEqual([
    { field: 'headTeacherTold', message: 'Say whether the head teacher has been told.' },
  ]);
  expect(problemsOf(good({ behaviours: ['Physicality'], headTeacherTold: 'Yes' }))).toEqual([
    { field: 'policeInformed', message: 'Say whether the police have been informed.' },
  ]);
});
