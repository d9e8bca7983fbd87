// item.sessionData's size limit: "In Outlook clients that support Mailbox 1.15 or earlier, the entire
// SessionData object for each mail item is limited to 50,000 characters per add-in"
// (https://learn.microsoft.com/javascript/api/outlook/office.sessiondata). The workbench answers as a
// Mailbox 1.15 client, so 50,000, counted on the object as JSON. The handler runtime and the compose
// pane are one add-in: both writers are held to it.
export const SESSION_DATA_LIMIT = 50_000;

/** True when setting key to value keeps the item's session data within the limit. */
export function sessionDataFits(current: Map<string, string>, key: string, value: string): boolean {
  const next = new Map(current).set(key, value);
  return JSON.stringify(Object.fromEntries(next)).length <= SESSION_DATA_LIMIT;
}
