import type Database from 'better-sqlite3';
import { SYNC_ENTITIES, syncEntity, type SyncEntity } from '../../shared/sync/entity-registry';
import type { WireRow } from '../../shared/sync/wire';
import type { FileRow } from '../../shared/site-report/file-format';
import { columnsOf, placementSql, rowIdSql, rowJsonSql } from '../sync/partition-sql';
import { ident } from '../sync/sql-names';

interface RawRow {
  rowId: string;
  data: string;
}

function selectRows(sqlite: Database.Database, entity: SyncEntity, where: string, ...params: unknown[]): FileRow[] {
  const sql = `SELECT ${rowIdSql(entity, 't')} AS rowId, ${rowJsonSql(columnsOf(entity), 't')} AS data FROM ${ident(entity.name)} t WHERE ${where}`;
  const rows = sqlite.prepare(sql).all(...params) as RawRow[];
  return rows
    .map((r) => ({ entity: entity.name, rowId: r.rowId, data: JSON.parse(r.data) as WireRow }))
    .sort((a, b) => (a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0));
}

/** Every row of the site's partition (`site:<id>`), entity by entity in apply order, in the sync wire form. */
export function sitePartitionRows(sqlite: Database.Database, siteId: string): FileRow[] {
  const out: FileRow[] = [];
  for (const entity of SYNC_ENTITIES) {
    if (!canBeInSitePartition(entity)) continue;
    out.push(...selectRows(sqlite, entity, `${placementSql(entity, 't').partition} = ?`, `site:${siteId}`));
  }
  return out;
}

function canBeInSitePartition(entity: SyncEntity): boolean {
  const rule = entity.partition;
  if (rule.kind === 'self' || rule.kind === 'column') return rule.scope === 'site';
  if (rule.kind === 'site_or_deployment') return true;
  const parent = syncEntity(rule.parent);
  return parent ? canBeInSitePartition(parent) : false;
}

const byId = (sqlite: Database.Database, entityName: string, ids: readonly string[]): FileRow[] => {
  const entity = syncEntity(entityName);
  if (!entity || ids.length === 0) return [];
  const unique = [...new Set(ids)];
  return selectRows(sqlite, entity, `t.${ident(entity.key[0]!)} IN (SELECT value FROM json_each(?))`, JSON.stringify(unique));
};

/**
 * The deployment partition rows the site's rows refer to: the deployment, the site's wave, the
 * components of its inventory, the checklist template items (and templates) its checklist came
 * from, and the deployment's requirements (check results name them).
 */
export function referencedDeploymentRows(sqlite: Database.Database, siteRows: readonly FileRow[]): FileRow[] {
  const site = siteRows.find((r) => r.entity === 'sites');
  if (!site) return [];
  const deploymentId = String(site.data.deployment_id);
  const values = (entity: string, column: string) =>
    siteRows.filter((r) => r.entity === entity && typeof r.data[column] === 'string').map((r) => r.data[column] as string);
  const templateIds = [
    ...new Set(
      byId(sqlite, 'checklist_template_items', values('checklist_items', 'template_item_id')).map((r) => String(r.data.template_id)),
    ),
  ];
  const itemsEntity = syncEntity('checklist_template_items');
  const templateItems = itemsEntity
    ? selectRows(sqlite, itemsEntity, 't.template_id IN (SELECT value FROM json_each(?))', JSON.stringify(templateIds))
    : [];
  const requirements = syncEntity('requirements');
  return [
    ...byId(sqlite, 'deployments', [deploymentId]),
    ...byId(sqlite, 'waves', values('sites', 'wave_id')),
    ...byId(sqlite, 'components', values('inventory_items', 'component_id')),
    ...(requirements ? selectRows(sqlite, requirements, 't.deployment_id = ?', deploymentId) : []),
    ...byId(sqlite, 'checklist_templates', templateIds),
    ...templateItems,
  ];
}

/** Rows in apply order: parents before children (registry order), then by row id. */
export function inApplyOrder(rows: readonly FileRow[]): FileRow[] {
  const order = (name: string) => syncEntity(name)?.order ?? 1000;
  return [...rows].sort(
    (a, b) =>
      order(a.entity) - order(b.entity) ||
      (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0) ||
      (a.rowId < b.rowId ? -1 : a.rowId > b.rowId ? 1 : 0),
  );
}
