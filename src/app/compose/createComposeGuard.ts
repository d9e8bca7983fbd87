// Builds the compose pane's service from the composition root's pieces (issue 12).
import type { AppConfig } from '../../config/appConfig';
import type { GraphCalls } from '../../graph/graphCalls';
import { AuditRepository } from '../../graph/repositories/auditRepository';
import type { ComposeAccess, MailHost } from '../../host/mailHost';
import type { SenderCheck } from '../senderCheck';
import { ComposeGuard } from './composeGuard';

export function createComposeGuard(deps: {
  config: AppConfig;
  host: MailHost;
  compose: ComposeAccess;
  client: GraphCalls;
  senderCheck: SenderCheck;
}): ComposeGuard {
  const { config, host, compose, client, senderCheck } = deps;
  const audit = new AuditRepository(client, config.sharePoint);
  return new ComposeGuard({
    compose,
    restrictions: senderCheck,
    audit: async () => audit,
    user: () => host.getUser(),
  });
}
