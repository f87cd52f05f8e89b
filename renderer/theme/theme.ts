import { createTheme, localStorageColorSchemeManager, type CSSVariablesResolver } from '@mantine/core';

/** Persisted in localStorage; "auto" (the default) follows the operating system. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'outpost.colorScheme' });

/** A dense desktop tool: system fonts (no downloads, CSP allows none), small controls, tight radius. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Filled, outline and text colours of every palette one step darker in the light theme than
  // Mantine's default (6), so white-on-colour and colour-on-white text meets WCAG AA.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "Segoe UI Mono", "Liberation Mono", Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  components: {
    Button: { defaultProps: { size: 'xs' } },
    TextInput: { defaultProps: { size: 'xs' } },
    Textarea: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs' } },
    Badge: { defaultProps: { size: 'sm', radius: 'sm' } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Tabs: { defaultProps: { keepMounted: false } },
    // The × of every dialog is an icon-only button: it gets a name.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

/**
 * Secondary ("dimmed") text readable in both themes: Mantine's default grey is 3.3:1 on white,
 * below WCAG AA's 4.5:1 for small text; gray.7 on white and dark.1 on dark.7 clear it.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], ...readableOnLight(Object.keys(t.colors)) },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] },
});

/**
 * Light theme: coloured text (light and outline variants, `c="teal"` text) a darker tone of the
 * palette's darkest shade, and filled backgrounds dark enough for white text, so badges and
 * buttons of every palette (green, teal, orange…) meet 4.5:1, not only indigo.
 */
function readableOnLight(palettes: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const c of palettes) {
    const text = `color-mix(in srgb, var(--mantine-color-${c}-9) 70%, black)`;
    vars[`--mantine-color-${c}-light-color`] = text;
    vars[`--mantine-color-${c}-outline`] = text;
    vars[`--mantine-color-${c}-text`] = text;
    vars[`--mantine-color-${c}-filled`] = `color-mix(in srgb, var(--mantine-color-${c}-8) 75%, black)`;
  }
  return vars;
}
