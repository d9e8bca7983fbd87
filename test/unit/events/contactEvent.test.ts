import {
  BEHAVIOUR_LABELS,
  BEHAVIOURS,
  EVENT_LIMITS,
  FEELINGS_NOTE,
  THREAT_NOTICE,
  emptyDraft,
  isThreatOfViolence,
  eventListFields,
  involvesThreat,
  looksLikeMarkup,
  validateEventDraft,
  type ContactEventDraft,
} from '../../../src/policy/events';
import { good } from './fixtures';

const now = new Date('2025-03-03T12:00:00Z');
const ctx = {
  now,
  key: 'k-1',
  recorder: { name: 'Sarah Whitfield', email: 'Reception@oakfield.sch.uk' },
};

function problemsOf(d: ContactEventDraft) {
  const r = validateEventDraft(d, ctx);
  return r.ok ? [] : r.problems;
}

test('a complete draft becomes an event with the recorder from the signed-in user', () => {
  const r = validateEventDraft(good(), ctx);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.event).toMatchObject({
    key: 'k-1',
    channel: 'Email',
    occurredAt: '2025-03-03T09:30:00.000Z',
    person: { name: 'Mark Denton', email: 'mark.denton1978@gmail.com' },
    recordedBy: { name: 'Sarah Whitfield', email: 'reception@oakfield.sch.uk' },
    recordedAt: now.toISOString(),
    feelings: [],
  });
  expect(r.event.threat).toBeUndefined();
});

test('required fields are named in plain words', () => {
  const problems = problemsOf(emptyDraft());
  expect(problems.map((p) => p.field).sort()).toEqual(
    ['behaviours', 'channel', 'occurredAt', 'person', 'summary'].sort(),
  );
  for (const p of problems) expect(p.message).toMatch(/^[A-Z][^{}<>]+[.)]$/);
});

test('a date in the future is refused; a minute of clock skew is not', () => {
  expect(problemsOf(good({ occurredAt: '2025-03-04T09:00:00Z' }))).toEqual([
    { field: 'occurredAt', message: 'When it happened cannot be in the future.' },
  ]);
  expect(problemsOf(good({ occurredAt: '2025-03-03T12:00:30Z' }))).toEqual([]);
  expect(problemsOf(good({ occurredAt: 'yesterday' }))[0]?.field).toBe('occurredAt');
});

test('back-dating is allowed', () => {
  expect(problemsOf(good({ occurredAt: '2024-11-20T16:00:00Z' }))).toEqual([]);
});

test('text at the column limit is kept; one character over is refused, never cut', () => {
  const max = 'x'.repeat(EVENT_LIMITS.summary);
  const r = validateEventDraft(good({ summary: max }), ctx);
  expect(r.ok && r.event.summary).toBe(max);
  const over = problemsOf(good({ summary: max + 'y' }));
  expect(over).toHaveLength(1);
  expect(over[0]).toMatchObject({ field: 'summary' });
  expect(over[0]!.message).toContain('256 characters, the most is 255');
  expect(problemsOf(good({ details: 'd'.repeat(EVENT_LIMITS.details + 1) }))[0]?.field).toBe(
    'details',
  );
  expect(
    problemsOf(good({ staffInvolved: 's'.repeat(EVENT_LIMITS.staffInvolved + 1) }))[0]?.field,
  ).toBe('staffInvolved');
});

test('HTML or script is kept exactly, as text', () => {
  const summary = '<script>alert("x")</script> <b>bold</b> &amp;';
  const r = validateEventDraft(good({ summary, details: '<img src=x onerror=alert(1)>' }), ctx);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.event.summary).toBe(summary);
  expect(eventListFields(r.event).Title).toBe(summary);
  expect(looksLikeMarkup(summary)).toBe(true);
  expect(looksLikeMarkup('Meeting at 3 < 4 pm')).toBe(false);
});

test('"Other" needs its text, for behaviour and for feeling', () => {
  expect(problemsOf(good({ behaviours: ['Other'] })).map((p) => p.field)).toEqual([
    'behaviourOther',
  ]);
  expect(problemsOf(good({ feelings: ['Other'] })).map((p) => p.field)).toEqual(['feelingOther']);
  const r = validateEventDraft(good({ feelings: ['Other'], feelingOther: 'Anxious' }), ctx);
  expect(r.ok && r.event.feelingOther).toBe('Anxious');
});

test('feelings and policy aspects are optional', () => {
  const r = validateEventDraft(good({ feelings: [], policyAspects: [] }), ctx);
  expect(r.ok).toBe(true);
});

test('a threat or physicality asks whether the head teacher and police were told, and records it', () => {
  expect(involvesThreat({ behaviours: ['Threatening'] })).toBe(true);
  expect(involvesThreat({ behaviours: ['Physicality'] })).toBe(true);
  expect(involvesThreat(good({ behaviours: ['Tone'], feelings: ['Bullied'] }))).toBe(false);
  expect(problemsOf(good({ behaviours: ['Physicality'] })).map((p) => p.field)).toEqual([
    'headTeacherTold',
    'policeInformed',
  ]);
  const r = validateEventDraft(
    good({ behaviours: ['Threatening'], headTeacherTold: 'Yes', policeInformed: 'No' }),
    ctx,
  );
  expect(r.ok && r.event.threat).toEqual({ headTeacherTold: 'Yes', policeInformed: 'No' });
  if (r.ok) {
    expect(eventListFields(r.event)).toMatchObject({
      ThreatOfViolence: true,
      HeadTeacherTold: 'Yes',
      PoliceInformed: 'No',
    });
  }
});

test('a contact not by email: a typed name is enough; a typed address must be an address', () => {
  const phone = good({ channel: 'Phone', evidence: undefined, person: { name: 'Gate parent' } });
  expect(problemsOf(phone)).toEqual([]);
  expect(problemsOf(good({ person: { email: 'not an address' } })).map((p) => p.field)).toEqual([
    'person',
  ]);
});

test('no recorder (signed out) is refused', () => {
  const r = validateEventDraft(good(), { ...ctx, recorder: { name: '', email: '' } });
  expect(r.ok).toBe(false);
});

test('list fields carry the evidence link and id, never a body', () => {
  const r = validateEventDraft(good(), ctx);
  if (!r.ok) throw new Error('invalid');
  const fields = eventListFields(r.event);
  expect(fields).toMatchObject({
    Title: 'Demanding email about the trip',
    EventKey: 'k-1',
    Channel: 'Email',
    Behaviours: 'UnreasonableDemands\nTone',
    InternetMessageId: '<a@b>',
    MessageLink: 'https://x/y',
    RecordedByEmail: 'reception@oakfield.sch.uk',
    ThreatOfViolence: false,
  });
  expect(Object.keys(fields).some((k) => /body/i.test(k))).toBe(false);
});

describe('issue 14 item 6: records', () => {
  test('002 §33: stalking is recordable as behaviour and, like violence, always reported: the head teacher and police answers are asked', () => {
    expect(involvesThreat({ behaviours: ['Stalking'] })).toBe(true);
    expect(problemsOf(good({ behaviours: ['Stalking'] })).map((p) => p.field)).toEqual([
      'headTeacherTold',
      'policeInformed',
    ]);
    const r = validateEventDraft(
      good({ behaviours: ['Stalking'], headTeacherTold: 'Yes', policeInformed: 'No' }),
      ctx,
    );
    if (!r.ok) throw new Error('invalid');
    expect(r.event.behaviours).toEqual(['Stalking']);
    expect(r.event.threat).toEqual({ headTeacherTold: 'Yes', policeInformed: 'No' });
    // Stored as the code, with the answers; stalking alone is not a threat of violence.
    expect(eventListFields(r.event)).toMatchObject({
      Behaviours: 'Stalking',
      ThreatOfViolence: false,
      HeadTeacherTold: 'Yes',
      PoliceInformed: 'No',
    });
  });

  test('002 §39 vs §33: a member of staff who felt threatened has not recorded a threat', () => {
    expect(involvesThreat({ behaviours: ['Tone'] })).toBe(false);
    const draft = good({ behaviours: ['Tone'], feelings: ['Threatened', 'Intimidated'] });
    expect(problemsOf(draft)).toEqual([]);
    const r = validateEventDraft(draft, ctx);
    if (!r.ok) throw new Error('invalid');
    expect(r.event.feelings).toEqual(['Intimidated', 'Threatened']);
    expect(r.event.threat).toBeUndefined();
    const fields = eventListFields(r.event);
    expect(fields).toMatchObject({ Feelings: 'Intimidated\nThreatened', ThreatOfViolence: false });
    expect(fields).not.toHaveProperty('HeadTeacherTold');
    expect(fields).not.toHaveProperty('PoliceInformed');
  });

  test('000 §2.3, 002 §33: a threat made is still recorded as a threat, whatever was felt', () => {
    const r = validateEventDraft(
      good({
        behaviours: ['Threatening'],
        feelings: ['Threatened'],
        headTeacherTold: 'No',
        policeInformed: 'No',
      }),
      ctx,
    );
    if (!r.ok) throw new Error('invalid');
    expect(eventListFields(r.event)).toMatchObject({ ThreatOfViolence: true });
  });

  test('the vocabulary: stalking has a label, the notices name stalking and the feeling rule', () => {
    expect(BEHAVIOURS).toContain('Stalking');
    expect(BEHAVIOUR_LABELS.Stalking).toMatch(/^Stalking/);
    expect(THREAT_NOTICE).toContain('stalking behaviour is exhibited');
    expect(FEELINGS_NOTE).toContain('does not record a threat');
    expect(isThreatOfViolence(['Stalking'])).toBe(false);
    expect(isThreatOfViolence(['Physicality'])).toBe(true);
    expect(isThreatOfViolence(['Threatening'])).toBe(true);
  });
});

// Issue 13 item 10 (DOMAIN.md "Matching a sender": whole address, any case): an address typed for
// a contact not by email is saved as the address a sender check compares, however it was pasted.
describe('a typed address (contact not by email) is read by readAddressEntry', () => {
  const typed = (email: string, name = '') =>
    good({ channel: 'Phone', evidence: undefined, person: { name, email } });

  it('"Name <address>" from Outlook: the address is saved, the name used when none was typed', () => {
    const r = validateEventDraft(typed('"Denton, Mark" <Mark.Denton1978@gmail.com>'), ctx);
    expect(r.ok && r.event.person).toEqual({
      name: 'Denton, Mark',
      email: 'mark.denton1978@gmail.com',
    });
    const named = validateEventDraft(typed('Mark D <mark@example.org>', 'Mark Denton'), ctx);
    expect(named.ok && named.event.person).toEqual({
      name: 'Mark Denton',
      email: 'mark@example.org',
    });
  });

  it('full-width characters are folded to the address they stand for', () => {
    const r = validateEventDraft(typed('ｍａｒｋ＠ｅｘａｍｐｌｅ．ｏｒｇ', 'Mark'), ctx);
    expect(r.ok && r.event.person.email).toBe('mark@example.org');
  });

  it('a look-alike address is refused beside the email box, with a message saying what to do', () => {
    expect(problemsOf(typed('mark@gm\u0430il.com', 'Mark'))).toEqual([
      { field: 'personEmail', message: expect.stringMatching(/look-alike.*Type it in by hand/) },
    ]);
    expect(problemsOf(typed('mark at gmail', 'Mark'))).toEqual([
      {
        field: 'personEmail',
        message: "The person's email address does not look like an address (name@example.org).",
      },
    ]);
  });

  it('an address used as the display name of another is refused, never saved as the name (issue 13)', () => {
    expect(problemsOf(typed('mark@real.org <evil@x.org>'))).toEqual([
      { field: 'personEmail', message: 'Enter one email address only.' },
    ]);
    expect(problemsOf(typed('a@example.org\nb@example.org', 'Mark'))).toEqual([
      { field: 'personEmail', message: 'Enter one email address only.' },
    ]);
  });

  it("the open email's own sender is kept as the host gave it (a spoofed sender can be logged)", () => {
    const spoof = good({ person: { name: 'Mark', email: 'mark@gm\u0430il.com' } });
    const r = validateEventDraft(spoof, ctx);
    expect(r.ok && r.event.person.email).toBe('mark@gm\u0430il.com');
  });
});
