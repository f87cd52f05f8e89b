import type { Migration } from './migration';

/**
 * The technician's approvals of what a plan runs on a machine (`command` requirements and file
 * probes outside the allow-list): per deployment, per target (remote) or role (this machine), for
 * the SHA-256 of the exact commands and paths with the user and sudo. A changed command has
 * another hash and is asked again. Kept on this device only: it records who saw what, not a plan.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'plan_approvals',
  sql: `
CREATE TABLE plan_approvals (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('target', 'role')),
  scope_key TEXT NOT NULL,
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  run_as TEXT NOT NULL,
  items TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  UNIQUE (deployment_id, scope, scope_key, hash)
);
`,
};
