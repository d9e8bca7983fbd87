// The pane's services, given to every view and component through one React context: App puts
// what the composition root built (src/app/composition.ts) in a ServicesProvider, and whatever
// needs a service calls useServices(). A lazily loaded service (the review, the admin's routing,
// the email actions) is loaded by the view that needs it (useAsync) and handed to the parts that
// act on it, which are also what review.html shows with its own service.
import { createContext, useContext, type ReactNode } from 'react';
import type { Services } from '../app/composition';

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services the composition root built. Only inside a ServicesProvider. */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() is used outside a ServicesProvider.');
  return services;
}
