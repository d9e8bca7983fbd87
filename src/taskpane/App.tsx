import { useEffect, useState, type ReactElement } from 'react';
import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  teamsHighContrastTheme,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { ThemeKind } from '../host/mailHost';
import type { Services } from '../app/composition';
import { SenderCheckView } from './views/SenderCheckView';

const themes: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

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
});

/**
 * The pane's views. The sender check is always first; other views (logging a contact, review,
 * admin) add an entry here, and may hide themselves for users without the role they need.
 */
type ViewId = 'sender';

interface ViewEntry {
  id: ViewId;
  label: string;
  render: (services: Services) => ReactElement;
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
      />
    ),
  },
];

export function App({ services }: { services: Services }) {
  const { host } = services;
  const [theme, setTheme] = useState<ThemeKind>(host.getTheme());
  const [view, setView] = useState<ViewId>('sender');
  useEffect(() => host.onThemeChanged(setTheme), [host]);
  const styles = useStyles();
  const current = views.find((v) => v.id === view) ?? views[0]!;
  return (
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <main className={styles.root}>
        <Text as="h1" size={400} weight="semibold" className={styles.header}>
          Contact Guard
        </Text>
        {views.length > 1 && (
          <TabList
            size="small"
            selectedValue={view}
            onTabSelect={(_e, data) => setView(data.value as ViewId)}
          >
            {views.map((v) => (
              <Tab key={v.id} value={v.id}>
                {v.label}
              </Tab>
            ))}
          </TabList>
        )}
        {current.render(services)}
      </main>
    </FluentProvider>
  );
}
