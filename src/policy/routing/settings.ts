// The Settings list holds one item per setting (Title = the key, Value = its text), so that a
// school edits it in SharePoint's own pages and later features add keys without a migration. These
// are the keys mail routing reads, and how their text is read. Pure.
//
// The school's own domains are NOT a setting: they are the tenant's verified domains, read from
// Microsoft Entra by the caller and passed in. A list anyone with edit rights can change (or a
// demo default) would let mail be redirected outside the school.
import { normalizeAddress, splitAddressList } from '../addresses';
import {
  ADDRESSES_PER_RULE_DEFAULT,
  ADDRESSES_PER_RULE_MAX,
  ADDRESSES_PER_RULE_MIN,
  ROUTING_DELIVERIES,
  type RoutingDelivery,
  type RoutingSettings,
} from './types';

export const ROUTING_SETTING_KEYS = {
  protectedMailboxes: 'ProtectedMailboxes',
  folderName: 'RoutingFolderName',
  delivery: 'RoutingDelivery',
  addressesPerRule: 'RoutingAddressesPerRule',
  defaultSpoc: 'DefaultSpocEmail',
} as const;

/** Keys routing once read and no longer does: their presence is reported, never obeyed. */
export const RETIRED_ROUTING_SETTING_KEYS = { acceptedDomains: 'AcceptedDomains' } as const;

export interface RoutingSettingsDefaults {
  folderName: string;
}

/** Folder names Outlook refuses or that would collide with a path. */
const FOLDER_NAME = /^[^\\/]{1,255}$/;

/**
 * Reads the routing settings from the Settings list's key/value pairs (keys compared
 * case-insensitively), with the tenant's verified mail domains as the accepted domains. Problems
 * are plain words, without personal data; a problem never stops the other settings being read,
 * and defaults fill what is missing.
 */
export function readRoutingSettings(
  values: ReadonlyMap<string, string>,
  defaults: RoutingSettingsDefaults,
  tenantDomains: readonly string[],
): { settings: RoutingSettings; defaultSpoc?: string; problems: string[] } {
  const lower = new Map([...values].map(([k, v]) => [k.trim().toLowerCase(), v]));
  const get = (key: string) => lower.get(key.toLowerCase())?.trim() ?? '';
  const problems: string[] = [];

  const mailboxes = splitAddressList(get(ROUTING_SETTING_KEYS.protectedMailboxes));
  if (mailboxes.invalid.length > 0) {
    problems.push(
      `${ROUTING_SETTING_KEYS.protectedMailboxes} has ${mailboxes.invalid.length} ${mailboxes.invalid.length === 1 ? 'entry that is' : 'entries that are'} not an address.`,
    );
  }
  const acceptedDomains = [
    ...new Set(tenantDomains.map((d) => d.trim().toLowerCase()).filter((d) => d !== '')),
  ];
  if (get(RETIRED_ROUTING_SETTING_KEYS.acceptedDomains) !== '') {
    problems.push(
      `${RETIRED_ROUTING_SETTING_KEYS.acceptedDomains} is no longer read: the school's domains are the tenant's verified domains in Microsoft Entra. Delete this setting.`,
    );
  }
  const outside = mailboxes.addresses.filter(
    (a) => !acceptedDomains.includes(a.slice(a.lastIndexOf('@') + 1)),
  );
  if (outside.length > 0) {
    problems.push(
      `${ROUTING_SETTING_KEYS.protectedMailboxes}: ${outside.length} ${outside.length === 1 ? 'mailbox is' : 'mailboxes are'} outside the accepted domains and will not be protected.`,
    );
  }

  let folderName = get(ROUTING_SETTING_KEYS.folderName) || defaults.folderName;
  if (!FOLDER_NAME.test(folderName)) {
    problems.push(`${ROUTING_SETTING_KEYS.folderName} cannot contain "/" or "\\".`);
    folderName = defaults.folderName;
  }

  let delivery: RoutingDelivery = 'redirect';
  const deliveryText = get(ROUTING_SETTING_KEYS.delivery);
  if (deliveryText) {
    const found = ROUTING_DELIVERIES.find((d) => d.toLowerCase() === deliveryText.toLowerCase());
    if (found) delivery = found;
    else
      problems.push(
        `${ROUTING_SETTING_KEYS.delivery} must be "redirect" or "forwardAsAttachment"; "redirect" is used.`,
      );
  }

  let addressesPerRule = ADDRESSES_PER_RULE_DEFAULT;
  const perRuleText = get(ROUTING_SETTING_KEYS.addressesPerRule);
  if (perRuleText) {
    const n = Number(perRuleText);
    if (Number.isInteger(n) && n >= ADDRESSES_PER_RULE_MIN && n <= ADDRESSES_PER_RULE_MAX) {
      addressesPerRule = n;
    } else {
      problems.push(
        `${ROUTING_SETTING_KEYS.addressesPerRule} must be a whole number from ${ADDRESSES_PER_RULE_MIN} to ${ADDRESSES_PER_RULE_MAX}; ${ADDRESSES_PER_RULE_DEFAULT} is used.`,
      );
    }
  }

  const spocText = get(ROUTING_SETTING_KEYS.defaultSpoc);
  const defaultSpoc = spocText ? normalizeAddress(spocText) : undefined;

  return {
    settings: {
      protectedMailboxes: mailboxes.addresses.filter((a) => !outside.includes(a)),
      acceptedDomains,
      folderName,
      delivery,
      addressesPerRule,
    },
    ...(defaultSpoc ? { defaultSpoc } : {}),
    problems,
  };
}
