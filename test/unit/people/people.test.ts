// Who a person in the review is (src/policy/people): one key per person, whichever list names them,
// keyed as the sender check keys a sender (DOMAIN.md "Matching a sender": whole address,
// case-insensitive), so that the reviewer's list, a chronology and a new case agree on who it is.
import {
  hintEventOf,
  nameKey,
  PeopleIndex,
  personFromKey,
  personKeyOf,
  reviewOverdue,
  senderActivities,
  stageOf,
  type PersonEvent,
  type StaffListEntry,
} from '../../../src/policy/people';
import { newCase, type RestrictionCase } from '../../../src/policy/lifecycle';

const TODAY = '2026-03-30';

function event(init: Partial<PersonEvent> = {}): PersonEvent {
  return {
    occurredAt: '2026-03-20T09:00:00Z',
    summary: 'Class move',
    behaviours: ['Tone'],
    feelings: [],
    threat: false,
    ...init,
  };
}

function caseFor(name: string, emails: string[], init: Partial<RestrictionCase> = {}) {
  return { ...newCase({ name, emails }), ...init };
}

function staffItem(init: Partial<StaffListEntry> & { itemId: string }): StaffListEntry {
  return { name: 'Mark Denton', emails: ['mark@x.org'], status: 'Active', ...init };
}

describe('a person’s key (DOMAIN.md "Matching a sender")', () => {
  it('is the first address, trimmed and lower-cased: the PersonKey the cases are stored under', () => {
    expect(personKeyOf({ name: 'Mark', emails: ['  Mark.Denton@Example.ORG ', 'b@x.org'] })).toBe(
      'mark.denton@example.org',
    );
    expect(personKeyOf({ name: 'Mark', emails: ['', 'M@X.org'] })).toBe('m@x.org');
  });

  it('is name:<name> for someone known only by name (a phone call, a visit)', () => {
    expect(personKeyOf({ name: '  Janet Moss ', emails: [] })).toBe('name:janet moss');
    expect(personKeyOf({ name: 'Janet Moss', emails: ['', '  '] })).toBe('name:janet moss');
    expect(nameKey('Janet MOSS')).toBe('name:janet moss');
  });

  it('gives back whom a key stands for when nothing else is known', () => {
    expect(personFromKey('name:janet moss')).toEqual({ name: 'janet moss', emails: [] });
    expect(personFromKey('mark@x.org')).toEqual({ name: 'mark@x.org', emails: ['mark@x.org'] });
  });
});

describe('the people index', () => {
  it('lets a case speak for its person: a staff item it names, or with its address, adds no one', () => {
    const people = new PeopleIndex(
      [
        {
          key: 'mark@x.org',
          case: caseFor('Mark Denton', ['Mark@X.org'], { restrictionItemId: '7' }),
        },
      ],
      [
        staffItem({ itemId: '7', emails: ['other@x.org'] }),
        staffItem({ itemId: '8', emails: ['mark@x.org'] }),
        staffItem({ itemId: '9', name: 'Jo Parent', emails: ['jo@x.org'], status: 'Warning' }),
      ],
    );
    expect(people.all().map((p) => p.key)).toEqual(['mark@x.org', 'jo@x.org']);
    expect(people.get('mark@x.org')?.emails).toEqual(['mark@x.org']);
    expect(people.get('jo@x.org')?.restriction).toEqual({ itemId: '9', status: 'Warning' });
  });

  it('keys a staff item with no readable address by its name', () => {
    const people = new PeopleIndex(
      [],
      [staffItem({ itemId: '3', name: 'Karen Pike', emails: [] })],
    );
    expect(people.get('name:karen pike')?.restriction?.itemId).toBe('3');
  });

  it('files an event under the person with its address, else its name, else someone new', () => {
    const people = new PeopleIndex(
      [{ key: 'mark@x.org', case: caseFor('Mark Denton', ['mark@x.org']) }],
      [],
    );
    const filed = people.fileEvents([
      event({ personEmail: 'mark@x.org' }),
      event({ personName: ' mark denton ' }), // a phone call: by name
      event({ personEmail: 'new@x.org', personName: 'New Parent' }),
      event({ personName: 'Phone Only' }),
      event({}), // neither: about no one
    ]);
    expect(filed.get('mark@x.org')).toHaveLength(2);
    expect(filed.get('new@x.org')).toHaveLength(1);
    expect(filed.get('name:phone only')).toHaveLength(1);
    expect([...filed.values()].flat()).toHaveLength(4);
    expect(people.get('new@x.org')).toMatchObject({ name: 'New Parent', emails: ['new@x.org'] });
    expect(people.get('name:phone only')).toMatchObject({ name: 'Phone Only', emails: [] });
  });

  it('joins an address seen on an event to a person without a case, never to a case', () => {
    const people = new PeopleIndex(
      [{ key: 'mark@x.org', case: caseFor('Mark Denton', ['mark@x.org']) }],
      [staffItem({ itemId: '9', name: 'Jo Parent', emails: ['jo@x.org'] })],
    );
    people.fileEvents([
      event({ personEmail: 'mark.work@x.org', personName: 'Mark Denton' }),
      event({ personEmail: 'jo.work@x.org', personName: 'Jo Parent' }),
    ]);
    // A case's addresses are the reviewer's to change.
    expect(people.get('mark@x.org')?.emails).toEqual(['mark@x.org']);
    expect(people.get('jo@x.org')?.emails).toEqual(['jo@x.org', 'jo.work@x.org']);
    expect(people.keyFor({ personEmail: 'jo.work@x.org' })).toBe('jo@x.org');
  });
});

describe('what the hints read of an event', () => {
  it('002 §33: the head-teacher and police answers count wherever they were given', () => {
    const stalking = hintEventOf(
      event({ behaviours: ['Stalking'], headTeacherTold: 'Yes', threat: false }),
    );
    expect(stalking.threat).toEqual({ headTeacherTold: 'Yes' });
    expect(hintEventOf(event({ threat: true })).threat).toEqual({});
    expect(hintEventOf(event()).threat).toBeUndefined();
    expect(hintEventOf(event()).matter).toBe('Class move');
  });
});

describe('a person’s stage and overdue review', () => {
  const inForce = (reviewDate: string): Partial<RestrictionCase> => ({
    stage: 'active',
    restriction: {
      terms: { terms: [] },
      duration: { kind: 'months', months: 3 },
      reviewPlan: { kind: 'atEnd' },
      startDate: '2026-01-05',
      endDate: '2026-04-30',
      reviewDate,
      imposedOn: '2026-01-05',
    } as unknown as RestrictionCase['restriction'],
  });

  it('is the case’s when there is one, else what the staff list says, else none', () => {
    const people = new PeopleIndex(
      [{ key: 'a@x.org', case: caseFor('A', ['a@x.org'], inForce('2026-04-20')) }],
      [
        staffItem({ itemId: '1', name: 'B', emails: ['b@x.org'], status: 'Provisional' }),
        staffItem({ itemId: '2', name: 'C', emails: ['c@x.org'], status: '' }),
      ],
    );
    expect(stageOf(people.get('a@x.org')!, TODAY)).toBe('active');
    expect(stageOf(people.get('b@x.org')!, TODAY)).toBe('provisional');
    expect(stageOf(people.get('c@x.org')!, TODAY)).toBe('none');
  });

  it('DOM-overdue: a restriction in force past its review date is flagged, never silently kept', () => {
    const people = new PeopleIndex(
      [{ key: 'a@x.org', case: caseFor('A', ['a@x.org'], inForce('2026-03-27')) }],
      [
        staffItem({ itemId: '1', name: 'B', emails: ['b@x.org'], reviewDate: '2026-03-29' }),
        staffItem({ itemId: '2', name: 'C', emails: ['c@x.org'], reviewDate: TODAY }),
        staffItem({
          itemId: '3',
          name: 'D',
          emails: ['d@x.org'],
          status: 'Ended',
          reviewDate: '2026-01-01',
        }),
      ],
    );
    const overdue = (key: string) => reviewOverdue(people.get(key)!, TODAY);
    expect(overdue('a@x.org')).toBe(true);
    expect(overdue('b@x.org')).toBe(true);
    expect(overdue('c@x.org')).toBe(false); // due today is not late
    expect(overdue('d@x.org')).toBe(false); // not in force
    const activities = senderActivities(people, new Map(), TODAY);
    expect(activities.find((a) => a.key === 'a@x.org')).toMatchObject({
      stage: 'active',
      events: [],
      reviewOverdue: true,
    });
  });

  it('carries the written warning’s date for the hints (004: a warning first)', () => {
    const warned = caseFor('W', ['w@x.org'], {
      stage: 'warning',
      warning: {
        issuedOn: '2026-02-02',
        behaviour: 'b',
        whyUnacceptable: 'w',
        stepsTaken: 's',
        whatFollows: 'f',
        reviewDate: '2026-08-02',
      },
    } as Partial<RestrictionCase>);
    const people = new PeopleIndex([{ key: 'w@x.org', case: warned }], []);
    expect(senderActivities(people, new Map(), TODAY)[0]).toMatchObject({
      warnedOn: '2026-02-02',
      stage: 'warning',
    });
  });
});
