// The event handlers' entry (issue 12), the one file both runtimes load: classic Outlook on Windows
// runs it alone in a JavaScript-only runtime (no DOM, no localStorage, and Office.onReady is never
// called there), web, new Outlook and Mac load it from launchevent.html after Office.js. So nothing
// here waits for onReady or touches the DOM; the handlers are associated at once, as Microsoft's
// samples do (learn.microsoft.com/office/dev/add-ins/outlook/autolaunch, "Office.actions.associate").
import { loadConfig, type AppConfig } from '../config/appConfig';
import type { OfficeSignInApi } from '../auth/officeSignInApi';
import { handlerStorage, memoryStorage } from '../cache/sendTimeStore';
import { withWorkbenchSettings, type WorkbenchSettings } from '../host/workbench/workbenchConfig';
import { createHandlers } from './handlers';
import { HANDLER_FUNCTIONS } from './names';
import type { OfficeApi } from './officeCompose';
import { createSendTimeRefresher } from './refreshSendTimeCache';

// Set by webpack: true only in the workbench build.
declare const __CG_WORKBENCH__: boolean;

/** The workbench's school (its seed's site), which its Office stand-in sets before this file runs. */
function configuration(): AppConfig {
  const config = loadConfig();
  if (typeof __CG_WORKBENCH__ === 'undefined' || !__CG_WORKBENCH__) return config;
  const settings = (globalThis as { __cgWorkbenchRuntime?: WorkbenchSettings })
    .__cgWorkbenchRuntime;
  return settings ? withWorkbenchSettings(config, settings) : config;
}

function register(): void {
  const office = (globalThis as unknown as { Office?: OfficeApi }).Office;
  if (!office?.actions || typeof office.actions.associate !== 'function') return;
  const storage = handlerStorage() ?? memoryStorage();
  let config: AppConfig | undefined;
  try {
    config = configuration();
  } catch {
    config = undefined; // no configuration: decide from the cache only
  }
  const handlers = createHandlers({
    office,
    storage,
    refresh:
      storage && config
        ? createSendTimeRefresher({
            config,
            storage,
            office: office as unknown as OfficeSignInApi,
          })
        : undefined,
  });
  const associate = office.actions.associate.bind(office.actions) as (
    name: string,
    handler: (event: never) => void,
  ) => void;
  associate(HANDLER_FUNCTIONS.OnMessageSend, (event) => void handlers.onMessageSend(event));
  associate(
    HANDLER_FUNCTIONS.OnNewMessageCompose,
    (event) => void handlers.onNewMessageCompose(event),
  );
  associate(
    HANDLER_FUNCTIONS.OnMessageRecipientsChanged,
    (event) => void handlers.onMessageRecipientsChanged(event),
  );
}

register();
