import { Badge, Checkbox, Group, Select, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import type { Dashboard, DashboardSiteRow } from '../../shared/contract/dashboard-methods';
import { siteStatusSchema } from '../../shared/domain/enums';
import { formatDate, formatWindowShort } from '../format/time';
import { useNavigation } from '../state/navigation';
import { SITE_STATUS } from '../status/labels';
import { SEVERITY_COLOR } from './chart-colors';
import classes from './Dashboard.module.css';
import { visibleRows, type RowFilter, type SortKey, type SortState } from './site-rows';
import { useText } from '../i18n/i18n';
import { appText } from '../i18n/app-text';

const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 32;
const MAX_HEIGHT = 480;
const COLUMNS: { key: SortKey; label: string; right?: boolean }[] = [
  {
    key: 'code',
    get label() {
      return appText('dashboard.siteTable.code');
    },
  },
  {
    key: 'name',
    get label() {
      return appText('dashboard.siteTable.name');
    },
  },
  {
    key: 'wave',
    get label() {
      return appText('dashboard.siteTable.wave');
    },
  },
  {
    key: 'status',
    get label() {
      return appText('dashboard.siteTable.status');
    },
  },
  {
    key: 'window',
    get label() {
      return appText('dashboard.siteTable.windowSiteTime');
    },
  },
  {
    key: 'issues',
    get label() {
      return appText('dashboard.siteTable.openIssues');
    },
  },
  {
    key: 'checks',
    get label() {
      return appText('dashboard.siteTable.checks');
    },
    right: true,
  },
  {
    key: 'discrepancies',
    get label() {
      return appText('dashboard.siteTable.discrep');
    },
    right: true,
  },
  {
    key: 'signedOff',
    get label() {
      return appText('dashboard.siteTable.signedOff');
    },
  },
];

const SiteRow = memo(function SiteRow({ row, top, onOpen }: { row: DashboardSiteRow; top: number; onOpen: (id: string) => void }) {
  const t = useText();
  const status = SITE_STATUS[row.status];
  const o = row.openIssues;
  return (
    <div
      className={`${classes.grid} ${classes.row}`}
      style={{ transform: `translateY(${top}px)` }}
      role="row"
      tabIndex={0}
      data-testid="dashboard-site-row"
      data-site-code={row.code}
      onClick={() => onOpen(row.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(row.id);
      }}
    >
      <div className={`${classes.cell} ${classes.mono}`} role="cell">
        {row.code}
      </div>
      <div className={classes.cell} role="cell" title={row.name}>
        {row.name}
      </div>
      <div className={classes.cell} role="cell">
        {row.waveName ?? '—'}
      </div>
      <div className={classes.cell} role="cell">
        <Badge size="xs" variant="light" color={status.color}>
          {status.label}
        </Badge>
      </div>
      <div className={`${classes.cell} ${classes.dim}`} role="cell" title={row.timeZone}>
        {formatWindowShort(row.windowStart, row.windowEnd, row.timeZone)}
      </div>
      <div className={classes.cell} role="cell" data-testid="site-open-issues">
        {(['critical', 'high', 'medium', 'low'] as const).map((sev) =>
          o[sev] > 0 ? (
            <span
              key={sev}
              className={classes.sev}
              style={{ background: SEVERITY_COLOR[sev] }}
              title={t('dashboard.siteTable.open', { open: o[sev], sev })}
            >
              {o[sev]}
            </span>
          ) : null,
        )}
        {o.critical + o.high + o.medium + o.low === 0 && <span className={classes.dim}>—</span>}
        {row.openBlocking > 0 && (
          <span className={classes.blocking} title={t('dashboard.siteTable.blockingSignOff', { openBlocking: row.openBlocking })}>
            {t('dashboard.siteTable.blocking', { openBlocking: row.openBlocking })}
          </span>
        )}
      </div>
      <div className={`${classes.cell} ${classes.right}`} role="cell" data-testid="site-checks">
        {row.checksChecked === 0 ? (
          <span className={classes.dim}>
            {row.checksTotal === 0 ? '—' : t('dashboard.siteTable.notChecked', { checksTotal: row.checksTotal })}
          </span>
        ) : (
          `${Math.round((row.checksPass / row.checksTotal) * 100)}% (${row.checksPass}/${row.checksTotal})`
        )}
      </div>
      <div className={`${classes.cell} ${classes.right}`} role="cell" data-testid="site-discrepancies">
        {row.discrepancies}
      </div>
      <div className={classes.cell} role="cell">
        {row.signedOffAt ? formatDate(row.signedOffAt, row.timeZone) : <span className={classes.dim}>—</span>}
      </div>
    </div>
  );
});

/** Every site of the deployment with its figures: filter, sort, click to open the site's report. */
export function SiteTable({ dashboard }: { dashboard: Dashboard }) {
  const t = useText();
  const selectSite = useNavigation((s) => s.selectSite);
  const [filter, setFilter] = useState<RowFilter>({ text: '', waveId: null, status: null, attention: false });
  const [sort, setSort] = useState<SortState>({ key: 'code', desc: false });
  const rows = useMemo(() => visibleRows(dashboard.sites, filter, sort), [dashboard.sites, filter, sort]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollMargin: HEADER_HEIGHT,
    useFlushSync: false,
  });
  const onOpen = useMemo(
    () => (siteId: string) => selectSite(dashboard.deploymentId, siteId, 'report'),
    [selectSite, dashboard.deploymentId],
  );
  const waveOptions = dashboard.waves.filter((w) => w.waveId).map((w) => ({ value: w.waveId!, label: w.name }));

  return (
    <div>
      <Group gap="xs" mb="xs" wrap="wrap">
        <TextInput
          size="xs"
          w={220}
          leftSection={<IconSearch size={14} />}
          placeholder={t('dashboard.siteTable.codeOrName')}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          data-testid="dashboard-filter-text"
          aria-label={t('dashboard.siteTable.filterSitesByCode')}
        />
        <Select
          size="xs"
          w={150}
          placeholder={t('dashboard.siteTable.allWaves')}
          clearable
          data={waveOptions}
          value={filter.waveId}
          onChange={(waveId) => setFilter({ ...filter, waveId })}
          aria-label={t('dashboard.siteTable.filterByWave')}
        />
        <Select
          size="xs"
          w={150}
          placeholder={t('dashboard.siteTable.allStatuses')}
          clearable
          data={siteStatusSchema.options.map((s) => ({ value: s, label: SITE_STATUS[s].label }))}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status })}
          aria-label={t('dashboard.siteTable.filterByStatus')}
          data-testid="dashboard-filter-status"
        />
        <Checkbox
          size="xs"
          label={t('dashboard.siteTable.needsAttention')}
          checked={filter.attention}
          onChange={(e) => setFilter({ ...filter, attention: e.currentTarget.checked })}
        />
        <Text size="xs" c="dimmed" ml="auto" data-testid="dashboard-row-count">
          {t('dashboard.siteTable.ofSites', { done: rows.length, sites: dashboard.sites.length })}
        </Text>
      </Group>
      <div
        ref={scrollRef}
        className={classes.scroller}
        style={{ height: Math.max(120, Math.min(MAX_HEIGHT, HEADER_HEIGHT + rows.length * ROW_HEIGHT + 2)) }}
        role="table"
        aria-rowcount={rows.length + 1}
        data-testid="dashboard-site-table"
      >
        <div className={`${classes.grid} ${classes.header}`} role="row">
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={c.right ? classes.right : undefined}
              aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
            >
              <button
                type="button"
                onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : false })}
                data-testid={`sort-${c.key}`}
              >
                {c.label}
                {sort.key === c.key ? (sort.desc ? ' ↓' : ' ↑') : ''}
              </button>
            </div>
          ))}
        </div>
        <div className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => (
            <SiteRow key={rows[v.index]!.id} row={rows[v.index]!} top={v.start - HEADER_HEIGHT} onOpen={onOpen} />
          ))}
        </div>
        {rows.length === 0 && <div className={classes.empty}>{t('dashboard.siteTable.noSiteMatchesThese')}</div>}
      </div>
    </div>
  );
}
