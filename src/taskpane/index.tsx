// Task pane entry: find the host (Outlook through Office.js, or the local workbench), compose the
// services and render. Nothing here decides a verdict.
import { createRoot } from 'react-dom/client';
import { loadConfig, type AppConfig } from '../config/appConfig';
import type { MailHost } from '../host/mailHost';
import { officeReady } from '../host/office/officeMailHost';
import { composeServices } from '../app/composition';
import { App } from './App';

// Set by webpack: true only in the workbench build, so the production bundle has no workbench code.
declare const __CG_WORKBENCH__: boolean;

async function findHost(config: AppConfig): Promise<{ host: MailHost; config: AppConfig } | null> {
  if (typeof __CG_WORKBENCH__ !== 'undefined' && __CG_WORKBENCH__) {
    const { WorkbenchMailHost, isInsideWorkbench } = await import(
      /* webpackMode: "eager" */ '../host/workbench/workbenchMailHost'
    );
    if (isInsideWorkbench()) {
      const host = await WorkbenchMailHost.connect();
      const site = host.getSite();
      // The workbench may run another seed (npm start -- --seed FILE): use that school's site.
      return {
        host,
        config: site ? { ...config, sharePoint: { ...config.sharePoint, ...site } } : config,
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
  let found: { host: MailHost; config: AppConfig } | null = null;
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
  const services = composeServices(found.config, found.host);
  createRoot(rootElement).render(<App services={services} />);
}

void main();
