// Graph errors as the pane's action problems: a refused Send As is its own plain message.
import { failureFor, problemText } from '../../../src/app/actions/restrictedActions';
import { GraphAccessError } from '../../../src/graph/errors';

test('403 ErrorSendAsDenied is "sendAsDenied", naming the permission to grant', () => {
  const failure = failureFor(
    new GraphAccessError('forbidden', { status: 403, code: 'ErrorSendAsDenied' }),
  );
  expect(failure.problem).toBe('sendAsDenied');
  expect(failure.message).toBe(problemText.sendAsDenied);
  expect(failure.message).toMatch(/'Send As' permission/);
});

test('any other 403 stays "forbidden"', () => {
  const failure = failureFor(
    new GraphAccessError('forbidden', { status: 403, code: 'ErrorAccessDenied' }),
  );
  expect(failure.problem).toBe('forbidden');
});
