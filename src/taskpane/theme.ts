import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** True for a dark colour given as "#RRGGBB" (or "#RGB"): relative luminance below one half. */
export function isDarkColor(color: string | undefined): boolean {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color?.trim() ?? '')?.[1];
  if (!hex) return false;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** The Fluent theme that matches Office's: dark when its task pane background is dark, light otherwise (and outside Office). */
export function themeFor(officeTheme: Pick<Office.OfficeTheme, 'bodyBackgroundColor'> | undefined): Theme {
  return isDarkColor(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}
