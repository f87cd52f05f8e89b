import type { Migration } from './migration';

/** The plan (deployments, waves, sites, components, requirements, inventory, targets, checklists) and the local profile. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('technician','release_manager','administrator')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE deployments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  version TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft','published','in_progress','stabilizing','complete')),
  quiet_period_days INTEGER NOT NULL DEFAULT 14,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);

CREATE TABLE waves (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  is_pilot INTEGER NOT NULL DEFAULT 0,
  starts_at TEXT, ends_at TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);
CREATE INDEX waves_deployment ON waves(deployment_id, sequence);

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  wave_id TEXT REFERENCES waves(id) ON DELETE SET NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  time_zone TEXT NOT NULL DEFAULT 'UTC',
  owner_name TEXT NOT NULL DEFAULT '',
  owner_email TEXT NOT NULL DEFAULT '',
  owner_phone TEXT NOT NULL DEFAULT '',
  window_start TEXT, window_end TEXT,
  technicians TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned','ready','in_progress','blocked','deployed','signed_off','rolled_back')),
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
  UNIQUE (deployment_id, code)
);

CREATE TABLE components (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('software','hardware')),
  scope TEXT NOT NULL DEFAULT 'site' CHECK (scope IN ('core','site')),
  target_version TEXT, manufacturer TEXT, model TEXT,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);

CREATE TABLE requirements (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  target_role TEXT,
  kind TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  params TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);

CREATE TABLE inventory_items (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  component_id TEXT REFERENCES components(id) ON DELETE SET NULL,
  manufacturer TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  expected_serial TEXT,
  asset_tag TEXT,
  room TEXT NOT NULL DEFAULT '', rack TEXT NOT NULL DEFAULT '', unit TEXT NOT NULL DEFAULT '',
  found_serial TEXT,
  state TEXT NOT NULL DEFAULT 'expected'
    CHECK (state IN ('expected','received','installed','verified','missing','damaged','returned')),
  is_surplus INTEGER NOT NULL DEFAULT 0,
  received_at TEXT, received_by TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);
CREATE INDEX inventory_site ON inventory_items(site_id);

CREATE TABLE target_machines (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  host_name TEXT NOT NULL,
  address TEXT NOT NULL,
  port INTEGER NOT NULL DEFAULT 22 CHECK (port BETWEEN 1 AND 65535),
  username TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',
  inventory_item_id TEXT REFERENCES inventory_items(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);
CREATE INDEX target_machines_site ON target_machines(site_id);

CREATE TABLE checklist_templates (
  id TEXT PRIMARY KEY,
  deployment_id TEXT NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL, created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
);

CREATE TABLE checklist_template_items (
  id TEXT PRIMARY KEY,
  template_id TEXT NOT NULL REFERENCES checklist_templates(id) ON DELETE CASCADE,
  phase TEXT NOT NULL CHECK (phase IN ('before','during','after','rollback')),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  instructions TEXT NOT NULL DEFAULT '',
  required INTEGER NOT NULL DEFAULT 1,
  evidence TEXT NOT NULL DEFAULT 'none' CHECK (evidence IN ('none','note','photo','check_run')),
  depends_on TEXT REFERENCES checklist_template_items(id) ON DELETE SET NULL
);

CREATE TABLE checklist_items (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  template_item_id TEXT REFERENCES checklist_template_items(id) ON DELETE SET NULL,
  phase TEXT NOT NULL CHECK (phase IN ('before','during','after','rollback')),
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
CREATE INDEX checklist_items_site ON checklist_items(site_id, phase, position);

CREATE TABLE checklist_phases (
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  phase TEXT NOT NULL CHECK (phase IN ('before','during','after','rollback')),
  completed_at TEXT NOT NULL,
  completed_by TEXT NOT NULL,
  PRIMARY KEY (site_id, phase)
);
`,
};
