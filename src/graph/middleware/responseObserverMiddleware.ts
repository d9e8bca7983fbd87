// Reports each HTTP exchange (every attempt, retries included) to an optional observer: the
// workbench's request log and the benchmark count round trips with it.
import type { Context } from '@microsoft/microsoft-graph-client';
import { LinkedMiddleware } from './linkedMiddleware';
import { requestMethod, requestUrl } from './requestParts';

export interface ResponseInfo {
  method: string;
  /** Origin and path only: the query string is dropped because filters can hold addresses. */
  url: string;
  /** HTTP status, or 0 when no response arrived (network failure). */
  status: number;
  ms: number;
}

export type ResponseObserver = (info: ResponseInfo) => void;

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export class ResponseObserverMiddleware extends LinkedMiddleware {
  constructor(private readonly observer: ResponseObserver) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const started = performance.now();
    let status = 0;
    try {
      await this.callNext(context);
      status = context.response?.status ?? 0;
    } finally {
      this.report({
        method: requestMethod(context),
        url: withoutQuery(requestUrl(context)),
        status,
        ms: Math.round(performance.now() - started),
      });
    }
  }

  private report(info: ResponseInfo): void {
    try {
      this.observer(info);
    } catch {
      // An observer's bug must not fail the request it watches.
    }
  }
}
