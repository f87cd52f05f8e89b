import ExcelJS from 'exceljs';
import { ReadFailure, tidyHeaders, type RawTable } from './read-table';

/** The first sheet of a workbook as text cells (what Excel shows). */
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
    for (let c = 1; c <= width; c += 1) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  });
  const [header, ...rest] = rows;
  return { format: 'xlsx', delimiter: null, headers: tidyHeaders(header ?? []), rows: rest };
}
