import type { Migration } from './migration';

/**
 * Evidence linked to a checklist item: for now finished check runs (`kind = 'check_run'`,
 * `ref_id` = the run id); the CHECK leaves room for photos later. Append-only, like the runs it
 * points at: a link is never changed or removed.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'checklist_item_evidence',
  sql: `
CREATE TABLE checklist_item_evidence (
  id TEXT PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES checklist_items(id),
  kind TEXT NOT NULL CHECK (kind IN ('check_run','photo')),
  ref_id TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  UNIQUE (item_id, kind, ref_id)
);
CREATE INDEX checklist_item_evidence_item ON checklist_item_evidence(item_id, linked_at);
CREATE TRIGGER checklist_item_evidence_no_update BEFORE UPDATE ON checklist_item_evidence
BEGIN SELECT RAISE(ABORT, 'checklist evidence links are append-only'); END;
CREATE TRIGGER checklist_item_evidence_no_delete BEFORE DELETE ON checklist_item_evidence
BEGIN SELECT RAISE(ABORT, 'checklist evidence links are append-only'); END;
`,
};
