// Task pane entry: find the host (Outlook through Office.js, or the local workbench), compose the
// services and render. Nothing here decides a verdict.
import { createRoot } from 'react-dom/client';
import { loadConfig } from '../config/appConfig';
import type { MailHost } from '../host/mailHost';
import { officeReady } from '../host/office/officeMailHost';
import { composeServices } from '../app/composition';
import { App } from './App';

// Set by webpack: true only in the workbench build, so the production bundle has no workbench code.
declare const __CG_WORKBENCH__: boolean;

async function findHost(): Promise<MailHost | null> {
  if (typeof __CG_WORKBENCH__ !== 'undefined' && __CG_WORKBENCH__) {
    const { WorkbenchMailHost, isInsideWorkbench } = await import(
      /* webpackMode: "eager" */ '../host/workbench/workbenchMailHost'
    );
    if (isInsideWorkbench()) return WorkbenchMailHost.connect();
  }
  if (await officeReady()) {
    const { OfficeMailHost } = await import(
      /* webpackMode: "eager" */ '../host/office/officeMailHost'
    );
    return new OfficeMailHost();
  }
  return null;
}

async function main(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) return;
  const config = loadConfig();
  let host: MailHost | null = null;
  try {
    host = await findHost();
  } catch {
    host = null;
  }
  if (!host) {
    rootElement.textContent =
      'Contact Guard runs inside Outlook. Open an email in Outlook and choose Contact Guard on the ribbon.';
    return;
  }
  const services = composeServices(config, host);
  createRoot(rootElement).render(<App services={services} />);
}

void main();
