// The seed's relative dates against a fixed moment (`seedTime`): what `npm run screens` uses so its
// pictures do not change from day to day. Without it the seed follows the real clock.
import { RECEPTION, startClient, type GraphTestClient } from './helpers';

const FIXED = new Date('2026-01-14T09:30:00Z');
const URGENT = 'Urgent: Aoife not well — please call'; // "$now-10m" in reception's inbox

async function receivedAt(client: GraphTestClient): Promise<string | undefined> {
  const reply = await client.as(RECEPTION).call<{
    value: { subject: string; receivedDateTime: string }[];
  }>('GET', '/me/mailFolders/inbox/messages?$top=100&$select=subject,receivedDateTime');
  return reply.body.value.find((m) => m.subject === URGENT)?.receivedDateTime;
}

it('resolves $now against seedTime, on start and after a reset', async () => {
  const client = await startClient({ seedTime: FIXED });
  try {
    expect(await receivedAt(client)).toBe('2026-01-14T09:20:00Z');
    client.graph.reset();
    expect(await receivedAt(client)).toBe('2026-01-14T09:20:00Z');
  } finally {
    await client.graph.close();
  }
});

it('follows the real clock without seedTime', async () => {
  const client = await startClient();
  try {
    const received = Date.parse((await receivedAt(client)) ?? '');
    expect(Math.abs(Date.now() - 10 * 60_000 - received)).toBeLessThan(60_000);
  } finally {
    await client.graph.close();
  }
});
