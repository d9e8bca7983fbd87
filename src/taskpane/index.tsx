// Task pane entry: find the host (Outlook through Office.js, or the local workbench), compose the
// services and render. Nothing here decides a verdict.
import { createRoot } from 'react-dom/client';
import { loadConfig, type AppConfig } from '../config/appConfig';
import type { MailHost } from '../host/mailHost';
import { officeReady } from '../host/office/officeMailHost';
import { composeServices } from '../app/composition';
import type { TokenProviderEnvironment } from '../auth/createTokenProvider';
import { App } from './App';

// Set by webpack: true only in the workbench build, so the production bundle has no workbench code.
declare const __CG_WORKBENCH__: boolean;

interface FoundHost {
  host: MailHost;
  config: AppConfig;
  /** What sign-in uses of Office (the workbench plays its dialog); Office.js itself in Outlook. */
  signIn?: TokenProviderEnvironment;
}

async function findHost(config: AppConfig): Promise<FoundHost | null> {
  if (typeof __CG_WORKBENCH__ !== 'undefined' && __CG_WORKBENCH__) {
    const { WorkbenchMailHost, isInsideWorkbench } = await import(
      /* webpackMode: "eager" */ '../host/workbench/workbenchMailHost'
    );
    if (isInsideWorkbench()) {
      const { withWorkbenchSettings } = await import(
        /* webpackMode: "eager" */ '../host/workbench/workbenchConfig'
      );
      const host = await WorkbenchMailHost.connect();
      const settings = { site: host.getSite(), signIn: host.getSignIn() };
      return {
        host,
        config: withWorkbenchSettings(config, settings),
        // npm start -- --sign-in: MSAL against the local identity provider, through the Office
        // dialog the workbench plays, as in an Outlook without nested app authentication.
        signIn: settings.signIn ? { office: host.officeForSignIn() } : undefined,
      };
    }
  }
  if (await officeReady()) {
    const { OfficeMailHost } = await import(
      /* webpackMode: "eager" */ '../host/office/officeMailHost'
    );
    return { host: new OfficeMailHost(), config };
  }
  return null;
}

async function main(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) return;
  let found: FoundHost | null = null;
  try {
    found = await findHost(loadConfig());
  } catch {
    found = null;
  }
  if (!found) {
    rootElement.textContent =
      'Contact Guard runs inside Outlook. Open an email in Outlook and choose Contact Guard on the ribbon.';
    return;
  }
  const services = composeServices(found.config, found.host, found.signIn);
  createRoot(rootElement).render(<App services={services} />);
}

void main();
