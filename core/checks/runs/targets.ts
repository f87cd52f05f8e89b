import { notFound } from '../../services/domain-error';
import type { ServiceContext } from '../../services/service-context';

/** A target machine row as the checks read it. */
export interface TargetRow {
  id: string;
  site_id: string;
  host_name: string;
  address: string;
  port: number;
  username: string;
  role: string;
  inventory_item_id: string | null;
}

export function requireTarget(ctx: ServiceContext, targetId: string): TargetRow {
  const row = ctx.sqlite
    .prepare('SELECT id, site_id, host_name, address, port, username, role, inventory_item_id FROM target_machines WHERE id = ?')
    .get(targetId) as TargetRow | undefined;
  if (!row) throw notFound('Target machine', targetId);
  return row;
}

export function siteTargets(ctx: ServiceContext, siteId: string): TargetRow[] {
  return ctx.sqlite
    .prepare(
      'SELECT id, site_id, host_name, address, port, username, role, inventory_item_id FROM target_machines WHERE site_id = ? ORDER BY host_name, id',
    )
    .all(siteId) as TargetRow[];
}

/** The expected serial of the inventory item linked to a target, if any. */
export function expectedSerialOf(ctx: ServiceContext, target: TargetRow): string | null {
  if (!target.inventory_item_id) return null;
  const row = ctx.sqlite.prepare('SELECT expected_serial FROM inventory_items WHERE id = ?').get(target.inventory_item_id) as
    { expected_serial: string | null } | undefined;
  return row?.expected_serial ?? null;
}
