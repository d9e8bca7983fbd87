// Inbox rules through Graph: `/users/{mailbox}/mailFolders/inbox/messageRules` (app-only, any
// protected mailbox) or `/me/...` (delegated: only the signed-in user's own rules). Both single
// calls (the admin view) and batch steps (the reconciler) are built here, so the paths and bodies
// are written once.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { MessageRuleData, RuleBody } from '../../policy/routing/types';
import type { BatchStep } from '../batch';
import { GraphAccessError } from '../errors';
import { type GraphCalls, graphCallsOf } from '../graphCalls';
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

export function masterCategoriesPath(mailbox: MailboxRef): string {
  return `${mailboxRoot(mailbox)}/outlook/masterCategories`;
}

/** The names in a `GET .../outlook/masterCategories` answer. */
export function readCategoryNames(body: unknown): string[] {
  const value = isRecord(body) && Array.isArray(body.value) ? body.value : [];
  return value
    .map((c) => (isRecord(c) ? c.displayName : undefined))
    .filter((n): n is string => typeof n === 'string');
}

/** The categories of `wanted` that are not in the master list yet (names compared case-insensitively). */
export function missingCategories(
  have: readonly string[],
  wanted: readonly { displayName: string; color: string }[],
): { displayName: string; color: string }[] {
  const known = new Set(have.map((n) => n.trim().toLowerCase()));
  return wanted.filter((c) => !known.has(c.displayName.trim().toLowerCase()));
}

/**
 * The master category list: a category a rule assigns is shown in colour only when the mailbox's
 * master list has it (https://learn.microsoft.com/graph/api/resources/outlookcategory).
 */
export const categorySteps = {
  list: (mailbox: MailboxRef): BatchStep => ({ method: 'GET', url: masterCategoriesPath(mailbox) }),
  /** 409: someone made it meanwhile, which is what was wanted. */
  create: (mailbox: MailboxRef, category: { displayName: string; color: string }): BatchStep => ({
    method: 'POST',
    url: masterCategoriesPath(mailbox),
    body: category,
    alsoOk: [409],
    keep: () => undefined,
  }),
};

/** Single calls, for one mailbox (the admin view's "my mailbox"). */
export class MessageRulesRepository {
  private readonly calls: GraphCalls;

  constructor(client: Client | GraphCalls) {
    this.calls = graphCallsOf(client);
  }

  async list(mailbox: MailboxRef): Promise<MessageRuleData[]> {
    return readRules(await this.calls.get(rulesPath(mailbox)));
  }

  async folderId(mailbox: MailboxRef, name: string): Promise<string | undefined> {
    return findFolderId(await this.calls.get(topFoldersPath(mailbox)), name);
  }

  async createFolder(mailbox: MailboxRef, name: string): Promise<string> {
    const body: unknown = await this.calls.post(`${mailboxRoot(mailbox)}/mailFolders`, {
      displayName: name,
    });
    if (!isRecord(body) || typeof body.id !== 'string') {
      throw new GraphAccessError('unknown', { code: 'folderWithoutId' });
    }
    return body.id;
  }

  async create(mailbox: MailboxRef, rule: RuleBody): Promise<void> {
    await this.calls.post(rulesPath(mailbox), rule);
  }

  async update(mailbox: MailboxRef, ruleId: string, rule: RuleBody): Promise<void> {
    await this.calls.patch(rulePath(mailbox, ruleId), rule);
  }

  /** Adds the categories the rules assign that the mailbox's master list lacks. */
  async ensureCategories(
    mailbox: MailboxRef,
    wanted: readonly { displayName: string; color: string }[],
  ): Promise<void> {
    const have = readCategoryNames(await this.calls.get(masterCategoriesPath(mailbox)));
    for (const category of missingCategories(have, wanted)) {
      try {
        await this.calls.post(masterCategoriesPath(mailbox), category);
      } catch (e) {
        if (!(e instanceof GraphAccessError) || e.kind !== 'conflict') throw e;
      }
    }
  }

  async remove(mailbox: MailboxRef, ruleId: string): Promise<void> {
    try {
      await this.calls.delete(rulePath(mailbox, ruleId));
    } catch (e) {
      if (!(e instanceof GraphAccessError) || e.kind !== 'notFound') throw e;
    }
  }
}
