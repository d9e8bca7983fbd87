// The one link between the workbench page (Outlook's part) and the event handlers' runtime in its
// hidden iframe (launchevent.html). Same origin, so the page lends the iframe its live compose
// item instead of copying it through postMessage: what the handler reads and sets is what the
// compose surface draws and the compose pane is sent. The page sets `window[RUNTIME_HOST_GLOBAL]`;
// the shim (officeRuntimeShim.ts) asks it for the bridge of the item named in its URL (`?item=`).
import type { SignedInUser } from '../../../src/host/mailHost';
import type { WorkbenchSignIn, WorkbenchSite } from '../../../src/host/workbench/protocol';
import type { ComposeItem } from '../page/composeItem';

export const RUNTIME_HOST_GLOBAL = '__cgWorkbenchRuntimeHost';

/** A handler as Office.actions.associate receives it: called with the event object. */
export type LaunchEventHandler = (event: unknown) => unknown;

export interface RuntimeBridge {
  item: ComposeItem;
  user: SignedInUser;
  site?: WorkbenchSite;
  signIn?: WorkbenchSignIn;
  /** Office.actions.associate: the page calls the handler by the manifest's FunctionName. */
  associate(name: string, handler: LaunchEventHandler): void;
}

export interface RuntimeHost {
  /** The bridge for the compose item with this id, or undefined when it has gone (discarded, sent). */
  attach(itemId: string): RuntimeBridge | undefined;
}
