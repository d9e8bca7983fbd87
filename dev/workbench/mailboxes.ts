// The mailboxes the workbench offers, read from the seed: each person's own mailbox, and each shared
// mailbox opened by its first member (or the first person in the seed).
import type { SignedInUser } from '../../src/host/mailHost';

export interface MailboxChoice {
  id: string;
  label: string;
  user: SignedInUser;
  mailbox: string;
  shared: boolean;
}

interface SeedUser {
  displayName: string;
  mail?: string;
  userPrincipalName: string;
}
interface SeedMailbox {
  address: string;
  displayName?: string;
  kind?: 'user' | 'shared';
  members?: string[];
}

/** What the workbench page needs from the seed: its mailboxes and the site holding the lists. */
export function workbenchEnvironment(seed: {
  users?: SeedUser[];
  mailboxes?: SeedMailbox[];
  sites?: Array<{ hostname: string; path: string }>;
}): { mailboxes: MailboxChoice[]; site?: { hostname: string; sitePath: string } } {
  const site = seed.sites?.[0];
  return {
    mailboxes: mailboxChoices(seed),
    site: site ? { hostname: site.hostname, sitePath: site.path } : undefined,
  };
}

export function mailboxChoices(seed: {
  users?: SeedUser[];
  mailboxes?: SeedMailbox[];
}): MailboxChoice[] {
  const users = seed.users ?? [];
  const byAddress = new Map(users.map((u) => [(u.mail ?? u.userPrincipalName).toLowerCase(), u]));
  const asSignedIn = (u: SeedUser): SignedInUser => ({
    displayName: u.displayName,
    emailAddress: u.mail ?? u.userPrincipalName,
  });
  const choices: MailboxChoice[] = [];
  for (const box of seed.mailboxes ?? []) {
    const owner = byAddress.get(box.address.toLowerCase());
    if (box.kind !== 'shared' && owner) {
      choices.push({
        id: box.address,
        label: `${owner.displayName} (${box.address})`,
        user: asSignedIn(owner),
        mailbox: box.address,
        shared: false,
      });
    } else {
      const member =
        (box.members ?? []).map((m) => byAddress.get(m.toLowerCase())).find(Boolean) ?? users[0];
      if (!member) continue;
      choices.push({
        id: box.address,
        label: `${box.displayName ?? box.address} — shared, as ${member.displayName}`,
        user: asSignedIn(member),
        mailbox: box.address,
        shared: true,
      });
    }
  }
  return choices;
}
