// What the workbench tells its pages about the school it runs (`/workbench/environment.json`, and
// the pane's cg:context): the seed's SharePoint site and, with `npm start -- --sign-in`, the local
// identity provider. One place applies it to the build's configuration, for the task pane, the
// review page and the sign-in dialog alike. Only the workbench build uses this file.
import type { AppConfig } from '../../config/appConfig';
import type { WorkbenchSignIn, WorkbenchSite } from './protocol';

export interface WorkbenchSettings {
  site?: WorkbenchSite;
  signIn?: WorkbenchSignIn;
}

/** The build's configuration on the workbench's site, signing in with MSAL when it says so. */
export function withWorkbenchSettings(config: AppConfig, settings: WorkbenchSettings): AppConfig {
  // The workbench may run another seed (npm start -- --seed FILE): use that school's site.
  const withSite = settings.site
    ? { ...config, sharePoint: { ...config.sharePoint, ...settings.site } }
    : config;
  if (!settings.signIn) return withSite;
  const { clientId, tenantId, authority, scopes, reviewerScopes, adminScopes } = settings.signIn;
  return {
    ...withSite,
    auth: {
      ...withSite.auth,
      mode: 'msal',
      clientId,
      tenantId,
      authority,
      scopes,
      // The production build's extra sets, asked for when a reviewer or admin feature needs them.
      reviewerScopes,
      adminScopes,
    },
  };
}

/** The workbench's settings as its server gives them to pages outside the pane. */
export async function readWorkbenchSettings(): Promise<WorkbenchSettings> {
  const response = await fetch('/workbench/environment.json');
  const { site, signIn } = (await response.json()) as WorkbenchSettings;
  return { site, signIn };
}
