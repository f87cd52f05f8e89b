import { v7 as uuidv7 } from 'uuid';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { issueDevice } from '../../server/accounts/devices';
import type { CentralDb } from '../../server/db/central-db';
import type { Operation, WireRow } from '../../shared/sync/wire';
import { wireClient } from '../support/wire-client';
import { percentile } from './stats';

export interface ConcurrentOptions {
  /** One technician per site (assigned in the published plan). */
  sites: { siteId: string; userId: string }[];
  devicesPerSite: number;
  opsPerDevice: number;
  opsPerRequest: number;
}

/**
 * Many devices pushing at once over HTTP to one server process: each device (its own token,
 * issued directly in the database) marks its own share of its site's items received, in several
 * pushes; every device runs at the same time. Checks that every operation was applied exactly
 * once, on the server's own records.
 */
export async function benchConcurrentDevices(
  db: CentralDb,
  url: string,
  options: ConcurrentOptions,
): Promise<{ p50Ms: number; p95Ms: number; opsPerS: number }> {
  const devices: { token: string; deviceId: string; batches: Operation[][] }[] = [];
  for (const site of options.sites) {
    const partition = `site:${site.siteId}`;
    const items = await db.query<{ row_id: string; version: number; data: WireRow }>(
      "SELECT row_id, version, data FROM docs WHERE partition = $1 AND entity = 'inventory_items' ORDER BY row_id",
      [partition],
    );
    if (items.length < options.devicesPerSite * options.opsPerDevice) throw new Error(`site ${site.siteId} has ${items.length} items`);
    for (let d = 0; d < options.devicesPerSite; d += 1) {
      const { token, deviceId } = await issueDevice(db, site.userId, `bench device ${site.siteId}/${d}`);
      const mine = items.slice(d * options.opsPerDevice, (d + 1) * options.opsPerDevice);
      const at = new Date().toISOString();
      const ops: Operation[] = mine.map((item) => ({
        opId: uuidv7(),
        entity: 'inventory_items',
        rowId: item.row_id,
        kind: 'update',
        partition,
        baseVersion: Number(item.version),
        schemaVersion: LATEST_SCHEMA_VERSION,
        createdAt: at,
        data: {
          id: item.row_id,
          state: 'received',
          found_serial: item.data.expected_serial ?? null,
          found_serial_key: item.data.expected_serial_key ?? null,
          received_at: at,
          received_by: 'Bench device',
          updated_at: at,
          updated_by: 'Bench device',
        },
      }));
      const batches: Operation[][] = [];
      for (let i = 0; i < ops.length; i += options.opsPerRequest) batches.push(ops.slice(i, i + options.opsPerRequest));
      devices.push({ token, deviceId, batches });
    }
  }

  const latencies: number[] = [];
  const started = performance.now();
  const outcomes = await Promise.all(
    devices.map(async (device) => {
      const client = wireClient(url, device.token, 120_000);
      const statuses: string[] = [];
      for (const batch of device.batches) {
        const t0 = performance.now();
        const response = await client.push(batch);
        latencies.push(performance.now() - t0);
        statuses.push(...response.results.map((r) => r.status));
      }
      return statuses;
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const total = devices.length * options.opsPerDevice;
  const notApplied = outcomes.flat().filter((s) => s !== 'applied').length;
  const [counts] = await db.query<{ n: number; distinct_ops: number }>(
    "SELECT count(*)::int AS n, count(DISTINCT op_id)::int AS distinct_ops FROM applied_ops WHERE device_id = ANY($1::uuid[]) AND status = 'applied'",
    [devices.map((d) => d.deviceId)],
  );
  if (notApplied > 0 || counts!.n !== total || counts!.distinct_ops !== total) {
    throw new Error(
      `concurrent push: ${total} operations sent, ${notApplied} not applied, server recorded ${counts!.n} (${counts!.distinct_ops} distinct)`,
    );
  }
  return { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), opsPerS: total / seconds };
}
