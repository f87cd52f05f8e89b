import { z } from 'zod';
import { normalizeHeader } from '../inventory-import/header-aliases';
import type { SourceHost, VarValue } from './inventory';
import { isSecretName } from './secrets';

/** What a column of a NetBox export or a plain CSV can mean for a target machine. */
export const targetFieldSchema = z.enum(['hostName', 'address', 'port', 'username', 'role', 'site', 'ignore']);
export type TargetField = z.infer<typeof targetFieldSchema>;

export const TARGET_FIELD_LABEL: Record<TargetField, string> = {
  hostName: 'Host name',
  address: 'Address (IP or DNS name)',
  port: 'SSH port',
  username: 'User',
  role: 'Role',
  site: 'Site (code or name)',
  ignore: 'Ignore',
};

/**
 * Header names (normalized) per field, the preferred first: NetBox's device list export labels
 * (Name, Role / Device Role, Site, IP Address, IPv4 Address, Primary IPv4), its import headers,
 * and the plain layout (host_name, address, port, user, role, site).
 */
const ALIASES: Record<Exclude<TargetField, 'ignore'>, readonly string[]> = {
  hostName: ['host_name', 'hostname', 'host name', 'host', 'name', 'device', 'device name', 'inventory_hostname'],
  address: [
    'address',
    'ansible_host',
    'ip',
    'ip address',
    'ip_address',
    'ipv4 address',
    'primary ipv4',
    'primary_ip4',
    'primary ip',
    'primary_ip',
    'ipv6 address',
    'primary ipv6',
    'primary_ip6',
    'oob ip',
    'fqdn',
    'dns name',
  ],
  port: ['port', 'ssh port', 'ssh_port', 'ansible_port'],
  username: ['user', 'username', 'user name', 'ssh user', 'ssh_user', 'ansible_user', 'login'],
  role: ['role', 'device role', 'device_role', 'group', 'target role'],
  site: ['site', 'site code', 'site_code', 'site name', 'store'],
};

/** Columns only NetBox's device export has. */
const NETBOX_SIGNATURE = new Set([
  'status',
  'tenant',
  'location',
  'rack',
  'manufacturer',
  'type',
  'device role',
  'ip address',
  'ipv4 address',
  'primary ipv4',
  'platform',
  'device type',
  'serial number',
  'asset tag',
  'position',
  'primary_ip4',
  'device_role',
]);

export function looksLikeNetbox(headers: readonly string[]): boolean {
  return headers.filter((h) => NETBOX_SIGNATURE.has(normalizeHeader(h))).length >= 2;
}

/** One field per column: for each field the column with the most preferred alias. */
export function autoTargetMapping(headers: readonly string[]): TargetField[] {
  const normalized = headers.map(normalizeHeader);
  const mapping: TargetField[] = headers.map(() => 'ignore');
  for (const [field, aliases] of Object.entries(ALIASES) as [Exclude<TargetField, 'ignore'>, readonly string[]][]) {
    for (const alias of aliases) {
      const i = normalized.indexOf(alias);
      if (i >= 0 && mapping[i] === 'ignore') {
        mapping[i] = field;
        break;
      }
    }
  }
  return mapping;
}

/** NetBox writes an interface address with its prefix (`10.0.0.5/24`); the host is the address alone. */
export function stripPrefix(value: string): string {
  return value.trim().replace(/\/\d{1,3}$/, '');
}

/** Table rows as hosts; a secret column (password, …) is named as skipped on every row that fills it. */
export function tableHosts(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: readonly TargetField[],
): SourceHost[] {
  const col = (f: TargetField) => mapping.indexOf(f);
  const [name, address, port, user, role, site] = (['hostName', 'address', 'port', 'username', 'role', 'site'] as const).map(col);
  const secretColumns = headers.map((h, i) => (isSecretName(normalizeHeader(h).replace(/ /g, '_')) ? i : -1)).filter((i) => i >= 0);
  const cell = (row: readonly string[], i: number | undefined) => (i === undefined || i < 0 ? '' : (row[i] ?? '').trim());
  return rows.map((row, r) => {
    const vars = new Map<string, VarValue>();
    const a = stripPrefix(cell(row, address));
    if (a) vars.set('ansible_host', a);
    if (cell(row, port)) vars.set('ansible_port', cell(row, port));
    if (cell(row, user)) vars.set('ansible_user', cell(row, user));
    if (cell(row, role)) vars.set('outpost_role', cell(row, role));
    const hostName = cell(row, name);
    return {
      name: hostName,
      line: r + 1,
      vars,
      groups: [],
      skipped: secretColumns
        .filter((i) => cell(row, i) !== '')
        .map((i) => ({ host: hostName || `row ${r + 1}`, variable: headers[i]!, from: 'column' })),
      siteColumn: cell(row, site),
      errors: hostName === '' ? ['no host name'] : [],
    };
  });
}
