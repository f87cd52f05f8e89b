import { describe, expect, it } from 'vitest';
import { decisionFiguresBefore } from '../../shared/contract/dashboard-methods';
import {
  adherenceOption,
  categoryBarsOption,
  checksOption,
  outcomesOption,
  severityDonutOption,
  statusByWaveOption,
} from './chart-options';
import { dashboardOf, waveFigures } from './dashboard-fixture.test-data';

const pilot = waveFigures('Pilot', 1, {
  sites: 3,
  byStatus: { planned: 0, ready: 0, in_progress: 1, blocked: 0, deployed: 0, signed_off: 2, rolled_back: 0 },
  checks: { pass: 5, fail: 1, error: 0, targets: 8 },
  openBlockingIssues: 1,
  openIssues: 2,
  rolledBackSites: 1,
});
const wave1 = waveFigures('Wave 1', 2, {
  sites: 4,
  byStatus: { planned: 4, ready: 0, in_progress: 0, blocked: 0, deployed: 0, signed_off: 0, rolled_back: 0 },
});
const d = dashboardOf([pilot, wave1]);

type Series = { name: string; data: number[]; stack?: string };

describe('chart options', () => {
  it('stack site statuses per wave', () => {
    const option = statusByWaveOption(d);
    expect(option.xAxis).toMatchObject({ data: ['Pilot', 'Wave 1'] });
    const series = option.series as Series[];
    expect(series.find((s) => s.name === 'Signed off')!.data).toEqual([2, 0]);
    expect(series.find((s) => s.name === 'Planned')!.data).toEqual([0, 4]);
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['sites']));
  });

  it('put the issue total in the donut and open counts in the names', () => {
    const option = severityDonutOption(d);
    expect(option.title).toMatchObject({ text: '6' });
    const data = (option.series as { data: { name: string; value: number }[] }[])[0]!.data;
    expect(data[0]).toMatchObject({ name: 'Critical (1 open)', value: 1 });
  });

  it('split categories into open and not open', () => {
    const series = categoryBarsOption(d).series as Series[];
    expect(series.map((s) => s.data[0])).toEqual([1, 3]);
  });

  it('show targets never checked', () => {
    const series = checksOption(d).series as Series[];
    expect(series.find((s) => s.name === 'Not checked')!.data).toEqual([2, 0]);
  });

  it('sum the earlier waves for a decision', () => {
    expect(decisionFiguresBefore(d.waves, 2)).toEqual({
      basedOn: ['Pilot'],
      sites: 3,
      signedOff: 2,
      rolledBack: 1,
      openIssues: 2,
      openBlockingIssues: 1,
      checkPassRate: 83.3,
      discrepancies: 0,
    });
    expect(decisionFiguresBefore(d.waves, 1).basedOn).toEqual([]);
  });

  it('show every wave name on the wave axes (echarts would drop "overlapping" labels)', () => {
    for (const option of [statusByWaveOption(d), checksOption(d), outcomesOption(d)]) {
      expect(option.xAxis).toMatchObject({ data: ['Pilot', 'Wave 1'], axisLabel: { interval: 0, hideOverlap: false } });
    }
    expect(adherenceOption(d).yAxis).toMatchObject({ data: ['Pilot', 'Wave 1'], axisLabel: { interval: 0 } });
  });

  it('give early its own adherence series, apart from on time', () => {
    const names = (adherenceOption(d).series as Series[]).map((s) => s.name);
    expect(names).toContain('Early');
    expect(names).toContain('On time');
  });
});
