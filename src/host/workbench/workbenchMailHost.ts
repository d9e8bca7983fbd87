// The workbench adapter of the mail-host port: the task pane runs in an iframe of the workbench
// page, which sends the selected item as Outlook's ItemChanged would. Only same-origin messages
// from the parent window are believed.
import { paneMaySend } from '../../launchevent/names';
import type {
  ComposeAccess,
  ComposeField,
  ComposeRecipient,
  ComposeState,
  MailHost,
  OpenMessage,
  SignedInUser,
  ThemeKind,
} from '../mailHost';
import {
  isHostToPane,
  type ComposeRecipient as WireRecipient,
  type ComposeSnapshot,
  type HostToPane,
  type PaneToHost,
  type WorkbenchSignIn,
  type WorkbenchSite,
} from './protocol';
import type { OfficeSignInApi } from '../../auth/officeSignInApi';
import { workbenchOfficeForSignIn } from './workbenchOfficeDialog';

interface Context {
  user: SignedInUser;
  theme: ThemeKind;
  message: OpenMessage | null;
  site?: WorkbenchSite;
  signIn?: WorkbenchSignIn;
  compose?: ComposeSnapshot;
}

/** How long the pane waits for the workbench's cg:compose-done. */
const COMPOSE_TIMEOUT_MS = 10_000;

export class WorkbenchMailHost implements MailHost {
  readonly kind = 'workbench' as const;
  private context: Context;
  private readonly messageListeners = new Set<(m: OpenMessage | null) => void>();
  private readonly themeListeners = new Set<(t: ThemeKind) => void>();
  private readonly hostListeners = new Set<(m: HostToPane) => void>();
  private readonly composeListeners = new Set<() => void>();
  private compose: ComposeAccess | null = null;
  private requestCount = 0;

  private constructor(initial: Context) {
    this.context = initial;
    window.addEventListener('message', (event: MessageEvent) => this.receive(event));
  }

  /** Says hello to the workbench and resolves once it has sent the first context. */
  static connect(timeoutMs = 5000): Promise<WorkbenchMailHost> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        window.removeEventListener('message', first);
        reject(new Error('The workbench page did not answer.'));
      }, timeoutMs);
      const first = (event: MessageEvent) => {
        if (!fromParent(event) || !isHostToPane(event.data) || event.data.type !== 'cg:context')
          return;
        clearTimeout(timer);
        window.removeEventListener('message', first);
        const { user, theme, message, site, signIn, compose } = event.data;
        resolve(new WorkbenchMailHost({ user, theme, message, site, signIn, compose }));
      };
      window.addEventListener('message', first);
      const hello: PaneToHost = { type: 'cg:hello' };
      window.parent.postMessage(hello, window.location.origin);
    });
  }

  private receive(event: MessageEvent): void {
    if (!fromParent(event) || !isHostToPane(event.data)) return;
    const data: HostToPane = event.data;
    this.hostListeners.forEach((l) => l(data));
    if (data.type === 'cg:item' || data.type === 'cg:context') {
      this.context = { ...this.context, message: data.message };
      this.messageListeners.forEach((l) => l(data.message));
    }
    if (data.type === 'cg:theme' || data.type === 'cg:context') {
      this.context = { ...this.context, theme: data.theme };
      this.themeListeners.forEach((l) => l(data.theme));
    }
    if (data.type === 'cg:compose' || (data.type === 'cg:context' && data.compose)) {
      this.context = { ...this.context, compose: data.compose };
      this.composeListeners.forEach((l) => l());
    }
  }

  /** The workbench's compose surface, when the pane was opened on its email (cg:context). */
  getCompose(): ComposeAccess | null {
    if (!this.context.compose) return null;
    this.compose ??= this.composeAccess();
    return this.compose;
  }

  private composeAccess(): ComposeAccess {
    return {
      read: async () => {
        const snapshot = this.context.compose;
        if (!snapshot) throw new Error('The workbench has no email being written.');
        return stateOf(snapshot);
      },
      onChanged: (listener) => {
        this.composeListeners.add(listener);
        return () => this.composeListeners.delete(listener);
      },
      setRecipients: (field: ComposeField, recipients: readonly ComposeRecipient[]) =>
        this.request((id) => ({
          type: 'cg:compose-set-recipients',
          id,
          field,
          recipients: recipients.map(toWire),
        })),
      setSessionData: (key, value) =>
        this.request((id) => ({ type: 'cg:compose-session-set', id, key, value })),
      // The workbench plays an Outlook with Mailbox 1.15; sendAsync also needs read/write mailbox
      // permission, which the manifest does not ask for (names.ts), so as in Outlook: no.
      canSend: paneMaySend(true),
      send: () => this.request((id) => ({ type: 'cg:compose-send', id })),
    };
  }

  /** Sends one compose request and waits for its cg:compose-done. */
  private request(build: (id: string) => PaneToHost): Promise<void> {
    this.requestCount += 1;
    const id = `compose-${this.requestCount}-${Date.now()}`;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.hostListeners.delete(listener);
        reject(new Error('The workbench did not answer in time.'));
      }, COMPOSE_TIMEOUT_MS);
      const listener = (message: HostToPane): void => {
        if (message.type !== 'cg:compose-done' || message.id !== id) return;
        clearTimeout(timer);
        this.hostListeners.delete(listener);
        if (message.error) reject(new Error(message.error));
        else resolve();
      };
      this.hostListeners.add(listener);
      window.parent.postMessage(build(id), window.location.origin);
    });
  }

  async getCurrentMessage(): Promise<OpenMessage | null> {
    return this.context.message;
  }

  onMessageChanged(listener: (message: OpenMessage | null) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  getTheme(): ThemeKind {
    return this.context.theme;
  }

  onThemeChanged(listener: (theme: ThemeKind) => void): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  getUser(): SignedInUser {
    return this.context.user;
  }

  /** The site the workbench's seed holds (not part of the MailHost port: Outlook has no such thing). */
  getSite(): WorkbenchSite | undefined {
    return this.context.site;
  }

  /** With `npm start -- --sign-in`: the local identity provider the pane signs in with. */
  getSignIn(): WorkbenchSignIn | undefined {
    return this.context.signIn;
  }

  /** Office's dialog API, played by the workbench page (for the Office dialog sign-in). */
  officeForSignIn(): OfficeSignInApi {
    return workbenchOfficeForSignIn(
      (message: PaneToHost) => window.parent.postMessage(message, window.location.origin),
      (listener) => {
        this.hostListeners.add(listener);
        return () => this.hostListeners.delete(listener);
      },
    );
  }
}

function fromWire(recipient: WireRecipient): ComposeRecipient {
  const displayName = recipient.displayName?.trim();
  return displayName
    ? { address: recipient.emailAddress, displayName }
    : { address: recipient.emailAddress };
}

function toWire(recipient: ComposeRecipient): WireRecipient {
  return { emailAddress: recipient.address, displayName: recipient.displayName ?? '' };
}

function stateOf(snapshot: ComposeSnapshot): ComposeState {
  return {
    to: (snapshot.to ?? []).map(fromWire),
    cc: (snapshot.cc ?? []).map(fromWire),
    bcc: (snapshot.bcc ?? []).map(fromWire),
    ...(snapshot.from?.emailAddress ? { from: fromWire(snapshot.from) } : {}),
  };
}

function fromParent(event: MessageEvent): boolean {
  return event.source === window.parent && event.origin === window.location.origin;
}

export function isInsideWorkbench(): boolean {
  return (
    window.parent !== window &&
    new URLSearchParams(window.location.search).get('host') === 'workbench'
  );
}
