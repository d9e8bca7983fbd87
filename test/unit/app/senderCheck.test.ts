import { SenderCheck, type RestrictionsSource } from '../../../src/app/senderCheck';
import type { RestrictionsSnapshot } from '../../../src/cache/restrictionsCache';
import { GraphAccessError } from '../../../src/graph/errors';
import type { Restriction } from '../../../src/policy/types';

const now = new Date('2026-11-22T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

const restriction: Restriction = {
  id: '1',
  personName: 'Dana Example',
  emails: ['dana@example.org'],
  status: 'Active',
  startDate: '2026-09-01',
  endDate: '2027-02-28',
  reviewDate: '2026-12-15',
  handling: 'Forward',
  spocName: 'Business Manager',
  spocEmail: 'business.manager@oakfield.sch.uk',
  allowedContact: '',
  staffGuidance: '',
  emergencyNote: '',
};

const snapshotAt = (refreshedAt: string, restrictions = [restriction]): RestrictionsSnapshot => ({
  restrictions,
  malformed: [],
  refreshedAt,
});

function fakeSource(
  initial: RestrictionsSnapshot | null,
  refresh: () => Promise<RestrictionsSnapshot>,
) {
  let current = initial;
  const source: RestrictionsSource & { refreshCalls: number } = {
    refreshCalls: 0,
    current: () => current,
    load: async () => current,
    refresh: async () => {
      source.refreshCalls++;
      current = await refresh();
      return current;
    },
  };
  return source;
}

const options = { trustMs: 5 * 60_000, backgroundRefreshMs: 30_000, now: () => now };
const restrictedMail = { from: { address: 'DANA@example.org' } };
const clearMail = { from: { address: 'someone.else@example.org' } };

describe('SenderCheck', () => {
  it('answers from a trusted copy without a round trip', async () => {
    const source = fakeSource(snapshotAt(minutesAgo(0.1)), async () => {
      throw new Error('should not refresh');
    });
    const check = new SenderCheck(source, options);
    expect((await check.check(restrictedMail)).verdict.kind).toBe('restricted');
    expect((await check.check(clearMail)).verdict.kind).toBe('clear');
    expect(source.refreshCalls).toBe(0);
  });

  it('reads the list first when there is no copy on the device', async () => {
    const source = fakeSource(null, async () => snapshotAt(now.toISOString()));
    const result = await new SenderCheck(source, options).check(clearMail);
    expect(source.refreshCalls).toBe(1);
    expect(result.verdict.kind).toBe('clear');
    expect(result.refreshedAt).toBe(now.toISOString());
  });

  it.each([
    ['offline', 'offline'],
    ['throttled', 'throttled'],
    ['signedOut', 'signedOut'],
    ['notFound', 'listMissing'],
    ['forbidden', 'forbidden'],
    ['unavailable', 'serviceError'],
  ] as const)('never says clear when the list could not be read (%s)', async (kind, reason) => {
    const source = fakeSource(null, async () => {
      throw new GraphAccessError(kind);
    });
    const result = await new SenderCheck(source, options).check(clearMail);
    expect(result.verdict).toEqual({ kind: 'unavailable', reason });
  });

  it('refreshes a copy older than the trust limit before believing it, and fails closed', async () => {
    const source = fakeSource(snapshotAt(minutesAgo(6)), async () => {
      throw new GraphAccessError('offline');
    });
    const result = await new SenderCheck(source, options).check(clearMail);
    expect(source.refreshCalls).toBe(1);
    expect(result.verdict.kind).toBe('unavailable');
  });

  it('uses a newer copy once the refresh of an old one succeeds', async () => {
    const source = fakeSource(snapshotAt(minutesAgo(60), []), async () =>
      snapshotAt(now.toISOString()),
    );
    const result = await new SenderCheck(source, options).check(restrictedMail);
    expect(result.verdict.kind).toBe('restricted');
  });

  it('refreshes in the background when the copy is trusted but not new, and says so', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const source = fakeSource(snapshotAt(minutesAgo(2), []), async () => {
      await gate;
      return snapshotAt(now.toISOString());
    });
    const check = new SenderCheck(source, options);
    const updated = jest.fn();
    check.onRestrictionsUpdated(updated);
    const first = await check.check(restrictedMail);
    expect(first.verdict.kind).toBe('clear'); // answered at once from the trusted copy
    expect(source.refreshCalls).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(updated).toHaveBeenCalledTimes(1);
    expect((await check.check(restrictedMail)).verdict.kind).toBe('restricted');
  });

  it('forces a refresh when asked (the Refresh and Try again buttons)', async () => {
    const source = fakeSource(snapshotAt(minutesAgo(0)), async () => snapshotAt(now.toISOString()));
    await new SenderCheck(source, options).check(clearMail, { forceRefresh: true });
    expect(source.refreshCalls).toBe(1);
  });

  it('reports how many records could not be read', async () => {
    const snapshot: RestrictionsSnapshot = {
      ...snapshotAt(minutesAgo(0)),
      malformed: [{ id: '9', problems: ['EndDate is missing'], emails: ['x@example.org'] }],
    };
    const source = fakeSource(snapshot, async () => snapshot);
    const result = await new SenderCheck(source, options).check(clearMail);
    expect(result.unreadableCount).toBe(1);
    expect(result.restrictionCount).toBe(1);
  });
});

describe('SenderCheck.restrictionIndex (the compose pane)', () => {
  it("gives the trusted copy's index and the school's date", async () => {
    const source = fakeSource(snapshotAt(minutesAgo(0.1)), async () => {
      throw new Error('should not refresh');
    });
    const prepared = await new SenderCheck(source, options).restrictionIndex();
    expect(prepared).toMatchObject({ kind: 'ready', today: '2026-11-22' });
    expect(prepared.kind === 'ready' && prepared.index.byAddress.has('dana@example.org')).toBe(
      true,
    );
  });

  it('is unavailable, never an empty index, when a copy past trust cannot be refreshed', async () => {
    const source = fakeSource(snapshotAt(minutesAgo(60)), async () => {
      throw new GraphAccessError('offline');
    });
    expect(await new SenderCheck(source, options).restrictionIndex()).toEqual({
      kind: 'unavailable',
      reason: 'offline',
    });
  });
});
