// Messages between the workbench page (the "Outlook" around the pane) and the task pane in its
// iframe. The workbench plays the host's part: it owns the selected item, the user and the theme,
// and (with `npm start -- --sign-in`) the Office dialog the pane signs in through.
import type { OpenMessage, SignedInUser, ThemeKind } from '../mailHost';

/** Office's dialog, asked of the host: displayDialogAsync and close. */
export type PaneToHost =
  | { type: 'cg:hello' }
  | { type: 'cg:dialog-open'; id: string; url: string; height: number; width: number }
  | { type: 'cg:dialog-close'; id: string };

/** The SharePoint site of the workbench's seed, so that `npm start -- --seed FILE` works for any school. */
export interface WorkbenchSite {
  hostname: string;
  sitePath: string;
}

/**
 * Where the pane signs in when the workbench runs with `--sign-in`: the local identity provider
 * (dev/local-identity) and the workbench's app registration there.
 */
export interface WorkbenchSignIn {
  clientId: string;
  tenantId: string;
  authority: string;
  /** The production build's delegated Graph scopes (config/production.json): staff's. */
  scopes: string[];
  /** The production build's extra scopes for reviewers and admins, asked for when first used. */
  reviewerScopes?: string[];
  adminScopes?: string[];
}

export type HostToPane =
  | {
      type: 'cg:context';
      user: SignedInUser;
      theme: ThemeKind;
      message: OpenMessage | null;
      site?: WorkbenchSite;
      signIn?: WorkbenchSignIn;
    }
  | { type: 'cg:item'; message: OpenMessage | null }
  | { type: 'cg:theme'; theme: ThemeKind }
  /** The answer to cg:dialog-open: opened, or Office's error code (12009: the user ignored it). */
  | { type: 'cg:dialog-opened'; id: string; error?: number }
  /** What the dialog page sent with messageParent, and the page's origin (DialogOrigin 1.1). */
  | { type: 'cg:dialog-message'; id: string; message: string; origin: string }
  /** The dialog closed by the user (12006) or failed to load (12002). */
  | { type: 'cg:dialog-event'; id: string; error: number };

/** What auth-dialog.html sends its opener (the workbench page) in place of messageParent. */
export interface DialogToHost {
  type: 'cg:dialog-parent-message';
  message: string;
}

export function isHostToPane(data: unknown): data is HostToPane {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string' &&
    (data as { type: string }).type.startsWith('cg:')
  );
}
