import { Suspense, lazy, useEffect, useState, type ReactElement } from 'react';
import {
  Button,
  FluentProvider,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useFluentTheme } from './hooks/useFluentTheme';
import { useLazyService } from './hooks/useLazyService';
import type { Services } from '../app/composition';
import { SenderCheckView } from './views/SenderCheckView';

// Views other than the sender check are loaded when first opened: the pane shows a verdict
// without fetching the code for forms and administration (see README, Performance).
const LogEventView = lazy(() =>
  import(/* webpackChunkName: "log-event" */ './views/LogEventView').then((m) => ({
    default: m.LogEventView,
  })),
);
const ReviewView = lazy(() =>
  import(/* webpackChunkName: "review-pane" */ './views/ReviewView').then((m) => ({
    default: m.ReviewView,
  })),
);
const AdminView = lazy(() =>
  import(/* webpackChunkName: "admin" */ './views/AdminView').then((m) => ({
    default: m.AdminView,
  })),
);

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    alignContent: 'start',
    rowGap: tokens.spacingVerticalM,
  },
  header: { margin: 0 },
  tabs: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS },
});

/**
 * The pane's views. The sender check is always first; other views (logging a contact, review,
 * admin) add an entry here, and may hide themselves for users without the role they need.
 */
type ViewId = 'sender' | 'log' | 'review' | 'admin';

interface ViewEntry {
  id: ViewId;
  label: string;
  render: (services: Services) => ReactElement;
  /** Shown only when this resolves true (e.g. the user's role); a failure hides the view. */
  visible?: (services: Services) => Promise<boolean>;
}

const views: ViewEntry[] = [
  {
    id: 'sender',
    label: 'Sender',
    render: (s) => (
      <SenderCheckView
        host={s.host}
        check={s.senderCheck}
        backgroundRefreshMs={s.config.cacheBackgroundRefreshSeconds * 1000}
        actions={s.actions}
        events={s.events}
      />
    ),
  },
  {
    id: 'log',
    label: 'Log contact',
    render: (s) => <LogEventView host={s.host} events={s.events} />,
  },
  {
    id: 'review',
    label: 'Review',
    render: (s) => <ReviewView load={s.review} host={s.host} />,
    visible: (s) => s.roles.has('reviewer'),
  },
  {
    id: 'admin',
    label: 'Admin',
    render: (s) => <LazyAdminView load={s.admin} />,
    visible: (s) => s.roles.has('admin'),
  },
];

/** The admin view once its service has loaded (both come in the "admin" chunk). */
function LazyAdminView({ load }: { load: Services['admin'] }) {
  const admin = useLazyService(load, true);
  return admin ? <AdminView admin={admin} /> : <Spinner size="tiny" label="Loading…" />;
}

export function App({ services }: { services: Services }) {
  const { host } = services;
  const { kind: themeKind, theme } = useFluentTheme(host);
  const [view, setView] = useState<ViewId>('sender');
  const [allowed, setAllowed] = useState<ReadonlySet<ViewId>>(
    () => new Set(views.filter((v) => !v.visible).map((v) => v.id)),
  );
  useEffect(() => {
    let live = true;
    for (const v of views) {
      if (!v.visible) continue;
      const check = v.visible;
      Promise.resolve()
        .then(() => check(services))
        .then(
          (yes) => {
            if (live && yes) setAllowed((a) => new Set([...a, v.id]));
          },
          () => undefined, // a role that cannot be checked hides the view
        );
    }
    return () => {
      live = false;
    };
  }, [services]);
  const shown = views.filter((v) => allowed.has(v.id));
  const styles = useStyles();
  const current = shown.find((v) => v.id === view) ?? shown[0]!;
  return (
    <FluentProvider theme={theme} data-theme={themeKind}>
      <main className={styles.root}>
        <Text as="h1" size={400} weight="semibold" className={styles.header}>
          Contact Guard
        </Text>
        {shown.length > 1 && (
          // A light tab list (ARIA tabs over Fluent buttons): Fluent's TabList costs the pane
          // more script than the whole sender check.
          <div role="tablist" aria-label="Contact Guard views" className={styles.tabs}>
            {shown.map((v) => (
              <Button
                key={v.id}
                role="tab"
                size="small"
                aria-selected={v.id === current.id}
                appearance={v.id === current.id ? 'primary' : 'subtle'}
                onClick={() => setView(v.id)}
              >
                {v.label}
              </Button>
            ))}
          </div>
        )}
        <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
          {current.render(services)}
        </Suspense>
      </main>
    </FluentProvider>
  );
}
