import { Alert, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useApiQuery } from '../api/useApiQuery';
import { useNavigation } from '../state/navigation';
import { useIssueSummary } from '../site/issues/useIssueSummary';
import { useSiteOrder } from '../state/site-order';
import { AfterFirstScreen } from '../shell/AfterFirstScreen';
import { markFirstScreen } from '../shell/first-screen';
import { SiteFilterPart } from '../shell/kit-parts';
import { groupSitesByWave } from './group-sites';
import { SiteRow } from './SiteRow';
import classes from './Navigator.module.css';
import { PilotBadge } from '../deployment/PilotBadge';
import { useText } from '../i18n/i18n';

/** The sites of one deployment, grouped by wave, with a quick filter. */
export function SiteTree({ deploymentId }: { deploymentId: string }) {
  const t = useText();
  const siteId = useNavigation((s) => s.siteId);
  const selectSite = useNavigation((s) => s.selectSite);
  const setOrder = useSiteOrder((s) => s.setOrder);
  const [filter, setFilter] = useState('');
  const sites = useApiQuery('sites.list', { deploymentId }, ['sites']);
  const detail = useApiQuery('deployments.get', { deploymentId }, ['deployments']);
  const issueCounts = useIssueSummary(deploymentId);

  const groups = useMemo(() => groupSitesByWave(sites.data ?? [], detail.data?.waves ?? []), [sites.data, detail.data]);

  useEffect(() => {
    setOrder(
      deploymentId,
      groups.flatMap((g) => g.sites.map((s) => s.id)),
    );
  }, [deploymentId, groups, setOrder]);

  const needle = filter.trim().toLowerCase();
  const visible = useMemo(
    () =>
      needle
        ? groups
            .map((g) => ({ ...g, sites: g.sites.filter((s) => `${s.code} ${s.name}`.toLowerCase().includes(needle)) }))
            .filter((g) => g.sites.length > 0)
        : groups,
    [groups, needle],
  );

  // The first screen is on once the sites (or the reason they are not) are shown.
  const settled = sites.data !== undefined || sites.error !== null;
  useEffect(() => {
    if (settled) markFirstScreen();
  }, [settled]);

  const onSelect = useCallback((id: string) => selectSite(deploymentId, id), [deploymentId, selectSite]);
  const total = sites.data?.length ?? 0;

  return (
    <div data-testid="navigator-sites">
      <div className={classes.sectionTitle}>
        <span>
          {t('navigator.siteTree.sites')} {sites.loading && !sites.data ? <Loader size={10} ml={4} /> : total > 0 ? `· ${total}` : null}
        </span>
      </div>
      {total > 6 && (
        <AfterFirstScreen fallback={<div className={classes.filterSpace} />}>
          <SiteFilterPart value={filter} onChange={setFilter} />
        </AfterFirstScreen>
      )}
      {sites.error && (
        <Alert color="red" mx="sm" p="xs" fz="xs">
          {sites.error.message}
        </Alert>
      )}
      {visible.map((group) => (
        <div key={group.key} data-testid="wave-group">
          <div className={classes.waveTitle}>
            <span>{group.name}</span>
            {group.isPilot && <PilotBadge />}
            <span style={{ marginLeft: 'auto', fontWeight: 500 }}>{group.sites.length}</span>
          </div>
          {group.sites.map((site) => (
            <SiteRow
              key={site.id}
              site={site}
              active={site.id === siteId}
              onSelect={onSelect}
              blockingCount={issueCounts.get(site.id)?.openBlocking ?? 0}
            />
          ))}
        </div>
      ))}
      {sites.data && total === 0 && (
        <div className={classes.meta} style={{ padding: '4px 12px' }}>
          {t('navigator.siteTree.thisDeploymentHasNo')}
        </div>
      )}
      {needle && visible.length === 0 && total > 0 && (
        <div className={classes.meta} style={{ padding: '4px 12px' }}>
          {t('navigator.siteTree.noSiteMatches', { filter })}
        </div>
      )}
    </div>
  );
}
