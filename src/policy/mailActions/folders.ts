// Where restricted correspondence is filed: the school's folder (config.mail.restrictedFolderName,
// default "Restricted correspondence") below the Inbox, and a subfolder per person. Pure.

/** Longest folder name used (Exchange allows 255; shorter keeps Outlook's folder pane readable). */
export const MAX_FOLDER_NAME = 120;

/**
 * A folder name for a person: their name as the restriction records it, with characters that
 * make poor folder names (control characters, path separators) replaced, spacing collapsed and the
 * length capped. Never empty.
 */
export function personFolderName(personName: string): string {
  const cleaned = (personName ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\\/]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  const capped = cleaned.slice(0, MAX_FOLDER_NAME).trim();
  return capped === '' ? 'Unnamed person' : capped;
}

/** The folder path (below the Inbox) an email from this person is filed in. */
export function filingPath(rootFolderName: string, personName: string): string[] {
  const root = (rootFolderName ?? '').trim() || 'Restricted correspondence';
  return [root.slice(0, MAX_FOLDER_NAME), personFolderName(personName)];
}

/** OData string literal content: an apostrophe is doubled. */
export function odataString(value: string): string {
  return value.replace(/'/g, "''");
}
