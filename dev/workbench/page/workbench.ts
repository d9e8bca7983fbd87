// The workbench page: a sample mailbox beside the real task pane. It plays Outlook's part — it owns
// the selected item and tells the pane when it changes (as ItemChanged does) — and reads the sample
// mail from the local Graph service with the same routes the real service has.
import { paneMaySend } from '../../../src/launchevent/names';
import type { OpenMessage, ThemeKind } from '../../../src/host/mailHost';
import type {
  HostToPane,
  PaneToHost,
  WorkbenchSignIn,
  WorkbenchSite,
} from '../../../src/host/workbench/protocol';
import { wireOfficeDialog } from './officeDialog';
import type { MailboxChoice } from '../mailboxes';
import { ComposeItem, type ComposeKind, type ComposeRecipient } from './composeItem';
import { addressFor } from './composeAddressing';
import { ComposeSession } from './composeSession';
import { OUTLOOK_TIMERS, type SmartAlertTimers } from './eventRuntime';
import { SESSION_DATA_LIMIT, sessionDataFits } from '../runtime/sessionDataLimit';

interface GraphRecipient {
  emailAddress?: { name?: string; address?: string };
}
interface GraphMessage {
  id: string;
  subject?: string;
  from?: GraphRecipient;
  sender?: GraphRecipient;
  replyTo?: GraphRecipient[];
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  receivedDateTime?: string;
  internetMessageId?: string;
  bodyPreview?: string;
  body?: { contentType?: string; content?: string };
  importance?: string;
  categories?: string[];
}

const serviceModes: Record<string, object> = {
  normal: { throttleRate: 0, unavailableRate: 0, down: false, latencyMs: 0 },
  slow: { throttleRate: 0, unavailableRate: 0, down: false, latencyMs: 150 },
  throttled: {
    throttleRate: 1,
    unavailableRate: 0,
    down: false,
    latencyMs: 0,
    retryAfterSeconds: 1,
  },
  flaky: {
    throttleRate: 0.15,
    unavailableRate: 0.15,
    down: false,
    latencyMs: 0,
    retryAfterSeconds: 1,
  },
  down: { throttleRate: 0, unavailableRate: 0, down: true, latencyMs: 0 },
};

const el = {
  mailbox: document.getElementById('mailbox') as HTMLSelectElement,
  theme: document.getElementById('theme') as HTMLSelectElement,
  service: document.getElementById('service') as HTMLSelectElement,
  messages: document.getElementById('messages') as HTMLUListElement,
  reading: document.getElementById('reading') as HTMLElement,
  compose: document.getElementById('compose') as HTMLElement,
  mailStatus: document.getElementById('mail-status') as HTMLElement,
  pane: document.getElementById('taskpane') as HTMLIFrameElement,
};

const PANE_URL = 'taskpane.html?host=workbench';

let choices: MailboxChoice[] = [];
let current: MailboxChoice | undefined;
let messages: GraphMessage[] = [];
let selected: OpenMessage | null = null;
let selectedGraph: GraphMessage | undefined;
/** The email being written (Reply, Reply all, Forward, New email), if any. */
let composing: ComposeSession | undefined;
/** The compose task pane's item and the context it was opened with (Smart Alert, notification). */
let paneCompose: { item: ComposeItem; contextData?: string } | undefined;
let paneWaiting = false;
let site: WorkbenchSite | undefined;
let signIn: WorkbenchSignIn | undefined;
/** The mailbox's master categories (name, lower-cased → colour preset), as Outlook colours them. */
let categoryColours = new Map<string, string>();

function toAddress(r: GraphRecipient | undefined) {
  const address = r?.emailAddress?.address;
  return address ? { address, displayName: r?.emailAddress?.name } : undefined;
}

function toOpenMessage(m: GraphMessage, choice: MailboxChoice): OpenMessage {
  return {
    itemId: m.id,
    internetMessageId: m.internetMessageId,
    subject: m.subject ?? '',
    receivedAt: m.receivedDateTime,
    from: toAddress(m.from),
    sender: toAddress(m.sender),
    replyTo: (m.replyTo ?? []).map(toAddress).filter((a): a is NonNullable<typeof a> => !!a),
    sharedMailbox: choice.shared ? choice.mailbox : undefined,
  };
}

function post(message: HostToPane): void {
  el.pane.contentWindow?.postMessage(message, window.location.origin);
}

const officeDialog = wireOfficeDialog({ pane: el.pane, post });

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== el.pane.contentWindow || event.origin !== window.location.origin) return;
  const data = event.data as PaneToHost;
  if (data?.type === 'cg:hello') {
    officeDialog(data);
    paneWaiting = true;
    sendContextIfWaiting();
  } else if (data?.type === 'cg:dialog-open' || data?.type === 'cg:dialog-close') {
    officeDialog(data);
  } else if (
    data?.type === 'cg:compose-set-recipients' ||
    data?.type === 'cg:compose-session-set' ||
    data?.type === 'cg:compose-send'
  ) {
    void answerCompose(data).then((error) =>
      post({ type: 'cg:compose-done', id: data.id, ...(error ? { error } : {}) }),
    );
  }
});

/** The compose pane's requests, on the item it was opened for (Office answers in its callback). */
async function answerCompose(
  data: Extract<
    PaneToHost,
    { type: 'cg:compose-set-recipients' | 'cg:compose-session-set' | 'cg:compose-send' }
  >,
): Promise<string | undefined> {
  const item = paneCompose?.item;
  if (!item || composing?.item !== item) return 'The item is no longer open.';
  if (data.type === 'cg:compose-set-recipients') {
    if (!['to', 'cc', 'bcc'].includes(data.field) || !Array.isArray(data.recipients))
      return 'Invalid recipients.';
    item.setRecipients(data.field, data.recipients);
    return undefined;
  }
  if (data.type === 'cg:compose-session-set') {
    if (!sessionDataFits(item.sessionData, String(data.key), String(data.value)))
      return `Session data is limited to ${SESSION_DATA_LIMIT} characters per add-in.`;
    item.sessionData.set(String(data.key), String(data.value));
    return undefined;
  }
  // item.sendAsync needs read/write mailbox permission; the manifest asks for ReadWriteItem
  // (src/launchevent/names.ts), so Outlook refuses the call, and so does the workbench.
  if (!paneMaySend(true))
    return 'The add-in does not have the permission this call needs (read/write mailbox).';
  return (await composing.send()).error;
}

/** The pane said hello (it may do so before the mailboxes are read): answer once we can. */
function sendContextIfWaiting(): void {
  if (!paneWaiting || !current) return;
  paneWaiting = false;
  post({
    type: 'cg:context',
    user: current.user,
    theme: el.theme.value as ThemeKind,
    message: paneCompose ? null : selected,
    site,
    signIn,
    ...(paneCompose ? { compose: paneCompose.item.snapshot(paneCompose.contextData) } : {}),
  });
}

/** Timers of Smart Alerts: Outlook's, unless a test shortens them (?longRunningMs=&timeoutMs=). */
function smartAlertTimers(): SmartAlertTimers {
  const params = new URLSearchParams(window.location.search);
  const ms = (name: string, fallback: number) => {
    const value = Number(params.get(name));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    longRunningMs: ms('longRunningMs', OUTLOOK_TIMERS.longRunningMs),
    timeoutMs: ms('timeoutMs', OUTLOOK_TIMERS.timeoutMs),
  };
}

function recipientOf(r: GraphRecipient | undefined): ComposeRecipient | undefined {
  const address = r?.emailAddress?.address;
  return address
    ? { emailAddress: address, displayName: r?.emailAddress?.name || address }
    : undefined;
}
const recipientsOf = (list: GraphRecipient[] | undefined): ComposeRecipient[] =>
  (list ?? []).map(recipientOf).filter((r): r is ComposeRecipient => !!r);

/**
 * Opens the compose surface in place of the reading pane, as Outlook on the web does. The read
 * pane closes (Outlook closes a read add-in's pane when the item being read is replaced by a
 * compose form); the compose pane opens only from the Contact Guard button, a notification's
 * action or a Smart Alert.
 */
function startCompose(kind: ComposeKind): void {
  if (!current) return;
  composing?.close('discarded');
  const choice = current;
  const original = kind === 'new' ? undefined : selectedGraph;
  const addressed = original
    ? addressFor(
        kind,
        {
          subject: original.subject ?? '',
          body: bodyText(original),
          from: recipientOf(original.from),
          replyTo: recipientsOf(original.replyTo),
          to: recipientsOf(original.toRecipients),
          cc: recipientsOf(original.ccRecipients),
        },
        [choice.user.emailAddress, choice.mailbox],
      )
    : { subject: '', to: [], cc: [] };
  const item = new ComposeItem(
    `compose-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    kind,
    choice.user,
    { emailAddress: choice.mailbox, displayName: choice.mailboxName },
    addressed.subject,
    '',
    { to: addressed.to, cc: addressed.cc },
  );
  el.mailStatus.textContent = '';
  el.reading.hidden = true;
  el.compose.hidden = false;
  paneCompose = undefined;
  el.pane.src = 'about:blank';
  item.onRecipientsChanged(() => {
    if (paneCompose?.item === item)
      post({ type: 'cg:compose', compose: item.snapshot(paneCompose.contextData) });
  });
  composing = ComposeSession.open(
    el.compose,
    item,
    { user: choice.user, site, signIn },
    smartAlertTimers(),
    {
      openPane: (it, contextData) => {
        paneCompose = { item: it, ...(contextData !== undefined ? { contextData } : {}) };
        el.pane.src = PANE_URL;
      },
      closed: (outcome) => {
        composing = undefined;
        paneCompose = undefined;
        el.compose.hidden = true;
        el.reading.hidden = false;
        el.mailStatus.textContent = outcome === 'sent' ? 'Sent' : 'Draft discarded';
        // The pinned read pane (manifest SupportsPinning) comes back with the message being read.
        el.pane.src = PANE_URL;
      },
    },
  );
}

/**
 * The master list colours the categories, as in Outlook; a category not in it shows uncoloured.
 * Another person's master list is not readable (no .Shared permission): then all are uncoloured.
 */
async function loadCategoryColours(choice: MailboxChoice): Promise<Map<string, string>> {
  // Not even asked for another mailbox: the refused request would sit in the service's request log
  // beside the add-in's own (tests read that log to show the add-in never asks for it).
  if (choice.mailbox.toLowerCase() !== choice.user.emailAddress.toLowerCase()) return new Map();
  const response = await fetch(
    `/v1.0/users/${encodeURIComponent(choice.mailbox)}/outlook/masterCategories`,
    { headers: { Authorization: `Bearer local:${choice.user.emailAddress}` } },
  ).catch(() => undefined);
  if (!response?.ok) return new Map();
  const list = (await response.json()) as { value?: { displayName?: string; color?: string }[] };
  return new Map(
    (list.value ?? [])
      .filter((c) => typeof c.displayName === 'string')
      .map((c) => [String(c.displayName).toLowerCase(), c.color ?? 'none']),
  );
}

async function loadMessages(choice: MailboxChoice): Promise<GraphMessage[]> {
  categoryColours = await loadCategoryColours(choice);
  const select =
    'id,subject,from,sender,replyTo,toRecipients,ccRecipients,receivedDateTime,internetMessageId,bodyPreview,body,importance,categories';
  const url = `/v1.0/users/${encodeURIComponent(choice.mailbox)}/mailFolders/inbox/messages?$top=100&$orderby=receivedDateTime%20desc&$select=${select}`;
  const response = await fetch(url, {
    headers: { Authorization: `Bearer local:${choice.user.emailAddress}` },
  });
  if (!response.ok) throw new Error(`The local Graph service answered ${response.status}`);
  const page = (await response.json()) as { value: GraphMessage[] };
  return page.value;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

function renderList(): void {
  el.messages.replaceChildren();
  if (messages.length === 0) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = 'No messages in this inbox.';
    el.messages.append(li);
  }
  for (const m of messages) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.id = m.id;
    const from = document.createElement('span');
    from.className = 'from';
    if (m.importance === 'high') {
      // Outlook's red "!" for high importance.
      const mark = document.createElement('span');
      mark.className = 'importance';
      mark.dataset.importance = 'high';
      mark.title = 'High importance';
      mark.setAttribute('aria-label', 'High importance');
      mark.textContent = '!';
      from.append(mark);
    }
    from.append(m.from?.emailAddress?.name || m.from?.emailAddress?.address || '(no sender)');
    const subject = document.createElement('span');
    subject.className = 'subject';
    subject.textContent = m.subject ?? '(no subject)';
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = m.receivedDateTime ? timeFormat.format(new Date(m.receivedDateTime)) : '';
    const chips = document.createElement('span');
    chips.className = 'categories';
    for (const name of m.categories ?? []) {
      const chip = document.createElement('span');
      chip.className = 'category';
      chip.dataset.color = categoryColours.get(name.toLowerCase()) ?? 'none';
      chip.textContent = name;
      chips.append(chip);
    }
    button.append(from, subject, ...(chips.childElementCount > 0 ? [chips] : []), meta);
    button.addEventListener('click', () => selectMessage(m));
    li.append(button);
    el.messages.append(li);
  }
}

function bodyText(m: GraphMessage): string {
  const content = m.body?.content ?? m.bodyPreview ?? '';
  if (m.body?.contentType?.toLowerCase() !== 'html') return content;
  // Sample mail is shown as text: never inject a message's HTML into the page.
  return new DOMParser().parseFromString(content, 'text/html').body.textContent ?? '';
}

function renderReading(m: GraphMessage | undefined): void {
  el.reading.replaceChildren();
  if (!m) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'Select a message.';
    el.reading.append(p);
    return;
  }
  const h = document.createElement('h2');
  h.textContent = m.subject ?? '(no subject)';
  const dl = document.createElement('dl');
  const row = (term: string, value: string | undefined) => {
    if (!value) return;
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  };
  const show = (r?: GraphRecipient) =>
    r?.emailAddress
      ? `${r.emailAddress.name ?? ''} <${r.emailAddress.address ?? ''}>`.trim()
      : undefined;
  row('From', show(m.from));
  if (m.sender?.emailAddress?.address !== m.from?.emailAddress?.address)
    row('On behalf of', show(m.sender));
  if (m.replyTo?.length) row('Reply-To', m.replyTo.map(show).join(', '));
  row('Received', m.receivedDateTime ? timeFormat.format(new Date(m.receivedDateTime)) : undefined);
  const body = document.createElement('div');
  body.className = 'body';
  body.textContent = bodyText(m);
  const actions = document.createElement('div');
  actions.className = 'message-actions';
  for (const [kind, label] of [
    ['reply', 'Reply'],
    ['replyAll', 'Reply all'],
    ['forward', 'Forward'],
  ] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `message-${kind}`;
    button.textContent = label;
    button.addEventListener('click', () => startCompose(kind));
    actions.append(button);
  }
  el.reading.append(h, actions, dl, body);
}

function selectMessage(m: GraphMessage | undefined): void {
  if (!current) return;
  // Reading another message closes the email being written (the workbench keeps no drafts).
  composing?.close('discarded');
  selectedGraph = m;
  selected = m ? toOpenMessage(m, current) : null;
  for (const b of el.messages.querySelectorAll('button')) {
    b.setAttribute('aria-current', String(b.dataset.id === m?.id));
  }
  renderReading(m);
  post({ type: 'cg:item', message: selected });
}

async function switchMailbox(id: string): Promise<void> {
  const previousUser = current?.user.emailAddress;
  composing?.close('discarded');
  current = choices.find((c) => c.id === id);
  if (!current) return;
  selected = null;
  selectedGraph = undefined;
  renderReading(undefined);
  // The full review page (issue #5), signed in to the local service as this mailbox's user.
  const reviewLink = document.getElementById('review-link') as HTMLAnchorElement | null;
  // With --sign-in the review page signs in for itself (MSAL at top level); without, it uses the
  // local service's token for this mailbox's user.
  if (reviewLink)
    reviewLink.href = signIn
      ? `review.html?login_hint=${encodeURIComponent(current.user.emailAddress)}`
      : `review.html?as=${encodeURIComponent(current.user.emailAddress)}`;
  try {
    messages = await loadMessages(current);
  } catch (error) {
    messages = [];
    el.reading.textContent = `Could not read the sample mailbox: ${(error as Error).message}`;
  }
  renderList();
  // Another person signed in: the pane starts again, as Outlook does when you switch account.
  if (previousUser && previousUser !== current.user.emailAddress)
    el.pane.contentWindow?.location.reload();
  else post({ type: 'cg:item', message: null });
  sendContextIfWaiting();
}

async function main(): Promise<void> {
  const response = await fetch('/workbench/environment.json');
  const environment = (await response.json()) as {
    mailboxes: MailboxChoice[];
    site?: WorkbenchSite;
    signIn?: WorkbenchSignIn;
  };
  choices = environment.mailboxes;
  site = environment.site;
  signIn = environment.signIn;
  if (signIn) {
    const note = document.getElementById('workbench-note');
    if (note)
      note.textContent = `Sign-in on: the pane signs in at the local identity provider (${signIn.authority}), Entra's stand-in.`;
  }
  for (const c of choices) el.mailbox.append(new Option(c.label, c.id));
  el.mailbox.addEventListener('change', () => void switchMailbox(el.mailbox.value));
  el.theme.addEventListener('change', () =>
    post({ type: 'cg:theme', theme: el.theme.value as ThemeKind }),
  );
  el.service.addEventListener('change', () => {
    void fetch('/_dev/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(serviceModes[el.service.value] ?? serviceModes.normal),
    });
  });
  document.getElementById('new-email')?.addEventListener('click', () => startCompose('new'));
  wireRouting();
  if (choices[0]) await switchMailbox(choices[0].id);
  document.body.dataset.ready = 'true';
}

/** Mail routing (issue #6): deliver a new email as Exchange would, and run the routing job. */
function wireRouting(): void {
  const status = document.getElementById('delivery-status') as HTMLElement;
  const from = document.getElementById('deliver-from') as HTMLSelectElement;
  const devPost = async (path: string, body: unknown) => {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const deliver = (email: { subject: string; body?: string; bodyType?: 'html' }) => {
    if (!current) return;
    devPost('/_dev/deliver', { from: from.value, to: current.mailbox, ...email }).then(
      async (r) => {
        const deliveries = (r.deliveries ?? []) as {
          address: string;
          folder?: string;
          importance?: string;
          categories?: string[];
        }[];
        // Where each copy went, and what the inbox rules stamped on it there.
        const where = deliveries.map(
          (d) =>
            `${d.address} (${d.folder ?? '?'})${d.importance === 'high' ? ' !high' : ''}${
              d.categories?.length ? ` [${d.categories.join(', ')}]` : ''
            }`,
        );
        status.textContent = `Delivered: ${where.join(', ')}`;
        if (current) messages = await loadMessages(current);
        renderList();
      },
      (e: unknown) => {
        status.textContent = `Could not deliver: ${(e as Error).message}`;
      },
    );
  };
  document.getElementById('deliver')?.addEventListener('click', () => {
    deliver({ subject: `New email ${new Date().toLocaleTimeString('en-GB')}` });
  });
  // A restricted parent's emergency (002 §62): the inbox rules mark it, and it is never filed away.
  document.getElementById('deliver-urgent')?.addEventListener('click', () => {
    deliver({
      subject: `Urgent: Ellie has not come home ${new Date().toLocaleTimeString('en-GB')}`,
      bodyType: 'html',
      body: '<p>Please help, this is urgent. Ellie has <b>not</b> come home from school and we cannot find her anywhere. She is missing and it is getting dark. Please call me now.</p>',
    });
  });
  document.getElementById('routing')?.addEventListener('click', () => {
    status.textContent = 'Running the routing job…';
    devPost('/_dev/routing/apply', { graphUrl: location.origin }).then(
      (r) => {
        const lines = (r.report ?? []) as string[];
        status.textContent = `Routing job: ${lines.filter((l) => !l.startsWith(' ')).join(' ')}`;
      },
      (e: unknown) => {
        status.textContent = `The routing job failed: ${(e as Error).message}`;
      },
    );
  });
}

void main();
