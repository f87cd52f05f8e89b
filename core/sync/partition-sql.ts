import { syncEntity, type SyncEntity } from '../../shared/sync/entity-registry';
import { ident, literal } from './sql-names';

/** Where a row lives, as SQL expressions over a row reference (`NEW`, `OLD` or a table alias). */
export interface PlacementSql {
  /** `'deployment:' || …` or `'site:' || …`. */
  partition: string;
  /** The deployment the row belongs to (NULL when its parent row is gone). */
  deployment: string;
}

const siteDeployment = (siteId: string) => `(SELECT deployment_id FROM sites WHERE id = ${siteId})`;

/** The partition key and deployment of a row, derived from the entity's partition rule. */
export function placementSql(entity: SyncEntity, ref: string, depth = 0): PlacementSql {
  const col = (name: string) => `${ref}.${ident(name)}`;
  const rule = entity.partition;
  switch (rule.kind) {
    case 'self':
      return rule.scope === 'deployment'
        ? { partition: `'deployment:' || ${col(entity.key[0]!)}`, deployment: col(entity.key[0]!) }
        : { partition: `'site:' || ${col(entity.key[0]!)}`, deployment: col('deployment_id') };
    case 'column':
      return rule.scope === 'deployment'
        ? { partition: `'deployment:' || ${col(rule.column)}`, deployment: col(rule.column) }
        : { partition: `'site:' || ${col(rule.column)}`, deployment: siteDeployment(col(rule.column)) };
    case 'site_or_deployment':
      return {
        partition: `CASE WHEN ${col(rule.siteColumn)} IS NOT NULL THEN 'site:' || ${col(rule.siteColumn)} ELSE 'deployment:' || ${col(rule.deploymentColumn)} END`,
        deployment: col(rule.deploymentColumn),
      };
    case 'parent': {
      const parent = syncEntity(rule.parent);
      if (!parent || parent.key.length !== 1)
        throw new Error(`${entity.name}: parent ${rule.parent} must be a synced entity with a one-column key`);
      const alias = `p${depth}`;
      const inner = placementSql(parent, alias, depth + 1);
      const from = `FROM ${ident(parent.name)} ${alias} WHERE ${alias}.${ident(parent.key[0]!)} = ${col(rule.column)}`;
      return { partition: `(SELECT ${inner.partition} ${from})`, deployment: `(SELECT ${inner.deployment} ${from})` };
    }
  }
}

/** The wire row id (`rowIdOf`): the key value, or `json_array` of the key values (same text as JSON.stringify). */
export function rowIdSql(entity: SyncEntity, ref: string): string {
  if (entity.key.length === 1) return `${ref}.${ident(entity.key[0]!)}`;
  return `json_array(${entity.key.map((k) => `${ref}.${ident(k)}`).join(', ')})`;
}

/** `json_object` of the given columns of a row: JSON columns travel as their TEXT, integers as integers. */
export function rowJsonSql(columns: readonly string[], ref: string): string {
  return `json_object(${columns.map((c) => `${literal(c)}, ${ref}.${ident(c)}`).join(', ')})`;
}

export function columnsOf(entity: SyncEntity): string[] {
  return Object.keys(entity.columns);
}

/** `a = ? AND b = ?` over the key columns, optionally qualified. */
export function keyWhereSql(entity: SyncEntity, ref?: string): string {
  return entity.key.map((k) => `${ref ? `${ref}.` : ''}${ident(k)} = ?`).join(' AND ');
}
