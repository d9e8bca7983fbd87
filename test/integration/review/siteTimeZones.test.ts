// Dates land on the intended day whatever the SharePoint site's regional time zone (issue 9,
// "Dates"): a decision's restriction dates and the case's NextDue are stored by the strict local
// service as local midnight of the intended day in London, UTC and New York sites, and read back
// as that day by the review and by the staff pane's restriction reader.
import { startLocalGraph } from '../../../dev/local-graph';
import { SiteDates } from '../../../dev/local-graph/siteDates';
import { createReviewService } from '../../../src/app/review/reviewService';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { defaultConfig } from '../../../src/config/appConfig';
import { createGraphClient } from '../../../src/graph/client';
import { GraphCalls } from '../../../src/graph/graphCalls';
import { RestrictionsRepository } from '../../../src/graph/repositories/restrictionsRepository';
import { fixedBankHolidayCalendar } from '../../../src/policy/dates';
import type { Transition } from '../../../src/policy/lifecycle';
import { readSharePointDate } from '../../../src/policy/londonDate';
import { parseRestrictionItem } from '../../../src/policy/restrictionItem';

const HEAD = 'head@oakfield.sch.uk';
const JANET = 'janet.moss@icloud.com';
const SP = defaultConfig.sharePoint;
const SITE = `/sites/${SP.hostname}:${SP.sitePath}:`;
const list = (name: string) => `${SITE}/lists/${encodeURIComponent(name)}/items`;

const impose: Transition = {
  kind: 'impose',
  decidedBy: { name: 'Helen Marsh', role: 'headTeacher' },
  reasons: 'The rude emails continued after the written warning.',
  duration: { kind: 'months', months: 3 },
  terms: {
    terms: [{ kind: 'singlePointOfContact' }, { kind: 'emailOnly' }],
    spoc: { name: 'Priya Shah', email: 'business.manager@oakfield.sch.uk' },
  },
};

describe.each(['Europe/London', 'UTC', 'America/New_York'])('a site in %s', (zone) => {
  let graph: Awaited<ReturnType<typeof startLocalGraph>>;
  beforeAll(async () => {
    graph = await startLocalGraph({ port: 0, behaviours: { siteTimeZone: zone } });
  });
  afterAll(() => graph.close());

  // Any time of day: the summer-time edges of London and New York are the risky hours.
  it.each([
    new Date('2026-06-01T23:30:00Z'),
    new Date('2026-06-02T03:30:00Z'),
    new Date('2026-12-01T23:30:00Z'),
  ])('stores a decision made at %s on the intended days', async (now) => {
    graph.reset();
    const client = createGraphClient({
      baseUrl: graph.url,
      tokenProvider: createLocalTokenProvider(HEAD),
    });
    const review = createReviewService({
      client: new GraphCalls(client),
      config: { sharePoint: SP },
      user: { displayName: 'Helen Marsh', emailAddress: HEAD },
      now: () => now,
      loadBankHolidays: () => Promise.resolve(fixedBankHolidayCalendar([])),
    });
    const outcome = await review.apply(JANET, impose);
    if (!outcome.ok) throw new Error(outcome.message);
    const r = outcome.case.restriction!;
    const site = new SiteDates(zone);
    const midnight = (day: string) => site.midnightUtc(day).toISOString().replace('.000Z', 'Z');

    const body = (await client.api(`${list('Contact Restrictions')}/7?$expand=fields`).get()) as {
      fields: Record<string, unknown>;
    };
    // What SharePoint shows in the site is local midnight of the intended day.
    expect(body.fields.StartDate).toBe(midnight(r.startDate));
    expect(body.fields.EndDate).toBe(midnight(r.endDate));
    expect(body.fields.ReviewDate).toBe(midnight(r.reviewDate));

    const due = outcome.case.deadlines.map((d) => d.due).sort()[0]!;
    const cases = (await client
      .api(`${list('Restriction Cases')}?$expand=fields&$top=999`)
      .get()) as { value: { fields: Record<string, unknown> }[] };
    const caseItem = cases.value.find((i) => i.fields.PersonKey === JANET)!;
    expect(caseItem.fields.NextDue).toBe(midnight(due));
    expect(readSharePointDate(caseItem.fields.NextDue)).toBe(due);

    // The staff pane reads the same days back.
    const staff = new RestrictionsRepository(
      createGraphClient({
        baseUrl: graph.url,
        tokenProvider: createLocalTokenProvider('reception@oakfield.sch.uk'),
      }),
      SP,
    );
    const janet = (await staff.fullSync()).items
      .map((i) => parseRestrictionItem(i))
      .find((p) => p.ok && p.restriction.id === '7');
    expect(janet).toMatchObject({
      ok: true,
      restriction: { startDate: r.startDate, endDate: r.endDate, reviewDate: r.reviewDate },
    });
  });
});
