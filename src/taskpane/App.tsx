import { useEffect, useState } from 'react';
import {
  FluentProvider,
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

export function App({ services }: { services: Services }) {
  const { host, senderCheck, config } = services;
  const [theme, setTheme] = useState<ThemeKind>(host.getTheme());
  useEffect(() => host.onThemeChanged(setTheme), [host]);
  const styles = useStyles();
  return (
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <main className={styles.root}>
        <Text as="h1" size={400} weight="semibold" className={styles.header}>
          Contact Guard
        </Text>
        <SenderCheckView
          host={host}
          check={senderCheck}
          backgroundRefreshMs={config.cacheBackgroundRefreshSeconds * 1000}
        />
      </main>
    </FluentProvider>
  );
}
