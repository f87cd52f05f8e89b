import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { BULK_CLOSED_STATUSES, changesPlan, describeBulkAction, sameTechnician, type BulkAction } from '../../shared/bulk-edit/bulk-action';
import type { SiteStatus } from '../../shared/domain/enums';
import { parseTechnicianEntries, technicianEntriesJson, uniqueTechnicians, type SiteTechnician } from '../../shared/domain/site-technician';
import { SITE_WINDOW_MESSAGE, spanEndsAfterStart } from '../../shared/domain/time-span';
import { shiftWallDays } from '../../shared/time/shift-wall-days';
import { requireDeployment } from '../authoring/deployment-authoring';
import { DomainError, notFound } from '../services/domain-error';
import { activityWriter, type ServiceContext } from '../services/service-context';
import { insertBulkEdit, lastActivitySeq, type StoredSitePlan } from './bulk-edit-store';
import { namedSites } from './site-names';

interface SelectedSite extends StoredSitePlan {
  code: string;
  deploymentId: string;
  timeZone: string;
}

/** The columns one action writes, with their new values for one site; null when the site already has them. */
type Change = Partial<Pick<StoredSitePlan, 'technicians' | 'waveId' | 'windowStart' | 'windowEnd' | 'status'>>;

function readSelected(ctx: ServiceContext, siteIds: readonly string[]): SelectedSite[] {
  return ctx.sqlite
    .prepare(
      `SELECT id, code, deployment_id AS deploymentId, time_zone AS timeZone, technicians, wave_id AS waveId, window_start AS windowStart, window_end AS windowEnd, status
       FROM sites WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(siteIds)) as SelectedSite[];
}

function technicianList(stored: string): SiteTechnician[] {
  try {
    return parseTechnicianEntries(JSON.parse(stored)) ?? [];
  } catch {
    return [];
  }
}

/** What the action changes on one site (undefined: nothing to change). Throws for a window it cannot shift. */
function changeFor(action: BulkAction, site: SelectedSite): Change | undefined {
  switch (action.kind) {
    case 'assignTechnician': {
      const list = technicianList(site.technicians);
      if (list.some((t) => sameTechnician(t, action.technician))) return undefined;
      return { technicians: technicianEntriesJson(uniqueTechnicians([...list, action.technician])) };
    }
    case 'removeTechnician': {
      const list = technicianList(site.technicians);
      const kept = list.filter((t) => !sameTechnician(t, action.technician));
      return kept.length === list.length ? undefined : { technicians: technicianEntriesJson(kept) };
    }
    case 'moveToWave':
      return site.waveId === action.waveId ? undefined : { waveId: action.waveId };
    case 'setStatus':
      return site.status === action.status ? undefined : { status: action.status };
    case 'shiftWindows': {
      if (!site.windowStart && !site.windowEnd) return undefined;
      const shift = (iso: string | null) => (iso ? shiftWallDays(iso, action.days, site.timeZone) : null);
      const windowStart = shift(site.windowStart);
      const windowEnd = shift(site.windowEnd);
      if ((site.windowStart && !windowStart) || (site.windowEnd && !windowEnd) || !spanEndsAfterStart(windowStart, windowEnd)) {
        throw new DomainError(
          'rule',
          `The window of ${site.code} cannot be shifted by ${action.days} days in ${site.timeZone}: ${SITE_WINDOW_MESSAGE}`,
        );
      }
      return { windowStart, windowEnd };
    }
  }
}

const COLUMN: Record<keyof Change, string> = {
  technicians: 'technicians',
  waveId: 'wave_id',
  windowStart: 'window_start',
  windowEnd: 'window_end',
  status: 'status',
};

/** The columns an action of this kind writes (undo restores exactly these). */
export function columnsOf(kind: BulkAction['kind']): (keyof Change)[] {
  if (kind === 'assignTechnician' || kind === 'removeTechnician') return ['technicians'];
  if (kind === 'moveToWave') return ['waveId'];
  if (kind === 'shiftWindows') return ['windowStart', 'windowEnd'];
  return ['status'];
}

/** One prepared UPDATE for these columns plus the audit columns; the sync capture triggers record it like any site edit. */
export function siteUpdateStatement(ctx: ServiceContext, columns: readonly (keyof Change)[]) {
  const sets = columns.map((c) => `${COLUMN[c]} = @${c}`).join(', ');
  return ctx.sqlite.prepare(`UPDATE sites SET ${sets}, updated_at = @at, updated_by = @by WHERE id = @id`);
}

/** Refuses the whole edit (nothing written) when a selected site may not take it. */
function refusals(
  ctx: ServiceContext,
  deploymentId: string,
  siteIds: readonly string[],
  selected: readonly SelectedSite[],
  action: BulkAction,
): void {
  const found = new Set(selected.map((s) => s.id));
  const unknown = siteIds.filter((id) => !found.has(id));
  if (unknown.length > 0) throw new DomainError('not_found', `${unknown.length} selected site(s) do not exist: ${namedSites(unknown)}`);
  const foreign = selected.filter((s) => s.deploymentId !== deploymentId);
  if (foreign.length > 0)
    throw new DomainError(
      'rule',
      `${foreign.length} selected site(s) belong to another deployment: ${namedSites(foreign.map((s) => s.code))}`,
    );
  if (changesPlan(action)) {
    const closed = selected.filter((s) => BULK_CLOSED_STATUSES.includes(s.status as SiteStatus));
    if (closed.length > 0) {
      throw new DomainError(
        'rule',
        `${closed.length} selected site(s) are signed off or rolled back, so their status, wave and window stay as they are: ${namedSites(closed.map((s) => `${s.code} (${s.status.replace('_', ' ')})`))}`,
      );
    }
  }
}

function waveNameFor(ctx: ServiceContext, deploymentId: string, action: BulkAction): string | undefined {
  if (action.kind !== 'moveToWave') return undefined;
  const wave = ctx.sqlite.prepare('SELECT deployment_id AS deploymentId, name FROM waves WHERE id = ?').get(action.waveId) as
    { deploymentId: string; name: string } | undefined;
  if (!wave) throw notFound('Wave', action.waveId);
  if (wave.deploymentId !== deploymentId)
    throw new DomainError('rule', `Wave "${wave.name}" belongs to another deployment; choose a wave of this deployment`);
  return wave.name;
}

/**
 * `sites.bulkEdit`: one action over many sites of one deployment, all or nothing (the dispatcher's
 * transaction). Only the sites the action changes are written, each with one activity entry; the
 * edit is kept in `bulk_edits` with those sites' previous values so it can be undone.
 */
export function bulkEditSites(ctx: ServiceContext, input: ApiParsedInput<'sites.bulkEdit'>): ApiOutput<'sites.bulkEdit'> {
  const { deploymentId, action } = input;
  requireDeployment(ctx, deploymentId);
  const siteIds = [...new Set(input.siteIds)];
  const waveName = waveNameFor(ctx, deploymentId, action);
  const selected = readSelected(ctx, siteIds);
  refusals(ctx, deploymentId, siteIds, selected, action);

  const changes = selected.flatMap((site) => {
    const change = changeFor(action, site);
    return change ? [{ site, change }] : [];
  });
  if (changes.length === 0)
    throw new DomainError(
      'rule',
      `Nothing to change: ${describeBulkAction(action, selected.length, waveName)} leaves every selected site as it is`,
    );

  const at = ctx.clock.now();
  const by = ctx.actor();
  const summary = describeBulkAction(action, changes.length, waveName);
  const editId = ctx.newId();
  const columns = columnsOf(action.kind);
  const update = siteUpdateStatement(ctx, columns);
  const record = activityWriter(ctx, at);
  for (const { site, change } of changes) {
    update.run({ ...Object.fromEntries(columns.map((c) => [c, change[c] ?? null])), at, by, id: site.id });
    const from = Object.fromEntries(
      columns.map((c) => [c, c === 'technicians' ? technicianList(site.technicians).map((t) => t.name) : site[c]]),
    );
    const to = Object.fromEntries(
      columns.map((c) => [c, c === 'technicians' ? technicianList(change[c] ?? '[]').map((t) => t.name) : change[c]]),
    );
    record({
      action: 'bulk_edited',
      entity: 'site',
      entityId: site.id,
      siteId: site.id,
      detail: { bulkEditId: editId, change: action.kind, from, to },
    });
  }
  const before = {
    v: 1 as const,
    kind: action.kind,
    activitySeq: lastActivitySeq(ctx),
    sites: changes.map(({ site }) => ({
      id: site.id,
      technicians: site.technicians,
      waveId: site.waveId,
      windowStart: site.windowStart,
      windowEnd: site.windowEnd,
      status: site.status,
    })),
  };
  insertBulkEdit(ctx, { id: editId, deploymentId, action: action.kind, summary, siteCount: changes.length, at, by, before });
  return { editId, summary, changed: changes.length, unchanged: selected.length - changes.length };
}
