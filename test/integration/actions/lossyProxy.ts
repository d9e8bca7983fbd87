// A proxy in front of the local Graph service that loses answers: for chosen requests it lets the
// service act and then answers 503 itself (the server acted, the client never heard), or refuses
// with a status of its choosing without passing the request on. This is the failure the exactly-once
// design must survive; the local service's own fault injection (429/503 before acting) is the other.
import http from 'node:http';

export type ProxyDecision =
  | 'pass'
  /** Pass the request on, let the service act, then answer 503 (the answer is lost). */
  | 'loseAnswer'
  /** Answer with this status and Graph error code without passing the request on. */
  | { status: number; code: string };

export interface ProxiedRequest {
  method: string;
  path: string;
}

export interface LossyProxy {
  url: string;
  /** Requests whose answers were lost after the service acted. */
  lost: ProxiedRequest[];
  setRule(rule: (r: ProxiedRequest) => ProxyDecision): void;
  close(): Promise<void>;
}

export async function startLossyProxy(upstream: string): Promise<LossyProxy> {
  let rule: (r: ProxiedRequest) => ProxyDecision = () => 'pass';
  const lost: ProxiedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const request: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
        const decision = rule(request);
        if (typeof decision === 'object') {
          res.writeHead(decision.status, { 'Content-Type': 'application/json' });
          res.end(
            JSON.stringify({
              error: { code: decision.code, message: 'Refused by the test proxy.' },
            }),
          );
          return;
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))
            headers[k] = v;
        }
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${upstream}${request.path}`, {
          method: request.method,
          headers,
          body,
        });
        const text = Buffer.from(await answer.arrayBuffer());
        if (decision === 'loseAnswer') {
          lost.push(request);
          res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '0' });
          res.end(JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'Lost.' } }));
          return;
        }
        const out: Record<string, string> = {};
        answer.headers.forEach((v, k) => {
          if (
            !['content-length', 'connection', 'transfer-encoding', 'content-encoding'].includes(k)
          )
            out[k] = v;
        });
        res.writeHead(answer.status, out);
        res.end(text);
      })().catch(() => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    lost,
    setRule(next) {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
