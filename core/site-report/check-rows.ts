import type { ReportProblem } from '../../shared/contract/site-report-methods';
import type { FileRow, SiteReportFile } from '../../shared/site-report/file-format';
import { rowIdOf, syncEntity, valueFitsColumn, type SyncEntity } from '../../shared/sync/entity-registry';
import { partitionOfRow } from '../../shared/sync/row-partition';
import { rowViolations } from '../../shared/sync/row-rules';
import type { WireRow } from '../../shared/sync/wire';
import { verifySheet } from '../signoff/verify-sheet';

const MAX_ROW_PROBLEMS = 5;

/** The partition a row belongs to (the registry's rule), following parents through the file's own rows. */
function partitionOf(
  entity: SyncEntity,
  data: FileRow['data'],
  byKey: Map<string, FileRow>,
  depth = 0,
): { partition: string } | { problem: string } {
  const placed = partitionOfRow(entity, data as WireRow);
  if (placed.ok === true) return { partition: placed.partition };
  if (placed.ok === false) return { problem: placed.rejection.reason };
  const parent = byKey.get(`${placed.parentEntity}|${placed.parentRowId}`);
  const parentEntity = syncEntity(placed.parentEntity);
  if (!parent || !parentEntity || depth > 4) return { problem: 'its parent row is not in the file' };
  return partitionOf(parentEntity, parent.data, byKey, depth + 1);
}

function rowProblem(
  row: FileRow,
  entity: SyncEntity | undefined,
  sitePartition: string,
  deploymentPartition: string,
  byKey: Map<string, FileRow>,
): string | null {
  if (!entity) return `unknown entity "${row.entity}"`;
  const columns = Object.keys(entity.columns);
  const extra = Object.keys(row.data).filter((c) => !(c in entity.columns));
  if (extra.length > 0) return `${row.entity} ${row.rowId}: unknown column ${extra.join(', ')}`;
  for (const column of columns) {
    if (!(column in row.data)) return `${row.entity} ${row.rowId}: column ${column} is missing`;
    if (!valueFitsColumn(entity.columns[column]!, row.data[column]))
      return `${row.entity} ${row.rowId}: column ${column} is not ${entity.columns[column]}`;
  }
  const violations = rowViolations(row.entity, row.data);
  if (violations.length > 0) return `${row.entity} ${row.rowId}: ${violations.join('; ')}`;
  if (rowIdOf(entity, row.data) !== row.rowId) return `${row.entity} ${row.rowId}: the row id does not match its key columns`;
  const placed = partitionOf(entity, row.data, byKey);
  if ('problem' in placed) return `${row.entity} ${row.rowId}: ${placed.problem}`;
  const { partition } = placed;
  if (partition !== sitePartition && partition !== deploymentPartition)
    return `${row.entity} ${row.rowId}: belongs to ${partition}, not to this site or its deployment`;
  return null;
}

/**
 * Every row against the sync registry and the row rules (shared/sync/row-rules.ts): a known entity,
 * exactly its columns with their types and CHECKs, a row
 * id matching the key, and a partition that is the manifest's site or deployment; no row twice;
 * the site row present and of the manifest's deployment; each sign-off sheet verifying on its own.
 */
export function checkRows(file: SiteReportFile): {
  problems: ReportProblem[];
  sheets: { id: string; kind: string; signerName: string; valid: boolean; reason: string | null }[];
} {
  const { manifest, rows } = file;
  const problems: ReportProblem[] = [];
  const byKey = new Map<string, FileRow>();
  const seen = new Set<string>();
  for (const row of rows) {
    const id = `${row.entity}|${row.rowId}`;
    if (seen.has(id)) problems.push({ code: 'row', message: `${row.entity} ${row.rowId} appears twice` });
    seen.add(id);
    byKey.set(id, row);
  }
  const sitePartition = `site:${manifest.site.id}`;
  const deploymentPartition = `deployment:${manifest.deployment.id}`;
  let rowProblems = 0;
  for (const row of rows) {
    const problem = rowProblem(row, syncEntity(row.entity), sitePartition, deploymentPartition, byKey);
    if (problem && rowProblems++ < MAX_ROW_PROBLEMS) problems.push({ code: 'row', message: `Row refused: ${problem}` });
  }
  if (rowProblems > MAX_ROW_PROBLEMS) problems.push({ code: 'row', message: `… and ${rowProblems - MAX_ROW_PROBLEMS} more rows refused` });
  const site = byKey.get(`sites|${manifest.site.id}`);
  if (!site) problems.push({ code: 'site', message: 'The file has no row for the site its manifest names' });
  else if (site.data.deployment_id !== manifest.deployment.id || site.data.code !== manifest.site.code)
    problems.push({ code: 'site', message: 'The site row does not match the manifest' });
  if (!byKey.has(`deployments|${manifest.deployment.id}`))
    problems.push({ code: 'site', message: 'The file has no row for the deployment its manifest names' });
  if (manifest.counts.rows !== rows.length || manifest.counts.attachments !== file.attachments.length)
    problems.push({ code: 'manifest', message: 'The manifest counts do not match the rows and attachments in the file' });
  const sheets = rows.filter((r) => r.entity === 'sign_off_sheets').map((r) => checkSheet(r, problems));
  return { problems, sheets };
}

function checkSheet(row: FileRow, problems: ReportProblem[]) {
  let json: unknown = null;
  try {
    json = JSON.parse(String(row.data.sheet_json));
  } catch {
    json = null;
  }
  const verdict = verifySheet(json);
  const reason = !verdict.valid
    ? verdict.reason
    : verdict.sheet.hash.value !== row.data.content_hash
      ? 'stored hash differs from the sheet'
      : null;
  if (reason) problems.push({ code: 'sign_off', message: `Sign-off sheet ${row.rowId} does not verify: ${reason}` });
  return {
    id: row.rowId,
    kind: String(row.data.kind),
    signerName: verdict.sheet?.content.signer.name ?? String(row.data.signer_name),
    valid: reason === null,
    reason,
  };
}
