// The workbench adapter of the mail-host port: the task pane runs in an iframe of the workbench
// page, which sends the selected item as Outlook's ItemChanged would. Only same-origin messages
// from the parent window are believed.
import type { MailHost, OpenMessage, SignedInUser, ThemeKind } from '../mailHost';
import {
  isHostToPane,
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
}

export class WorkbenchMailHost implements MailHost {
  readonly kind = 'workbench' as const;
  private context: Context;
  private readonly messageListeners = new Set<(m: OpenMessage | null) => void>();
  private readonly themeListeners = new Set<(t: ThemeKind) => void>();
  private readonly hostListeners = new Set<(m: HostToPane) => void>();

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
        const { user, theme, message, site, signIn } = event.data;
        resolve(new WorkbenchMailHost({ user, theme, message, site, signIn }));
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

function fromParent(event: MessageEvent): boolean {
  return event.source === window.parent && event.origin === window.location.origin;
}

export function isInsideWorkbench(): boolean {
  return (
    window.parent !== window &&
    new URLSearchParams(window.location.search).get('host') === 'workbench'
  );
}
