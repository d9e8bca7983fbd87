// Wires the events service from the composition root's parts (one call from composition.ts).
import type { GraphCalls } from '../../graph/graphCalls';
import type { AppConfig } from '../../config/appConfig';
import type { MailHost } from '../../host/mailHost';
import type { RestrictionsCache } from '../../cache/restrictionsCache';
import { IndexedDbStore, type KeyValueStore } from '../../cache/keyValueStore';
import { EventsRepository } from '../../graph/repositories/eventsRepository';
import { AuditRepository } from '../../graph/repositories/auditRepository';
import { MessageMarks } from '../../graph/mail/messageMarks';
import { EventSaver } from './eventSaver';
import { EventOutbox } from './outbox';
import { ContactEvents } from './contactEvents';

export { ContactEvents };

export function createContactEvents(parts: {
  config: AppConfig;
  host: MailHost;
  client: GraphCalls;
  restrictions: Pick<RestrictionsCache, 'current' | 'load' | 'refresh'>;
  store?: KeyValueStore;
}): ContactEvents {
  const { config, host, client } = parts;
  const marks = new MessageMarks(client);
  const saver = new EventSaver({
    events: new EventsRepository(client, config.sharePoint),
    audit: new AuditRepository(client, config.sharePoint),
    client,
    categoryName: config.mail.loggedCategoryName,
  });
  const { hostname, sitePath } = config.sharePoint;
  const outbox = new EventOutbox({
    // Its own IndexedDB store, apart from the restrictions cache.
    store: parts.store ?? new IndexedDbStore('contact-guard-outbox', 'events'),
    storeKey: `outbox|${hostname}${sitePath}|${host.getUser().emailAddress.toLowerCase()}`,
    target: saver,
  });
  // Events left waiting by an earlier pane (closed, reloaded) are sent as soon as the pane starts.
  void outbox.start();
  return new ContactEvents({
    host,
    outbox,
    marks,
    restrictions: async () =>
      parts.restrictions.current() ??
      (await parts.restrictions.load()) ??
      (await parts.restrictions.refresh()),
  });
}
