// The notification bars Outlook draws above a compose item's fields from item.notificationMessages
// (https://learn.microsoft.com/office/dev/add-ins/outlook/notifications): an icon by type, the
// message, an InsightMessage's one action (showTaskPane: opens the add-in's pane with the action's
// contextData) and its Dismiss, and a dismiss for informational messages (a persistent one "remains
// until removed by this add-in or dismissed by the user"). Error and progress bars have no dismiss.
import type { ComposeNotification } from './composeItem';

const ICONS: Record<ComposeNotification['type'], string> = {
  informationalMessage: 'ℹ',
  insightMessage: '💡',
  errorMessage: '⚠',
  progressIndicator: '⏳',
};

export interface NotificationHandlers {
  onAction(notification: ComposeNotification): void;
  onDismiss(key: string): void;
}

export function renderNotifications(
  container: HTMLElement,
  notifications: ComposeNotification[],
  handlers: NotificationHandlers,
): void {
  container.replaceChildren();
  for (const n of notifications) {
    const bar = document.createElement('div');
    bar.className = 'notification';
    bar.dataset.type = n.type;
    bar.dataset.key = n.key;
    const icon = document.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = ICONS[n.type];
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = n.message;
    bar.append(icon, text);
    const action = n.type === 'insightMessage' ? n.actions?.[0] : undefined;
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'action';
      button.textContent = action.actionText;
      button.addEventListener('click', () => handlers.onAction(n));
      bar.append(button);
    }
    if (n.type === 'informationalMessage' || n.type === 'insightMessage') {
      const dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'dismiss';
      dismiss.textContent = '×';
      dismiss.setAttribute('aria-label', `Dismiss: ${n.message}`);
      dismiss.addEventListener('click', () => handlers.onDismiss(n.key));
      bar.append(dismiss);
    }
    container.append(bar);
  }
}
