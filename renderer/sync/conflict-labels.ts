import type { SyncConflict } from '../../shared/contract/sync-methods';

const ENTITY_LABELS: Record<string, string> = {
  deployments: 'Deployment',
  waves: 'Wave',
  components: 'Component',
  requirements: 'Requirement',
  checklist_templates: 'Checklist template',
  checklist_template_items: 'Checklist template item',
  sites: 'Site',
  target_machines: 'Target machine',
  inventory_items: 'Inventory item',
  checklist_items: 'Checklist item',
  checklist_phases: 'Checklist phase',
  check_runs: 'Check run',
  checklist_item_evidence: 'Checklist evidence',
  issues: 'Issue',
  issue_events: 'Issue event',
  issue_links: 'Issue link',
  issue_attachments: 'Issue attachment',
  site_rollbacks: 'Site rollback',
  sign_off_sheets: 'Sign-off sheet',
  sign_off_pdfs: 'Sign-off PDF',
};

/** "Checklist item" for `checklist_items`; unknown entities read as their name with spaces. */
export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity.replace(/_/g, ' ');
}

/** Columns that say who and when, not what: left out of the summary. */
const BOOKKEEPING = /^(id|site_id|deployment_id|created_by|updated_by|.*_at|.*_key)$/;

/** What the refused change wanted, in a line: "state: done · note: rack 2". */
export function changeSummary(conflict: Pick<SyncConflict, 'kind' | 'data'>, max = 3): string {
  if (conflict.kind === 'delete') return 'Removed';
  const parts = Object.entries(conflict.data)
    .filter(([column, value]) => !BOOKKEEPING.test(column) && value !== null && value !== '')
    .map(([column, value]) => `${column.replace(/_/g, ' ')}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const shown = parts.slice(0, max).map((p) => (p.length > 60 ? `${p.slice(0, 59)}…` : p));
  if (parts.length > max) shown.push(`+${parts.length - max} more`);
  return shown.join(' · ');
}
