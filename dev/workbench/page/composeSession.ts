// One email being written: its ComposeItem, its surface and its event runtime, and the send as
// Outlook on the web runs it under Smart Alerts (SendMode SoftBlock): OnMessageSend first, then the
// dialog smartAlert.ts decides on, then the mail goes through Outlook's own transport
// (mailTransport.ts). The Send button comes here (and the compose pane's sendAsync, cg:compose-send, would, under
// read/write mailbox permission, which the manifest does not ask for), so nothing sends around it.
import { COMPOSE_PANE_COMMAND_ID } from '../../../src/launchevent/names';
import type { SignedInUser } from '../../../src/host/mailHost';
import type { ComposeItem } from './composeItem';
import { mountComposeSurface, type ComposeSurface } from './composeSurface';
import { EventRuntime, type SmartAlertTimers } from './eventRuntime';
import { sendThroughExchange } from './mailTransport';
import { ADDIN_NAME, longRunningAlert, smartAlertFor, type AlertAction } from './smartAlert';
import { showSmartAlert, type OpenAlert } from './smartAlertDialog';

export interface ComposeSessionHooks {
  /** The compose task pane, opened on this item with the context the button or alert passed. */
  openPane(item: ComposeItem, contextData?: string): void;
  closed(outcome: 'sent' | 'discarded'): void;
}

export interface SendResult {
  sent: boolean;
  error?: string;
}

export class ComposeSession {
  private readonly surface: ComposeSurface;
  private sending = false;
  private closedAlready = false;

  constructor(
    container: HTMLElement,
    readonly item: ComposeItem,
    readonly runtime: EventRuntime,
    private readonly user: SignedInUser,
    private readonly hooks: ComposeSessionHooks,
  ) {
    this.surface = mountComposeSurface(container, item, {
      onSend: () => void this.send(),
      onDiscard: () => this.close('discarded'),
      onOpenPane: (contextData) => hooks.openPane(item, contextData),
    });
    item.onRecipientsChanged((fields) => void runtime.recipientsChanged(fields));
    void runtime.newMessageCompose();
  }

  static open(
    container: HTMLElement,
    item: ComposeItem,
    environment: ConstructorParameters<typeof EventRuntime>[1],
    timers: SmartAlertTimers | undefined,
    hooks: ComposeSessionHooks,
  ): ComposeSession {
    const runtime = new EventRuntime(item, environment, timers);
    return new ComposeSession(container, item, runtime, environment.user, hooks);
  }

  async send(): Promise<SendResult> {
    if (this.sending || this.closedAlready)
      return { sent: false, error: 'This message is already being sent.' };
    const total = (['to', 'cc', 'bcc'] as const).reduce(
      (n, f) => n + this.item.getRecipients(f).length,
      0,
    );
    if (total === 0) {
      // Outlook refuses before any add-in runs.
      this.surface.setStatus('This message must have at least one recipient.');
      return { sent: false, error: 'This message must have at least one recipient.' };
    }
    this.sending = true;
    this.surface.setBusy(true);
    this.surface.setStatus(`${ADDIN_NAME} is checking this message…`);
    let waiting: OpenAlert | undefined;
    const outcome = await this.runtime.messageSend(() => {
      waiting = showSmartAlert(longRunningAlert(), () => undefined);
    });
    waiting?.close();
    const verdict = smartAlertFor(outcome);
    let go = verdict.send;
    if (!verdict.send) {
      const action = await new Promise<AlertAction>((resolve) =>
        showSmartAlert(verdict.alert, resolve),
      );
      go = action === 'sendAnyway';
      // "If you specify a command ID that doesn't exist … the button simply cancels the item being
      // sent": only the compose pane's id opens anything.
      if (action === 'takeAction' && verdict.alert.commandId === COMPOSE_PANE_COMMAND_ID)
        this.hooks.openPane(this.item, verdict.alert.contextData);
    }
    if (!go) {
      this.sending = false;
      this.surface.setBusy(false);
      this.surface.setStatus('Not sent.');
      return { sent: false, error: 'The message was not sent.' };
    }
    return this.transmit();
  }

  private async transmit(): Promise<SendResult> {
    this.surface.setStatus('Sending…');
    try {
      await sendThroughExchange(this.item, this.user, (reason) =>
        this.surface.setStatus(`Waiting to send: ${reason} Outlook will keep trying.`),
      );
    } catch (error) {
      this.sending = false;
      this.surface.setBusy(false);
      const message = `Could not send: ${(error as Error).message}`;
      this.surface.setStatus(message);
      return { sent: false, error: message };
    }
    this.close('sent');
    return { sent: true };
  }

  close(outcome: 'sent' | 'discarded'): void {
    if (this.closedAlready) return;
    this.closedAlready = true;
    this.surface.destroy();
    this.runtime.dispose();
    this.hooks.closed(outcome);
  }
}
