// Inbox rules through Graph: `/users/{mailbox}/mailFolders/inbox/messageRules` (app-only, any
// protected mailbox) or `/me/...` (delegated: only the signed-in user's own rules). Both single
// calls (the admin view) and batch steps (the reconciler) are built here, so the paths and bodies
// are written once.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { MessageRuleData, RuleBody } from '../../policy/routing/types';
import type { BatchStep } from '../batch';
import { GraphAccessError, toGraphAccessError } from '../errors';
import { encodePathSegment } from '../sharePoint';

/** undefined = the signed-in user (`/me`). */
export type MailboxRef = string | undefined;

export function mailboxRoot(mailbox: MailboxRef): string {
  return mailbox === undefined ? '/me' : `/users/${encodePathSegment(mailbox)}`;
}

export function rulesPath(mailbox: MailboxRef): string {
  return `${mailboxRoot(mailbox)}/mailFolders/inbox/messageRules`;
}

export function rulePath(mailbox: MailboxRef, ruleId: string): string {
  return `${rulesPath(mailbox)}/${encodePathSegment(ruleId)}`;
}

/** Top-level folders, to find the routing folder by name (a few dozen at most). */
export function topFoldersPath(mailbox: MailboxRef): string {
  return `${mailboxRoot(mailbox)}/mailFolders?$select=id,displayName&$top=250`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rules of a `GET .../messageRules` answer; entries without an id are dropped. */
export function readRules(body: unknown): MessageRuleData[] {
  const value = isRecord(body) && Array.isArray(body.value) ? body.value : [];
  return value.filter(
    (r): r is MessageRuleData => isRecord(r) && typeof r.id === 'string' && r.id !== '',
  );
}

/** The id of the top-level folder with this name (compared case-insensitively, as Outlook does). */
export function findFolderId(body: unknown, name: string): string | undefined {
  const value = isRecord(body) && Array.isArray(body.value) ? body.value : [];
  const wanted = name.trim().toLowerCase();
  const found = value.find(
    (f) =>
      isRecord(f) &&
      typeof f.displayName === 'string' &&
      f.displayName.trim().toLowerCase() === wanted,
  );
  return isRecord(found) && typeof found.id === 'string' ? found.id : undefined;
}

export const ruleSteps = {
  list: (mailbox: MailboxRef): BatchStep => ({ method: 'GET', url: rulesPath(mailbox) }),
  folders: (mailbox: MailboxRef): BatchStep => ({ method: 'GET', url: topFoldersPath(mailbox) }),
  createFolder: (mailbox: MailboxRef, name: string): BatchStep => ({
    method: 'POST',
    url: `${mailboxRoot(mailbox)}/mailFolders`,
    body: { displayName: name },
  }),
  /** The answer (the rule as stored) is not read: a fresh listing is the next run's truth. */
  create: (mailbox: MailboxRef, body: RuleBody): BatchStep => ({
    method: 'POST',
    url: rulesPath(mailbox),
    body,
    keep: () => undefined,
  }),
  /** The whole state: sending it twice leaves the same rule. */
  update: (mailbox: MailboxRef, ruleId: string, body: RuleBody): BatchStep => ({
    method: 'PATCH',
    url: rulePath(mailbox, ruleId),
    body,
    idempotent: true,
    keep: () => undefined,
  }),
  /** A rule already gone is what was wanted. */
  remove: (mailbox: MailboxRef, ruleId: string): BatchStep => ({
    method: 'DELETE',
    url: rulePath(mailbox, ruleId),
    alsoOk: [404],
  }),
};

/** Single calls, for one mailbox (the admin view's "my mailbox"). */
export class MessageRulesRepository {
  constructor(private readonly client: Client) {}

  async list(mailbox: MailboxRef): Promise<MessageRuleData[]> {
    return readRules(await this.call(() => this.client.api(rulesPath(mailbox)).get()));
  }

  async folderId(mailbox: MailboxRef, name: string): Promise<string | undefined> {
    return findFolderId(
      await this.call(() => this.client.api(topFoldersPath(mailbox)).get()),
      name,
    );
  }

  async createFolder(mailbox: MailboxRef, name: string): Promise<string> {
    const body: unknown = await this.call(() =>
      this.client.api(`${mailboxRoot(mailbox)}/mailFolders`).post({ displayName: name }),
    );
    if (!isRecord(body) || typeof body.id !== 'string') {
      throw new GraphAccessError('unknown', { code: 'folderWithoutId' });
    }
    return body.id;
  }

  async create(mailbox: MailboxRef, rule: RuleBody): Promise<void> {
    await this.call(() => this.client.api(rulesPath(mailbox)).post(rule));
  }

  async update(mailbox: MailboxRef, ruleId: string, rule: RuleBody): Promise<void> {
    await this.call(() => this.client.api(rulePath(mailbox, ruleId)).patch(rule));
  }

  async remove(mailbox: MailboxRef, ruleId: string): Promise<void> {
    try {
      await this.client.api(rulePath(mailbox, ruleId)).delete();
    } catch (e) {
      const error = toGraphAccessError(e);
      if (error.kind !== 'notFound') throw error;
    }
  }

  private async call(run: () => Promise<unknown>): Promise<unknown> {
    try {
      return await run();
    } catch (e) {
      throw toGraphAccessError(e);
    }
  }
}
