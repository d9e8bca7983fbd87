// Messages between the workbench page (the "Outlook" around the pane) and the task pane in its
// iframe. The workbench plays the host's part: it owns the selected item, the user and the theme.
import type { OpenMessage, SignedInUser, ThemeKind } from '../mailHost';

export type PaneToHost = { type: 'cg:hello' };

/** The SharePoint site of the workbench's seed, so that `npm start -- --seed FILE` works for any school. */
export interface WorkbenchSite {
  hostname: string;
  sitePath: string;
}

export type HostToPane =
  | {
      type: 'cg:context';
      user: SignedInUser;
      theme: ThemeKind;
      message: OpenMessage | null;
      site?: WorkbenchSite;
    }
  | { type: 'cg:item'; message: OpenMessage | null }
  | { type: 'cg:theme'; theme: ThemeKind };

export function isHostToPane(data: unknown): data is HostToPane {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('cg:')
  );
}
