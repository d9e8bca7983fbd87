// Small accessors for the parts of a request a middleware needs. The library passes a URL string
// plus fetch options whose headers are a plain object; we normalise those to a Headers instance so
// that header names compare case-insensitively (a caller's 'prefer' and our 'Prefer' are one header).
import type { Context } from '@microsoft/microsoft-graph-client';

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  const method =
    context.options?.method ??
    (typeof context.request === 'string' ? undefined : context.request.method);
  return (method ?? 'GET').toUpperCase();
}

/** The request's headers, mutable: changes are sent. */
export function requestHeaders(context: Context): Headers {
  if (typeof context.request !== 'string') {
    return context.request.headers;
  }
  context.options ??= {};
  const current = context.options.headers;
  if (current instanceof Headers) {
    return current;
  }
  const headers = new Headers(current);
  context.options.headers = headers;
  return headers;
}
