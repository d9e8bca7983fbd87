import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useAsync, type Loader } from '../../../src/ui/useAsync';
import { AsyncView } from '../../../src/ui/AsyncView';

/** A load the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useAsync', () => {
  it('goes from loading to done', async () => {
    const load = deferred<string>();
    const loader = () => load.promise;
    const { result } = renderHook(() => useAsync(loader));
    expect(result.current.state).toBe('loading');
    await act(async () => load.resolve('the value'));
    expect(result.current).toMatchObject({ state: 'done', value: 'the value' });
  });

  it('goes from loading to error, and after retry through loading to done', async () => {
    const attempts = [deferred<string>(), deferred<string>()];
    let n = 0;
    const loader = jest.fn(() => attempts[n++]!.promise);
    const { result } = renderHook(() => useAsync(loader));
    const failure = new Error('offline');
    await act(async () => attempts[0]!.reject(failure));
    expect(result.current.state).toBe('error');
    expect(result.current.error).toBe(failure);
    act(() => result.current.retry());
    expect(result.current.state).toBe('loading');
    await act(async () => attempts[1]!.resolve('second'));
    expect(result.current).toMatchObject({ state: 'done', value: 'second' });
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('fails like a rejection when the load throws at once', async () => {
    const loader = () => {
      throw new Error('not built');
    };
    const { result } = renderHook(() => useAsync<string>(loader));
    await waitFor(() => expect(result.current.state).toBe('error'));
  });

  it('ignores a stale result after what it loads has changed', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const loaders: Record<string, Loader<string>> = {
      a: () => first.promise,
      b: () => second.promise,
    };
    const signals: AbortSignal[] = [];
    const track = (key: string) => (signal: AbortSignal) => {
      signals.push(signal);
      return loaders[key]!(signal);
    };
    const a = track('a');
    const b = track('b');
    const { result, rerender } = renderHook(({ load }) => useAsync(load), {
      initialProps: { load: a },
    });
    rerender({ load: b });
    expect(result.current.state).toBe('loading');
    expect(signals[0]!.aborted).toBe(true);
    await act(async () => first.resolve('for a'));
    expect(result.current.state).toBe('loading');
    await act(async () => second.resolve('for b'));
    expect(result.current).toMatchObject({ state: 'done', value: 'for b' });
  });

  it('loads again when the reload key changes', async () => {
    let n = 0;
    const loader = jest.fn(async () => ++n);
    const { result, rerender } = renderHook(({ k }) => useAsync(loader, k), {
      initialProps: { k: 'provisional' },
    });
    await waitFor(() => expect(result.current.value).toBe(1));
    rerender({ k: 'active' });
    await waitFor(() => expect(result.current.value).toBe(2));
  });

  it('drops a result that arrives after unmount', async () => {
    const load = deferred<string>();
    let signal: AbortSignal | undefined;
    const loader = (s: AbortSignal) => {
      signal = s;
      return load.promise;
    };
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { result, unmount } = renderHook(() => useAsync(loader));
    unmount();
    expect(signal?.aborted).toBe(true);
    await act(async () => load.resolve('late'));
    expect(result.current.state).toBe('loading');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('refreshes while the value stays shown, and resolves once the new one is in', async () => {
    let n = 0;
    const next = [deferred<number>(), deferred<number>()];
    const loader = () => next[n++]!.promise;
    const { result } = renderHook(() => useAsync(loader));
    await act(async () => next[0]!.resolve(1));
    let refreshed = false;
    let pending: Promise<void> = Promise.resolve();
    act(() => {
      pending = result.current.refresh().then(() => {
        refreshed = true;
      });
    });
    expect(result.current).toMatchObject({ state: 'done', value: 1 });
    expect(refreshed).toBe(false);
    await act(async () => {
      next[1]!.resolve(2);
      await pending;
    });
    expect(refreshed).toBe(true);
    expect(result.current).toMatchObject({ state: 'done', value: 2 });
  });

  it('stays loading, and loads nothing, while there is nothing to load', () => {
    const { result } = renderHook(() => useAsync<string>(null));
    expect(result.current.state).toBe('loading');
  });
});

describe('AsyncView', () => {
  it('shows loading, then a plain failure with Try again, then the result', async () => {
    let fail = true;
    const loader = jest.fn(async () => {
      if (fail) throw new Error('token abc123 for head@oakfield.sch.uk');
      return 'Loaded';
    });
    function Probe() {
      const async = useAsync(loader);
      return (
        <AsyncView
          async={async}
          loading="Loading the thing…"
          failed="The thing could not be loaded."
        >
          {(v) => <p>{v}</p>}
        </AsyncView>
      );
    }
    render(
      <FluentProvider theme={webLightTheme}>
        <Probe />
      </FluentProvider>,
    );
    expect(screen.getByText('Loading the thing…')).toBeTruthy();
    const failure = await screen.findByTestId('async-error');
    expect(failure.textContent).toContain('The thing could not be loaded.');
    // The error's own words (which may carry a token or an address) are never shown.
    expect(failure.textContent).not.toContain('abc123');
    expect(failure.textContent).not.toContain('oakfield');
    fail = false;
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    expect(await screen.findByText('Loaded')).toBeTruthy();
    expect(loader).toHaveBeenCalledTimes(2);
  });
});
