/**
 * @jest-environment jsdom
 */
// In a page (the add-in), Retry-After cannot be read from Graph's answers (it is not in
// Access-Control-Expose-Headers): the default policy knows it and uses the conservative floor.
import {
  canReadRetryAfter,
  defaultRetryPolicy,
} from '../../../src/graph/middleware/retryMiddleware';

it('detects a page: Retry-After is unreadable, 2 retries after a 5 s floor', () => {
  expect(canReadRetryAfter()).toBe(false);
  expect(defaultRetryPolicy).toMatchObject({
    retryAfterReadable: false,
    unreadableFloorMs: 5_000,
    unreadableMaxRetries: 2,
  });
});
