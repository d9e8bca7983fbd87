// The mailboxes the workbench offers, read from the seed: each person's own mailbox, and each shared
// mailbox once per person the seed grants Full Access to it (`delegates`, as the local service
// enforces them). The first of them keeps the mailbox's address as its id; the others are
// `<address> as <user>`. A shared mailbox without grants is opened by the first person in the seed
// (who then meets the service's 403s, as they would in Outlook).
import type { SignedInUser } from '../../src/host/mailHost';

export interface MailboxChoice {
  id: string;
  label: string;
  user: SignedInUser;
  mailbox: string;
  /** The mailbox's own display name (the From a compose item shows). */
  mailboxName: string;
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
  delegates?: Array<{ user: string; fullAccess?: boolean }>;
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
        mailboxName: owner.displayName,
        shared: false,
      });
    } else {
      const find = (key: string): SeedUser | undefined =>
        byAddress.get(key.toLowerCase()) ??
        users.find((u) => u.userPrincipalName.toLowerCase() === key.toLowerCase());
      const granted = (box.delegates ?? [])
        .filter((d) => d.fullAccess === true)
        .map((d) => find(d.user))
        .filter((u): u is SeedUser => u !== undefined);
      const members = granted.length ? granted : users.slice(0, 1);
      members.forEach((member, index) => {
        const user = asSignedIn(member);
        choices.push({
          id: index === 0 ? box.address : `${box.address} as ${user.emailAddress}`,
          label: `${box.displayName ?? box.address} — shared, as ${member.displayName}`,
          user,
          mailbox: box.address,
          mailboxName: box.displayName ?? box.address,
          shared: true,
        });
      });
    }
  }
  return choices;
}
