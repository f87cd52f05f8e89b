import type { SyncEntity } from './entity-registry';
import { partitionKeySchema, type WireRow } from './wire';

/**
 * Where a row belongs by its entity's partition rule: the server places pushed rows with it
 * (server/sync/push-planner.ts), a manager's device checks the rows of a site report file with it
 * (core/site-report/check-rows.ts).
 */

/** Why a row is refused: a code for programs and a reason for people. */
export interface Rejection {
  code: string;
  reason: string;
}

export type PartitionOf =
  | { ok: true; partition: string }
  | { ok: false; rejection: Rejection }
  /** The rule needs the parent row's partition: `parent` names it. */
  | { ok: 'parent'; parentEntity: string; parentRowId: string };

/** Where `row` (the full row after the operation) belongs by its entity's partition rule. */
export function partitionOfRow(entity: SyncEntity, row: Readonly<WireRow>): PartitionOf {
  const rule = entity.partition;
  const keyed = (scope: 'deployment' | 'site', value: unknown, column: string): PartitionOf => {
    if (typeof value !== 'string' || value === '')
      return { ok: false, rejection: { code: 'invalid', reason: `${entity.name}.${column} is missing` } };
    const key = `${scope}:${value}`;
    if (!partitionKeySchema.safeParse(key).success)
      return { ok: false, rejection: { code: 'invalid', reason: `${entity.name}.${column} is not a valid ${scope} id` } };
    return { ok: true, partition: key };
  };
  switch (rule.kind) {
    case 'self':
      return keyed(rule.scope, row[entity.key[0]!], entity.key[0]!);
    case 'column':
      return keyed(rule.scope, row[rule.column], rule.column);
    case 'site_or_deployment': {
      const site = row[rule.siteColumn];
      if (site !== null && site !== undefined && site !== '') return keyed('site', site, rule.siteColumn);
      return keyed('deployment', row[rule.deploymentColumn], rule.deploymentColumn);
    }
    case 'parent': {
      const parentRowId = row[rule.column];
      if (typeof parentRowId !== 'string' || parentRowId === '')
        return { ok: false, rejection: { code: 'invalid', reason: `${entity.name}.${rule.column} is missing` } };
      return { ok: 'parent', parentEntity: rule.parent, parentRowId };
    }
  }
}
