import { Kbd, Loader, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import {
  IconAlertTriangle,
  IconChecklist,
  IconFileReport,
  IconInfoSquareRounded,
  IconPackages,
  IconSchool,
  IconServer,
  IconSignature,
} from '@tabler/icons-react';
import { useApiQuery } from '../api/useApiQuery';
import { QueryError } from '../shell/QueryError';
import { isSiteTab, useNavigation, type SiteTab } from '../state/navigation';
import { IssueCreateModal } from './issues/IssueCreateModal';
import { SiteOverview } from './overview/SiteOverview';
import { DisplayZoneProvider } from '../format/Time';
import { SiteHeader } from './SiteHeader';
import classes from './SiteWorkspace.module.css';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

// Every tab but the overview (the one a site opens on) loads on first use: one chunk per tab.
const InventoryTab = lazy(() => import('./inventory/InventoryTab').then((m) => ({ default: m.InventoryTab })));
const ChecklistTab = lazy(() => import('./checklist/ChecklistTab').then((m) => ({ default: m.ChecklistTab })));
const MachinesTab = lazy(() => import('./machines/MachinesTab').then((m) => ({ default: m.MachinesTab })));
const IssuesTab = lazy(() => import('./issues/IssuesTab').then((m) => ({ default: m.IssuesTab })));
const TrainingTab = lazy(() => import('./training/TrainingTab').then((m) => ({ default: m.TrainingTab })));
const SignOffTab = lazy(() => import('./signoff/SignOffTab').then((m) => ({ default: m.SignOffTab })));
const SiteReportView = lazy(() => import('../site-report/SiteReportView').then((m) => ({ default: m.SiteReportView })));
const tabLoading = <Loader size="sm" m="xl" />;

const TABS: { value: SiteTab; label: string; icon: React.ReactNode; key: string }[] = [
  {
    value: 'overview',
    get label() {
      return appText('site.siteWorkspace.overview');
    },
    icon: <IconInfoSquareRounded size={15} />,
    key: '1',
  },
  {
    value: 'inventory',
    get label() {
      return appText('site.siteWorkspace.inventory');
    },
    icon: <IconPackages size={15} />,
    key: '2',
  },
  {
    value: 'checklist',
    get label() {
      return appText('site.siteWorkspace.checklist');
    },
    icon: <IconChecklist size={15} />,
    key: '3',
  },
  {
    value: 'machines',
    get label() {
      return appText('site.siteWorkspace.machines');
    },
    icon: <IconServer size={15} />,
    key: '4',
  },
  {
    value: 'issues',
    get label() {
      return appText('site.siteWorkspace.issues');
    },
    icon: <IconAlertTriangle size={15} />,
    key: '5',
  },
  {
    value: 'training',
    get label() {
      return appText('site.siteWorkspace.training');
    },
    icon: <IconSchool size={15} />,
    key: '6',
  },
  {
    value: 'signoff',
    get label() {
      return appText('site.siteWorkspace.signOff');
    },
    icon: <IconSignature size={15} />,
    key: '7',
  },
  {
    value: 'report',
    get label() {
      return appText('site.siteWorkspace.report');
    },
    icon: <IconFileReport size={15} />,
    key: '8',
  },
];

/** One site: header with status, then the tabs. Only the active tab is mounted. */
export function SiteWorkspace({ siteId }: { deploymentId: string; siteId: string }) {
  const t = useText();
  const tab = useNavigation((s) => s.tab);
  const setTab = useNavigation((s) => s.setTab);
  const site = useApiQuery('sites.get', { siteId }, ['sites']);

  if (site.error && !site.data) {
    return <QueryError m="md" title={t('site.siteWorkspace.siteNotAvailable')} error={site.error} onRetry={site.reload} />;
  }
  if (!site.data) return <Loader size="sm" m="xl" />;

  return (
    // Every time in the workspace is shown in the site's own zone, with the zone named.
    <DisplayZoneProvider zone={site.data.timeZone}>
      <div className={classes.workspace} data-testid="workspace" data-site-code={site.data.code}>
        <div className={classes.header}>
          <SiteHeader site={site.data} />
        </div>
        <Tabs
          value={tab}
          onChange={(v) => isSiteTab(v) && setTab(v)}
          className={classes.tabs}
          classNames={{ panel: classes.panel, tab: classes.tab, list: classes.list }}
        >
          <Tabs.List px="md">
            {TABS.map((tab) => (
              <Tabs.Tab
                key={tab.value}
                value={tab.value}
                leftSection={tab.icon}
                rightSection={
                  <Kbd size="xs" className={classes.kbd}>
                    {tab.key}
                  </Kbd>
                }
                data-testid={`tab-${tab.value}`}
              >
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview">
            <div className={classes.scrollPanel}>
              <SiteOverview site={site.data} />
            </div>
          </Tabs.Panel>
          <Tabs.Panel value="inventory">
            <Suspense fallback={tabLoading}>
              <InventoryTab siteId={siteId} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="checklist">
            <Suspense fallback={tabLoading}>
              <ChecklistTab siteId={siteId} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="machines">
            <Suspense fallback={tabLoading}>
              <MachinesTab siteId={siteId} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="issues">
            <Suspense fallback={tabLoading}>
              <IssuesTab siteId={siteId} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="training">
            <Suspense fallback={tabLoading}>
              <TrainingTab siteId={siteId} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="signoff">
            <div className={classes.scrollPanel}>
              <Suspense fallback={tabLoading}>
                <SignOffTab siteId={siteId} deploymentId={site.data.deploymentId} />
              </Suspense>
            </div>
          </Tabs.Panel>
          <Tabs.Panel value="report">
            <div className={classes.scrollPanel}>
              <Suspense fallback={tabLoading}>
                <SiteReportView siteId={siteId} />
              </Suspense>
            </div>
          </Tabs.Panel>
        </Tabs>
        <IssueCreateModal />
      </div>
    </DisplayZoneProvider>
  );
}
