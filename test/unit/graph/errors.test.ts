import { GraphError } from '@microsoft/microsoft-graph-client';
import { SignInRequiredError } from '../../../src/auth/tokenProvider';
import {
  GraphAccessError,
  plainMessage,
  toGraphAccessError,
  type GraphAccessErrorKind,
} from '../../../src/graph/errors';

function graphError(status: number, code: string | null, headers?: Record<string, string>) {
  const error = new GraphError(status, 'Item for jane.doe@example.org was not found');
  error.code = code;
  error.body = JSON.stringify({ message: 'jane.doe@example.org' });
  if (headers) error.headers = new Headers(headers);
  return error;
}

describe('toGraphAccessError', () => {
  it.each<[number, GraphAccessErrorKind]>([
    [400, 'badRequest'],
    [401, 'signedOut'],
    [403, 'forbidden'],
    [404, 'notFound'],
    [409, 'conflict'],
    [410, 'gone'],
    [412, 'preconditionFailed'],
    [429, 'throttled'],
    [500, 'unavailable'],
    [503, 'unavailable'],
    [504, 'unavailable'],
    [418, 'unknown'],
  ])('maps HTTP %i to %s', (status, kind) => {
    const mapped = toGraphAccessError(graphError(status, 'someCode'));
    expect(mapped.kind).toBe(kind);
    expect(mapped.status).toBe(status);
    expect(mapped.code).toBe('someCode');
  });

  it('reads 409 resourceModified (a stale If-Match, as SharePoint may answer) like 412', () => {
    const mapped = toGraphAccessError(graphError(409, 'resourceModified'));
    expect([mapped.kind, mapped.status, mapped.code]).toEqual([
      'preconditionFailed',
      409,
      'resourceModified',
    ]);
    expect(toGraphAccessError(graphError(409, 'nameAlreadyExists')).kind).toBe('conflict');
  });

  it('keeps the Retry-After of a throttled response', () => {
    expect(
      toGraphAccessError(graphError(429, null, { 'Retry-After': '12' })).retryAfterSeconds,
    ).toBe(12);
  });

  it('reads a decimal Retry-After (as Graph sends inside batches) as seconds, rounded up', () => {
    // "1.5" must not be taken for a date (Date.parse reads it as 5 January 2001).
    expect(
      toGraphAccessError(graphError(429, null, { 'Retry-After': '1.5' })).retryAfterSeconds,
    ).toBe(2);
    expect(
      toGraphAccessError(graphError(429, null, { 'Retry-After': '0.249' })).retryAfterSeconds,
    ).toBe(1);
  });

  it('never puts the response message or body in its own message', () => {
    const mapped = toGraphAccessError(graphError(404, 'itemNotFound'));
    expect(mapped.message).not.toMatch(/jane|example\.org/);
    expect(mapped.message).toContain('404');
    expect(mapped.message).toContain('itemNotFound');
  });

  it('drops a code that is free text rather than an identifier', () => {
    expect(toGraphAccessError(graphError(400, 'bad value jane@example.org')).code).toBeUndefined();
  });

  it('reads a network failure as offline, wrapped by the library or not', () => {
    const wrapped = new GraphError(-1, 'fetch failed', new TypeError('fetch failed'));
    wrapped.code = 'TypeError';
    expect(toGraphAccessError(wrapped).kind).toBe('offline');
    expect(toGraphAccessError(new TypeError('fetch failed')).kind).toBe('offline');
  });

  it('reads a TypeError from another realm (Node fetch under a sandbox) as offline', () => {
    // The library keeps a thrown value it does not recognise as an Error in `body`.
    const foreign = Object.assign(Object.create(null) as object, { name: 'TypeError' });
    const wrapped = new GraphError(-1);
    wrapped.body = foreign;
    expect(toGraphAccessError(wrapped).kind).toBe('offline');
    expect(toGraphAccessError(foreign).kind).toBe('offline');
    const other = new GraphError(-1);
    other.body = { name: 'AbortError' };
    expect(toGraphAccessError(other).kind).toBe('unknown');
  });

  it('reads a required sign-in as signedOut', () => {
    expect(toGraphAccessError(new SignInRequiredError()).kind).toBe('signedOut');
  });

  it('returns a GraphAccessError unchanged and anything else as unknown', () => {
    const original = new GraphAccessError('gone', { status: 410 });
    expect(toGraphAccessError(original)).toBe(original);
    expect(toGraphAccessError('boom').kind).toBe('unknown');
    expect(toGraphAccessError(new Error('boom')).kind).toBe('unknown');
  });
});

describe('plainMessage', () => {
  const kinds: GraphAccessErrorKind[] = [
    'offline',
    'signedOut',
    'forbidden',
    'notFound',
    'throttled',
    'unavailable',
    'gone',
    'conflict',
    'preconditionFailed',
    'badRequest',
    'unknown',
  ];

  it('gives every kind its own short sentence', () => {
    const messages = kinds.map(plainMessage);
    expect(new Set(messages).size).toBe(kinds.length);
    for (const message of messages) {
      expect(message).toMatch(/^[A-Z].{10,100}\.$/);
    }
    expect(plainMessage('throttled')).toBe('Microsoft 365 is busy and asked us to slow down.');
  });
});
