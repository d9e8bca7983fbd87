// The local service's rule engine as Exchange runs inbox rules on delivery: content conditions
// (bodyOrSubjectContains, subjectContains, bodyContains) as case-insensitive substrings of the
// subject or the body's text (HTML included), every condition ANDed, the strings of one ORed;
// markImportance and assignCategories stamped on the copy in that mailbox; rules in sequence
// order; stopProcessingRules ends the run; a redirected copy does not carry what a rule stamped.
import { GraphTestClient, startClient } from './helpers';

const ROUTING_JOB = 'local-app:contact-guard-routing';
const RECEPTION = 'reception@oakfield.sch.uk';
const RULES = `/users/${RECEPTION}/mailFolders/inbox/messageRules`;
const PARENT = 'parent@example.org';

interface Delivery {
  address: string;
  folder?: string;
  importance?: string;
  categories?: string[];
}

describe('local Graph: inbox rule conditions and marking actions on delivery', () => {
  let client: GraphTestClient;
  beforeAll(async () => {
    client = (await startClient()).as(ROUTING_JOB);
  });
  afterAll(() => client.graph.close());
  afterEach(() => client.graph.reset());

  async function deliver(body: Record<string, unknown>): Promise<Delivery[]> {
    const res = await fetch(`${client.graph.url}/_dev/deliver`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: PARENT, to: RECEPTION, ...body }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { deliveries: Delivery[] }).deliveries;
  }

  async function rule(sequence: number, conditions: unknown, actions: unknown): Promise<void> {
    const res = await client.call('POST', RULES, {
      displayName: `rule ${sequence}`,
      sequence,
      isEnabled: true,
      conditions,
      actions,
    });
    expect(res.status).toBe(201);
  }

  const urgent = {
    fromAddresses: [{ emailAddress: { address: PARENT } }],
    bodyOrSubjectContains: ['not come home', 'A&E'],
  };
  const mark = { markImportance: 'high', assignCategories: ['Possibly urgent'] };

  it('bodyOrSubjectContains: any string, any case, in the subject or the body; From must match too', async () => {
    await rule(1, urgent, mark);
    const inSubject = await deliver({ subject: 'Sam has NOT COME HOME', body: 'Please call' });
    expect(inSubject[0]).toMatchObject({ importance: 'high', categories: ['Possibly urgent'] });
    const inBody = await deliver({ subject: 'Sam', body: 'We are in a&e now' });
    expect(inBody[0]).toMatchObject({ importance: 'high', categories: ['Possibly urgent'] });
    const neither = await deliver({ subject: 'Homework', body: 'It is missing again' });
    expect(neither[0]).toMatchObject({ importance: 'normal', categories: [] });
    // The phrase from someone else: fromAddresses does not hold, so the rule does not run.
    const other = await deliver({ from: 'someone@example.org', subject: 'not come home' });
    expect(other[0]).toMatchObject({ importance: 'normal', categories: [] });
  });

  it("searches an HTML body's text: tags removed and entities decoded", async () => {
    await rule(1, urgent, mark);
    const split = await deliver({
      subject: 'Tonight',
      bodyType: 'html',
      body: '<p>He has <b>not</b> come home</p><p>We are at A&amp;E</p>',
    });
    // "not</b> come" is "not come" once the tags are gone; "A&amp;E" reads "A&E".
    expect(split[0]).toMatchObject({ importance: 'high' });
    const onlyInMarkup = await deliver({
      subject: 'Trip',
      bodyType: 'html',
      body: '<p title="not come home">Thanks for the trip</p>',
    });
    expect(onlyInMarkup[0]).toMatchObject({ importance: 'normal' });
  });

  it('subjectContains and bodyContains look only where they say', async () => {
    await rule(1, { subjectContains: ['court order'] }, { assignCategories: ['Subject'] });
    await rule(2, { bodyContains: ['court order'] }, { assignCategories: ['Body'] });
    const subject = await deliver({ subject: 'Court Order at pick-up', body: 'see above' });
    expect(subject[0]?.categories).toEqual(['Subject']);
    const body = await deliver({ subject: 'Pick-up', body: 'There is a court order' });
    expect(body[0]?.categories).toEqual(['Body']);
  });

  it('runs rules in sequence order, adds categories, and stops at stopProcessingRules', async () => {
    await rule(1, urgent, { ...mark, stopProcessingRules: true });
    await rule(2, { fromAddresses: urgent.fromAddresses }, { assignCategories: ['Filed'] });
    const stopped = await deliver({ subject: 'not come home' });
    expect(stopped[0]?.categories).toEqual(['Possibly urgent']);
    const ordinary = await deliver({ subject: 'Complaint' });
    expect(ordinary[0]?.categories).toEqual(['Filed']);
  });

  it('a condition the engine does not evaluate never matches (the rule is stored, not run)', async () => {
    await rule(1, { fromAddresses: urgent.fromAddresses, hasAttachments: true }, mark);
    const d = await deliver({ subject: 'not come home' });
    expect(d[0]).toMatchObject({ importance: 'normal', categories: [] });
  });

  it('a redirected copy does not carry the importance or categories a rule stamped', async () => {
    await rule(1, urgent, {
      ...mark,
      redirectTo: [{ emailAddress: { address: 'business.manager@oakfield.sch.uk' } }],
      stopProcessingRules: true,
    });
    const d = await deliver({ subject: 'not come home' });
    expect(d).toEqual([
      expect.objectContaining({ address: RECEPTION, folder: 'Inbox', importance: 'high' }),
      expect.objectContaining({
        address: 'business.manager@oakfield.sch.uk',
        folder: 'Inbox',
        importance: 'normal',
        categories: [],
      }),
    ]);
  });
});
