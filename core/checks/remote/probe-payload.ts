import { randomBytes } from 'node:crypto';
import type { ProbeResult } from '../../../shared/checks/facts';
import { PROBED_KINDS, requirementParamsSchemas } from '../../../shared/checks/requirement-kinds';
import type { ProbeRequest } from '../collector-types';

/**
 * Turns probe requests into data for the fixed probe script: each request is validated with its
 * zod schema, then becomes one line `<kind> <base64 id> <base64 field>...` inside a quoted heredoc.
 * Base64 has no quote, `$`, backtick or newline, so no value can end the heredoc or reach a parser.
 */
export interface ProbePayload {
  nonce: string;
  /** Shell text defining `outpost_payload`; prepend it to PROBE_SCRIPT. */
  text: string;
  /** Requests refused before sending, answered with an `error` result. */
  refused: Record<string, ProbeResult>;
}

const ID = /^[A-Za-z0-9._:-]{1,128}$/;

const b64 = (value: string | number | boolean): string => Buffer.from(String(value), 'utf8').toString('base64') || '-';

/** The request's params parsed by its zod schema (defaults applied). Throws a readable message when invalid. */
export function validatedProbeParams(request: ProbeRequest): Record<string, unknown> {
  if (!(PROBED_KINDS as readonly string[]).includes(request.kind))
    throw new Error(`"${String(request.kind).slice(0, 40)}" is not a kind the target answers`);
  const parsed = requirementParamsSchemas[request.kind].safeParse(request.params);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; '));
  const params = parsed.data as Record<string, unknown>;
  if (request.kind === 'kernel_param' && String(params.key).includes('..'))
    throw new Error('key: ".." is not allowed in a kernel parameter');
  return params;
}

export const PROBE_ID = ID;

/** The fields the script reads for one request, in its order. Throws a readable message when invalid. */
export function probeFields(request: ProbeRequest): string[] {
  const p = validatedProbeParams(request);
  const secs = (value: unknown): string => String(Math.max(1, Math.ceil(Number(value ?? 10))));
  switch (request.kind) {
    case 'file': {
      // Contents travel only when the requirement matches patterns against them; MD5/SHA-512 only when asked.
      const m = (p.matchers ?? {}) as Record<string, unknown>;
      const wantContents = (Array.isArray(p.contains) && p.contains.length > 0) || 'contents' in m;
      return [String(p.path), wantContents ? '1' : '0', 'md5' in m || 'sha512' in m ? '1' : '0'];
    }
    case 'command':
      return [String(p.command), secs(p.timeoutSeconds)];
    case 'http':
      // Request headers travel as lines, each passed to curl as one -H argument.
      return [
        String(p.url),
        p.allowInsecure ? '1' : '0',
        secs(p.timeoutSeconds),
        p.followRedirects ? '1' : '0',
        String(p.method ?? 'GET'),
        ((p.requestHeaders as string[] | undefined) ?? []).join('\n'),
      ];
    case 'addr':
      return [String(p.host).replace(/^\[|\]$/g, ''), String(p.port), String(p.protocol), secs(p.timeoutSeconds)];
    case 'dns':
      return [String(p.name), secs(p.timeoutSeconds), String(p.type ?? ''), ...dnsServer(p.server)];
    case 'mount':
      return [String(p.mountPoint)];
    case 'interface':
      return [String(p.name)];
    case 'kernel_param':
      return [String(p.key)];
    case 'user':
    case 'group':
      return [String(p.name)];
  }
}

/** Goss's `server` (`8.8.8.8`, `8.8.8.8:53`, `[::1]:53`, `ns.example.com`) as host and port for dig. */
export function dnsServer(server: unknown): [string, string] {
  if (typeof server !== 'string' || server === '') return ['', ''];
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d+))?$/.exec(server);
  if (bracketed) return [bracketed[1]!, bracketed[2] ?? ''];
  const hostPort = /^([^:]+):(\d+)$/.exec(server);
  return hostPort ? [hostPort[1]!, hostPort[2]!] : [server, ''];
}

export function buildProbePayload(probes: readonly ProbeRequest[]): ProbePayload {
  const nonce = randomBytes(12).toString('hex');
  const lines = [nonce];
  const refused: Record<string, ProbeResult> = {};
  for (const request of probes) {
    if (typeof request.id !== 'string' || !ID.test(request.id)) {
      refused[String(request.id)] = { kind: 'error', message: 'Invalid requirement id: not sent to the target', needsPrivilege: false };
      continue;
    }
    try {
      lines.push([request.kind, b64(request.id), ...probeFields(request).map(b64)].join(' '));
    } catch (error) {
      refused[request.id] = {
        kind: 'error',
        message: `Invalid parameters, not sent to the target: ${(error as Error).message}`,
        needsPrivilege: false,
      };
    }
  }
  // Copied out by the script's outpost_copy (the shell's own read and printf: a cat would cost the target a process).
  const text = `outpost_payload() {\noutpost_copy <<'OUTPOST_PAYLOAD_END'\n${lines.join('\n')}\nOUTPOST_PAYLOAD_END\n}\n`;
  return { nonce, text, refused };
}
