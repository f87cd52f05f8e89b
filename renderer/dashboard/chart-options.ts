import type { Dashboard } from '../../shared/contract/dashboard-methods';
import { issueSeveritySchema } from '../../shared/domain/issue';
import { siteStatusSchema } from '../../shared/domain/enums';
import { SITE_STATUS } from '../status/labels';
import { ADHERENCE_COLOR, CHECK_COLOR, SEVERITY_COLOR, SITE_STATUS_COLOR } from './chart-colors';
import type { ChartOption } from './echarts-setup';
import { appText } from '../i18n/app-text';

/**
 * The dashboard's chart options, built from `dashboard.get` (pure: no DOM, unit-tested). Every
 * chart has a transparent background (the card shows through) and no animation, so a chart is
 * final on its first frame.
 */

const BASE = { backgroundColor: 'transparent', animation: false } as const;
const GRID = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true } as const;
const LEGEND = { top: 0, left: 0, right: 0, itemWidth: 10, itemHeight: 10, itemGap: 8, textStyle: { fontSize: 11 } } as const;
/** Room for a legend that wraps to two lines. */
const GRID_TALL = { ...GRID, top: 56 } as const;

const SEVERITY_LABEL = {
  get critical() {
    return appText('dashboard.chartOptions.critical');
  },
  get high() {
    return appText('dashboard.chartOptions.high');
  },
  get medium() {
    return appText('dashboard.chartOptions.medium');
  },
  get low() {
    return appText('dashboard.chartOptions.low');
  },
} as const;
const CATEGORY_LABEL = {
  get hardware() {
    return appText('dashboard.chartOptions.hardware');
  },
  get software() {
    return appText('dashboard.chartOptions.software');
  },
  get network() {
    return appText('dashboard.chartOptions.network');
  },
  get facility() {
    return appText('dashboard.chartOptions.facility');
  },
  get documentation() {
    return appText('dashboard.chartOptions.documentation');
  },
  get training() {
    return appText('dashboard.chartOptions.training');
  },
} as const;
export const ADHERENCE_LABEL = {
  get early() {
    return appText('dashboard.chartOptions.early');
  },
  get onTime() {
    return appText('dashboard.chartOptions.onTime');
  },
  get late() {
    return appText('dashboard.chartOptions.late');
  },
  get overdue() {
    return appText('dashboard.chartOptions.overdue');
  },
  get inWindow() {
    return appText('dashboard.chartOptions.inWindow');
  },
  get upcoming() {
    return appText('dashboard.chartOptions.upcoming');
  },
  get noWindow() {
    return appText('dashboard.chartOptions.noWindow');
  },
} as const;

function waveNames(d: Dashboard): string[] {
  return d.waves.map((w) => w.name);
}

/**
 * A category axis of waves shows every wave's name: echarts would otherwise drop labels it thinks
 * overlap (at 1440 px "Wave 1" vanished). Long names are cut with an ellipsis instead.
 */
function waveAxis(d: Dashboard) {
  return {
    type: 'category' as const,
    data: waveNames(d),
    axisLabel: { interval: 0, hideOverlap: false, width: 120, overflow: 'truncate' as const },
  };
}

/** Stacked bars: each wave's sites by status. */
export function statusByWaveOption(d: Dashboard): ChartOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: GRID_TALL,
    xAxis: waveAxis(d),
    yAxis: { type: 'value', minInterval: 1 },
    series: siteStatusSchema.options.map((status) => ({
      type: 'bar',
      name: SITE_STATUS[status].label,
      stack: 'sites',
      color: SITE_STATUS_COLOR[status],
      barMaxWidth: 64,
      data: d.waves.map((w) => w.byStatus[status]),
    })),
  };
}

/** Donut: every issue by severity (open count in the tooltip). */
export function severityDonutOption(d: Dashboard): ChartOption {
  const total = d.issues.bySeverity.reduce((n, s) => n + s.total, 0);
  return {
    ...BASE,
    title: {
      text: String(total),
      subtext: total === 1 ? 'issue' : 'issues',
      left: 'center',
      top: '46%',
      textStyle: { fontSize: 22 },
      subtextStyle: { fontSize: 11 },
    },
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { ...LEGEND, left: 'center' },
    series: [
      {
        type: 'pie',
        name: appText('dashboard.chartOptions.issuesBySeverity'),
        radius: ['42%', '66%'],
        center: ['50%', '60%'],
        label: { show: false },
        data: d.issues.bySeverity.map((s) => ({
          name: `${SEVERITY_LABEL[s.severity]} (${s.open} open)`,
          value: s.total,
          itemStyle: { color: SEVERITY_COLOR[s.severity] },
        })),
      },
    ],
  };
}

/** Horizontal bars: issues by category, open and resolved/closed. */
export function categoryBarsOption(d: Dashboard): ChartOption {
  const cats = d.issues.byCategory;
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: GRID,
    yAxis: { type: 'category', data: cats.map((c) => CATEGORY_LABEL[c.category]), inverse: true, axisLabel: { interval: 0 } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: appText('dashboard.chartOptions.open'), stack: 'issues', color: '#fa5252', data: cats.map((c) => c.open) },
      {
        type: 'bar',
        name: appText('dashboard.chartOptions.notOpen'),
        stack: 'issues',
        color: '#adb5bd',
        data: cats.map((c) => c.total - c.open),
      },
    ],
  };
}

/** Stacked horizontal bars: each wave's sites against their windows. */
export function adherenceOption(d: Dashboard): ChartOption {
  const keys = Object.keys(ADHERENCE_LABEL) as (keyof typeof ADHERENCE_LABEL)[];
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: GRID_TALL,
    yAxis: { ...waveAxis(d), inverse: true },
    xAxis: { type: 'value', minInterval: 1 },
    series: keys.map((k) => ({
      type: 'bar',
      name: ADHERENCE_LABEL[k],
      stack: 'adherence',
      color: ADHERENCE_COLOR[k],
      barMaxWidth: 28,
      data: d.waves.map((w) => w.adherence[k]),
    })),
  };
}

/** Stacked bars: latest check per target by wave (passed, failed, could not check, not checked). */
export function checksOption(d: Dashboard): ChartOption {
  const notChecked = (c: Dashboard['checks']) => Math.max(0, c.targets - c.pass - c.fail - c.error);
  const rows = [...d.waves.map((w) => ({ name: w.name, c: w.checks }))];
  const series = [
    { name: appText('dashboard.chartOptions.passed'), color: CHECK_COLOR.pass, pick: (c: Dashboard['checks']) => c.pass },
    { name: appText('dashboard.chartOptions.failed'), color: CHECK_COLOR.fail, pick: (c: Dashboard['checks']) => c.fail },
    { name: appText('dashboard.chartOptions.couldNotCheck'), color: CHECK_COLOR.error, pick: (c: Dashboard['checks']) => c.error },
    { name: appText('dashboard.chartOptions.notChecked'), color: CHECK_COLOR.notChecked, pick: notChecked },
  ];
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: GRID_TALL,
    xAxis: waveAxis(d),
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: 'checks',
      color: s.color,
      barMaxWidth: 64,
      data: rows.map((r) => s.pick(r.c)),
    })),
  };
}

/** Grouped bars: successful deployments (signed off, never rolled back) vs rolled-back sites per wave. */
export function outcomesOption(d: Dashboard): ChartOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: GRID,
    xAxis: waveAxis(d),
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: appText('dashboard.chartOptions.successful'),
        color: SITE_STATUS_COLOR.signed_off,
        barMaxWidth: 40,
        data: d.waves.map((w) => w.successful),
      },
      {
        type: 'bar',
        name: appText('dashboard.chartOptions.rolledBack'),
        color: SITE_STATUS_COLOR.rolled_back,
        barMaxWidth: 40,
        data: d.waves.map((w) => w.rolledBackSites),
      },
    ],
  };
}

/** Histogram of start→sign-off durations. */
export function durationOption(d: Dashboard): ChartOption {
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 16 },
    xAxis: { type: 'category', data: d.startToSignOff.buckets.map((b) => b.label), axisLabel: { interval: 0, hideOverlap: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: appText('dashboard.chartOptions.sites'),
        color: '#4c6ef5',
        barCategoryGap: '10%',
        data: d.startToSignOff.buckets.map((b) => b.count),
      },
    ],
  };
}

/** Horizontal bars: inventory discrepancies across the deployment. */
export function inventoryOption(d: Dashboard): ChartOption {
  const inv = d.inventory;
  const bars = [
    { name: appText('dashboard.chartOptions.missing'), value: inv.missing, color: '#fa5252' },
    { name: appText('dashboard.chartOptions.stillExpectedPastWindow'), value: inv.stillExpectedPastWindow, color: '#c92a2a' },
    { name: appText('dashboard.chartOptions.damaged'), value: inv.damaged, color: '#fd7e14' },
    { name: appText('dashboard.chartOptions.surplus'), value: inv.surplus, color: '#be4bdb' },
  ];
  return {
    ...BASE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...GRID, top: 8 },
    yAxis: { type: 'category', data: bars.map((b) => b.name), inverse: true },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 3 },
    series: [
      {
        type: 'bar',
        name: appText('dashboard.chartOptions.items'),
        barMaxWidth: 22,
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
      },
    ],
  };
}

export const SEVERITIES = issueSeveritySchema.options;
