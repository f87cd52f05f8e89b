import { syncEntity, type SyncEntityName } from '../../shared/sync/entity-registry';
import { entityRules, type RowRule } from '../../shared/sync/row-rules';
import type { WireRow } from '../../shared/sync/wire';

/**
 * A complete row of `entity` that keeps every declared rule (first enum value, lowest allowed
 * number, text 'x', null where allowed), with `overrides` on top. Tests derive rule-breaking rows
 * from it by changing one column.
 */
export function validRow(entity: SyncEntityName, overrides: WireRow = {}): WireRow {
  const declared = syncEntity(entity)!;
  const row: WireRow = {};
  for (const [column, type] of Object.entries(declared.columns)) {
    row[column] = type.endsWith('?') ? null : type.startsWith('int') ? 0 : 'x';
  }
  for (const rule of entityRules(entity)!.rules) {
    if (rule.kind === 'enum' && row[rule.column] !== null) row[rule.column] = rule.values[0]!;
    if (rule.kind === 'range') row[rule.column] = rule.min ?? 0;
  }
  if (entity === 'sign_off_sheets') {
    row.kind = 'site_complete';
    row.site_id = 'x';
  }
  if (entity === 'deployment_reviews') row.action_items = '[]';
  // Optional on the wire, never null (migration 24, `absentOr` in shared/sync/row-rules.ts).
  if (entity === 'sites') row.notes = '';
  if (entity === 'checklist_template_items') row.owner_prepares = 0;
  return { ...row, ...overrides };
}

/**
 * Values that break `rule` for `entity` (each must be refused), given a valid row to start from:
 * a value outside the enum, one past each end of the range, the row rule's other side.
 */
export function breakingRows(entity: SyncEntityName, rule: RowRule, base: WireRow): { what: string; row: WireRow }[] {
  if (rule.kind === 'enum') {
    const numeric = typeof rule.values[0] === 'number';
    const bad = numeric ? [2, -1] : ['bogus', String(rule.values[0]).toUpperCase()];
    return bad.map((value) => ({ what: `${rule.column} = ${JSON.stringify(value)}`, row: { ...base, [rule.column]: value } }));
  }
  if (rule.kind === 'range') {
    const out: { what: string; row: WireRow }[] = [];
    if (rule.min !== undefined) out.push({ what: `${rule.column} = ${rule.min - 1}`, row: { ...base, [rule.column]: rule.min - 1 } });
    if (rule.max !== undefined) out.push({ what: `${rule.column} = ${rule.max + 1}`, row: { ...base, [rule.column]: rule.max + 1 } });
    return out;
  }
  if (entity === 'sign_off_sheets' && rule.name === 'milestone_has_no_site') {
    return [
      { what: 'site sheet without site_id', row: { ...base, kind: 'site_complete', site_id: null } },
      { what: 'milestone with a site_id', row: { ...base, kind: 'deployment_milestone' } },
    ];
  }
  if (entity === 'training_attendees' && rule.name === 'signed_has_signature') {
    return [
      { what: 'signed without a signature', row: { ...base, attendance: 'signed', signature_sha256: null } },
      { what: 'absent with a signature', row: { ...base, attendance: 'absent', signature_sha256: 'x' } },
    ];
  }
  if (entity === 'issues' && rule.name === 'impact_times') {
    return [
      { what: 'an outage without a start', row: { ...base, impact: 'outage', impact_started_at: null } },
      { what: 'an end without a start', row: { ...base, impact_ended_at: '2026-03-29T01:30:00.000Z' } },
      {
        what: 'an end before the start',
        row: { ...base, impact: 'outage', impact_started_at: '2026-03-29T01:30:00.000Z', impact_ended_at: '2026-03-28T22:30:00.000Z' },
      },
    ];
  }
  if (entity === 'sites' && rule.name === 'notes_length') {
    return [{ what: 'notes of 4,001 characters', row: { ...base, notes: 'n'.repeat(4001) } }];
  }
  if (entity === 'checklist_template_items' && rule.name === 'owner_prepares_flag') {
    return [{ what: 'owner_prepares = 2', row: { ...base, owner_prepares: 2 } }];
  }
  if (entity === 'deployment_reviews' && rule.name === 'action_items_json_array') {
    return [
      { what: 'action_items not JSON', row: { ...base, action_items: 'not json' } },
      { what: 'action_items an object', row: { ...base, action_items: '{}' } },
    ];
  }
  // Any other rule over columns: the first plain value of one of its columns that breaks it.
  for (const column of rule.columns) {
    for (const value of ['bogus', null, '', -1, '[', '{}']) {
      const row = { ...base, [column]: value };
      if (!rule.holds(row)) return [{ what: `${column} = ${JSON.stringify(value)} (${rule.name})`, row }];
    }
  }
  throw new Error(`No breaking row derived for ${entity} rule ${rule.name}: add one here`);
}
