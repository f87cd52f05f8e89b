import { checkOutcomeSchema } from '../domain/check-run';
import {
  checklistItemStateSchema,
  checklistPhaseSchema,
  componentKindSchema,
  componentScopeSchema,
  deploymentStatusSchema,
  inventoryStateSchema,
  siteStatusSchema,
} from '../domain/enums';
import { issueCategorySchema, issueEventKindSchema, issueSeveritySchema, issueStatusSchema, serviceImpactSchema } from '../domain/issue';
import { impactTimesHold } from '../logic/downtime';
import { checkItemPhoto } from '../logic/inventory-rules';
import { SITE_NOTES_MAX_LENGTH } from '../domain/site';
import { SITE_LANGUAGES } from '../i18n/languages';
import { signOffDecisionSchema, signOffKindSchema } from '../domain/signoff';
import { trainingAttendanceSchema } from '../domain/training';
import { SYNC_ENTITIES, syncEntity, valueFitsColumn, type SyncColumnType, type SyncEntity, type SyncEntityName } from './entity-registry';

/**
 * Every constraint the desktop's SQLite holds on a synced row, declared once (issue #10): the
 * server refuses a pushed operation that breaks one, the desktop quarantines a pulled row that
 * breaks one, and `row-rules.sqlite.test.ts` proves each rule is refused by a real SQLite database
 * opened with the migrations. NOT NULL and column types come from the entity registry; the CHECKs,
 * the multi-column rules and immutability (the BEFORE UPDATE/DELETE triggers) are declared here.
 */

export type RowRule =
  /** The column holds one of `values` (null allowed only where the registry says `?`). */
  | { kind: 'enum'; column: string; values: readonly (string | number)[] }
  /** A whole number within [min, max]. */
  | { kind: 'range'; column: string; min?: number; max?: number }
  /** A rule over several columns; `holds` says whether the row keeps it. */
  | { kind: 'row'; name: string; columns: readonly string[]; holds: (row: Readonly<Record<string, unknown>>) => boolean; reason: string };

/**
 * When a stored row may no longer change: `always` (every write is refused) or `when_set` (once the
 * named column is not null, e.g. a finished check run). Absent: the row may change.
 */
export type Freeze = { when: 'always' } | { when: 'when_set'; column: string };

export interface EntityRules {
  rules: readonly RowRule[];
  /** UPDATE refused (the desktop's BEFORE UPDATE trigger). */
  noUpdate?: Freeze;
  /** DELETE refused (the desktop's BEFORE DELETE trigger). */
  noDelete?: Freeze;
  /** UNIQUE constraints besides the key: no two live rows of the table share these values. */
  unique?: readonly (readonly string[])[];
  /**
   * A rule on the row this one belongs to (its partition parent), for an insert: why the parent
   * cannot take it, or undefined. The core's service checks the same shared rule before writing;
   * not a SQLite constraint.
   */
  parent?: (parent: Readonly<Record<string, unknown>>) => string | undefined;
}

const ALWAYS: Freeze = { when: 'always' };
const enumOf = (column: string, values: readonly (string | number)[]): RowRule => ({ kind: 'enum', column, values });
const FLAG = (column: string): RowRule => enumOf(column, [0, 1]);

/**
 * A column added after older desktops shipped (migration 24), declared optional on the wire. Never
 * null, which the desktop's NOT NULL column could not store. The server reads an insert without the
 * column as null, so a desktop before schema 24 has its site and template item inserts refused with
 * this rule's reason; its updates, which carry only the columns they change, are accepted.
 */
function absentOr(value: unknown, holds: (value: unknown) => boolean): boolean {
  return value === undefined || holds(value);
}

function isJsonArray(value: unknown): boolean {
  if (typeof value !== 'string') return true; // the column type is checked on its own
  try {
    return Array.isArray(JSON.parse(value));
  } catch {
    return false;
  }
}

/** The issue statuses (issues.status, issue_events.from_status / to_status). */
const ISSUE_STATUSES = issueStatusSchema.options;

export const ENTITY_RULES: Readonly<Record<SyncEntityName, EntityRules>> = {
  deployments: { rules: [enumOf('status', deploymentStatusSchema.options)] },
  waves: { rules: [] },
  wave_decisions: { rules: [enumOf('decision', ['go', 'no_go'])], noUpdate: ALWAYS },
  components: { rules: [enumOf('kind', componentKindSchema.options), enumOf('scope', componentScopeSchema.options)] },
  requirements: { rules: [] },
  checklist_templates: { rules: [] },
  checklist_template_items: {
    rules: [
      enumOf('phase', checklistPhaseSchema.options),
      enumOf('evidence', ['none', 'note', 'photo', 'check_run']),
      {
        kind: 'row',
        name: 'owner_prepares_flag',
        columns: ['owner_prepares'],
        holds: (row) => absentOr(row['owner_prepares'], (v) => v === 0 || v === 1),
        reason: 'owner_prepares must be 0 or 1',
      },
    ],
  },
  sites: {
    rules: [
      enumOf('status', siteStatusSchema.options),
      {
        kind: 'row',
        name: 'notes_length',
        columns: ['notes'],
        // Code points, as SQLite's length() counts them in the CHECK of migration 24.
        holds: (row) => absentOr(row['notes'], (v) => typeof v === 'string' && [...v].length <= SITE_NOTES_MAX_LENGTH),
        reason: `notes must be text of at most ${SITE_NOTES_MAX_LENGTH} characters (a desktop before schema 24 sends none: update it)`,
      },
      // The site owner's language (migration 27); null = from the site's country.
      enumOf('language', SITE_LANGUAGES),
    ],
    unique: [['deployment_id', 'code']],
  },
  target_machines: { rules: [{ kind: 'range', column: 'port', min: 1, max: 65535 }] },
  inventory_items: { rules: [enumOf('state', inventoryStateSchema.options)] },
  inventory_item_photos: {
    rules: [],
    noUpdate: ALWAYS,
    noDelete: ALWAYS,
    unique: [['item_id', 'sha256']],
    parent: (item) => {
      const verdict = checkItemPhoto({
        isSurplus: item.is_surplus === 1,
        foundSerial: typeof item.found_serial === 'string' ? item.found_serial : null,
      });
      return verdict.allowed ? undefined : verdict.reason;
    },
  },
  checklist_items: {
    rules: [
      enumOf('phase', checklistPhaseSchema.options),
      enumOf('evidence', ['none', 'note', 'photo', 'check_run']),
      enumOf('state', checklistItemStateSchema.options),
    ],
  },
  checklist_phases: { rules: [enumOf('phase', checklistPhaseSchema.options)] },
  check_runs: {
    rules: [enumOf('outcome', checkOutcomeSchema.options)],
    noUpdate: { when: 'when_set', column: 'finished_at' },
    noDelete: { when: 'when_set', column: 'finished_at' },
  },
  checklist_item_evidence: {
    rules: [enumOf('kind', ['check_run', 'photo'])],
    noUpdate: ALWAYS,
    noDelete: ALWAYS,
    unique: [['item_id', 'kind', 'ref_id']],
  },
  issues: {
    unique: [['site_id', 'number']],
    rules: [
      enumOf('severity', issueSeveritySchema.options),
      enumOf('category', issueCategorySchema.options),
      enumOf('status', ISSUE_STATUSES),
      FLAG('blocks_sign_off'),
      { kind: 'range', column: 'escalation_level', min: 0 },
      enumOf('impact', serviceImpactSchema.options),
      { kind: 'range', column: 'impact_users_affected', min: 0 },
      {
        kind: 'row',
        name: 'impact_times',
        columns: ['impact', 'impact_started_at', 'impact_ended_at'],
        holds: (row) => impactTimesHold(row.impact, row.impact_started_at, row.impact_ended_at),
        reason: 'an outage or degradation needs a start, and an end needs a start before it',
      },
    ],
  },
  issue_events: {
    rules: [enumOf('kind', issueEventKindSchema.options), enumOf('from_status', ISSUE_STATUSES), enumOf('to_status', ISSUE_STATUSES)],
    unique: [['issue_id', 'seq']],
    noUpdate: ALWAYS,
    noDelete: ALWAYS,
  },
  issue_links: { rules: [enumOf('kind', ['inventory_item', 'target_machine', 'checklist_item', 'check_run'])] },
  issue_attachments: { rules: [], noUpdate: ALWAYS, noDelete: ALWAYS },
  site_rollbacks: { rules: [] },
  sign_off_sheets: {
    rules: [
      enumOf('kind', signOffKindSchema.options),
      enumOf('decision', signOffDecisionSchema.options),
      {
        kind: 'row',
        name: 'milestone_has_no_site',
        columns: ['kind', 'site_id'],
        holds: (row) => (row.kind === 'deployment_milestone') === (row.site_id === null || row.site_id === undefined),
        reason: 'site_id must be empty exactly when kind is deployment_milestone',
      },
    ],
    noUpdate: ALWAYS,
    noDelete: ALWAYS,
  },
  sign_off_pdfs: { rules: [], noUpdate: ALWAYS, noDelete: ALWAYS },
  training_sessions: { rules: [{ kind: 'range', column: 'duration_minutes', min: 1, max: 1440 }] },
  training_attendees: {
    rules: [
      enumOf('attendance', trainingAttendanceSchema.options),
      { kind: 'range', column: 'position', min: 1 },
      {
        kind: 'row',
        name: 'signed_has_signature',
        columns: ['attendance', 'signature_sha256'],
        holds: (row) => (row.attendance === 'signed') === (row.signature_sha256 !== null && row.signature_sha256 !== undefined),
        reason: 'signature_sha256 must be set exactly when attendance is signed',
      },
    ],
    unique: [['session_id', 'position']],
    noUpdate: ALWAYS,
    noDelete: ALWAYS,
  },
  training_materials: { rules: [], noUpdate: ALWAYS, noDelete: ALWAYS },
  deployment_reviews: {
    rules: [
      {
        kind: 'row',
        name: 'action_items_json_array',
        columns: ['action_items'],
        holds: (row) => isJsonArray(row.action_items),
        reason: 'action_items must be a JSON array',
      },
    ],
  },
};

export function entityRules(entity: string): EntityRules | undefined {
  return (ENTITY_RULES as Record<string, EntityRules>)[entity];
}

/** Why `parent` cannot take an inserted row of `entity` (EntityRules.parent), or undefined. */
export function parentRuleViolation(entity: string, parent: Readonly<Record<string, unknown>>): string | undefined {
  return entityRules(entity)?.parent?.(parent);
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Why one declared rule is broken by `row`, or undefined when it holds (null passes enum and range: NOT NULL is the type's job). */
export function ruleViolation(entity: string, rule: RowRule, row: Readonly<Record<string, unknown>>): string | undefined {
  if (rule.kind === 'row') return rule.holds(row) ? undefined : `${entity}: ${rule.reason}`;
  const value = row[rule.column];
  if (value === null || value === undefined) return undefined;
  if (rule.kind === 'enum') {
    if (rule.values.includes(value as string | number)) return undefined;
    return `${entity}.${rule.column} must be one of ${rule.values.join(', ')} (got ${describe(value)})`;
  }
  if (typeof value !== 'number' || !Number.isInteger(value))
    return `${entity}.${rule.column} must be a whole number (got ${describe(value)})`;
  if (rule.min !== undefined && value < rule.min) return `${entity}.${rule.column} must be at least ${rule.min} (got ${value})`;
  if (rule.max !== undefined && value > rule.max) return `${entity}.${rule.column} must be at most ${rule.max} (got ${value})`;
  return undefined;
}

// Each pushed and pulled row is checked against every column: the entries are listed once per entity.
const COLUMN_ENTRIES = new WeakMap<SyncEntity, [string, SyncColumnType][]>();
function columnEntries(entity: SyncEntity): [string, SyncColumnType][] {
  let entries = COLUMN_ENTRIES.get(entity);
  if (!entries) COLUMN_ENTRIES.set(entity, (entries = Object.entries(entity.columns)));
  return entries;
}

/**
 * Every reason the complete row `row` of `entity` could not be stored by a desktop: unknown entity,
 * a missing or mistyped column (NOT NULL, TEXT/INTEGER), a broken CHECK. Empty when it can be stored.
 * Uniqueness against other rows and immutability need the stored state and are checked where it is.
 */
export function rowViolations(entity: string, row: Readonly<Record<string, unknown>>): string[] {
  const declared = syncEntity(entity);
  const rules = entityRules(entity);
  if (!declared || !rules) return [`"${entity}" is not a synced entity`];
  const problems: string[] = [];
  for (const [column, type] of columnEntries(declared)) {
    const value = row[column] ?? null;
    if (valueFitsColumn(type, value)) continue;
    if (value === null) problems.push(`${entity}.${column} may not be empty (NOT NULL)`);
    else problems.push(`${entity}.${column} must be ${type.startsWith('int') ? 'a whole number' : 'text'} (got ${describe(value)})`);
  }
  for (const rule of rules.rules) {
    const problem = ruleViolation(entity, rule, row);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Whether a stored row is frozen against `freeze` (undefined: never frozen). */
export function isFrozen(freeze: Freeze | undefined, stored: Readonly<Record<string, unknown>> | null): boolean {
  if (!freeze) return false;
  if (freeze.when === 'always') return true;
  return stored !== null && stored[freeze.column] !== null && stored[freeze.column] !== undefined;
}

/**
 * Why an update or delete of the stored row is refused by the desktop's immutability triggers, or
 * undefined when it is allowed. `stored` is the live row (null: none; nothing to protect).
 */
export function immutabilityViolation(
  entity: string,
  kind: 'update' | 'delete',
  stored: Readonly<Record<string, unknown>> | null,
): string | undefined {
  const rules = entityRules(entity);
  if (!rules || stored === null) return undefined;
  const freeze = kind === 'update' ? rules.noUpdate : rules.noDelete;
  if (!isFrozen(freeze, stored)) return undefined;
  const verb = kind === 'update' ? 'changed' : 'deleted';
  if (freeze!.when === 'when_set') return `${entity} rows cannot be ${verb} once ${freeze!.column} is set`;
  return `${entity} rows are immutable: they cannot be ${verb}`;
}

/** Every (entity, rule) pair, for tests that derive one breaking row per rule. */
export function allDeclaredRules(): { entity: SyncEntityName; rule: RowRule }[] {
  return SYNC_ENTITIES.flatMap((entity) => entityRules(entity.name)!.rules.map((rule) => ({ entity: entity.name, rule })));
}
