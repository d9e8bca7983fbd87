import { Suspense, lazy, useCallback, useState, type ReactElement } from 'react';
import {
  Button,
  FluentProvider,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useFluentTheme } from './hooks/useFluentTheme';
import type { Services } from '../app/composition';
import { SenderCheckView } from './views/SenderCheckView';
import { ServicesProvider } from '../ui/services';
import { useAsync } from '../ui/useAsync';
import { PANE_TEXT, UI_TEXT } from '../ui/uiText';

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
// The compose pane (issue 12), for an email being written: its own chunk, so the read pane does
// not carry it.
const ComposeView = lazy(() =>
  import(/* webpackChunkName: "compose" */ './views/ComposeView').then((m) => ({
    default: m.ComposeView,
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
  /** The view; it takes the services it needs from the services context (useServices). */
  render: () => ReactElement;
  /** Shown only when this resolves true (e.g. the user's role); a failure hides the view. */
  visible?: (services: Services) => Promise<boolean>;
}

const views: ViewEntry[] = [
  {
    id: 'sender',
    label: PANE_TEXT.tabs.sender,
    render: () => <SenderCheckView />,
  },
  {
    id: 'log',
    label: PANE_TEXT.tabs.log,
    render: () => <LogEventView />,
  },
  {
    id: 'review',
    label: PANE_TEXT.tabs.review,
    render: () => <ReviewView />,
    visible: (s) => s.roles.has('reviewer'),
  },
  {
    id: 'admin',
    label: PANE_TEXT.tabs.admin,
    render: () => <AdminView />,
    visible: (s) => s.roles.has('admin'),
  },
];

export function App({ services }: { services: Services }) {
  return services.compose ? <ComposePane services={services} /> : <ReadPane services={services} />;
}

/** On an email being written: the recipients' check only (no tabs). */
function ComposePane({ services }: { services: Services }) {
  const { kind: themeKind, theme } = useFluentTheme(services.host);
  const styles = useStyles();
  return (
    <ServicesProvider services={services}>
      <FluentProvider theme={theme} data-theme={themeKind}>
        <main className={styles.root}>
          <Text as="h1" size={400} weight="semibold" className={styles.header}>
            {PANE_TEXT.title}
          </Text>
          <Suspense fallback={<Spinner size="tiny" label={UI_TEXT.loading} />}>
            <ComposeView />
          </Suspense>
        </main>
      </FluentProvider>
    </ServicesProvider>
  );
}

function ReadPane({ services }: { services: Services }) {
  const { host } = services;
  const { kind: themeKind, theme } = useFluentTheme(host);
  const [view, setView] = useState<ViewId>('sender');
  // The views gated by a role, once the roles are known; a role that cannot be checked hides its
  // view (the pane still shows everything else).
  const gated = useAsync(
    useCallback(
      () =>
        Promise.all(
          views.map((v) => {
            const check = v.visible;
            return check
              ? Promise.resolve()
                  .then(() => check(services))
                  .catch(() => false)
              : true;
          }),
        ),
      [services],
    ),
  );
  const allowed = (v: ViewEntry, i: number) => !v.visible || gated.value?.[i] === true;
  const shown = views.filter(allowed);
  const styles = useStyles();
  const current = shown.find((v) => v.id === view) ?? shown[0]!;
  return (
    <ServicesProvider services={services}>
      <FluentProvider theme={theme} data-theme={themeKind}>
        <main className={styles.root}>
          <Text as="h1" size={400} weight="semibold" className={styles.header}>
            {PANE_TEXT.title}
          </Text>
          {shown.length > 1 && (
            // A light tab list (ARIA tabs over Fluent buttons): Fluent's TabList costs the pane
            // more script than the whole sender check.
            <div role="tablist" aria-label={PANE_TEXT.tabsLabel} className={styles.tabs}>
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
          <Suspense fallback={<Spinner size="tiny" label={UI_TEXT.loading} />}>
            {current.render()}
          </Suspense>
        </main>
      </FluentProvider>
    </ServicesProvider>
  );
}
