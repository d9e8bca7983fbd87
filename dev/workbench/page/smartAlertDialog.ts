// Draws a Smart Alerts dialog (smartAlert.ts decides what it says) over the compose surface, modal
// as Outlook's is, and reports which button the user chose.
import type { AlertAction, SmartAlertView } from './smartAlert';

export interface OpenAlert {
  close(): void;
}

export function showSmartAlert(
  view: SmartAlertView,
  onChoose: (action: AlertAction) => void,
): OpenAlert {
  document.getElementById('smart-alert')?.remove();
  const dialog = document.createElement('div');
  dialog.id = 'smart-alert';
  dialog.className = 'smart-alert';
  dialog.dataset.kind = view.kind;
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'smart-alert-title');
  dialog.setAttribute('aria-describedby', 'smart-alert-message');
  const title = document.createElement('h2');
  title.id = 'smart-alert-title';
  title.textContent = view.title;
  const message = document.createElement('p');
  message.id = 'smart-alert-message';
  message.textContent = view.message;
  const buttons = document.createElement('div');
  buttons.className = 'buttons';
  const close = () => dialog.remove();
  for (const b of view.buttons) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = b.label;
    button.dataset.action = b.action;
    button.addEventListener('click', () => {
      close();
      onChoose(b.action);
    });
    buttons.append(button);
  }
  if (view.buttons.length === 0) {
    const busy = document.createElement('p');
    busy.className = 'busy';
    busy.textContent = 'Please wait…';
    buttons.append(busy);
  }
  // Escape (or the dialog's close box in Outlook) is the answer that sends nothing.
  const cancel = (['dontSend', 'tryLater', 'ok'] as const).find((a) =>
    view.buttons.some((b) => b.action === a),
  );
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !cancel) return;
    close();
    onChoose(cancel);
  });
  dialog.append(title, message, buttons);
  document.body.append(dialog);
  (buttons.querySelector('button') as HTMLButtonElement | null)?.focus();
  return { close };
}
