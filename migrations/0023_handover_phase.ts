import type { Migration } from './migration';

const PHASES = `('before','during','after','handover','rollback')`;

/**
 * The hand-over phase of the checklist (issue #16, APQC 8.6.5.1: documentation delivered,
 * passwords handed over, support contacts). SQLite cannot change a CHECK in place, so the three
 * tables with a phase are rebuilt the way SQLite documents it: new table, copy, drop, rename,
 * indexes again, with foreign keys off around the transaction (`rebuildsTables`) so the drops run
 * no ON DELETE action, and every foreign key checked before commit. \`legacy_alter_table\` keeps
 * the rename from re-checking the triggers of other tables (the sync capture triggers of the
 * evidence links name checklist_items, which is briefly absent). The columns are those of
 * migration 1 unchanged; the sync capture triggers on these tables go with the old tables and are
 * installed again at open (core/sync/capture-triggers.ts counts them).
 */
export const migration0023: Migration = {
  version: 23,
  name: 'handover_phase',
  rebuildsTables: true,
  sql: `
PRAGMA legacy_alter_table = ON;
CREATE TABLE checklist_template_items_new (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,
  phase TEXT NOT NULL CHECK (phase IN ${PHASES}),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  instructions TEXT NOT NULL DEFAULT '',
  required INTEGER NOT NULL DEFAULT 1,
  evidence TEXT NOT NULL DEFAULT 'none' CHECK (evidence IN ('none','note','photo','check_run')),
  depends_on TEXT REFERENCES checklist_template_items(id) ON DELETE SET NULL
);
INSERT INTO checklist_template_items_new (id, template_id, phase, position, title, instructions, required, evidence, depends_on)
  SELECT id, template_id, phase, position, title, instructions, required, evidence, depends_on FROM checklist_template_items;
DROP TABLE checklist_template_items;
ALTER TABLE checklist_template_items_new RENAME TO checklist_template_items;

CREATE TABLE checklist_items_new (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  template_item_id TEXT REFERENCES checklist_template_items(id) ON DELETE SET NULL,
  phase TEXT NOT NULL CHECK (phase IN ${PHASES}),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  instructions TEXT NOT NULL DEFAULT '',
  required INTEGER NOT NULL DEFAULT 1,
  evidence TEXT NOT NULL DEFAULT 'none' CHECK (evidence IN ('none','note','photo','check_run')),
  depends_on TEXT REFERENCES checklist_items(id) ON DELETE SET NULL,
  state TEXT NOT NULL DEFAULT 'todo' CHECK (state IN ('todo','done','not_applicable','failed')),
  note TEXT NOT NULL DEFAULT '',
  state_by TEXT, state_at TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);
INSERT INTO checklist_items_new (id, site_id, template_item_id, phase, position, title, instructions, required, evidence, depends_on, state, note, state_by, state_at, created_at, created_by, updated_at, updated_by)
  SELECT id, site_id, template_item_id, phase, position, title, instructions, required, evidence, depends_on, state, note, state_by, state_at, created_at, created_by, updated_at, updated_by FROM checklist_items;
DROP TABLE checklist_items;
ALTER TABLE checklist_items_new RENAME TO checklist_items;
CREATE INDEX checklist_items_site ON checklist_items(site_id, phase, position);
CREATE INDEX checklist_items_site_state_at ON checklist_items(site_id, state_at);

CREATE TABLE checklist_phases_new (
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  phase TEXT NOT NULL CHECK (phase IN ${PHASES}),
  completed_at TEXT NOT NULL,
  completed_by TEXT NOT NULL,
  PRIMARY KEY (site_id, phase)
);
INSERT INTO checklist_phases_new (site_id, phase, completed_at, completed_by) SELECT site_id, phase, completed_at, completed_by FROM checklist_phases;
DROP TABLE checklist_phases;
ALTER TABLE checklist_phases_new RENAME TO checklist_phases;
PRAGMA legacy_alter_table = OFF;
`,
};
