import type { Migration } from './migration';

/**
 * Go / no-go decisions on waves, recorded by a release manager from the dashboard. Append-only
 * (a new decision supersedes an older one; none is ever changed). `figures` keeps the dashboard
 * figures the manager saw when deciding (JSON). Also indexes for the dashboard: the first field
 * activity of a site (earliest checklist change, earliest inventory receipt) read per site.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'wave_decisions',
  sql: `
CREATE TABLE wave_decisions (
  id TEXT PRIMARY KEY,
  wave_id TEXT NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('go','no_go')),
  note TEXT NOT NULL DEFAULT '',
  figures TEXT NOT NULL DEFAULT '{}',
  decided_at TEXT NOT NULL,
  decided_by TEXT NOT NULL
);
CREATE INDEX wave_decisions_deployment ON wave_decisions(deployment_id, decided_at);
CREATE INDEX wave_decisions_wave ON wave_decisions(wave_id, decided_at);
CREATE TRIGGER wave_decisions_no_update BEFORE UPDATE ON wave_decisions
BEGIN SELECT RAISE(ABORT, 'wave decisions are append-only'); END;
CREATE INDEX checklist_items_site_state_at ON checklist_items(site_id, state_at);
CREATE INDEX inventory_site_received_at ON inventory_items(site_id, received_at);
`,
};
