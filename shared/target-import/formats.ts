import { z } from 'zod';

/** The sources a target import reads. `ansible-json` is what `ansible-inventory --list` prints. */
export const targetImportFormatSchema = z.enum(['ansible-ini', 'ansible-yaml', 'ansible-json', 'netbox', 'csv']);
export type TargetImportFormat = z.infer<typeof targetImportFormatSchema>;

export const TARGET_FORMAT_LABEL: Record<TargetImportFormat, string> = {
  'ansible-ini': 'Ansible inventory (INI)',
  'ansible-yaml': 'Ansible inventory (YAML)',
  'ansible-json': 'Ansible inventory (JSON, ansible-inventory --list)',
  netbox: 'NetBox device export (CSV)',
  csv: 'CSV (host_name, address, port, user, role, site)',
};

export type TextKind = 'ansible-ini' | 'ansible-yaml' | 'ansible-json' | 'table';

function firstMeaningfulLine(text: string): string {
  for (const raw of text.split(/\r?\n/, 200)) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#') && !line.startsWith(';')) return line;
  }
  return '';
}

/** The kind of file by its name, then by its first lines; a table is told NetBox or plain by its headers. */
export function detectTextKind(fileName: string, text: string): TextKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (ext === 'json') return 'ansible-json';
  if (ext === 'yml' || ext === 'yaml') return 'ansible-yaml';
  if (ext === 'csv' || ext === 'tsv') return 'table';
  const first = firstMeaningfulLine(text.replace(/^\uFEFF/, ''));
  if (first.startsWith('{')) return 'ansible-json';
  if (first.startsWith('[')) return 'ansible-ini';
  if (first === '---' || /^[^\s=,]+:\s*(#.*)?$/.test(first)) return 'ansible-yaml';
  if (first.includes(',') && !first.includes('=')) return 'table';
  return 'ansible-ini';
}
