import Papa from 'papaparse';
import type { ApiOutput, ApiParsedInput } from '../../shared/contract';
import { SITE_EXPORT_FIELDS, SITE_IMPORT_FIELD_LABEL } from '../../shared/site-import/fields';
import { displayValue } from '../../shared/site-import/validate-site-rows';
import { deployments } from '../db/schema';
import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../services/service-context';
import { loadDeploymentPlan } from './site-import-data';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A deployment's sites in the import's own layout (windows in site time): export → import changes nothing. */
export async function exportSites(
  ctx: ServiceContext,
  input: ApiParsedInput<'siteImport.export'>,
): Promise<ApiOutput<'siteImport.export'>> {
  const plan = loadDeploymentPlan(ctx, input.deploymentId);
  const name =
    ctx.db.select({ name: deployments.name }).from(deployments).where(eq(deployments.id, input.deploymentId)).get()?.name ?? 'deployment';
  // A wave whose name another wave shares is written by number, which the import reads back.
  const names = plan.waves.map((w) => w.name.trim().toLowerCase());
  const waves = plan.waves.map((w) =>
    names.filter((n) => n === w.name.trim().toLowerCase()).length > 1 ? { ...w, name: String(w.sequence) } : w,
  );
  const headers = SITE_EXPORT_FIELDS.map((f) => SITE_IMPORT_FIELD_LABEL[f]);
  const rows = plan.sites.map((s) => SITE_EXPORT_FIELDS.map((f) => displayValue(f, s, s.timeZone, waves)));
  const base = `${name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'deployment'}-sites`;
  if (input.format === 'csv') {
    const csv = `${Papa.unparse({ fields: headers, data: rows }, { newline: '\r\n' })}\r\n`;
    return {
      fileName: `${base}.csv`,
      mediaType: 'text/csv',
      dataBase64: Buffer.from(csv, 'utf8').toString('base64'),
      siteCount: rows.length,
    };
  }
  // exceljs loads on the first workbook written, not when Outpost starts (it is megabytes of script).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sites');
  sheet.addRow(headers).font = { bold: true };
  sheet.addRows(rows);
  sheet.columns.forEach((c) => (c.width = 22));
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mediaType: XLSX_TYPE, dataBase64: data.toString('base64'), siteCount: rows.length };
}
