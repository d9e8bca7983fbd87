// Components take the pane's services from the services context (src/ui/services.tsx): tests
// render them inside a ServicesProvider with the services they exercise. A service a test does
// not give never answers, so the parts that use it stay loading and touch nothing.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Services } from '../../src/app/composition';
import type { ContactEvents } from '../../src/app/events/contactEvents';
import type { SenderCheck } from '../../src/app/senderCheck';
import { loadConfig } from '../../src/config/appConfig';
import { ServicesProvider } from '../../src/ui/services';

const never = <T,>(): Promise<T> => new Promise<T>(() => undefined);

/** The services a test gives, the rest standing by (never answering). */
export function testServices(given: Partial<Services> & Pick<Services, 'host'>): Services {
  const quietEvents = {
    loggedState: () => never(),
    people: () => never(),
    outbox: { subscribe: () => () => undefined, snapshot: () => [] },
  } as unknown as ContactEvents;
  return {
    config: loadConfig(),
    senderCheck: {
      check: () => never(),
      onRestrictionsUpdated: () => () => undefined,
      refreshIfDue: () => undefined,
    } as unknown as SenderCheck,
    roles: { current: () => never(), has: () => never() },
    events: quietEvents,
    actions: () => never(),
    admin: () => never(),
    review: () => never(),
    compose: null,
    ...given,
  };
}

/** Renders `ui` as the pane does: Fluent's theme, inside the services context. */
export function renderWithServices(ui: ReactElement, services: Services) {
  return render(
    <ServicesProvider services={services}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </ServicesProvider>,
  );
}
