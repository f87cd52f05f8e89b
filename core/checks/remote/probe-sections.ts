import type { ProbeResult } from '../../../shared/checks/facts';
import { digRecord, gossFiletype, parseInterfaceAnswer, parseMountAnswer } from './parse-goss-probes';

/** One section of the probe's output; `status` is set for sections produced by a command. */
export interface Section {
  name: string;
  body: string;
  values: Map<string, string>;
  status?: { rc: number; err: string };
}

const fromB64 = (value: string | undefined): string => (value && value !== '-' ? Buffer.from(value, 'base64').toString('utf8') : '');

/** Splits the output at `==OUTPOST:<nonce>:<name>==` lines; a `status` section belongs to the one before. */
export function parseSections(stdout: string, nonce: string): Section[] {
  const sections: Section[] = [];
  const marker = `==OUTPOST:${nonce}:`;
  let current: { name: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const body = current.lines.join('\n');
    const values = new Map<string, string>();
    for (const line of current.lines) {
      const eq = line.indexOf('=');
      if (eq > 0) values.set(line.slice(0, eq), line.slice(eq + 1));
    }
    if (current.name === 'status') {
      const owner = sections[sections.length - 1];
      if (owner) owner.status = { rc: Number(values.get('rc') ?? 1), err: fromB64(values.get('err')) };
    } else {
      sections.push({ name: current.name, body, values });
    }
  };
  for (const line of stdout.split('\n')) {
    if (line.startsWith(marker) && line.endsWith('==')) {
      flush();
      current = { name: line.slice(marker.length, -2), lines: [] };
    } else if (current) {
      current.lines.push(line);
    }
  }
  flush();
  for (const s of sections) s.body = s.body.replace(/\n+$/, '');
  return sections;
}

export function parseOsRelease(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values.set(match[1]!, match[2]!.replace(/^(["'])(.*)\1$/, '$2'));
  }
  return values;
}

/** One probe answer (key=value lines written by the script's outpost_probe_* functions). */
export function parseProbeAnswer(v: Map<string, string>): ProbeResult {
  const num = (key: string): number | null =>
    v.has(key) && v.get(key) !== '' && Number.isFinite(Number(v.get(key))) ? Number(v.get(key)) : null;
  switch (v.get('kind')) {
    case 'file': {
      if (v.has('refused'))
        return {
          kind: 'error',
          message: `Refused: the path leads to ${fromB64(v.get('refused'))}, which holds secrets`,
          needsPrivilege: false,
        };
      const exists = v.get('exists') === '1';
      const mode = v.get('mode');
      return {
        kind: 'file',
        exists,
        mode: exists && mode ? mode.padStart(4, '0') : null,
        owner: fromB64(v.get('owner')) || null,
        group: fromB64(v.get('group')) || null,
        sha256: v.get('sha256') || null,
        contents: v.has('contents') ? fromB64(v.get('contents')) : null,
        // Goss attributes, present in the answers of probes that collect them.
        ...(v.has('filetype')
          ? {
              filetype: gossFiletype(fromB64(v.get('filetype'))),
              size: num('size'),
              linkedTo: v.has('linked_to') ? fromB64(v.get('linked_to')) : null,
            }
          : {}),
        ...(v.has('md5') ? { md5: v.get('md5') || null, sha512: v.get('sha512') || null } : {}),
      };
    }
    case 'command': {
      const rc = num('rc');
      const timedOut = rc === 124 || rc === 137;
      return {
        kind: 'command',
        exitStatus: timedOut ? null : rc,
        stdout: fromB64(v.get('stdout')),
        stderr: fromB64(v.get('stderr')),
        timedOut,
        durationMs: num('ms') ?? 0,
      };
    }
    case 'http': {
      const status = num('status');
      const error = fromB64(v.get('error')).trim();
      return {
        kind: 'http',
        status: status && status > 0 ? status : null,
        body: fromB64(v.get('body')),
        error: error || (status ? null : 'No HTTP answer'),
        headers: v.has('headers') ? fromB64(v.get('headers')) : null,
      };
    }
    case 'addr': {
      const rc = num('rc');
      const error = fromB64(v.get('error')).trim();
      return {
        kind: 'addr',
        reachable: rc === 0,
        error: rc === 0 ? null : error || (rc === 124 ? 'Timed out' : `Not reachable (exit ${rc})`),
      };
    }
    case 'dns': {
      const addresses = fromB64(v.get('addresses')).split('\n').map(digRecord).filter(Boolean);
      const said = fromB64(v.get('error')).trim();
      return {
        kind: 'dns',
        addresses,
        error: addresses.length > 0 ? null : num('rc') === 124 ? 'Timed out' : said || 'The name did not resolve',
      };
    }
    case 'kernel_param':
      return { kind: 'kernel_param', value: v.get('missing') === '1' ? null : fromB64(v.get('value')).trim().replace(/\s+/g, ' ') };
    case 'user': {
      if (v.get('exists') !== '1') return { kind: 'user', exists: false, uid: null, groups: [], home: null, shell: null };
      const fields = fromB64(v.get('passwd')).split(':');
      return {
        kind: 'user',
        exists: true,
        uid: Number(fields[2]),
        gid: Number(fields[3]),
        groups: fromB64(v.get('groups')).trim().split(/\s+/).filter(Boolean),
        home: fields[5] ?? null,
        shell: fields[6]?.trim() || null,
      };
    }
    case 'group': {
      if (v.get('exists') !== '1') return { kind: 'group', exists: false, gid: null };
      return { kind: 'group', exists: true, gid: Number(fromB64(v.get('entry')).split(':')[2]) };
    }
    case 'mount':
      return parseMountAnswer(v, fromB64);
    case 'interface':
      return parseInterfaceAnswer(v, fromB64);
    default:
      return { kind: 'error', message: 'The target did not understand this request', needsPrivilege: false };
  }
}
