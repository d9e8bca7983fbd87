// Sign-in works again after it was needed: listeners hear of it once, after the caller's token.
import { watchSignInRecovery } from '../../../src/auth/signInRecovery';
import { SignInRequiredError, type TokenProvider } from '../../../src/auth/tokenProvider';

function scripted(answers: (string | Error)[]): TokenProvider {
  return {
    method: 'officeDialog',
    getAccessToken: () => {
      const next = answers.shift();
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next ?? 'token');
    },
  };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

it('tells its listeners when a token is had again after sign-in was required, once', async () => {
  const watched = watchSignInRecovery(
    scripted([new SignInRequiredError(), new SignInRequiredError(), 't1', 't2']),
  );
  let heard = 0;
  watched.onRecovered(() => (heard += 1));
  await expect(watched.provider.getAccessToken()).rejects.toThrow(SignInRequiredError);
  await expect(watched.provider.getAccessToken()).rejects.toThrow(SignInRequiredError);
  await settle();
  expect(heard).toBe(0);
  await expect(watched.provider.getAccessToken('admin')).resolves.toBe('t1');
  await settle();
  expect(heard).toBe(1);
  await expect(watched.provider.getAccessToken()).resolves.toBe('t2');
  await settle();
  expect(heard).toBe(1);
  expect(watched.provider.method).toBe('officeDialog');
});

it('is silent when sign-in was never required, or failed for another reason', async () => {
  const watched = watchSignInRecovery(scripted(['t1', new Error('network'), 't2']));
  let heard = 0;
  const stop = watched.onRecovered(() => (heard += 1));
  await watched.provider.getAccessToken();
  await expect(watched.provider.getAccessToken()).rejects.toThrow('network');
  await watched.provider.getAccessToken();
  await settle();
  expect(heard).toBe(0);
  stop();
});
