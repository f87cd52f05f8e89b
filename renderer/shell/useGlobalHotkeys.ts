import { useHotkeys } from '@mantine/hooks';
import { useNavigation, type SiteTab } from '../state/navigation';
import { neighbourSite, useSiteOrder } from '../state/site-order';
import { useUi } from '../state/ui';
import { syncNow } from '../sync/sync-actions';
import { useToggleTheme } from '../theme/useToggleTheme';
import { overlayOpen } from './overlay';

export function useGlobalHotkeys(): void {
  const { toggle } = useToggleTheme();

  const guarded = (fn: () => void) => () => {
    if (!overlayOpen()) fn();
  };

  const tab = (value: SiteTab) =>
    guarded(() => {
      const nav = useNavigation.getState();
      if (nav.siteId) nav.setTab(value);
    });

  const moveSite = (step: 1 | -1) => () => {
    const nav = useNavigation.getState();
    const order = useSiteOrder.getState();
    if (!nav.deploymentId || order.deploymentId !== nav.deploymentId) return;
    const next = neighbourSite(order.siteIds, nav.siteId, step);
    if (next) nav.selectSite(nav.deploymentId, next);
  };

  const help = () => useUi.getState().setShortcutsOpen(!useUi.getState().shortcutsOpen);

  useHotkeys([
    ['1', tab('overview')],
    ['2', tab('inventory')],
    ['3', tab('checklist')],
    ['4', tab('machines')],
    ['5', tab('issues')],
    ['6', tab('training')],
    ['7', tab('signoff')],
    ['8', tab('report')],
    [
      'r',
      guarded(() => {
        const nav = useNavigation.getState();
        if (!nav.siteId) return;
        nav.setTab('inventory');
        const ui = useUi.getState();
        if (ui.receiveMode) ui.requestScanFocus();
        else ui.setReceiveMode(true);
      }),
    ],
    [
      '/',
      guarded(() => {
        const nav = useNavigation.getState();
        if (!nav.siteId) return;
        nav.setTab('inventory');
        useUi.getState().requestSearchFocus();
      }),
    ],
    ['t', guarded(toggle)],
    ['s', guarded(() => void syncNow())],
    ['shift+?', help],
    ['?', help],
  ]);

  // Moving between sites also works from inside a field (e.g. the scan input).
  useHotkeys(
    [
      ['mod+j', moveSite(1)],
      ['mod+k', moveSite(-1)],
    ],
    [],
  );
}
