import type { Migration } from './migration';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const STATUSES = list(['open', 'in_progress', 'escalated', 'resolved', 'closed', 'accepted_exception']);
const EVENT_KINDS = list([
  'created',
  'commented',
  'assigned',
  'status_changed',
  'escalated',
  'resolved',
  'closed',
  'accepted_exception',
  'reopened',
  'impact_changed',
]);
const refuse = (table: string, action: 'UPDATE' | 'DELETE') =>
  `CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * Service impact per issue (issue #16, downtime per incident): the affected component, the impact
 * (outage, degraded, none; null = never recorded), start and end as UTC instants (end null: still
 * going on) and the users or tills affected. Columns on the issue: one impact per incident, synced
 * and merged with the issue row. Every change is an `impact_changed` event in the history,
 * so `issue_events.kind` gets the new value: SQLite cannot alter a CHECK, so the append-only table
 * is rebuilt with foreign keys on: `issue_attachments` (its only child) is set aside first and
 * rebuilt after, so dropping the old table leaves no row pointing at nothing. Every row, index and
 * refusal trigger comes back; the sync capture triggers are installed again when the database
 * opens. The CHECKs mirror shared/sync/row-rules.ts (a test holds them together).
 */
export const migration0022: Migration = {
  version: 22,
  name: 'issue_service_impact',
  sql: `
ALTER TABLE issues ADD COLUMN impact TEXT CHECK (impact IS NULL OR impact IN ('outage','degraded','none'));
ALTER TABLE issues ADD COLUMN impact_component_id TEXT;
ALTER TABLE issues ADD COLUMN impact_started_at TEXT;
ALTER TABLE issues ADD COLUMN impact_ended_at TEXT
  CHECK ((impact_started_at IS NOT NULL OR impact NOT IN ('outage','degraded'))
    AND (impact_ended_at IS NULL OR (impact_started_at IS NOT NULL AND julianday(impact_ended_at) > julianday(impact_started_at))));
ALTER TABLE issues ADD COLUMN impact_users_affected INTEGER CHECK (impact_users_affected IS NULL OR impact_users_affected >= 0);
CREATE INDEX issues_impact ON issues(site_id, impact) WHERE impact IN ('outage','degraded');

CREATE TABLE issue_events_rebuilt (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES issues(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${EVENT_KINDS})),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  from_status TEXT CHECK (from_status IS NULL OR from_status IN (${STATUSES})),
  to_status TEXT CHECK (to_status IS NULL OR to_status IN (${STATUSES})),
  escalation_level INTEGER,
  assignee TEXT,
  UNIQUE (issue_id, seq)
);
INSERT INTO issue_events_rebuilt (id, issue_id, seq, kind, at, by, text, from_status, to_status, escalation_level, assignee)
  SELECT id, issue_id, seq, kind, at, by, text, from_status, to_status, escalation_level, assignee FROM issue_events;
CREATE TABLE issue_attachments_aside AS SELECT event_id, issue_id, sha256 FROM issue_attachments;
DROP TABLE issue_attachments;
DROP TABLE issue_events;
ALTER TABLE issue_events_rebuilt RENAME TO issue_events;
${refuse('issue_events', 'UPDATE')}
${refuse('issue_events', 'DELETE')}

CREATE TABLE issue_attachments (
  event_id TEXT NOT NULL REFERENCES issue_events(id),
  issue_id TEXT NOT NULL REFERENCES issues(id),
  sha256 TEXT NOT NULL REFERENCES attachments(sha256),
  PRIMARY KEY (event_id, sha256)
);
INSERT INTO issue_attachments (event_id, issue_id, sha256) SELECT event_id, issue_id, sha256 FROM issue_attachments_aside;
DROP TABLE issue_attachments_aside;
CREATE INDEX issue_attachments_issue ON issue_attachments(issue_id);
${refuse('issue_attachments', 'UPDATE')}
${refuse('issue_attachments', 'DELETE')}
`,
};
