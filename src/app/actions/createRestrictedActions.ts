// Builds the restricted-correspondence actions from the composition root's pieces.
import type { GraphCalls } from '../../graph/graphCalls';
import type { AppConfig } from '../../config/appConfig';
import type { MailHost } from '../../host/mailHost';
import { MailActionsGraph } from '../../graph/mail/mailActions';
import { MessageMarks } from '../../graph/mail/messageMarks';
import { AuditRepository } from '../../graph/repositories/auditRepository';
import { RestrictedActions } from './restrictedActions';

export function createRestrictedActions(deps: {
  config: AppConfig;
  host: MailHost;
  client: GraphCalls;
}): RestrictedActions {
  const { config, host, client } = deps;
  return new RestrictedActions({
    graph: new MailActionsGraph(client),
    marks: new MessageMarks(client),
    audit: new AuditRepository(client, config.sharePoint),
    user: () => host.getUser(),
    config: {
      acceptedDomains: config.mail.acceptedDomains,
      restrictedFolderName: config.mail.restrictedFolderName,
      urgentKeywords: config.mail.urgentKeywords,
    },
  });
}
