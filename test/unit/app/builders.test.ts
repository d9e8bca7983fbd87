import { graphCallsFor, lazyService } from '../../../src/app/builders';
import type { TokenProvider } from '../../../src/auth/tokenProvider';

const tokens: TokenProvider = { method: 'local', getAccessToken: async () => 'token' };

describe('the composition root builders', () => {
  it('builds one Graph call surface per scope set, shared by whoever asks for it', () => {
    const calls = graphCallsFor({ graphBaseUrl: 'http://127.0.0.1:9' }, tokens);
    expect(calls('staff')).toBe(calls('staff'));
    expect(calls('reviewer')).toBe(calls('reviewer'));
    expect(calls('reviewer')).not.toBe(calls('staff'));
    expect(calls('admin')).not.toBe(calls('reviewer'));
  });

  it('loads a lazy service once, and again after a failed load', async () => {
    let attempts = 0;
    const load = jest.fn(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('offline');
      return { n: attempts };
    });
    const service = lazyService(load);
    await expect(service()).rejects.toThrow('offline');
    const first = await service();
    expect(first).toEqual({ n: 2 });
    expect(await service()).toBe(first);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
