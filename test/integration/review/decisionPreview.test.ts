// The deadline preview a reviewer sees before saving a decision is the review service's own plan
// (issue #11, item 4): the school's settings and closures, the real bank holidays, the case as the
// reviewer saw it. These tests run the real service against the local Graph service: the preview
// writes nothing, and the dates it shows are the dates the save records.
import { startLocalGraph } from '../../../dev/local-graph';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { createGraphClient } from '../../../src/graph/client';
import { GraphCalls } from '../../../src/graph/graphCalls';
import { SettingsRepository } from '../../../src/graph/repositories/settingsRepository';
import { createReviewService } from '../../../src/app/review/reviewService';
import { defaultConfig } from '../../../src/config/appConfig';
import { fixedBankHolidayCalendar } from '../../../src/policy/dates';
import {
  applyTransition,
  DEFAULT_LIFECYCLE_SETTINGS,
  type Transition,
} from '../../../src/policy/lifecycle';
import { addDays, todayInLondon } from '../../../src/policy/londonDate';

type RunningGraph = Awaited<ReturnType<typeof startLocalGraph>>;
const SP = defaultConfig.sharePoint;
const HEAD = 'head@oakfield.sch.uk';
const JANET = 'janet.moss@icloud.com'; // seeded with a written warning

let graph: RunningGraph;
beforeAll(async () => {
  graph = await startLocalGraph({ port: 0 });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  graph.reset();
});

const calls = (upn: string) =>
  new GraphCalls(
    createGraphClient({
      baseUrl: graph.url,
      tokenProvider: createLocalTokenProvider(upn),
      retry: { sleep: () => Promise.resolve(), baseDelayMs: 1, maxRetries: 2 },
    }),
  );

const list = (name: string) =>
  `/sites/${SP.hostname}:${SP.sitePath}:/lists/${encodeURIComponent(name)}/items`;

/** A contact event recorded by reception (no case, no staff-list item for the person). */
async function logEvent(key: string, person: { name: string; email?: string }, hoursAgo: number) {
  await calls('reception@oakfield.sch.uk').post(list('Contact Events'), {
    fields: {
      Title: 'Phone call about the trip',
      EventKey: key,
      OccurredAt: new Date(Date.now() - hoursAgo * 3_600_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Channel: person.email ? 'Email' : 'Phone',
      PersonName: person.name,
      ...(person.email ? { PersonEmail: person.email } : {}),
      Behaviours: 'Tone',
      RecordedByName: 'Sam Patel',
      RecordedByEmail: 'reception@oakfield.sch.uk',
      ThreatOfViolence: false,
    },
  });
}

function service(options: { now?: () => Date; realBankHolidays?: boolean } = {}) {
  return createReviewService({
    client: calls(HEAD),
    config: { sharePoint: SP },
    user: { displayName: 'Helen Marsh', emailAddress: HEAD },
    ...(options.now ? { now: options.now } : {}),
    ...(options.realBankHolidays
      ? {}
      : // A fixed calendar (the real library is tested below): the school's closures only.
        { loadBankHolidays: (closures) => Promise.resolve(fixedBankHolidayCalendar(closures)) }),
  });
}

const head = { name: 'Helen Marsh', role: 'headTeacher' as const };
const impose: Transition = {
  kind: 'impose',
  decidedBy: head,
  reasons: 'Threats to the class teacher at the gate.',
  duration: { kind: 'months', months: 3 },
  terms: {
    terms: [{ kind: 'singlePointOfContact' }],
    spoc: { name: 'Priya Shah', email: 'business.manager@oakfield.sch.uk' },
  },
};

describe('who a person known only from their contact events is', () => {
  const warn: Transition = {
    kind: 'issueWarning',
    decidedBy: head,
    reasons: 'Many calls about the same refund.',
    behaviour: 'Many calls about the same refund.',
    whyUnacceptable: 'It takes staff away from teaching.',
    stepsTaken: 'The business manager answered in full.',
  };

  it('keeps their recorded name for a new case, however long after the list the reviewer decides', async () => {
    await logEvent('who-1', { name: 'Zoe Quinn', email: 'zoe.quinn@example.com' }, 2);
    await logEvent('who-2', { name: 'Tom Vale' }, 3);
    let clock = Date.now();
    const review = service({ now: () => new Date(clock) });
    const listed = await review.flaggedSenders();
    expect(listed.map((s) => s.personName)).toEqual(
      expect.arrayContaining(['Zoe Quinn', 'Tom Vale']),
    );
    clock += 61_000; // past the 60 s the settings and the window are reused for
    const zoe = await review.apply('zoe.quinn@example.com', warn);
    if (!zoe.ok) throw new Error(zoe.message);
    expect(zoe.case.person).toEqual({ name: 'Zoe Quinn', emails: ['zoe.quinn@example.com'] });
    const tom = await review.apply('name:tom vale', warn);
    if (!tom.ok) throw new Error(tom.message);
    expect(tom.case.person).toEqual({ name: 'Tom Vale', emails: [] });
  });

  it('finds them without the list too: a new case named as their events name them, a chronology by name', async () => {
    await logEvent('who-3', { name: 'Zoe Quinn', email: 'zoe.quinn@example.com' }, 2);
    await logEvent('who-4', { name: 'Tom Vale' }, 3);
    await logEvent('who-5', { name: 'Tom Vale' }, 4);
    const chronology = await service().chronology('name:tom vale');
    expect(chronology.personName).toBe('Tom Vale');
    expect(chronology.entries.filter((e) => e.kind === 'event')).toHaveLength(2);
    const zoe = await service().apply('zoe.quinn@example.com', warn);
    if (!zoe.ok) throw new Error(zoe.message);
    expect(zoe.case.person.name).toBe('Zoe Quinn');
  });

  it('previews a first decision without asking Graph again for every change to the form', async () => {
    await logEvent('who-6', { name: 'Zoe Quinn', email: 'zoe.quinn@example.com' }, 2);
    const review = service();
    await review.flaggedSenders();
    await review.previewTransition('zoe.quinn@example.com', warn);
    graph.clearRequests();
    const again = await review.previewTransition('zoe.quinn@example.com', warn);
    expect(again.ok).toBe(true);
    expect(graph.requests()).toEqual([]);
  });
});

describe('the deadline preview is the save’s plan', () => {
  it('counts with the school’s closures (Settings), writes nothing, and shows the dates the save records', async () => {
    // Settings are an admin's to write: the school closes for the next ten days.
    const today = todayInLondon(new Date());
    const closures = Array.from({ length: 10 }, (_, i) => addDays(today, i + 1));
    await new SettingsRepository(calls('it.admin@oakfield.sch.uk'), SP).write(
      'ExtraClosureDays',
      closures.join('\n'),
    );
    const review = service();
    const current = await review.caseFor(JANET);
    expect(current?.stage).toBe('warning');

    graph.clearRequests();
    const preview = await review.previewTransition(JANET, impose);
    expect(graph.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    if (!preview.ok) throw new Error(preview.message);
    const representations = preview.deadlines.find((d) => d.kind === 'representations');
    expect(representations).toBeDefined();

    // The policies' defaults (no closures) would give an earlier date: the preview is the school's.
    const byDefaults = applyTransition(current!, impose, {
      today,
      now: new Date(),
      recordedBy: { name: 'Helen Marsh', email: HEAD },
      dates: { bankHolidays: fixedBankHolidayCalendar([]), counting: 'workingDays' },
      settings: DEFAULT_LIFECYCLE_SETTINGS,
      operationKey: 'defaults',
    });
    if (!byDefaults.ok) throw new Error(byDefaults.message);
    const defaultDue = byDefaults.deadlines.find((d) => d.kind === 'representations')?.due;
    expect(representations!.due > defaultDue!).toBe(true);

    const saved = await review.apply(JANET, impose);
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.case.deadlines).toEqual(preview.deadlines);
    expect(saved.case.restriction?.endDate).toBe(
      preview.ok ? preview.case.restriction?.endDate : undefined,
    );
  });

  it('counts windows over the real bank holidays of England and Wales (Easter 2026)', async () => {
    // Thursday 26 March 2026: Good Friday (3 April) and Easter Monday (6 April) do not count.
    const review = service({
      now: () => new Date('2026-03-26T12:00:00Z'),
      realBankHolidays: true,
    });
    const outcome = await review.previewTransition(JANET, impose);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.case.restriction?.endDate).toBe('2026-06-25');
    // 27, 30, 31 Mar, 1, 2, 7, 8, 9, 10, 13 April.
    expect(outcome.deadlines.find((d) => d.kind === 'representations')?.due).toBe('2026-04-13');
  }, 20_000);

  it("gives the rules' plain refusal for an invalid decision, and saves nothing", async () => {
    const review = service();
    graph.clearRequests();
    const outcome = await review.previewTransition(JANET, {
      kind: 'confirm',
      decidedBy: { name: 'A Chair', role: 'chairOfGovernors' },
      reasons: 'Confirmed.',
    } as Transition);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toContain('nothing to confirm');
    expect(graph.requests().filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
