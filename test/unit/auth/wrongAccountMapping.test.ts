// A refused account (WrongAccountError) reaches the pane as its own plain message, however it
// travels: raw, or wrapped by the Graph client library in a GraphError named after it.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { reasonFor, SenderCheck } from '../../../src/app/senderCheck';
import { failureFor, problemText } from '../../../src/app/actions/restrictedActions';
import { SignInRequiredError, WrongAccountError } from '../../../src/auth/tokenProvider';
import { createGraphClient } from '../../../src/graph/client';
import {
  isSignInRequired,
  isWrongAccount,
  plainMessage,
  toGraphAccessError,
} from '../../../src/graph/errors';
import { unavailableText } from '../../../src/taskpane/text';

describe('WrongAccountError', () => {
  it('is a SignInRequiredError with its own name', () => {
    const error = new WrongAccountError();
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error.name).toBe('WrongAccountError');
  });

  it("maps to kind wrongAccount and the pane's wrongAccount reason, not signedOut", () => {
    const error = toGraphAccessError(new WrongAccountError());
    expect(error.kind).toBe('wrongAccount');
    expect(error.message).toBe(
      "Contact Guard was signed in with a different account from this mailbox's, so it was refused. Sign in with your own school account.",
    );
    expect(plainMessage('wrongAccount')).toBe(error.message);
    expect(reasonFor(error)).toBe('wrongAccount');
    expect(unavailableText.wrongAccount).toMatch(/different account/);
    expect(failureFor(error).problem).toBe('wrongAccount');
    expect(failureFor(error).message).toBe(problemText.wrongAccount);
  });

  it('is recognised when the Graph library wraps it (code = its name)', () => {
    const wrapped = new GraphError(-1, 'refused');
    wrapped.code = 'WrongAccountError';
    expect(isWrongAccount(wrapped)).toBe(true);
    expect(isSignInRequired(wrapped)).toBe(true);
    expect(toGraphAccessError(wrapped).kind).toBe('wrongAccount');
    const signedOut = new GraphError(-1, 'x');
    signedOut.code = 'SignInRequiredError';
    expect(isWrongAccount(signedOut)).toBe(false);
    expect(toGraphAccessError(signedOut).kind).toBe('signedOut');
  });

  it('comes out of a real Graph client call as wrongAccount, without a request', async () => {
    const client = createGraphClient({
      baseUrl: 'https://graph.microsoft.com',
      tokenProvider: {
        method: 'officeDialog',
        getAccessToken: () => Promise.reject(new WrongAccountError()),
      },
    });
    const failure = await client
      .api('/me')
      .get()
      .catch((e: unknown) => e);
    expect(toGraphAccessError(failure).kind).toBe('wrongAccount');
  });

  it("gives the pane's verdict 'unavailable: wrongAccount' when the refresh is refused", async () => {
    const check = new SenderCheck(
      {
        current: () => null,
        load: () => Promise.resolve(null),
        refresh: () => Promise.reject(toGraphAccessError(new WrongAccountError())),
      },
      { trustMs: 60_000, backgroundRefreshMs: 30_000 },
    );
    const result = await check.check({ from: { address: 'parent@example.org' } });
    expect(result.verdict).toEqual({ kind: 'unavailable', reason: 'wrongAccount' });
  });
});
