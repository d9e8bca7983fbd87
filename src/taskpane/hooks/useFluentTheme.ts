import { useEffect, useState } from 'react';
import { webLightTheme, type Theme } from '@fluentui/react-components';
import type { MailHost, ThemeKind } from '../../host/mailHost';
import { useAsync } from '../../ui/useAsync';

// The dark and high-contrast themes are a chunk of their own, fetched only when Outlook uses one.
const loadThemes = () => import(/* webpackChunkName: "themes" */ '../themes');

/** Outlook's theme as a Fluent theme, following theme changes; light until another is loaded. */
export function useFluentTheme(host: MailHost): { kind: ThemeKind; theme: Theme } {
  const [kind, setKind] = useState<ThemeKind>(host.getTheme());
  // A subscription, not a load: Outlook says when its theme changes.
  useEffect(() => host.onThemeChanged(setKind), [host]);
  const themes = useAsync(kind === 'light' ? null : loadThemes).value;
  // Light while the themes load, and when they cannot be: readable, if not the user's choice.
  if (kind === 'light' || !themes) return { kind: 'light', theme: webLightTheme };
  return { kind, theme: kind === 'dark' ? themes.webDarkTheme : themes.teamsHighContrastTheme };
}
