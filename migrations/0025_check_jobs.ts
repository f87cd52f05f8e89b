import type { Migration } from './migration';

/**
 * Check jobs survive a restart (issue #12): a job's plan and each host's state are stored when the
 * job starts, so a job cut short by a crash or a restart is resumed at the next start for the hosts
 * with no stored run yet, or marked `interrupted` per host (with the reason) when it cannot be,
 * e.g. the host's credential cannot be read. Local bookkeeping of this device, not synced.
 * - `check_jobs`: who started it, which site, remote targets or this machine (and its role), the
 *   concurrency, and whether it is still running.
 * - `check_job_hosts`: one row per host, in the job's order, with the requirements it is checked
 *   against (JSON, fixed when the job started) and, once done, the run it stored. No foreign keys
 *   to targets or runs: a target removed meanwhile is marked interrupted, not cascaded away.
 */
export const migration0025: Migration = {
  version: 25,
  name: 'check_jobs',
  sql: `
CREATE TABLE check_jobs (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('remote','this_machine')),
  role TEXT,
  concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
  state TEXT NOT NULL CHECK (state IN ('running','finished','cancelled')),
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL,
  finished_at TEXT
);
CREATE INDEX check_jobs_state ON check_jobs(state);
CREATE INDEX check_jobs_site ON check_jobs(site_id, started_at);

CREATE TABLE check_job_hosts (
  job_id TEXT NOT NULL REFERENCES check_jobs(id) ON DELETE CASCADE,
  host_key TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  target_id TEXT,
  label TEXT NOT NULL,
  requirements TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL CHECK (state IN ('queued','done','interrupted','cancelled')),
  run_id TEXT,
  message TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (job_id, host_key)
);
`,
};
