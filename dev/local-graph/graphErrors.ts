// Graph's error vocabulary. Messages never carry tokens or request bodies.

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** innerError.code, where Graph gives one (e.g. tooManyResources). */
    readonly innerCode?: string,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** A thrown value as Graph's error: unexpected ones become a 500 generalException (no details leak). */
export function asGraphError(e: unknown): GraphError {
  return e instanceof GraphError
    ? e
    : new GraphError(
        500,
        'generalException',
        'An unexpected error occurred in the local Graph service.',
      );
}

export const invalidRequest = (message: string) => new GraphError(400, 'invalidRequest', message);

export const itemNotFound = (message = 'The resource could not be found.') =>
  new GraphError(404, 'itemNotFound', message);

export const resourceNotFound = (segment: string) =>
  new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);

export function errorBody(err: GraphError, requestId: string, clientRequestId: string) {
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: {
        ...(err.innerCode ? { code: err.innerCode } : {}),
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}
