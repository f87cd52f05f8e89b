import type { Role } from '../domain/enums';
import { EVERY_ROLE, MANAGER_ROLES } from '../domain/role-access';
import type { SyncEntityName } from './entity-registry';

/**
 * Who may write each synced entity, declared once beside the registry and enforced by the server
 * on every pushed operation (server/sync/access-rules.ts). Which partitions a role reaches (a
 * manager's deployments, a technician's sites) is the server's part; this says which rows.
 */
export interface EntityWriters {
  /** Roles that may insert, update and delete the entity's rows. */
  full: readonly Role[];
  /** Roles that may change only the registry's `technicianColumns` (and insert when `technicianMayInsert`), never delete. */
  fieldColumns?: readonly Role[];
}

const PLAN: EntityWriters = { full: MANAGER_ROLES };
const FIELD_WORK: EntityWriters = { full: EVERY_ROLE };
const PLAN_WITH_FIELD_COLUMNS: EntityWriters = { full: MANAGER_ROLES, fieldColumns: ['technician'] };

export const ENTITY_WRITERS: Readonly<Record<SyncEntityName, EntityWriters>> = {
  deployments: PLAN,
  waves: PLAN,
  wave_decisions: PLAN,
  components: PLAN,
  requirements: PLAN,
  checklist_templates: PLAN,
  checklist_template_items: PLAN,
  sites: PLAN_WITH_FIELD_COLUMNS,
  target_machines: PLAN,
  inventory_items: PLAN_WITH_FIELD_COLUMNS,
  inventory_item_photos: FIELD_WORK,
  checklist_items: PLAN_WITH_FIELD_COLUMNS,
  checklist_phases: FIELD_WORK,
  check_runs: FIELD_WORK,
  checklist_item_evidence: FIELD_WORK,
  issues: FIELD_WORK,
  issue_events: FIELD_WORK,
  issue_links: FIELD_WORK,
  issue_attachments: FIELD_WORK,
  site_rollbacks: FIELD_WORK,
  sign_off_sheets: FIELD_WORK,
  sign_off_pdfs: FIELD_WORK,
  training_sessions: FIELD_WORK,
  training_attendees: FIELD_WORK,
  training_materials: FIELD_WORK,
  deployment_reviews: PLAN,
};

export function entityWriters(entity: string): EntityWriters {
  return (ENTITY_WRITERS as Record<string, EntityWriters>)[entity] ?? { full: [] };
}

/** How `role` may write `entity`: every column, the field columns only, or not at all. */
export function writeScope(role: Role, entity: string): 'full' | 'field_columns' | 'none' {
  const writers = entityWriters(entity);
  if (writers.full.includes(role)) return 'full';
  if (writers.fieldColumns?.includes(role)) return 'field_columns';
  return 'none';
}
