import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, localMigrations } from '../../migrations';
import { migrationDatabases, OLD_AUDIT } from '../../test/support/migration-db';
import { tempDataDir } from '../../test/support/temp-core';
import type { OpenedDatabase } from './open-database';

const open = migrationDatabases();
const AUDIT = OLD_AUDIT;
const SHA = 'a'.repeat(64);
const triggersOf = (o: OpenedDatabase, table: string) =>
  (
    o.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name").all(table) as {
      name: string;
    }[]
  ).map((t) => t.name);

describe('migration 22 (issue service impact)', () => {
  it('adds the impact columns and rebuilds issue_events for the new event kind, keeping every event, photo link and trigger', () => {
    const dir = tempDataDir();
    const before = open(
      dir,
      localMigrations.filter((m) => m.version < 22),
    );
    before.sqlite.exec(`
      INSERT INTO profile VALUES (1, 'Old Tech', 'technician', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO deployments (id, name, version, created_at, created_by, updated_at, updated_by) VALUES ('d1', 'Rollout', '1.0', ${AUDIT});
      INSERT INTO sites (id, deployment_id, code, name, created_at, created_by, updated_at, updated_by) VALUES ('s1', 'd1', 'S-1', 'Site', ${AUDIT});
      INSERT INTO issues (id, site_id, number, title, severity, category, created_at, created_by, updated_at, updated_by) VALUES ('i1', 's1', 1, 'Tills down', 'high', 'software', ${AUDIT});
      INSERT INTO issue_events (id, issue_id, seq, kind, at, by, text, to_status) VALUES ('e1', 'i1', 1, 'created', '2026-01-01T00:00:00.000Z', 'Old Tech', 'Tills down', 'open');
      INSERT INTO issue_events (id, issue_id, seq, kind, at, by, text) VALUES ('e2', 'i1', 2, 'commented', '2026-01-01T01:00:00.000Z', 'Old Tech', 'Photo');
      INSERT INTO attachments VALUES ('${SHA}', 'image/png', 3, '2026-01-01T01:00:00.000Z', 'Old Tech');
      INSERT INTO issue_attachments VALUES ('e2', 'i1', '${SHA}');
    `);
    const events = before.sqlite.prepare('SELECT * FROM issue_events ORDER BY seq').all();
    const eventTriggers = triggersOf(before, 'issue_events');
    const attachmentTriggers = triggersOf(before, 'issue_attachments');
    expect(eventTriggers.some((t) => t.startsWith('sync_capture_'))).toBe(true);
    expect(() =>
      before.sqlite.exec(`INSERT INTO issue_events (id, issue_id, seq, kind, at, by) VALUES ('e3', 'i1', 3, 'impact_changed', 'x', 'y')`),
    ).toThrow(/CHECK/);
    before.sqlite.close();

    const after = open(dir);
    expect(after.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(after.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(after.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(after.sqlite.prepare('SELECT * FROM issue_events ORDER BY seq').all()).toEqual(events);
    expect(after.sqlite.prepare('SELECT * FROM issue_attachments').all()).toEqual([{ event_id: 'e2', issue_id: 'i1', sha256: SHA }]);
    expect(
      after.sqlite
        .prepare('SELECT impact, impact_component_id, impact_started_at, impact_ended_at, impact_users_affected FROM issues')
        .get(),
    ).toEqual({
      impact: null,
      impact_component_id: null,
      impact_started_at: null,
      impact_ended_at: null,
      impact_users_affected: null,
    });
    // Refusal triggers rebuilt with the tables; capture triggers installed again at open.
    expect(triggersOf(after, 'issue_events')).toEqual(eventTriggers);
    expect(triggersOf(after, 'issue_attachments')).toEqual(attachmentTriggers);
    expect(() => after.sqlite.exec(`UPDATE issue_events SET text = 'x' WHERE id = 'e1'`)).toThrow(/append-only/);
    expect(() => after.sqlite.exec(`DELETE FROM issue_attachments`)).toThrow(/append-only/);
    after.sqlite.exec(
      `INSERT INTO issue_events (id, issue_id, seq, kind, at, by, text) VALUES ('e3', 'i1', 3, 'impact_changed', '2026-01-02T00:00:00.000Z', 'Old Tech', 'Outage')`,
    );
    expect(() => after.sqlite.exec(`INSERT INTO issue_attachments VALUES ('nope', 'i1', '${SHA}')`)).toThrow(/FOREIGN KEY/);
    // The impact CHECKs: an outage needs a start; an end comes after it.
    expect(() => after.sqlite.exec(`UPDATE issues SET impact = 'outage'`)).toThrow(/CHECK/);
    expect(() =>
      after.sqlite.exec(
        `UPDATE issues SET impact = 'outage', impact_started_at = '2026-03-29T01:30:00.000Z', impact_ended_at = '2026-03-28T22:30:00.000Z'`,
      ),
    ).toThrow(/CHECK/);
    after.sqlite.exec(
      `UPDATE issues SET impact = 'outage', impact_started_at = '2026-03-28T22:30:00.000Z', impact_ended_at = '2026-03-29T01:30:00.000Z'`,
    );
  });
});
