// The add-in's configuration. Values come from config/<profile>.json at build time (webpack
// DefinePlugin), overridable with CG_* environment variables; see README "Configuration".
// Nothing tenant-specific lives in code.

export interface ListNames {
  restrictions: string;
  /** Contact Events: the Record of Evidence (staff add, reviewers read). */
  events: string;
  /** Audit: append-only record of every action. */
  audit: string;
  /** Restriction Cases: reviewers only. */
  cases: string;
  /** Settings: protected mailboxes, defaults, term dates, thresholds. */
  settings: string;
  /** Routing Status: the mail-routing reconciler's run reports. */
  routingStatus: string;
}

export interface AppConfig {
  profile: 'production' | 'workbench' | 'test';
  /** Graph root without version: https://graph.microsoft.com, or '' for the page's own origin. */
  graphBaseUrl: string;
  auth: {
    /** 'msal' in Outlook (nested app auth, then popup, then the Office dialog); 'local' for the local service. */
    mode: 'msal' | 'local';
    clientId: string;
    /** Tenant id or domain; 'organizations' for any work account. */
    tenantId: string;
    /**
     * The sign-in authority, when it is not Entra ID's (e.g. a local OpenID Connect provider,
     * https://localhost:8443/tenant). Absent: https://login.microsoftonline.com/<tenantId>.
     */
    authority?: string;
    /**
     * Delegated Graph scopes every member of staff signs in with (the task pane's sender check,
     * logging contact events, forwarding and filing restricted mail). See README "Sign-in".
     */
    scopes: string[];
    /** Asked for, on top of `scopes`, only when a reviewer first opens the review. */
    reviewerScopes?: string[];
    /** Asked for, on top of `scopes`, only when an admin first opens the admin view. */
    adminScopes?: string[];
  };
  sharePoint: {
    /** e.g. contoso.sharepoint.com */
    hostname: string;
    /** Server-relative site path, e.g. /sites/ContactGuard */
    sitePath: string;
    lists: ListNames;
  };
  /** Entra group ids (object ids) that grant roles; checked through Graph (checkMemberGroups). */
  groups: {
    /**
     * Every member of staff (an Entra security group): provisioning grants it its list
     * permissions (staff read restrictions and settings, add events and audit entries).
     * Empty = not configured.
     */
    staff: string;
    reviewers: string;
    admins: string;
  };
  // The school's own mail domains are not configuration: they are the tenant's verified domains,
  // read from Microsoft Entra when needed (src/graph/repositories/tenantDomains.ts).
  mail: {
    /** Folder restricted correspondence is filed in (a subfolder per person is made below it). */
    restrictedFolderName: string;
    /** Visible category put on an email logged as a contact event. */
    loggedCategoryName: string;
    /**
     * The school's own extra words or phrases that make a restricted email look urgent or
     * safeguarding-related, matched whole, any case, with no defusing context. They add to the
     * built-in lexicon (src/policy/urgency/lexicon.ts), which always applies and handles the
     * ambiguous words ("missing", "police", "urgent") itself; empty by default. docs/urgency.md.
     */
    urgentKeywords: string[];
  };
  /** A cached copy of the restrictions older than this is refreshed before a verdict is given. */
  cacheTrustMinutes: number;
  /** A cached copy older than this is refreshed in the background after a verdict is given. */
  cacheBackgroundRefreshSeconds: number;
}

declare const __CG_CONFIG__: AppConfig | undefined;

export const defaultConfig: AppConfig = {
  profile: 'workbench',
  graphBaseUrl: '',
  auth: { mode: 'local', clientId: '', tenantId: 'organizations', scopes: ['User.Read'] },
  sharePoint: {
    hostname: 'oakfield.sharepoint.com',
    sitePath: '/sites/ContactGuard',
    lists: {
      restrictions: 'Contact Restrictions',
      events: 'Contact Events',
      audit: 'Contact Guard Audit',
      cases: 'Restriction Cases',
      settings: 'Contact Guard Settings',
      routingStatus: 'Routing Status',
    },
  },
  groups: { staff: '', reviewers: '', admins: '' },
  mail: {
    restrictedFolderName: 'Restricted correspondence',
    loggedCategoryName: 'Contact event logged',
    urgentKeywords: [],
  },
  cacheTrustMinutes: 5,
  cacheBackgroundRefreshSeconds: 30,
};

export function loadConfig(): AppConfig {
  return typeof __CG_CONFIG__ !== 'undefined' && __CG_CONFIG__ ? __CG_CONFIG__ : defaultConfig;
}
