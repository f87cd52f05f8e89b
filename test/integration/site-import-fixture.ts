import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/contract';
import type { SiteImportPreview } from '../../shared/contract/site-import-methods';
import { previewSiteFile } from '../../launcher/commands/plan-import-sites';
import { openTestCore, type TestCore } from '../support/temp-core';

export const SITE_HEADERS = [
  'Store code',
  'Site',
  'Address',
  'TZ',
  'Wave',
  'Window start',
  'Window end',
  'Owner',
  'Owner e-mail',
  'Owner phone',
  'Technicians',
  'Notes',
];
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo', 'Australia/Adelaide'];

/** `count` store rows in a planning sheet's own words (aliases, site-time windows, waves by name or number). */
export function siteRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    return [
      `S${String(n).padStart(4, '0')}`,
      `Store ${n}`,
      `${n} Main Street`,
      ZONES[i % ZONES.length]!,
      i % 2 === 0 ? 'Pilot' : '2',
      `2027-${month}-${day} 20:00`,
      `2027-${month}-${day} 23:30`,
      `Owner ${n}`,
      `owner${n}@example.com`,
      `+31 20 555 ${String(n).padStart(4, '0')}`,
      `Tech ${n % 40}; Tech ${(n + 1) % 40}`,
      n % 3 === 0 ? 'Key at the front desk' : '',
    ];
  });
}

export function csvOf(rows: readonly (readonly string[])[], headers = SITE_HEADERS): Buffer {
  return Buffer.from(`${Papa.unparse({ fields: headers, data: rows as string[][] }, { newline: '\r\n' })}\r\n`, 'utf8');
}

export async function xlsxOf(rows: readonly (readonly string[])[], headers = SITE_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Stores');
  sheet.addRow(headers);
  sheet.addRows(rows as string[][]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A release manager's core with an empty deployment of two waves: "Pilot" (1) and "Wave 2" (2). */
export function openSiteImportCore(dataDir?: string): { core: TestCore; deploymentId: string } {
  const core = openTestCore(dataDir ? { dataDir } : {});
  core.call('profile.set', { name: 'Rita Release', role: 'release_manager' });
  const deploymentId = core.call('deployments.create', { name: 'Store refresh', version: '1' }).id;
  core.call('waves.create', { deploymentId, name: 'Pilot' });
  core.call('waves.create', { deploymentId, name: 'Wave 2' });
  return { core, deploymentId };
}

/** The typed caller the CLI uses, over a test core. */
export function testCaller(core: TestCore) {
  return <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => core.callAsync(method, input);
}

export function previewSites(core: TestCore, deploymentId: string, fileName: string, data: Buffer): Promise<SiteImportPreview> {
  return previewSiteFile(testCaller(core), { deploymentId, fileName }, data);
}
