// Builds the restricted-correspondence actions from the composition root's pieces.
import type { GraphCalls } from '../../graph/graphCalls';
import type { AppConfig } from '../../config/appConfig';
import type { MailHost } from '../../host/mailHost';
import { MailActionsGraph } from '../../graph/mail/mailActions';
import { MessageMarks } from '../../graph/mail/messageMarks';
import { AuditRepository } from '../../graph/repositories/auditRepository';
import { TenantDomains } from '../tenantDomains';
import { RestrictedActions } from './restrictedActions';

export function createRestrictedActions(deps: {
  config: AppConfig;
  host: MailHost;
  client: GraphCalls;
}): RestrictedActions {
  const { config, host, client } = deps;
  const domains = new TenantDomains(client);
  return new RestrictedActions({
    graph: new MailActionsGraph(client),
    marks: new MessageMarks(client),
    audit: new AuditRepository(client, config.sharePoint),
    user: () => host.getUser(),
    tenantDomains: () => domains.get(),
    config: {
      restrictedFolderName: config.mail.restrictedFolderName,
      urgentKeywords: config.mail.urgentKeywords,
    },
  });
}
