import type { Wave } from '../../shared/domain/deployment';
import type { SiteSummary } from '../../shared/domain/site';

export interface WaveGroup {
  key: string;
  name: string;
  isPilot: boolean;
  sites: SiteSummary[];
}

/** Sites grouped by wave in rollout order (pilot first), sites without a wave last; by code within a wave. */
export function groupSitesByWave(sites: readonly SiteSummary[], waves: readonly Wave[]): WaveGroup[] {
  const byWave = new Map<string, SiteSummary[]>();
  for (const site of sites) {
    const key = site.waveId ?? '';
    const list = byWave.get(key);
    if (list) list.push(site);
    else byWave.set(key, [site]);
  }
  const waveById = new Map(waves.map((w) => [w.id, w]));
  const groups: (WaveGroup & { order: number })[] = [];
  for (const [key, list] of byWave) {
    const wave = waveById.get(key);
    list.sort((a, b) => a.code.localeCompare(b.code, undefined, { numeric: true }));
    groups.push({
      key: key || 'none',
      name: wave?.name ?? list[0]?.waveName ?? 'No wave',
      isPilot: wave?.isPilot ?? false,
      sites: list,
      order: key === '' ? Number.MAX_SAFE_INTEGER : (wave?.sequence ?? Number.MAX_SAFE_INTEGER - 1),
    });
  }
  groups.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  return groups.map(({ order: _order, ...g }) => g);
}
