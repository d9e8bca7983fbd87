// Users, groups and who may sign in: the directory part of the tenant.
import { GraphError } from './graphErrors';
import type { Seed } from './seedTypes';

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string | null;
  groupIds: string[];
  /** Shared mailboxes are directory users too (disabled for sign-in). */
  canSignIn: boolean;
  /**
   * An application signed in with its own credentials (client credentials, no user): the routing
   * job. Application permissions reach every mailbox (mailboxAccess.ts); `/me` means nothing.
   */
  appOnly?: true;
  /** `SMTP:` + the primary address (always `mail`), then `smtp:` + each alias. */
  proxyAddresses: string[];
}

/** Graph's proxyAddresses from a seed's list: the primary is `mail`, the others are aliases. */
function proxyAddressesOf(mail: string, seeded: readonly string[] | undefined): string[] {
  const aliases = (seeded ?? [])
    .map((p) => p.replace(/^smtp:/i, ''))
    .filter((a) => a.toLowerCase() !== mail.toLowerCase());
  return [`SMTP:${mail}`, ...[...new Set(aliases)].map((a) => `smtp:${a}`)];
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
}

export class Directory {
  readonly users: DirectoryUser[];
  readonly groups: DirectoryGroup[];

  constructor(seed: Seed) {
    this.groups = seed.groups.map((g) => ({ ...g }));
    this.users = seed.users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      mail: u.mail,
      userPrincipalName: u.userPrincipalName,
      jobTitle: u.jobTitle ?? null,
      groupIds: [...(u.groups ?? [])],
      canSignIn: true,
      proxyAddresses: proxyAddressesOf(u.mail, u.proxyAddresses),
    }));
    for (const mb of seed.mailboxes) {
      if (mb.kind !== 'shared' || this.find(mb.address)) continue;
      this.users.push({
        id: sharedMailboxId(mb.address),
        displayName: mb.displayName,
        mail: mb.address,
        userPrincipalName: mb.address,
        jobTitle: null,
        groupIds: [],
        canSignIn: false,
        proxyAddresses: proxyAddressesOf(mb.address, undefined),
      });
    }
  }

  /** By id, userPrincipalName or mail, case-insensitively. */
  find(idOrAddress: string): DirectoryUser | undefined {
    const key = idOrAddress.toLowerCase();
    return this.users.find(
      (u) =>
        u.id.toLowerCase() === key ||
        u.userPrincipalName.toLowerCase() === key ||
        u.mail.toLowerCase() === key,
    );
  }

  /** The recipient with this SMTP address, primary or alias (how Exchange resolves an address). */
  findByAddress(address: string): DirectoryUser | undefined {
    // Indexed once: every rule read resolves each of its recipients (thousands at bench scale).
    if (!this.byAddress) {
      this.byAddress = new Map();
      for (const u of this.users)
        for (const p of u.proxyAddresses)
          this.byAddress.set(p.replace(/^smtp:/i, '').toLowerCase(), u);
    }
    return this.byAddress.get(address.trim().toLowerCase());
  }

  private byAddress: Map<string, DirectoryUser> | undefined;

  /**
   * The user a `local:<userPrincipalName>` token stands for, or the user of an identity provider's
   * JWT (verified before, identityTokens.ts), or the application a `local-app:<name>` token stands
   * for (an app-only token, as client credentials give).
   */
  authenticate(
    authorization: string | undefined,
    /** For a JWT: the user principal name it was verified to stand for, or why it was refused. */
    verifiedJwt?: string | GraphError,
  ): DirectoryUser {
    const bearer = /^Bearer\s+(.*)$/i.exec(authorization ?? '');
    const token = bearer?.[1]?.trim() ?? '';
    if (!token) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (verifiedJwt instanceof GraphError) throw verifiedJwt;
    const app = /^local-app:(.+)$/i.exec(token)?.[1]?.trim();
    if (app) return appPrincipal(app);
    const upn = verifiedJwt ?? /^local:(.+)$/i.exec(token)?.[1];
    const user = upn
      ? this.users.find(
          (u) => u.canSignIn && u.userPrincipalName.toLowerCase() === upn.toLowerCase(),
        )
      : undefined;
    if (!user) {
      throw new GraphError(
        401,
        'InvalidAuthenticationToken',
        'IDX14100: JWT is not well formed, there are no dots (.).',
      );
    }
    return user;
  }

  groupsOf(user: DirectoryUser): DirectoryGroup[] {
    return this.groups.filter((g) => user.groupIds.includes(g.id));
  }
}

function appPrincipal(name: string): DirectoryUser {
  return {
    id: sharedMailboxId(`app:${name}`),
    displayName: name,
    mail: '',
    userPrincipalName: '',
    jobTitle: null,
    groupIds: [],
    canSignIn: true,
    appOnly: true,
    proxyAddresses: [],
  };
}

function sharedMailboxId(address: string): string {
  // A stable GUID-shaped id derived from the address, so that reset() keeps it.
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of address.toLowerCase() + round)
      h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

export function userResource(u: DirectoryUser): Record<string, unknown> {
  const [givenName, ...rest] = u.displayName.split(' ');
  return {
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.canSignIn ? (givenName ?? null) : null,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-GB',
    surname: u.canSignIn && rest.length ? rest.join(' ') : null,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
  };
}
