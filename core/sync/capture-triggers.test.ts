import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SYNC_ENTITIES, type SyncEntity } from '../../shared/sync/entity-registry';
import { signaturePng, signSite } from '../../test/support/signoff-fixtures';
import { openSampleCore, type TestCore } from '../../test/support/temp-core';
import { installCaptureTriggers } from './capture-triggers';
import { placementSql, rowIdSql, rowJsonSql } from './partition-sql';

interface OutboxRow {
  seq: number;
  op_id: string;
  entity: string;
  row_id: string;
  kind: string;
  partition: string;
  base_version: number;
  schema_version: number;
  data: string;
}

let core: TestCore | undefined;
let db: Database.Database | undefined;
afterEach(() => {
  db?.close();
  core?.close();
  db = core = undefined;
});

function open() {
  const sample = openSampleCore({ sync: { intervalMs: false } });
  core = sample.core;
  db = new Database(core.databaseFile);
  return { ...sample, db };
}

const outbox = (d: Database.Database) => d.prepare('SELECT * FROM sync_outbox ORDER BY seq').all() as OutboxRow[];

/** The row's wire JSON and id, as the triggers build them. */
function wireRow(d: Database.Database, entity: SyncEntity, where = '1 = 1', ...params: unknown[]) {
  return d
    .prepare(
      `SELECT ${rowIdSql(entity, 'R')} AS rowId, ${rowJsonSql(Object.keys(entity.columns), 'R')} AS data, ${placementSql(entity, 'R').partition} AS partition FROM "${entity.name}" R WHERE ${where} LIMIT 1`,
    )
    .get(...params) as { rowId: string; data: string; partition: string } | undefined;
}

/** Records of every kind the sample lacks: a check run linked as evidence, an issue with a photo and a link, a surplus item's photo, a wave decision, a rollback, a phase, a training session, a review, a signed sheet and its PDF. */
async function addFieldRecords(c: TestCore, d: Database.Database, siteId: string) {
  const machine = c.call('machines.list', { siteId })[0]!;
  d.prepare(
    `INSERT INTO check_runs (id, site_id, target_id, target_label, job_id, started_at, finished_at, by, outcome, pass_count, fail_count, error_count)
     VALUES ('run-1', ?, ?, ?, 'job', '2026-11-20T10:00:00.000Z', '2026-11-20T10:01:00.000Z', 'Tester', 'completed', 3, 0, 0)`,
  ).run(siteId, machine.id, machine.hostName);
  const verify = c
    .call('checklist.get', { siteId })
    .phases.flatMap((p) => p.items)
    .find((i) => i.title.startsWith('Verify target machines'))!;
  c.call('checklist.linkCheckRun', { itemId: verify.id, runId: 'run-1' });
  const photo = c.call('attachments.put', { mediaType: 'image/png', dataBase64: signaturePng(2) });
  const item = c.call('inventory.list', { siteId, limit: 1 }).items[0]!;
  c.call('issues.create', {
    siteId,
    title: 'Cable missing',
    severity: 'low',
    category: 'hardware',
    attachments: [photo.sha256],
    links: [{ kind: 'inventory_item', id: item.id }],
  });
  const surplus = c.call('inventory.recordSurplus', { siteId, serial: 'SRP-CAPTURE-1', manufacturer: 'HP', model: 'Switch' });
  c.call('inventory.attachPhoto', { itemId: surplus.id, sha256: photo.sha256 });
  d.prepare(
    `INSERT INTO wave_decisions (id, wave_id, deployment_id, decision, decided_at, decided_by) SELECT 'wd-1', wave_id, deployment_id, 'go', 'now', 'Rita' FROM sites WHERE id = ?`,
  ).run(siteId);
  d.prepare(
    `INSERT INTO site_rollbacks (id, site_id, reason, issue_ids, previous_status, created_at, created_by) VALUES ('rb-1', ?, 'test', '[]', 'planned', 'now', 'Tester')`,
  ).run(siteId);
  d.prepare(`INSERT INTO checklist_phases (site_id, phase, completed_at, completed_by) VALUES (?, 'before', 'now', 'Tester')`).run(siteId);
  const training = c.call('training.createSession', {
    siteId,
    topic: 'Tills',
    trainer: 'Tester',
    startsAt: '2026-11-20T10:00:00Z',
    durationMinutes: 60,
  });
  c.call('training.addAttendee', { sessionId: training.id, name: 'Ana', role: 'Manager', signaturePngBase64: signaturePng(7) });
  c.call('training.addMaterial', { sessionId: training.id, sha256: photo.sha256, name: 'Handout' });
  c.call('closeout.saveReview', {
    deploymentId: c.call('sites.get', { siteId }).deploymentId,
    wentWell: 'Pilot',
    wentBadly: 'Cables',
    actionItems: [],
  });
  const { sheet } = signSite(c, siteId, { decision: 'rejected', reason: 'Not yet' });
  for (let i = 0; i < 200 && c.call('signoff.exportPdf', { sheetId: sheet.id }).status !== 'ready'; i++)
    await new Promise((r) => setTimeout(r, 25));
}

const UPDATABLE = ['updated_by', 'title', 'completed_by', 'name', 'note'];

describe('change capture triggers', () => {
  it('capture nothing for a deployment that does not sync (the sample, a draft)', () => {
    const { core: c, site, db: d } = open();
    const serial = c.call('inventory.list', { siteId: site.id, limit: 1 }).items[0]!.expectedSerial!;
    c.call('inventory.receive', { siteId: site.id, serial });
    c.call('issues.create', { siteId: site.id, title: 'Local only', severity: 'low', category: 'hardware' });
    expect(outbox(d)).toEqual([]);
  });

  it('publish queues every row of the deployment as whole-row inserts, parents first, with UUIDv7 op ids', () => {
    const { core: c, deploymentId, db: d } = open();
    expect(c.dispatch('sync.publish', { deploymentId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    c.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
    const { queued } = c.call('sync.publish', { deploymentId });
    const ops = outbox(d);
    expect(ops).toHaveLength(queued);
    const expected = SYNC_ENTITIES.reduce(
      (sum, e) =>
        sum +
        (
          d.prepare(`SELECT count(*) AS n FROM "${e.name}" R WHERE ${placementSql(e, 'R').deployment} = ?`).get(deploymentId) as {
            n: number;
          }
        ).n,
      0,
    );
    expect(queued).toBe(expected);
    const order = ops.map((o) => SYNC_ENTITIES.findIndex((e) => e.name === o.entity));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(ops.map((o) => o.op_id)).size).toBe(ops.length);
    for (const op of ops.slice(0, 50)) expect(z.uuid({ version: 'v7' }).safeParse(op.op_id).success).toBe(true);
    const deployment = SYNC_ENTITIES.find((e) => e.name === 'deployments')!;
    expect(JSON.parse(ops[0]!.data)).toEqual(JSON.parse(wireRow(d, deployment, 'id = ?', deploymentId)!.data));
    expect(JSON.parse(ops[0]!.data).status).toBe('published');
    expect(ops.every((o) => o.kind === 'insert' && o.base_version === 0 && o.schema_version === c.schemaVersion)).toBe(true);
  });

  it('capture insert (whole row), update (changed columns and the key) and delete (the key) for every registry entity', async () => {
    const { core: c, deploymentId, site, db: d } = open();
    c.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
    c.call('sync.publish', { deploymentId });
    d.exec('DELETE FROM sync_outbox');
    await addFieldRecords(c, d, site.id);
    const inserted = outbox(d).filter((o) => o.kind === 'insert');
    for (const entity of SYNC_ENTITIES) {
      // A row captured after publishing where there is one (the sample's own incident history, append-only, predates it).
      const captured = inserted.find((o) => o.entity === entity.name);
      const row = captured
        ? wireRow(
            d,
            entity,
            entity.key.map((k) => `R."${k}" IS json_extract(?, '$.${k}')`).join(' AND '),
            ...entity.key.map(() => captured.data),
          )
        : wireRow(d, entity, `${placementSql(entity, 'R').deployment} = ?`, deploymentId);
      expect(row, `a ${entity.name} row in the published deployment`).toBeDefined();
      const op = inserted.find((o) => o.entity === entity.name && o.row_id === row!.rowId);
      d.exec('BEGIN');
      d.pragma('defer_foreign_keys = ON');
      try {
        if (!op) {
          // A plan row (made before publishing): delete it and put it back.
          d.prepare(`DELETE FROM "${entity.name}" WHERE ${entity.key.map((k) => `"${k}" = json_extract(?, '$.${k}')`).join(' AND ')}`).run(
            ...entity.key.map(() => row!.data),
          );
          const columns = Object.keys(entity.columns);
          d.prepare(
            `INSERT INTO "${entity.name}" (${columns.map((k) => `"${k}"`).join(', ')}) SELECT ${columns.map((k) => `json_extract(?, '$.${k}')`).join(', ')}`,
          ).run(...columns.map(() => row!.data));
          const [removed, back] = outbox(d)
            .filter((o) => o.entity === entity.name && o.row_id === row!.rowId)
            .slice(-2);
          expect(removed, `${entity.name} delete`).toMatchObject({ kind: 'delete', partition: row!.partition });
          expect(JSON.parse(removed!.data)).toEqual(Object.fromEntries(entity.key.map((k) => [k, JSON.parse(row!.data)[k]])));
          expect(back, `${entity.name} insert`).toMatchObject({ kind: 'insert', partition: row!.partition });
          expect(JSON.parse(back!.data)).toEqual(JSON.parse(row!.data));
        } else {
          expect(JSON.parse(op.data), `${entity.name} insert`).toEqual(JSON.parse(row!.data));
          expect(op.partition).toBe(row!.partition);
        }
        const column = UPDATABLE.find((k) => k in entity.columns && !entity.key.includes(k));
        if (column) {
          const before = outbox(d).length;
          const where = entity.key.map((k) => `"${k}" = json_extract(?, '$.${k}')`).join(' AND ');
          let refused = false;
          try {
            d.prepare(`UPDATE "${entity.name}" SET "${column}" = "${column}" || ' (edited)' WHERE ${where}`).run(
              ...entity.key.map(() => row!.data),
            );
          } catch (error) {
            refused = /append-only|immutable|cannot be changed/.test((error as Error).message);
            if (!refused) throw error;
          }
          const after = outbox(d);
          if (refused) expect(after).toHaveLength(before);
          else {
            expect(after, `${entity.name} update`).toHaveLength(before + 1);
            const data = JSON.parse(after.at(-1)!.data) as Record<string, unknown>;
            expect(Object.keys(data).sort()).toEqual([...entity.key, column].sort());
            expect(data[column]).toBe(`${JSON.parse(row!.data)[column]} (edited)`);
            d.prepare(`UPDATE "${entity.name}" SET "${column}" = "${column}" WHERE ${where}`).run(...entity.key.map(() => row!.data));
            expect(outbox(d), `${entity.name}: an update that changes nothing is not captured`).toHaveLength(before + 1);
          }
        }
      } finally {
        d.exec('ROLLBACK');
      }
    }
  });

  it('capture nothing while pulled changes are applied (the guard row)', () => {
    const { core: c, deploymentId, site, db: d } = open();
    c.call('profile.set', { name: 'Rita Manager', role: 'release_manager' });
    c.call('sync.publish', { deploymentId });
    d.exec('DELETE FROM sync_outbox');
    d.exec('BEGIN');
    d.exec('INSERT INTO sync_apply_guard (id) VALUES (1)');
    d.prepare("UPDATE inventory_items SET note = 'pulled' WHERE site_id = ?").run(site.id);
    d.exec('DELETE FROM sync_apply_guard');
    d.exec('COMMIT');
    expect(outbox(d)).toEqual([]);
    d.prepare("UPDATE inventory_items SET note = 'local' WHERE site_id = ?").run(site.id);
    expect(outbox(d).length).toBeGreaterThan(0);
  });

  it('are reinstalled only when their SQL changes', () => {
    const { core: c, db: d } = open();
    expect(installCaptureTriggers(d, c.schemaVersion)).toBe(false);
    expect(installCaptureTriggers(d, c.schemaVersion + 1)).toBe(true);
    expect(installCaptureTriggers(d, c.schemaVersion + 1)).toBe(false);
    d.exec('DROP TRIGGER sync_capture_sites_update');
    expect(installCaptureTriggers(d, c.schemaVersion + 1)).toBe(true);
    expect(
      (d.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'").get() as { n: number }).n,
    ).toBe(SYNC_ENTITIES.length * 3);
  });
});
