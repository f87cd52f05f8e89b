import { SYNC_ENTITIES } from '../../shared/sync/entity-registry';
import { notFound } from '../services/domain-error';
import { recordActivity, type ServiceContext } from '../services/service-context';
import { columnsOf, placementSql, rowIdSql, rowJsonSql } from './partition-sql';
import { ident, literal, NOW_SQL, UUID7_SQL } from './sql-names';

/**
 * `sync.publish`: a release manager or administrator (declared in the contract) makes a deployment sync. In one transaction
 * (the dispatcher's): a draft becomes `published`, the deployment joins `sync_scopes`, and every
 * existing row of it is queued as an insert, in registry order (parents first). From then on the
 * capture triggers queue each edit. Publishing again queues nothing.
 */
export function publishDeployment(ctx: ServiceContext, deploymentId: string, schemaVersion: number): { queued: number } {
  const { sqlite } = ctx;
  const deployment = sqlite.prepare('SELECT status FROM deployments WHERE id = ?').get(deploymentId) as { status: string } | undefined;
  if (!deployment) throw notFound('Deployment', deploymentId);
  if (sqlite.prepare('SELECT 1 FROM sync_scopes WHERE deployment_id = ?').get(deploymentId)) return { queued: 0 };
  const at = ctx.clock.now();
  if (deployment.status === 'draft') {
    sqlite
      .prepare('UPDATE deployments SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?')
      .run('published', at, ctx.actor(), deploymentId);
  }
  sqlite.prepare("INSERT INTO sync_scopes (deployment_id, source, since) VALUES (?, 'published', ?)").run(deploymentId, at);
  let queued = 0;
  for (const entity of SYNC_ENTITIES) {
    const placement = placementSql(entity, 'R');
    const rowId = rowIdSql(entity, 'R');
    const sql =
      `INSERT INTO sync_outbox (op_id, entity, row_id, kind, partition, base_version, schema_version, data, created_at) ` +
      `SELECT ${UUID7_SQL}, ${literal(entity.name)}, ${rowId}, 'insert', ${placement.partition}, ` +
      `COALESCE((SELECT version FROM sync_row_versions v WHERE v.entity = ${literal(entity.name)} AND v.row_id = ${rowId}), 0), ` +
      `${schemaVersion}, ${rowJsonSql(columnsOf(entity), 'R')}, ${NOW_SQL} FROM ${ident(entity.name)} R WHERE ${placement.deployment} = ? ORDER BY R.rowid`;
    queued += sqlite.prepare(sql).run(deploymentId).changes;
  }
  recordActivity(ctx, { action: 'published', entity: 'deployment', entityId: deploymentId, detail: { queued } }, at);
  return { queued };
}
