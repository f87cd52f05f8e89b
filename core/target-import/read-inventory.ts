import { detectTextKind, type TargetImportFormat } from '../../shared/target-import/formats';
import type { SourceHost } from '../../shared/target-import/inventory';
import { InventoryError } from '../../shared/target-import/limits';
import { parseAnsibleIni } from '../../shared/target-import/parse-ini';
import { parseAnsibleJson } from '../../shared/target-import/parse-ansible-json';
import { parseAnsibleYaml } from '../../shared/target-import/parse-yaml';
import { autoTargetMapping, looksLikeNetbox, tableHosts, type TargetField } from '../../shared/target-import/table-fields';
import { TARGET_IMPORT_MAX_HOSTS } from '../../shared/target-import/limits';
import { DomainError } from '../services/domain-error';
import { checkSize, decodeText, isXlsx, readCsv, ReadFailure } from '../inventory-import/read-table';

export interface ReadInventory {
  format: TargetImportFormat;
  hosts: SourceHost[];
  table: { headers: string[]; rows: string[][]; mapping: TargetField[] } | null;
}

function refuse(message: string, code: 'validation' | 'payload_too_large' = 'validation'): DomainError {
  return new DomainError(code, `This file cannot be imported: ${message}`, [{ path: 'file', message }]);
}

/** The file's text (size, UTF-8 and binary checks of the inventory import). */
export function inventoryText(data: Buffer, fileName: string): string {
  try {
    checkSize(data.length);
    if (isXlsx(data, fileName)) throw new ReadFailure('binary', 'this is an Excel workbook; save the sheet as CSV (UTF-8) and import that');
    return decodeText(data);
  } catch (error) {
    if (error instanceof ReadFailure) throw refuse(error.message, error.code === 'too_large' ? 'payload_too_large' : 'validation');
    throw error;
  }
}

/** Reads an inventory in the given format (or the detected one); a table may be re-read with another mapping. */
export function readInventory(
  text: string,
  fileName: string,
  format: TargetImportFormat | undefined,
  mapping: TargetField[] | undefined,
): ReadInventory {
  try {
    const kind = format ?? detectTextKind(fileName, text);
    if (kind === 'ansible-ini') return { format: kind, hosts: parseAnsibleIni(text), table: null };
    if (kind === 'ansible-yaml') return { format: kind, hosts: parseAnsibleYaml(text), table: null };
    if (kind === 'ansible-json') return { format: kind, hosts: parseAnsibleJson(text), table: null };
    const raw = readCsv(Buffer.from(text, 'utf8'));
    if (raw.rows.length > TARGET_IMPORT_MAX_HOSTS) throw new InventoryError(`more than ${TARGET_IMPORT_MAX_HOSTS} rows; split the file`);
    const tableFormat = kind === 'table' ? (looksLikeNetbox(raw.headers) ? 'netbox' : 'csv') : kind;
    const width = raw.headers.length;
    const detected = autoTargetMapping(raw.headers);
    const chosen = Array.from({ length: width }, (_, i) => mapping?.[i] ?? detected[i] ?? 'ignore');
    return {
      format: tableFormat,
      hosts: tableHosts(raw.headers, raw.rows, chosen),
      table: { headers: raw.headers, rows: raw.rows, mapping: chosen },
    };
  } catch (error) {
    if (error instanceof InventoryError || error instanceof ReadFailure) throw refuse(error.message);
    // A hostile file nested past the call stack (YAML or JSON): refused like any unreadable one.
    if (error instanceof RangeError) throw refuse('it is nested too deeply to read');
    throw error;
  }
}
