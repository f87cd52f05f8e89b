import type { Migration } from './migration';

const refuse = (table: string, action: 'UPDATE' | 'DELETE') =>
  `CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * Training and hand-over (APQC 8.6.5.1) and the post-deployment review (issue #16).
 * - `training_sessions`: per site, topic, trainer, start (ISO instant), duration in minutes.
 * - `training_attendees`: one row per attendee, append-only: name, role, and either a drawn
 *   signature (PNG attachment by SHA-256) or "absent", never both, never neither.
 * - `training_materials`: attachments handed out at a session (append-only links).
 * - `deployment_reviews`: the release manager's post-deployment review: what went well, what
 *   went badly, action items (JSON array of {text, owner, due}). One per deployment by its id
 *   (`review:<deployment id>`), so two managers' edits meet on one row (the last write wins).
 * The CHECKs mirror shared/sync/row-rules.ts (a test holds them together).
 */
export const migration0021: Migration = {
  version: 21,
  name: 'training_and_review',
  sql: `
CREATE TABLE training_sessions (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  trainer TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX training_sessions_site ON training_sessions(site_id, starts_at);

CREATE TABLE training_attendees (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  position INTEGER NOT NULL CHECK (position >= 1),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  attendance TEXT NOT NULL CHECK (attendance IN ('absent', 'signed')),
  signature_sha256 TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CHECK ((attendance = 'signed') = (signature_sha256 IS NOT NULL)),
  UNIQUE (session_id, position)
);
${refuse('training_attendees', 'UPDATE')}
${refuse('training_attendees', 'DELETE')}

CREATE TABLE training_materials (
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (session_id, sha256)
);
${refuse('training_materials', 'UPDATE')}
${refuse('training_materials', 'DELETE')}

CREATE TABLE deployment_reviews (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  went_well TEXT NOT NULL,
  went_badly TEXT NOT NULL,
  action_items TEXT NOT NULL CHECK (json_valid(action_items) AND json_type(action_items) = 'array'),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX deployment_reviews_deployment ON deployment_reviews(deployment_id);
`,
};
