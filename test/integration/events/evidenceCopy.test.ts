// "Attach a copy" against the local Graph service over HTTP: GET /messages/{id}/$value gives the
// message's MIME (RFC 5322); a saved event with a copy holds it in EvidenceCopy; an email too large
// to copy is saved without one (link and message id kept), with a plain note, and nothing is lost.
import fs from 'node:fs';
import { startLocalGraph, type Seed } from '../../../dev/local-graph';
import { DEMO_SEED_PATH } from '../../../dev/local-graph/seedLoader';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { MemoryStore } from '../../../src/cache/keyValueStore';
import { createGraphClient } from '../../../src/graph/client';
import { MessageMarks } from '../../../src/graph/mail/messageMarks';
import { AuditRepository } from '../../../src/graph/repositories/auditRepository';
import { EventsRepository } from '../../../src/graph/repositories/eventsRepository';
import { EventSaver } from '../../../src/app/events/eventSaver';
import { EventOutbox } from '../../../src/app/events/outbox';
import { EVIDENCE_COPY_LIMIT } from '../../../src/app/events/evidenceCopy';
import { defaultConfig } from '../../../src/config/appConfig';
import type { ContactEvent } from '../../../src/policy/events';

type RunningGraph = Awaited<ReturnType<typeof startLocalGraph>>;
const UPN = 'reception@oakfield.sch.uk';
const HEAD = 'head@oakfield.sch.uk';
const SP = defaultConfig.sharePoint;
const EVENTS = `/sites/${SP.hostname}:${SP.sitePath}:/lists/Contact%20Events/items`;
const BIG_SUBJECT = 'Forty pages of complaints, attached in the body';

/** The demo seed, plus one email in reception's inbox too large to copy. */
function seed(): Seed {
  const s = JSON.parse(fs.readFileSync(DEMO_SEED_PATH, 'utf8')) as Seed;
  const reception = s.mailboxes.find((m) => m.address === UPN)!;
  const inbox = reception.folders.find((f) => f.wellKnownName === 'inbox')!;
  inbox.messages = [
    ...(inbox.messages ?? []),
    {
      subject: BIG_SUBJECT,
      from: { emailAddress: { name: 'Mark Denton', address: 'mark.denton1978@gmail.com' } },
      receivedDateTime: '$now-5m',
      body: { contentType: 'text', content: 'I demand answers. '.repeat(4000) },
    },
  ];
  return s;
}

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0, seed: seed() });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  graph.reset();
  graph.clearRequests();
});

function client(upn = UPN) {
  return createGraphClient({
    baseUrl: graph.url,
    tokenProvider: createLocalTokenProvider(upn),
    retry: { sleep: () => Promise.resolve(), baseDelayMs: 1, maxRetries: 3 },
  });
}

const boxes: EventOutbox[] = [];
afterEach(() => {
  for (const b of boxes.splice(0)) b.stop();
});

function outbox() {
  const c = client();
  const box = new EventOutbox({
    store: new MemoryStore(),
    storeKey: 'outbox|copy-test',
    target: new EventSaver({
      events: new EventsRepository(c, SP),
      audit: new AuditRepository(c, SP),
      client: c,
      categoryName: 'Contact event logged',
    }),
    baseDelayMs: 5,
    maxDelayMs: 50,
    setTimer: (fn) => setTimeout(fn, 5),
  });
  boxes.push(box);
  return box;
}

async function settle(box: EventOutbox, key: string) {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const e = box.entryFor(key);
    if (e?.status === 'saved') return e;
    if (e?.status === 'failed') throw new Error(`save failed: ${e.lastError ?? ''}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('not saved in time');
}

async function message(subject: string): Promise<{ id: string; internetMessageId: string }> {
  const page = (await client()
    .api('/me/mailFolders/inbox/messages')
    .top(100)
    .select('id,subject,internetMessageId')
    .get()) as { value: { id: string; subject: string; internetMessageId: string }[] };
  const found = page.value.find((m) => m.subject === subject);
  if (!found) throw new Error('message not in the seed');
  return found;
}

/** An ordinary (small) email from the demo seed. */
async function firstMessage(): Promise<{ id: string; subject: string; internetMessageId: string }> {
  const page = (await client()
    .api('/me/mailFolders/inbox/messages')
    .top(5)
    .select('id,subject,internetMessageId')
    .get()) as { value: { id: string; subject: string; internetMessageId: string }[] };
  return page.value.find((m) => m.subject !== BIG_SUBJECT)!;
}

function event(key: string, messageId: string, attachCopy: boolean): ContactEvent {
  return {
    key,
    occurredAt: '2025-03-03T09:00:00.000Z',
    channel: 'Email',
    summary: `Event ${key}`,
    person: { name: 'Mark Denton', email: 'mark.denton1978@gmail.com' },
    behaviours: ['Tone'],
    feelings: [],
    policyAspects: [],
    recordedBy: { name: 'Sarah Whitfield', email: UPN },
    recordedAt: '2025-03-03T09:05:00.000Z',
    evidence: { messageId, attachCopy },
  };
}

async function savedFields(key: string): Promise<Record<string, unknown>> {
  const page = (await client(HEAD).api(`${EVENTS}?$expand=fields&$top=5000`).get()) as {
    value: { fields: Record<string, unknown> }[];
  };
  const found = page.value.filter((v) => v.fields.EventKey === key);
  expect(found).toHaveLength(1);
  return found[0]!.fields;
}

describe('GET /messages/{id}/$value (local service)', () => {
  it('answers the message as RFC 5322 text with its headers and body', async () => {
    const m = await firstMessage();
    const res = await fetch(`${graph.url}/v1.0/me/messages/${encodeURIComponent(m.id)}/$value`, {
      headers: { Authorization: `Bearer local:${UPN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const mime = await res.text();
    const [head, body] = mime.split('\r\n\r\n');
    const lines = head!.split('\r\n');
    const names = lines.map((l) => l.split(':')[0]);
    for (const h of ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type'])
      expect(names).toContain(h);
    expect(lines).toContain(`Message-ID: ${m.internetMessageId}`);
    expect(lines).toContain('MIME-Version: 1.0');
    expect(head).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/m);
    expect(body!.length).toBeGreaterThan(0);
    const missing = await fetch(`${graph.url}/v1.0/me/messages/AAMk-nothing/$value`, {
      headers: { Authorization: `Bearer local:${UPN}` },
    });
    expect(missing.status).toBe(404);
  });
});

describe('attach a copy', () => {
  it('a saved event with a copy holds the MIME of the email', async () => {
    const m = await firstMessage();
    const box = outbox();
    await box.enqueue(event('k-copy', m.id, true));
    const entry = await settle(box, 'k-copy');
    expect(entry.note).toBeUndefined();
    const fields = await savedFields('k-copy');
    const copy = String(fields.EvidenceCopy);
    expect(copy).toContain(`Message-ID: ${m.internetMessageId}`);
    expect(copy).toMatch(/^From: /m);
    expect(fields.InternetMessageId).toBe(m.internetMessageId);
  });

  it('without the tick no copy is kept', async () => {
    const m = await firstMessage();
    const box = outbox();
    await box.enqueue(event('k-nocopy', m.id, false));
    await settle(box, 'k-nocopy');
    expect((await savedFields('k-nocopy')).EvidenceCopy).toBeUndefined();
    expect(graph.requests().some((r) => r.path.includes('$value'))).toBe(false);
  });

  it('an email too large to copy: saved without the copy, link kept, the user told', async () => {
    const big = await message(BIG_SUBJECT);
    const box = outbox();
    await box.enqueue(event('k-big', big.id, true));
    const entry = await settle(box, 'k-big');
    expect(entry.note).toMatch(/too large to keep a copy/);
    expect(entry.note).toContain(EVIDENCE_COPY_LIMIT.toLocaleString('en-GB'));
    expect(entry.note).not.toMatch(/denton|@/i); // no personal data in the note
    const fields = await savedFields('k-big');
    expect(fields.EvidenceCopy).toBeUndefined();
    expect(fields.InternetMessageId).toBe(big.internetMessageId);
    expect(String(fields.MessageLink)).toMatch(/^https:\/\//);
    // The email itself is marked as logged, as for any other save.
    const marks = await new MessageMarks(client()).read({ messageId: big.id });
    expect(marks.marks).toEqual([expect.objectContaining({ kind: 'logged', key: 'k-big' })]);
  });
});
