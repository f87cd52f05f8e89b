import { Kbd, Loader, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconInfoSquareRounded, IconPackages, IconServer, IconSignature } from '@tabler/icons-react';
import { useApiQuery } from '../api/useApiQuery';
import { QueryError } from '../shell/QueryError';
import { isSiteTab, useNavigation, type SiteTab } from '../state/navigation';
import { ChecklistTab } from './checklist/ChecklistTab';
import { InventoryTab } from './inventory/InventoryTab';
import { IssueCreateModal } from './issues/IssueCreateModal';
import { IssuesTab } from './issues/IssuesTab';
import { MachinesTab } from './machines/MachinesTab';
import { SiteOverview } from './overview/SiteOverview';
import { SiteHeader } from './SiteHeader';
import { SignOffTab } from './signoff/SignOffTab';
import classes from './SiteWorkspace.module.css';

const TABS: { value: SiteTab; label: string; icon: React.ReactNode; key: string }[] = [
  { value: 'overview', label: 'Overview', icon: <IconInfoSquareRounded size={15} />, key: '1' },
  { value: 'inventory', label: 'Inventory', icon: <IconPackages size={15} />, key: '2' },
  { value: 'checklist', label: 'Checklist', icon: <IconChecklist size={15} />, key: '3' },
  { value: 'machines', label: 'Machines', icon: <IconServer size={15} />, key: '4' },
  { value: 'issues', label: 'Issues', icon: <IconAlertTriangle size={15} />, key: '5' },
  { value: 'signoff', label: 'Sign-off', icon: <IconSignature size={15} />, key: '6' },
];

/** One site: header with status, then the four tabs. Only the active tab is mounted. */
export function SiteWorkspace({ siteId }: { deploymentId: string; siteId: string }) {
  const tab = useNavigation((s) => s.tab);
  const setTab = useNavigation((s) => s.setTab);
  const site = useApiQuery('sites.get', { siteId }, ['sites']);

  if (site.error && !site.data) {
    return (
      <QueryError m="md" title="Site not available" error={site.error} onRetry={site.reload} />
    );
  }
  if (!site.data) return <Loader size="sm" m="xl" />;

  return (
    <div className={classes.workspace} data-testid="workspace" data-site-code={site.data.code}>
      <div className={classes.header}>
        <SiteHeader site={site.data} />
      </div>
      <Tabs value={tab} onChange={(v) => isSiteTab(v) && setTab(v)} className={classes.tabs} classNames={{ panel: classes.panel }}>
        <Tabs.List px="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={t.icon} rightSection={<Kbd size="xs" className={classes.kbd}>{t.key}</Kbd>} data-testid={`tab-${t.value}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <div className={classes.scrollPanel}>
            <SiteOverview site={site.data} />
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="inventory">
          <InventoryTab siteId={siteId} />
        </Tabs.Panel>
        <Tabs.Panel value="checklist">
          <ChecklistTab siteId={siteId} />
        </Tabs.Panel>
        <Tabs.Panel value="machines">
          <MachinesTab siteId={siteId} />
        </Tabs.Panel>
        <Tabs.Panel value="issues">
          <IssuesTab siteId={siteId} />
        </Tabs.Panel>
        <Tabs.Panel value="signoff">
          <div className={classes.scrollPanel}>
            <SignOffTab siteId={siteId} deploymentId={site.data.deploymentId} />
          </div>
        </Tabs.Panel>
      </Tabs>
      <IssueCreateModal />
    </div>
  );
}
