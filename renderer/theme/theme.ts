import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

/** Persisted in localStorage; "auto" (the default) follows the operating system. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'outpost.colorScheme' });

/** A dense desktop tool: system fonts (no downloads, CSP allows none), small controls, tight radius. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
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
  },
});
