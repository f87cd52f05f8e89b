import type { SyncConflict } from '../../shared/contract/sync-methods';
import { appText } from '../i18n/app-text';

const ENTITY_LABELS: Record<string, string> = {
  get deployments() {
    return appText('sync.conflictLabels.deployment');
  },
  get waves() {
    return appText('sync.conflictLabels.wave');
  },
  get components() {
    return appText('sync.conflictLabels.component');
  },
  get requirements() {
    return appText('sync.conflictLabels.requirement');
  },
  get checklist_templates() {
    return appText('sync.conflictLabels.checklistTemplate');
  },
  get checklist_template_items() {
    return appText('sync.conflictLabels.checklistTemplateItem');
  },
  get sites() {
    return appText('sync.conflictLabels.site');
  },
  get target_machines() {
    return appText('sync.conflictLabels.targetMachine');
  },
  get inventory_items() {
    return appText('sync.conflictLabels.inventoryItem');
  },
  get checklist_items() {
    return appText('sync.conflictLabels.checklistItem');
  },
  get checklist_phases() {
    return appText('sync.conflictLabels.checklistPhase');
  },
  get check_runs() {
    return appText('sync.conflictLabels.checkRun');
  },
  get checklist_item_evidence() {
    return appText('sync.conflictLabels.checklistEvidence');
  },
  get issues() {
    return appText('sync.conflictLabels.issue');
  },
  get issue_events() {
    return appText('sync.conflictLabels.issueEvent');
  },
  get issue_links() {
    return appText('sync.conflictLabels.issueLink');
  },
  get issue_attachments() {
    return appText('sync.conflictLabels.issueAttachment');
  },
  get site_rollbacks() {
    return appText('sync.conflictLabels.siteRollback');
  },
  get sign_off_sheets() {
    return appText('sync.conflictLabels.signOffSheet');
  },
  get sign_off_pdfs() {
    return appText('sync.conflictLabels.signOffPdf');
  },
};

/** "Checklist item" for `checklist_items`; unknown entities read as their name with spaces. */
export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity.replace(/_/g, ' ');
}

/** Columns that say who and when, not what: left out of the summary. */
const BOOKKEEPING = /^(id|site_id|deployment_id|created_by|updated_by|.*_at|.*_key)$/;

/** What the refused change wanted, in a line: "state: done · note: rack 2". */
export function changeSummary(conflict: Pick<SyncConflict, 'kind' | 'data'>, max = 3): string {
  if (conflict.kind === 'delete') return appText('sync.conflictLabels.removed');
  const parts = Object.entries(conflict.data)
    .filter(([column, value]) => !BOOKKEEPING.test(column) && value !== null && value !== '')
    .map(([column, value]) => `${column.replace(/_/g, ' ')}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const shown = parts.slice(0, max).map((p) => (p.length > 60 ? `${p.slice(0, 59)}…` : p));
  if (parts.length > max) shown.push(appText('sync.conflictLabels.more', { more: parts.length - max }));
  return shown.join(' · ');
}
