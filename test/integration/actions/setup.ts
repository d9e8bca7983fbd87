// Shared set-up for the action tests: the demo seed (plus a restricted email in the office's shared
// mailbox), a client per member of staff, and the restrictions as the pane would have them.
import fs from 'node:fs';
import path from 'node:path';
import type { Seed } from '../../../dev/local-graph';
import { createLocalTokenProvider } from '../../../src/auth/localTokenProvider';
import { createGraphClient } from '../../../src/graph/client';
import { MailActionsGraph } from '../../../src/graph/mail/mailActions';
import { MessageMarks } from '../../../src/graph/mail/messageMarks';
import { AuditRepository } from '../../../src/graph/repositories/auditRepository';
import { RestrictedActions, type ActionTarget } from '../../../src/app/actions/restrictedActions';
import { TenantDomains } from '../../../src/app/tenantDomains';
import type { OpenMessage } from '../../../src/host/mailHost';
import type { Restriction } from '../../../src/policy/types';
import { defaultConfig } from '../../../src/config/appConfig';

export const RECEPTION = {
  displayName: 'Sarah Whitfield',
  emailAddress: 'reception@oakfield.sch.uk',
};
export const TEACHER = { displayName: 'Tom Ashworth', emailAddress: 't.ashworth@oakfield.sch.uk' };
export const SPOC = { displayName: 'Priya Shah', emailAddress: 'business.manager@oakfield.sch.uk' };
export const HEAD = { displayName: 'Helen Marsh', emailAddress: 'head@oakfield.sch.uk' };
export const OFFICE = 'office@oakfield.sch.uk';

export const DENTON_SUBJECT = 'Complaint about the Year 5 trip letter';
export const URGENT_SUBJECT = 'Urgent: Aoife not well — please call';
export const OFFICE_SUBJECT = 'Trip money - again';

export const DENTON: Restriction = {
  id: '1',
  personName: 'Mark Denton',
  emails: ['mark.denton1978@gmail.com', 'm.denton@dentonhaulage.co.uk'],
  status: 'Active',
  startDate: '2020-01-01',
  endDate: '2099-01-01',
  handling: 'ForwardAndFile',
  spocName: 'Priya Shah (School Business Manager)',
  spocEmail: 'business.manager@oakfield.sch.uk',
  allowedContact: '',
  staffGuidance: '',
  emergencyNote: '',
};

export function demoSeed(): Seed {
  const file = path.join(__dirname, '../../../dev/local-graph/seeds/demo-school.json');
  const seed = JSON.parse(fs.readFileSync(file, 'utf8')) as Seed;
  // The seed's example forwards (older, made by hand) would be counted with the ones made here.
  for (const mb of seed.mailboxes) {
    for (const f of mb.folders)
      f.messages = (f.messages ?? []).filter((m) => !/^FW:/.test(m.subject));
  }
  const office = seed.mailboxes.find((m) => m.address === OFFICE)!;
  // A second member of office staff with the receptionist's grants (Full Access and Send As), so
  // that two people can act in the shared mailbox at once.
  office.delegates = [
    ...(office.delegates ?? []),
    { user: TEACHER.emailAddress, fullAccess: true, sendAs: true },
  ];
  office.folders[0]!.messages!.push({
    subject: OFFICE_SUBJECT,
    from: { emailAddress: { name: 'Mark Denton', address: 'mark.denton1978@gmail.com' } },
    receivedDateTime: '$now-10m',
    body: { contentType: 'text', content: 'I still have not had an answer about the trip money.' },
  });
  return seed;
}

export const config = {
  restrictedFolderName: defaultConfig.mail.restrictedFolderName,
  urgentKeywords: defaultConfig.mail.urgentKeywords,
};

export function clientFor(baseUrl: string, upn: string, maxRetries = 3) {
  return createGraphClient({
    baseUrl,
    tokenProvider: createLocalTokenProvider(upn),
    retry: { sleep: () => Promise.resolve(), maxRetries },
  });
}

export function actionsFor(
  baseUrl: string,
  user: { displayName: string; emailAddress: string },
  opts: {
    maxRetries?: number;
    maxAttempts?: number;
    /** Instead of reading the tenant's verified domains from the service. */
    tenantDomains?: () => Promise<readonly string[]>;
  } = {},
) {
  const client = clientFor(baseUrl, user.emailAddress, opts.maxRetries);
  const graph = new MailActionsGraph(client);
  const domains = new TenantDomains(client);
  const actions = new RestrictedActions({
    graph,
    marks: new MessageMarks(client),
    audit: new AuditRepository(client, defaultConfig.sharePoint),
    user: () => user,
    // The tenant's verified domains, read from the local service with the user's own token.
    tenantDomains: opts.tenantDomains ?? (() => domains.get()),
    config,
    sleep: () => Promise.resolve(),
    maxAttempts: opts.maxAttempts,
  });
  return { client, graph, actions };
}

interface ListedMessage {
  id: string;
  subject: string;
  parentFolderId: string;
  receivedDateTime: string;
  from?: { emailAddress: { address: string; name?: string } };
  internetMessageHeaders?: { name: string; value: string }[];
}

/** Messages of a mailbox folder, read directly (no retries, no faults: call with faults off). */
export async function folderMessages(
  baseUrl: string,
  mailbox: string,
  folder: string,
): Promise<ListedMessage[]> {
  const res = await fetch(
    `${baseUrl}/v1.0/users/${encodeURIComponent(mailbox)}/mailFolders/${encodeURIComponent(folder)}/messages?$top=200&$select=id,subject,parentFolderId,receivedDateTime,from,internetMessageHeaders`,
    {
      headers: {
        Authorization: `Bearer local:${mailbox === OFFICE ? RECEPTION.emailAddress : mailbox}`,
      },
    },
  );
  if (!res.ok) throw new Error(`folder read answered ${res.status}`);
  return ((await res.json()) as { value: ListedMessage[] }).value;
}

/**
 * Waits (polling, at most `limitMs`) until the Outbox of every mailbox that sends in these tests
 * is empty: `send` is asynchronous, and once the Outbox is empty every accepted send has its Sent
 * Items copy and has been delivered, so counting forwards after this is exact.
 */
export async function outboxesDrained(baseUrl: string, limitMs = 20_000): Promise<void> {
  const until = Date.now() + limitMs;
  for (;;) {
    const pending = (
      await Promise.all(
        [RECEPTION.emailAddress, OFFICE].map((mb) => folderMessages(baseUrl, mb, 'outbox')),
      )
    ).flat();
    if (pending.length === 0) return;
    if (Date.now() > until) throw new Error(`${pending.length} message(s) still in an Outbox`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The send delay for action tests: short, so that many rounds stay quick. Timing is not what they
 * test: the product never waits on it, and every count waits for the Outboxes to drain. A
 * LOCAL_GRAPH_SEND_DELAY_MS variable (the CI matrix) wins.
 */
export const ACTION_TEST_BEHAVIOURS = process.env.LOCAL_GRAPH_SEND_DELAY_MS
  ? {}
  : { sendDelayMs: 300 };

export async function openMessage(
  baseUrl: string,
  mailbox: string,
  subject: string,
  shared: boolean,
): Promise<OpenMessage> {
  const found = (await folderMessages(baseUrl, mailbox, 'inbox')).find(
    (m) => m.subject === subject,
  );
  if (!found) throw new Error(`no message "${subject}" in ${mailbox}`);
  const from = found.from?.emailAddress;
  return {
    itemId: found.id,
    subject: found.subject,
    receivedAt: found.receivedDateTime,
    from: from ? { address: from.address, displayName: from.name } : undefined,
    sharedMailbox: shared ? mailbox : undefined,
  };
}

export function target(message: OpenMessage, restriction: Restriction = DENTON): ActionTarget {
  return { message, restriction, matchedAddress: message.from?.address ?? '' };
}

/** Audit entries as a reviewer reads them. */
export async function auditEntries(baseUrl: string): Promise<Record<string, string>[]> {
  const res = await fetch(
    `${baseUrl}/v1.0/sites/oakfield.sharepoint.com:/sites/ContactGuard:/lists/Contact%20Guard%20Audit/items?$expand=fields&$top=500`,
    { headers: { Authorization: `Bearer local:${HEAD.emailAddress}` } },
  );
  if (!res.ok) throw new Error(`audit read answered ${res.status}`);
  return ((await res.json()) as { value: { fields: Record<string, string> }[] }).value.map(
    (i) => i.fields,
  );
}
