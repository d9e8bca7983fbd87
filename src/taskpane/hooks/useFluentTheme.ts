import { useEffect, useState } from 'react';
import { webLightTheme, type Theme } from '@fluentui/react-components';
import type { MailHost, ThemeKind } from '../../host/mailHost';

/** Outlook's theme as a Fluent theme, following theme changes; light until another is loaded. */
export function useFluentTheme(host: MailHost): { kind: ThemeKind; theme: Theme } {
  const [kind, setKind] = useState<ThemeKind>(host.getTheme());
  const [loaded, setLoaded] = useState<{ kind: ThemeKind; theme: Theme }>({
    kind: 'light',
    theme: webLightTheme,
  });
  useEffect(() => host.onThemeChanged(setKind), [host]);
  useEffect(() => {
    if (kind === 'light') return;
    let live = true;
    import(/* webpackChunkName: "themes" */ '../themes').then(
      (m) => {
        if (live)
          setLoaded({ kind, theme: kind === 'dark' ? m.webDarkTheme : m.teamsHighContrastTheme });
      },
      () => undefined, // stays light: readable, if not the user's choice
    );
    return () => {
      live = false;
    };
  }, [kind]);
  return kind === 'light' ? { kind, theme: webLightTheme } : loaded;
}
