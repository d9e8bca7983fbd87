// Maps the host's colours to the three themes the pane ships. Pure: no Office or DOM access here.
import type { ThemeKind } from './mailHost';

/** The colours Office reports (Office.context.officeTheme); every field may be missing in Outlook. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

export interface ThemeSignals {
  /** `(forced-colors: active)`: the operating system's high-contrast mode is on. */
  forcedColors?: boolean;
}

/**
 * Office's own themes never pair pure black with pure white (Colorful and White use #444444 text on
 * a light background, Dark Gray uses #F0F0F0 on #6A6A6A, Black uses light grey on near-black), so a
 * contrast ratio this close to the 21:1 maximum means a high-contrast theme.
 */
const HIGH_CONTRAST_MIN_RATIO = 18;

interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Parses `#RGB` or `#RRGGBB` (the leading # optional); undefined for anything else. */
export function parseHexColor(value: string | undefined): Rgb | undefined {
  if (!value) return undefined;
  const hex = value.trim().replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(hex)
    ? hex
        .split('')
        .map((digit) => digit + digit)
        .join('')
    : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined;
  return {
    r: parseInt(full.slice(0, 2), 16),
    g: parseInt(full.slice(2, 4), 16),
    b: parseInt(full.slice(4, 6), 16),
  };
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const channel = (value: number): number => {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The pane's theme for the host's colours. Dark is decided by text lighter than its background
 * (Dark Gray's background, #6A6A6A, is mid-grey, so an absolute threshold would call it light).
 * Unknown or unreadable colours give 'light', the pane's default.
 */
export function themeFromOfficeColors(
  colors: OfficeThemeColors | undefined,
  signals: ThemeSignals = {},
): ThemeKind {
  if (signals.forcedColors) return 'highContrast';
  const background = parseHexColor(colors?.bodyBackgroundColor);
  if (!background) return 'light';
  const foreground = parseHexColor(colors?.bodyForegroundColor);
  if (!foreground) return relativeLuminance(background) < 0.18 ? 'dark' : 'light';
  if (contrastRatio(background, foreground) >= HIGH_CONTRAST_MIN_RATIO) return 'highContrast';
  return relativeLuminance(foreground) > relativeLuminance(background) ? 'dark' : 'light';
}
