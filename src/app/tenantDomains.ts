// The tenant's verified mail domains for the pane, read once (GET /organization with the pane's
// own token: User.Read is enough) and kept for the pane's life; a failed read is not kept, so the
// next use tries again. Callers that cannot get them refuse (no forward outside the school) or
// distrust (a forward header), never fall back to a configured list.
import type { GraphClientOrCalls } from '../graph/graphCalls';
import { readTenantEmailDomains } from '../graph/repositories/tenantDomains';

export class TenantDomains {
  private pending: Promise<string[]> | undefined;

  constructor(private readonly client: GraphClientOrCalls) {}

  get(): Promise<string[]> {
    if (!this.pending) {
      this.pending = readTenantEmailDomains(this.client).catch((e: unknown) => {
        this.pending = undefined;
        throw e;
      });
    }
    return this.pending;
  }
}
