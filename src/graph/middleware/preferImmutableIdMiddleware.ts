// Asks Graph for immutable ids so that a message id stays valid after the message is moved
// (forwarded-and-filed mail changes folder). Merged with any Prefer the caller set, because Prefer
// carries several independent preferences (e.g. HonorNonIndexedQueriesWarningMayFailRandomly).
import type { Context } from '@microsoft/microsoft-graph-client';
import { LinkedMiddleware } from './linkedMiddleware';
import { requestHeaders } from './requestParts';

export const IMMUTABLE_ID_PREFERENCE = 'IdType="ImmutableId"';

export function mergePrefer(existing: string | null, preference: string): string {
  const parts = (existing ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const name = preference.split('=')[0]!.trim().toLowerCase();
  // The caller's own IdType wins: a request may deliberately ask for another id format.
  const alreadyStated = parts.some((part) => part.split('=')[0]!.trim().toLowerCase() === name);
  return (alreadyStated ? parts : [...parts, preference]).join(', ');
}

export class PreferImmutableIdMiddleware extends LinkedMiddleware {
  async execute(context: Context): Promise<void> {
    const headers = requestHeaders(context);
    headers.set('Prefer', mergePrefer(headers.get('Prefer'), IMMUTABLE_ID_PREFERENCE));
    await this.callNext(context);
  }
}
