// A scripted stand-in for global fetch: each call takes the next scripted reply, and every request
// is recorded (URL, method, headers) for assertions.
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

export type ScriptedReply =
  { status: number; body?: unknown; headers?: Record<string, string> } | { networkError: true };

export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return { status, body, headers } satisfies ScriptedReply;
}

export function installFetchMock(script: ScriptedReply[]) {
  const requests: RecordedRequest[] = [];
  const remaining = [...script];
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push({
      url,
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: new Headers(init?.headers),
      body: init?.body,
    });
    const reply = remaining.length > 1 ? remaining.shift()! : remaining[0];
    if (!reply) throw new Error('fetch mock: no reply scripted');
    if ('networkError' in reply) throw new TypeError('fetch failed');
    const hasBody = reply.body !== undefined && reply.status !== 204;
    return new Response(hasBody ? JSON.stringify(reply.body) : null, {
      status: reply.status,
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...reply.headers },
    });
  });
  return { requests, spy };
}
