// The compose surface: the email being written, drawn in place of the reading pane as Outlook on
// the web does for Reply, Reply all, Forward and New email. It edits the ComposeItem (composeItem.ts)
// and redraws whenever the item changes, whoever changed it (the user, the add-in's handlers, the
// compose pane), and draws the item's notification bars above the fields.
import type { ComposeField, ComposeItem, ComposeNotification } from './composeItem';
import { renderNotifications } from './notificationBar';
import { parseRecipients } from './recipientText';

export interface ComposeSurfaceHandlers {
  onSend(): void;
  onDiscard(): void;
  /** The Contact Guard button (no contextData) or a notification's action (its contextData). */
  onOpenPane(contextData?: string): void;
}

export interface ComposeSurface {
  setStatus(text: string): void;
  setBusy(busy: boolean): void;
  destroy(): void;
}

const FIELD_LABELS: Record<ComposeField, string> = { to: 'To', cc: 'Cc', bcc: 'Bcc' };
const KIND_TITLES = {
  new: 'New message',
  reply: 'Reply',
  replyAll: 'Reply all',
  forward: 'Forward',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function mountComposeSurface(
  container: HTMLElement,
  item: ComposeItem,
  handlers: ComposeSurfaceHandlers,
): ComposeSurface {
  container.replaceChildren();
  container.dataset.composeId = item.id;
  container.dataset.kind = item.kind;
  const title = el('h2', undefined, KIND_TITLES[item.kind]);
  const notifications = el('div', 'notifications');
  notifications.setAttribute('aria-live', 'polite');
  notifications.setAttribute('aria-label', 'Notifications');

  const fields = el('div', 'fields');
  const fromRow = el('div', 'row');
  fromRow.append(
    el('span', 'label', 'From'),
    el('span', 'from', `${item.from.displayName} <${item.from.emailAddress}>`),
  );
  fields.append(fromRow);

  const wells = new Map<ComposeField, HTMLElement>();
  for (const field of ['to', 'cc', 'bcc'] as const) {
    const row = el('div', 'row');
    const id = `compose-${field}`;
    const label = el('label', 'label', FIELD_LABELS[field]);
    label.htmlFor = id;
    const well = el('div', 'recipients');
    well.dataset.field = field;
    const chips = el('ul', 'chips');
    chips.setAttribute('aria-label', `${FIELD_LABELS[field]} recipients`);
    const input = el('input');
    input.id = id;
    input.type = 'text';
    input.autocomplete = 'off';
    input.setAttribute('aria-describedby', 'compose-recipient-help');
    const commit = () => {
      const { recipients, rest } = parseRecipients(input.value);
      input.value = rest;
      input.setAttribute('aria-invalid', String(rest !== ''));
      if (recipients.length)
        item.setRecipients(field, [...item.getRecipients(field), ...recipients]);
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ';' || e.key === ',') {
        e.preventDefault();
        commit();
      } else if (e.key === 'Backspace' && input.value === '') {
        const list = item.getRecipients(field);
        if (list.length) item.setRecipients(field, list.slice(0, -1));
      }
    });
    input.addEventListener('blur', commit);
    well.append(chips, input);
    row.append(label, well);
    fields.append(row);
    wells.set(field, chips);
  }
  const help = el('p', 'help', 'Type an address or Name <address>, then Enter or ;.');
  help.id = 'compose-recipient-help';

  const subjectRow = el('div', 'row');
  const subjectLabel = el('label', 'label', 'Subject');
  subjectLabel.htmlFor = 'compose-subject';
  const subject = el('input');
  subject.id = 'compose-subject';
  subject.type = 'text';
  subject.value = item.subject;
  subject.addEventListener('input', () => (item.subject = subject.value));
  subjectRow.append(subjectLabel, subject);

  const body = el('textarea');
  body.id = 'compose-body';
  body.setAttribute('aria-label', 'Message body');
  body.value = item.body;
  body.addEventListener('input', () => (item.body = body.value));

  const toolbar = el('div', 'toolbar');
  const send = el('button', 'primary', 'Send');
  send.id = 'compose-send';
  const discard = el('button', undefined, 'Discard');
  discard.id = 'compose-discard';
  const pane = el('button', undefined, 'Contact Guard');
  pane.id = 'compose-open-pane';
  pane.title = 'Open the Contact Guard pane for this email';
  for (const b of [send, discard, pane]) b.type = 'button';
  send.addEventListener('click', () => handlers.onSend());
  discard.addEventListener('click', () => handlers.onDiscard());
  pane.addEventListener('click', () => handlers.onOpenPane());
  toolbar.append(send, discard, pane);

  const status = el('p', 'status');
  status.id = 'compose-status';
  status.setAttribute('role', 'status');

  container.append(title, toolbar, notifications, fields, help, subjectRow, body, status);

  const drawRecipients = () => {
    for (const [field, chips] of wells) {
      chips.replaceChildren();
      for (const r of item.getRecipients(field)) {
        const chip = el('li', 'chip');
        chip.dataset.address = r.emailAddress;
        const name = el('span', undefined, r.displayName || r.emailAddress);
        name.title = r.emailAddress;
        const remove = el('button', 'remove', '×');
        remove.type = 'button';
        remove.setAttribute(
          'aria-label',
          `Remove ${r.displayName || r.emailAddress} from ${FIELD_LABELS[field]}`,
        );
        remove.addEventListener('click', () =>
          item.setRecipients(
            field,
            item.getRecipients(field).filter((x) => x.emailAddress !== r.emailAddress),
          ),
        );
        chip.append(name, remove);
        chips.append(chip);
      }
    }
  };
  const drawNotifications = () =>
    renderNotifications(notifications, [...item.notifications.values()], {
      onAction: (n: ComposeNotification) => handlers.onOpenPane(n.actions?.[0]?.contextData),
      onDismiss: (key) => item.removeNotification(key),
    });
  drawRecipients();
  drawNotifications();
  const offRecipients = item.onRecipientsChanged(drawRecipients);
  const offNotifications = item.onNotificationsChanged(drawNotifications);
  (item.kind === 'forward' || item.kind === 'new'
    ? (document.getElementById('compose-to') as HTMLInputElement)
    : body
  ).focus();

  return {
    setStatus: (text) => (status.textContent = text),
    setBusy: (busy) => {
      send.disabled = busy;
      discard.disabled = busy;
    },
    destroy: () => {
      offRecipients();
      offNotifications();
      container.replaceChildren();
    },
  };
}
