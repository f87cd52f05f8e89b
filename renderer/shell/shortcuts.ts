/** The keyboard shortcuts, as listed in the help modal. The handlers live in useGlobalHotkeys. */
export const SHORTCUTS: { keys: string[]; label: string }[] = [
  { keys: ['1'], label: 'Overview tab' },
  { keys: ['2'], label: 'Inventory tab' },
  { keys: ['3'], label: 'Checklist tab' },
  { keys: ['4'], label: 'Machines tab' },
  { keys: ['5'], label: 'Issues tab' },
  { keys: ['6'], label: 'Training tab' },
  { keys: ['7'], label: 'Sign-off tab' },
  { keys: ['8'], label: 'Site report tab' },
  { keys: ['R'], label: 'Receive mode (scan serials)' },
  { keys: ['/'], label: 'Search the inventory' },
  { keys: ['Ctrl', 'J'], label: 'Next site' },
  { keys: ['Ctrl', 'K'], label: 'Previous site' },
  { keys: ['T'], label: 'Toggle light / dark theme' },
  { keys: ['S'], label: 'Sync now (signed in to a server)' },
  { keys: ['?'], label: 'This help' },
  { keys: ['Esc'], label: 'Leave receive mode (in the scan field), close a dialog' },
];

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl" reads "⌘" on a Mac, where mod+J means Cmd+J. */
export function keyLabel(key: string): string {
  return key === 'Ctrl' && IS_MAC ? '⌘' : key;
}
