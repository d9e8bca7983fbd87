// The workbench page's part of Office's dialog API (displayDialogAsync on the web): asked by the
// pane, it first asks the user as Outlook on the web does ("<add-in> wants to display a new
// window", Allow / Ignore), then opens the page in a window of its own, relays what the page sends
// with messageParent (DialogMessageReceived, with the sender's origin) and tells the pane when the
// user closes the window (DialogEventReceived 12006). Codes: learn.microsoft.com/office/dev/add-ins/
// develop/dialog-handle-errors-events (12006 closed, 12007 already open, 12009 ignored).
import type { DialogToHost, HostToPane, PaneToHost } from '../../../src/host/workbench/protocol';

const DIALOG_CLOSED = 12006;
const DIALOG_ALREADY_OPEN = 12007;
const DIALOG_IGNORED = 12009;
/**
 * Dialog.close() is asynchronous in Office (it takes no callback): a dialog asked for straight
 * after gets 12007 until Office has finished closing the first (dialog-best-practices, "Opening
 * another dialog immediately after closing one"; office-js#1451; on Outlook on the web for longer,
 * office-js#6021). The workbench keeps a closed dialog active for a second, as the docs' own
 * setTimeout example waits, so that an add-in which opens its next dialog at once meets 12007 here
 * too. A dialog the user closes (12006) is gone at once, as users report.
 */
const CLOSE_SETTLES_MS = 1_000;

type DialogRequest = Extract<PaneToHost, { type: 'cg:dialog-open' }>;

export function wireOfficeDialog(options: {
  pane: HTMLIFrameElement;
  post: (message: HostToPane) => void;
}): (request: PaneToHost) => void {
  const prompt = document.getElementById('dialog-prompt') as HTMLElement;
  const allow = document.getElementById('dialog-allow') as HTMLButtonElement;
  const ignore = document.getElementById('dialog-ignore') as HTMLButtonElement;
  let open:
    | { id: string; window: Window | null; poll?: number; closing: boolean; releaseAt?: number }
    | undefined;
  let pending: DialogRequest | undefined;

  window.addEventListener('message', (event: MessageEvent) => {
    if (!open?.window || event.source !== open.window) return;
    // Office reports the origin of the page that sent the message; the pane checks it.
    const data = event.data as DialogToHost | undefined;
    if (data?.type !== 'cg:dialog-parent-message' || typeof data.message !== 'string') return;
    options.post({
      type: 'cg:dialog-message',
      id: open.id,
      message: data.message,
      origin: event.origin,
    });
  });

  function finish(): void {
    if (open?.poll) window.clearInterval(open.poll);
    open = undefined;
  }

  function launch(request: DialogRequest): void {
    const width = Math.round((screen.availWidth * request.width) / 100);
    const height = Math.round((screen.availHeight * request.height) / 100);
    const target = new URL(request.url, window.location.href);
    const opened = window.open(
      target.href,
      'contact-guard-dialog',
      `popup,width=${width},height=${height}`,
    );
    open = { id: request.id, window: opened, closing: false };
    options.post({ type: 'cg:dialog-opened', id: request.id });
    const watched = open;
    watched.poll = window.setInterval(() => {
      if (!watched.window || watched.window.closed) {
        if (!watched.closing)
          options.post({ type: 'cg:dialog-event', id: watched.id, error: DIALOG_CLOSED });
        else if (open === watched && Date.now() < (watched.releaseAt ?? 0)) return;
        if (open === watched) finish();
        else window.clearInterval(watched.poll);
      }
    }, 100);
  }

  allow.addEventListener('click', () => {
    prompt.hidden = true;
    const request = pending;
    pending = undefined;
    if (request) launch(request);
  });
  ignore.addEventListener('click', () => {
    prompt.hidden = true;
    const request = pending;
    pending = undefined;
    if (request) options.post({ type: 'cg:dialog-opened', id: request.id, error: DIALOG_IGNORED });
  });

  return (request) => {
    if (request.type === 'cg:hello') {
      // The pane (re)started — another person's mailbox, or a reload: as when Outlook closes a
      // pane, its dialog goes with it and an unanswered prompt is withdrawn.
      prompt.hidden = true;
      pending = undefined;
      if (open) {
        open.closing = true;
        open.window?.close();
        finish();
      }
      return;
    }
    if (request.type === 'cg:dialog-open') {
      if (open || pending) {
        options.post({ type: 'cg:dialog-opened', id: request.id, error: DIALOG_ALREADY_OPEN });
        return;
      }
      pending = request;
      prompt.hidden = false;
      allow.focus();
    } else if (request.type === 'cg:dialog-close' && open?.id === request.id) {
      open.closing = true;
      open.releaseAt = Date.now() + CLOSE_SETTLES_MS;
      open.window?.close();
    }
  };
}
