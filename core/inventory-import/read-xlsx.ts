import ExcelJS from 'exceljs';
import { ReadFailure, tidyHeaders, type RawTable } from './read-table';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What a cell says as text. A date cell holds a wall time without a zone (exceljs gives it as that
 * time in UTC): written as "2027-03-01 20:00" (or "2027-03-01" at midnight), never in the zone of
 * the machine that reads it.
 */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const [h, m, sec] = [value.getUTCHours(), value.getUTCMinutes(), value.getUTCSeconds()];
    if (h === 0 && m === 0 && sec === 0) return day;
    return `${day} ${pad(h)}:${pad(m)}${sec === 0 ? '' : `:${pad(sec)}`}`;
  }
  return cell.text ?? '';
}

/** The first sheet of a workbook as text cells (what Excel shows; dates as ISO wall time). */
export async function readXlsx(data: Buffer): Promise<RawTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReadFailure('unreadable', `This is not a readable XLSX workbook (${(error as Error).message.slice(0, 120)})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new ReadFailure('empty', 'The first sheet of the workbook is empty');
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(cellText(row.getCell(c)));
    rows.push(cells);
  });
  const [header, ...rest] = rows;
  return { format: 'xlsx', delimiter: null, headers: tidyHeaders(header ?? []), rows: rest };
}
