import { appText } from '../i18n/app-text';
/** The keyboard shortcuts, as listed in the help modal. The handlers live in useGlobalHotkeys. */
export const SHORTCUTS: { keys: string[]; label: string }[] = [
  {
    keys: ['1'],
    get label() {
      return appText('shell.shortcuts.overviewTab');
    },
  },
  {
    keys: ['2'],
    get label() {
      return appText('shell.shortcuts.inventoryTab');
    },
  },
  {
    keys: ['3'],
    get label() {
      return appText('shell.shortcuts.checklistTab');
    },
  },
  {
    keys: ['4'],
    get label() {
      return appText('shell.shortcuts.machinesTab');
    },
  },
  {
    keys: ['5'],
    get label() {
      return appText('shell.shortcuts.issuesTab');
    },
  },
  {
    keys: ['6'],
    get label() {
      return appText('shell.shortcuts.trainingTab');
    },
  },
  {
    keys: ['7'],
    get label() {
      return appText('shell.shortcuts.signOffTab');
    },
  },
  {
    keys: ['8'],
    get label() {
      return appText('shell.shortcuts.siteReportTab');
    },
  },
  {
    keys: ['R'],
    get label() {
      return appText('shell.shortcuts.receiveModeScanSerials');
    },
  },
  {
    keys: ['/'],
    get label() {
      return appText('shell.shortcuts.searchTheInventory');
    },
  },
  {
    keys: ['Ctrl', 'J'],
    get label() {
      return appText('shell.shortcuts.nextSite');
    },
  },
  {
    keys: ['Ctrl', 'K'],
    get label() {
      return appText('shell.shortcuts.previousSite');
    },
  },
  {
    keys: ['T'],
    get label() {
      return appText('shell.shortcuts.toggleLightDarkTheme');
    },
  },
  {
    keys: ['S'],
    get label() {
      return appText('shell.shortcuts.syncNowSignedIn');
    },
  },
  {
    keys: ['?'],
    get label() {
      return appText('shell.shortcuts.thisHelp');
    },
  },
  {
    keys: ['Esc'],
    get label() {
      return appText('shell.shortcuts.leaveReceiveModeIn');
    },
  },
];

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl" reads "⌘" on a Mac, where mod+J means Cmd+J. */
export function keyLabel(key: string): string {
  return key === 'Ctrl' && IS_MAC ? '⌘' : key;
}
