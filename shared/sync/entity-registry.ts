/**
 * The entities that sync between a desktop and the central server, declared once. The desktop
 * derives its change-capture triggers from this list, the server its validation, authorization
 * and storage; adding an entity to sync is a matter of adding it here.
 *
 * Rows travel in their local column form (snake_case names, SQLite values: TEXT, INTEGER, REAL;
 * JSON columns as their TEXT).
 */

/** A column's wire type; `?` means it may be null. */
export type SyncColumnType = 'text' | 'text?' | 'int' | 'int?';

/** Whether a wire value has a column's type: text, a whole number, or null where the column allows it. */
export function valueFitsColumn(type: SyncColumnType, value: unknown): boolean {
  if (value === null) return type.endsWith('?');
  if (type.startsWith('int')) return typeof value === 'number' && Number.isSafeInteger(value);
  return typeof value === 'string';
}

/** Where a row lives: every row belongs to exactly one partition, a deployment or a site. */
export type PartitionRule =
  /** The row is the partition's own root (a deployment row, a site row). */
  | { kind: 'self'; scope: 'deployment' | 'site' }
  /** A column of the row names the deployment or site. */
  | { kind: 'column'; scope: 'deployment' | 'site'; column: string }
  /** The row belongs where its parent row belongs (an issue event: where its issue is). */
  | { kind: 'parent'; column: string; parent: SyncEntityName }
  /** A site column when set, else the deployment column (a site sheet vs the Deployment Complete Milestone). */
  | { kind: 'site_or_deployment'; siteColumn: string; deploymentColumn: string };

/**
 * `down`: plans, written by release managers and administrators, read by technicians.
 * `up`: field work, written by technicians (and release managers), read by release managers.
 * `both`: one row with plan columns (down) and field columns (`technicianColumns`, up).
 */
export type SyncDirection = 'down' | 'up' | 'both';

export interface SyncEntity {
  /** Wire name; equal to the local SQLite table. */
  name: SyncEntityName;
  /** Primary key columns. One column: the row id is its value; several: a JSON array of the values. */
  key: readonly string[];
  columns: Readonly<Record<string, SyncColumnType>>;
  partition: PartitionRule;
  direction: SyncDirection;
  /** Rows are only ever inserted (runs, events, evidence links): an insert of an existing id with other content is rejected. */
  appendOnly: boolean;
  /** For `both`: the columns a technician may change. Other columns belong to the plan. */
  technicianColumns?: readonly string[];
  /** For `both`: a technician may also create rows (surplus inventory found on site). */
  technicianMayInsert?: boolean;
  /** Columns edited on both sides (site status, issue status): the last write to arrive wins and the one it replaced is recorded. */
  sharedColumns?: readonly string[];
  /** Columns holding the SHA-256 of an attachment (photo, PDF, signature image) that must be on the server first. */
  blobColumns?: readonly string[];
  /**
   * A blob column that names an attachment only in some rows: those where another column has a
   * value (an evidence link names a photo by SHA-256 or a check run by id). Read through
   * shared/sync/blob-refs.ts, never directly.
   */
  blobColumnWhen?: Readonly<Record<string, { column: string; equals: string }>>;
  /** Apply order when a snapshot is loaded: parents before children. */
  order: number;
}

const AUDIT = { created_at: 'text', created_by: 'text', updated_at: 'text', updated_by: 'text' } as const;

const ENTITIES = [
  {
    name: 'deployments',
    key: ['id'],
    columns: { id: 'text', name: 'text', version: 'text', description: 'text', status: 'text', quiet_period_days: 'int', ...AUDIT },
    partition: { kind: 'self', scope: 'deployment' },
    direction: 'down',
    appendOnly: false,
    order: 10,
  },
  {
    name: 'waves',
    key: ['id'],
    columns: {
      id: 'text',
      deployment_id: 'text',
      name: 'text',
      sequence: 'int',
      is_pilot: 'int',
      starts_at: 'text?',
      ends_at: 'text?',
      ...AUDIT,
    },
    partition: { kind: 'column', scope: 'deployment', column: 'deployment_id' },
    direction: 'down',
    appendOnly: false,
    order: 20,
  },
  {
    name: 'wave_decisions',
    key: ['id'],
    columns: {
      id: 'text',
      wave_id: 'text',
      deployment_id: 'text',
      decision: 'text',
      note: 'text',
      figures: 'text',
      decided_at: 'text',
      decided_by: 'text',
    },
    partition: { kind: 'column', scope: 'deployment', column: 'deployment_id' },
    direction: 'down',
    appendOnly: true,
    order: 30,
  },
  {
    name: 'components',
    key: ['id'],
    columns: {
      id: 'text',
      deployment_id: 'text',
      name: 'text',
      kind: 'text',
      scope: 'text',
      target_version: 'text?',
      manufacturer: 'text?',
      model: 'text?',
      ...AUDIT,
    },
    partition: { kind: 'column', scope: 'deployment', column: 'deployment_id' },
    direction: 'down',
    appendOnly: false,
    order: 20,
  },
  {
    name: 'requirements',
    key: ['id'],
    columns: { id: 'text', deployment_id: 'text', target_role: 'text?', kind: 'text', description: 'text', params: 'text', ...AUDIT },
    partition: { kind: 'column', scope: 'deployment', column: 'deployment_id' },
    direction: 'down',
    appendOnly: false,
    order: 20,
  },
  {
    name: 'checklist_templates',
    key: ['id'],
    columns: { id: 'text', deployment_id: 'text', name: 'text', ...AUDIT },
    partition: { kind: 'column', scope: 'deployment', column: 'deployment_id' },
    direction: 'down',
    appendOnly: false,
    order: 20,
  },
  {
    name: 'checklist_template_items',
    key: ['id'],
    columns: {
      id: 'text',
      template_id: 'text',
      phase: 'text',
      position: 'int',
      title: 'text',
      instructions: 'text',
      required: 'int',
      evidence: 'text',
      depends_on: 'text?',
      owner_prepares: 'int?',
    },
    partition: { kind: 'parent', column: 'template_id', parent: 'checklist_templates' },
    direction: 'down',
    appendOnly: false,
    order: 30,
  },
  {
    name: 'sites',
    key: ['id'],
    columns: {
      id: 'text',
      deployment_id: 'text',
      wave_id: 'text?',
      code: 'text',
      name: 'text',
      address: 'text',
      time_zone: 'text',
      owner_name: 'text',
      owner_email: 'text',
      owner_phone: 'text',
      window_start: 'text?',
      window_end: 'text?',
      technicians: 'text',
      status: 'text',
      ...AUDIT,
      notes: 'text?',
      language: 'text?',
    },
    partition: { kind: 'self', scope: 'site' },
    direction: 'both',
    appendOnly: false,
    technicianColumns: ['status', 'updated_at', 'updated_by'],
    sharedColumns: ['status'],
    order: 40,
  },
  {
    name: 'target_machines',
    key: ['id'],
    columns: {
      id: 'text',
      site_id: 'text',
      host_name: 'text',
      address: 'text',
      port: 'int',
      username: 'text',
      role: 'text',
      inventory_item_id: 'text?',
      ...AUDIT,
    },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'down',
    appendOnly: false,
    order: 60,
  },
  {
    name: 'inventory_items',
    key: ['id'],
    columns: {
      id: 'text',
      site_id: 'text',
      component_id: 'text?',
      manufacturer: 'text',
      model: 'text',
      expected_serial: 'text?',
      asset_tag: 'text?',
      room: 'text',
      rack: 'text',
      unit: 'text',
      found_serial: 'text?',
      state: 'text',
      is_surplus: 'int',
      received_at: 'text?',
      received_by: 'text?',
      note: 'text',
      ...AUDIT,
      expected_serial_key: 'text?',
      found_serial_key: 'text?',
    },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'both',
    appendOnly: false,
    technicianColumns: ['found_serial', 'found_serial_key', 'state', 'received_at', 'received_by', 'note', 'updated_at', 'updated_by'],
    technicianMayInsert: true,
    order: 50,
  },
  {
    name: 'inventory_item_photos',
    key: ['id'],
    columns: { id: 'text', item_id: 'text', sha256: 'text', linked_at: 'text', linked_by: 'text' },
    partition: { kind: 'parent', column: 'item_id', parent: 'inventory_items' },
    direction: 'up',
    appendOnly: true,
    // A photo of a surplus item: its bytes travel like an issue photo's.
    blobColumns: ['sha256'],
    order: 60,
  },
  {
    name: 'checklist_items',
    key: ['id'],
    columns: {
      id: 'text',
      site_id: 'text',
      template_item_id: 'text?',
      phase: 'text',
      position: 'int',
      title: 'text',
      instructions: 'text',
      required: 'int',
      evidence: 'text',
      depends_on: 'text?',
      state: 'text',
      note: 'text',
      state_by: 'text?',
      state_at: 'text?',
      ...AUDIT,
    },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'both',
    appendOnly: false,
    technicianColumns: ['state', 'note', 'state_by', 'state_at', 'updated_at', 'updated_by'],
    order: 50,
  },
  {
    name: 'checklist_phases',
    key: ['site_id', 'phase'],
    columns: { site_id: 'text', phase: 'text', completed_at: 'text', completed_by: 'text' },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'up',
    appendOnly: false,
    order: 60,
  },
  {
    name: 'check_runs',
    key: ['id'],
    columns: {
      id: 'text',
      site_id: 'text',
      target_id: 'text?',
      target_label: 'text',
      job_id: 'text',
      started_at: 'text',
      finished_at: 'text?',
      by: 'text',
      outcome: 'text',
      message: 'text',
      host_key_algorithm: 'text?',
      host_key_fingerprint: 'text?',
      expected_fingerprint: 'text?',
      facts: 'text?',
      results: 'text',
      pass_count: 'int',
      fail_count: 'int',
      error_count: 'int',
      skipped_count: 'int',
      duration_ms: 'int',
    },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'up',
    appendOnly: true,
    order: 70,
  },
  {
    name: 'checklist_item_evidence',
    key: ['id'],
    columns: { id: 'text', item_id: 'text', kind: 'text', ref_id: 'text', linked_at: 'text', linked_by: 'text' },
    partition: { kind: 'parent', column: 'item_id', parent: 'checklist_items' },
    direction: 'up',
    appendOnly: true,
    // A photo link's bytes travel like an issue photo's; a check-run link names a synced run.
    blobColumns: ['ref_id'],
    blobColumnWhen: { ref_id: { column: 'kind', equals: 'photo' } },
    order: 80,
  },
  {
    name: 'issues',
    key: ['id'],
    columns: {
      id: 'text',
      site_id: 'text',
      number: 'int',
      title: 'text',
      description: 'text',
      severity: 'text',
      category: 'text',
      status: 'text',
      blocks_sign_off: 'int',
      assignee: 'text?',
      escalation_level: 'int',
      ...AUDIT,
      impact: 'text?',
      impact_component_id: 'text?',
      impact_started_at: 'text?',
      impact_ended_at: 'text?',
      impact_users_affected: 'int?',
    },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'up',
    appendOnly: false,
    sharedColumns: ['status'],
    order: 70,
  },
  {
    name: 'issue_events',
    key: ['id'],
    columns: {
      id: 'text',
      issue_id: 'text',
      seq: 'int',
      kind: 'text',
      at: 'text',
      by: 'text',
      text: 'text',
      from_status: 'text?',
      to_status: 'text?',
      escalation_level: 'int?',
      assignee: 'text?',
    },
    partition: { kind: 'parent', column: 'issue_id', parent: 'issues' },
    direction: 'up',
    appendOnly: true,
    order: 80,
  },
  {
    name: 'issue_links',
    key: ['issue_id', 'kind', 'target_id'],
    columns: { issue_id: 'text', kind: 'text', target_id: 'text' },
    partition: { kind: 'parent', column: 'issue_id', parent: 'issues' },
    direction: 'up',
    appendOnly: true,
    order: 80,
  },
  {
    name: 'issue_attachments',
    key: ['event_id', 'sha256'],
    columns: { event_id: 'text', issue_id: 'text', sha256: 'text' },
    partition: { kind: 'parent', column: 'issue_id', parent: 'issues' },
    direction: 'up',
    appendOnly: true,
    blobColumns: ['sha256'],
    order: 90,
  },
  {
    name: 'site_rollbacks',
    key: ['id'],
    columns: {
      id: 'text',
      site_id: 'text',
      reason: 'text',
      issue_ids: 'text',
      previous_status: 'text',
      created_at: 'text',
      created_by: 'text',
    },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'up',
    appendOnly: true,
    order: 80,
  },
  {
    name: 'sign_off_sheets',
    key: ['id'],
    columns: {
      id: 'text',
      deployment_id: 'text',
      site_id: 'text?',
      kind: 'text',
      decision: 'text',
      signer_name: 'text',
      signer_role: 'text',
      signer_email: 'text?',
      signed_at: 'text',
      signer_time_zone: 'text',
      device_id: 'text',
      review_hash: 'text',
      content_hash: 'text',
      device_signature: 'text',
      public_key: 'text',
      key_fingerprint: 'text',
      signature_image_sha256: 'text',
      pdf_sha256: 'text?',
      sheet_json: 'text',
      ...AUDIT,
    },
    partition: { kind: 'site_or_deployment', siteColumn: 'site_id', deploymentColumn: 'deployment_id' },
    direction: 'up',
    appendOnly: false,
    blobColumns: ['signature_image_sha256', 'pdf_sha256'],
    order: 90,
  },
  {
    name: 'sign_off_pdfs',
    key: ['sheet_id'],
    columns: { sheet_id: 'text', sha256: 'text', created_at: 'text' },
    partition: { kind: 'parent', column: 'sheet_id', parent: 'sign_off_sheets' },
    direction: 'up',
    appendOnly: true,
    blobColumns: ['sha256'],
    order: 100,
  },
  {
    name: 'training_sessions',
    key: ['id'],
    columns: { id: 'text', site_id: 'text', topic: 'text', trainer: 'text', starts_at: 'text', duration_minutes: 'int', ...AUDIT },
    partition: { kind: 'column', scope: 'site', column: 'site_id' },
    direction: 'up',
    appendOnly: false,
    order: 70,
  },
  {
    name: 'training_attendees',
    key: ['id'],
    columns: {
      id: 'text',
      session_id: 'text',
      position: 'int',
      name: 'text',
      role: 'text',
      attendance: 'text',
      signature_sha256: 'text?',
      recorded_at: 'text',
      recorded_by: 'text',
    },
    partition: { kind: 'parent', column: 'session_id', parent: 'training_sessions' },
    direction: 'up',
    appendOnly: true,
    blobColumns: ['signature_sha256'],
    order: 80,
  },
  {
    name: 'training_materials',
    key: ['session_id', 'sha256'],
    columns: { session_id: 'text', sha256: 'text', name: 'text', added_at: 'text', added_by: 'text' },
    partition: { kind: 'parent', column: 'session_id', parent: 'training_sessions' },
    direction: 'up',
    appendOnly: true,
    blobColumns: ['sha256'],
    order: 80,
  },
  {
    name: 'deployment_reviews',
    key: ['id'],
    columns: { id: 'text', deployment_id: 'text', went_well: 'text', went_badly: 'text', action_items: 'text', ...AUDIT },
    partition: { kind: 'column', scope: 'deployment', column: 'deployment_id' },
    direction: 'down',
    appendOnly: false,
    order: 20,
  },
] as const satisfies readonly (Omit<SyncEntity, 'name' | 'partition'> & { name: string; partition: unknown })[];

export type SyncEntityName = (typeof ENTITIES)[number]['name'];

/** Every synced entity, parents before children. */
export const SYNC_ENTITIES: readonly SyncEntity[] = [...(ENTITIES as readonly SyncEntity[])].sort((a, b) => a.order - b.order);

const BY_NAME = new Map<string, SyncEntity>(SYNC_ENTITIES.map((entity) => [entity.name, entity]));

export function syncEntity(name: string): SyncEntity | undefined {
  return BY_NAME.get(name);
}

export function isSyncEntityName(name: unknown): name is SyncEntityName {
  return typeof name === 'string' && BY_NAME.has(name);
}

/** The wire id of a row: its key value, or a JSON array of the key values for a composite key. */
export function rowIdOf(entity: SyncEntity, row: Readonly<Record<string, unknown>>): string {
  if (entity.key.length === 1) return String(row[entity.key[0]!]);
  return JSON.stringify(entity.key.map((column) => row[column]));
}

/** The key columns and values of a wire row id (the reverse of `rowIdOf`). */
export function keyValuesOf(entity: SyncEntity, rowId: string): Record<string, unknown> | undefined {
  if (entity.key.length === 1) return { [entity.key[0]!]: rowId };
  let values: unknown;
  try {
    values = JSON.parse(rowId);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || values.length !== entity.key.length) return undefined;
  return Object.fromEntries(entity.key.map((column, index) => [column, values[index]]));
}
