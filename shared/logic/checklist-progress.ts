import type { ChecklistPhase, SiteStatus } from '../domain/enums';

/**
 * Whether a phase counts toward checklist progress ("x of n") and "required open": the rollback
 * phase ("only if rolled back") counts only for a site that is rolled back, so a site never rolled
 * back reaches 100% without marking those items not applicable.
 */
export function phaseCounts(phase: ChecklistPhase, siteStatus: SiteStatus): boolean {
  return phase !== 'rollback' || siteStatus === 'rolled_back';
}

/** The SQL form of `phaseCounts`: `item` names a checklist_items row, `siteStatus` the site's status column. */
export function phaseCountsSql(item: string, siteStatus: string): string {
  return `(${item}.phase <> 'rollback' OR ${siteStatus} = 'rolled_back')`;
}
