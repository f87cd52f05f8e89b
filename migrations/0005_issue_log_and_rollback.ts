import type { Migration } from './migration';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const STATUSES = list(['open', 'in_progress', 'escalated', 'resolved', 'closed', 'accepted_exception']);
const refuse = (table: string, action: 'UPDATE' | 'DELETE') =>
  `CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * The issue log of a site: the issue row holds the current state, `issue_events` its history
 * (append-only, enforced by triggers), `issue_links` what it concerns. Photos are stored by their
 * SHA-256 content hash (`attachments`, files in <dataDir>/attachments/<sha256>). A rollback of a
 * site is kept in `site_rollbacks` with its reason and the issues that caused it.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'issue_log_and_rollback',
  sql: `
CREATE TABLE issues (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  severity TEXT NOT NULL CHECK (severity IN ('critical','high','medium','low')),
  category TEXT NOT NULL CHECK (category IN ('hardware','software','network','facility','documentation','training')),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN (${STATUSES})),
  blocks_sign_off INTEGER NOT NULL DEFAULT 0 CHECK (blocks_sign_off IN (0,1)),
  assignee TEXT,
  escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
  UNIQUE (site_id, number)
);
CREATE INDEX issues_site_status ON issues(site_id, status);

CREATE TABLE issue_links (
  issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('inventory_item','target_machine','checklist_item','check_run')),
  target_id TEXT NOT NULL,
  PRIMARY KEY (issue_id, kind, target_id)
);
CREATE INDEX issue_links_target ON issue_links(kind, target_id);

CREATE TABLE issue_events (
  id TEXT PRIMARY KEY,
  issue_id TEXT NOT NULL REFERENCES issues(id),
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('created','commented','assigned','status_changed','escalated','resolved','closed','accepted_exception','reopened')),
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  from_status TEXT CHECK (from_status IS NULL OR from_status IN (${STATUSES})),
  to_status TEXT CHECK (to_status IS NULL OR to_status IN (${STATUSES})),
  escalation_level INTEGER,
  assignee TEXT,
  UNIQUE (issue_id, seq)
);
${refuse('issue_events', 'UPDATE')}
${refuse('issue_events', 'DELETE')}

CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE issue_attachments (
  event_id TEXT NOT NULL REFERENCES issue_events(id),
  issue_id TEXT NOT NULL REFERENCES issues(id),
  sha256 TEXT NOT NULL REFERENCES attachments(sha256),
  PRIMARY KEY (event_id, sha256)
);
CREATE INDEX issue_attachments_issue ON issue_attachments(issue_id);
${refuse('issue_attachments', 'UPDATE')}
${refuse('issue_attachments', 'DELETE')}

CREATE TABLE site_rollbacks (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  issue_ids TEXT NOT NULL DEFAULT '[]',
  previous_status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX site_rollbacks_site ON site_rollbacks(site_id, created_at);
`,
};
