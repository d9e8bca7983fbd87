// review.html entry: the review at a desk, outside Outlook. Production signs in with MSAL (a popup
// that returns to auth-dialog.html); the workbench build signs in to the local service as the user
// named in ?as= (accepted only in that build), on the workbench's own school site.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { loadConfig, type AppConfig } from '../config/appConfig';
import {
  readWorkbenchSettings,
  withWorkbenchSettings,
  type WorkbenchSettings,
} from '../host/workbench/workbenchConfig';
import { ReviewPage } from './ReviewPage';
import { composeReviewPage } from '../app/reviewSession';

// Set by webpack: true only in the workbench build.
declare const __CG_WORKBENCH__: boolean;
const WORKBENCH = typeof __CG_WORKBENCH__ !== 'undefined' && __CG_WORKBENCH__;

async function pageConfig(): Promise<{ config: AppConfig; loginHint?: string }> {
  const config = loadConfig();
  if (!WORKBENCH) return { config };
  const query = new URLSearchParams(window.location.search);
  let settings: WorkbenchSettings = {};
  try {
    settings = await readWorkbenchSettings();
  } catch {
    // The configured site is used.
  }
  return {
    config: withWorkbenchSettings(config, settings),
    // npm start -- --sign-in: MSAL at the local identity provider, for the person named; else the
    // local service's token for the person named in ?as=.
    loginHint: (settings.signIn ? query.get('login_hint') : query.get('as')) ?? undefined,
  };
}

function main(): void {
  const rootElement = document.getElementById('root');
  if (!rootElement) return;
  const settings = pageConfig();
  const start = () =>
    settings.then(({ config, loginHint }) => composeReviewPage(config, loginHint));
  createRoot(rootElement).render(
    <FluentProvider theme={webLightTheme}>
      <ReviewPage start={start} />
    </FluentProvider>,
  );
}

main();
