import type { Migration } from './migration';

/**
 * Rollout planning at scale (issue #11).
 * - `sites.notes`: free text a site import carries (access, parking, contacts on the day). Synced
 *   with the plan. Never null on the wire (`absentOr` in shared/sync/row-rules.ts): an older
 *   desktop's site insert, which lacks it, is refused with the reason; its updates are accepted.
 * - `checklist_template_items.owner_prepares`: a "before" item the site owner must prepare; it goes
 *   into the owner's calendar invitation. The same wire rule applies.
 * - `bulk_edits`: this device's bulk edits of a deployment's sites, each with every touched site's
 *   values before it, so the last one can be undone. Local bookkeeping, not synced (the site
 *   changes themselves sync as usual).
 * - `calendar_events`: per iCalendar UID this device sent, the hash of the event's content and its
 *   SEQUENCE, so a re-sent file with a changed event carries a higher SEQUENCE (RFC 5545 3.8.7.4)
 *   and a removed or rolled-back site a CANCEL. No foreign key: a removed site is still cancelled.
 */
export const migration0024: Migration = {
  version: 24,
  name: 'rollout_planning',
  sql: `
ALTER TABLE sites ADD COLUMN notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000);
ALTER TABLE checklist_template_items ADD COLUMN owner_prepares INTEGER NOT NULL DEFAULT 0 CHECK (owner_prepares IN (0,1));

CREATE TABLE bulk_edits (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL,
  action TEXT NOT NULL,
  summary TEXT NOT NULL,
  site_count INTEGER NOT NULL CHECK (site_count >= 0),
  before_json TEXT NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT
);
CREATE INDEX bulk_edits_deployment ON bulk_edits(deployment_id, at);

CREATE TABLE calendar_events (
  uid TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  audience TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0,1)),
  updated_at TEXT NOT NULL
);
CREATE INDEX calendar_events_site ON calendar_events(site_id);
`,
};
