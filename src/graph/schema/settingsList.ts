// The Settings list: one item per setting, Title = the key, Value = its text, so that a school
// edits it in SharePoint's own pages and later features add keys without a migration. Readable by
// staff who need it, writable by admins (SharePoint permissions). Keys: docs/lists.md and
// docs/routing.md (mail routing reads ProtectedMailboxes, RoutingFolderName, RoutingDelivery,
// RoutingAddressesPerRule, DefaultSpocEmail; the school's domains are the tenant's verified domains,
// never a setting).

import type { ListSchema } from './types';

export const settingsList: ListSchema = {
  displayName: 'Contact Guard Settings',
  description:
    "Contact Guard: the school's settings, one item per setting (Title is the setting, Value its text). " +
    'Protected mailboxes, mail-routing defaults and the like.',
  columns: [
    {
      name: 'Title',
      displayName: 'Setting',
      description: "The setting's name, e.g. ProtectedMailboxes. A contract: do not rename.",
      required: true,
      indexed: true,
      enforceUniqueValues: true,
      text: { allowMultipleLines: false, maxLength: 255 },
    },
    {
      name: 'Value',
      displayName: 'Value',
      description: "The setting's text. Lists (mailboxes, domains) one entry per line.",
      required: false,
      text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 },
    },
  ],
};
