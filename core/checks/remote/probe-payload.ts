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
  if (!(PROBED_KINDS as readonly string[]).includes(request.kind)) throw new Error(`"${String(request.kind).slice(0, 40)}" is not a kind the target answers`);
  const parsed = requirementParamsSchemas[request.kind].safeParse(request.params);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`).join('; '));
  const params = parsed.data as Record<string, unknown>;
  if (request.kind === 'kernel_param' && String(params.key).includes('..')) throw new Error('key: ".." is not allowed in a kernel parameter');
  return params;
}

export const PROBE_ID = ID;

/** The fields the script reads for one request, in its order. Throws a readable message when invalid. */
export function probeFields(request: ProbeRequest): string[] {
  const p = validatedProbeParams(request);
  const secs = (value: unknown): string => String(Math.max(1, Math.ceil(Number(value ?? 10))));
  switch (request.kind) {
    case 'file':
      // Contents travel only when the requirement matches patterns against them.
      return [String(p.path), Array.isArray(p.contains) && p.contains.length > 0 ? '1' : '0'];
    case 'command':
      return [String(p.command), secs(p.timeoutSeconds)];
    case 'http':
      return [String(p.url), p.allowInsecure ? '1' : '0', secs(p.timeoutSeconds)];
    case 'addr':
      return [String(p.host).replace(/^\[|\]$/g, ''), String(p.port), String(p.protocol), secs(p.timeoutSeconds)];
    case 'dns':
      return [String(p.name), secs(p.timeoutSeconds)];
    case 'kernel_param':
      return [String(p.key)];
    case 'user':
    case 'group':
      return [String(p.name)];
  }
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
      refused[request.id] = { kind: 'error', message: `Invalid parameters, not sent to the target: ${(error as Error).message}`, needsPrivilege: false };
    }
  }
  const text = `outpost_payload() {\ncat <<'OUTPOST_PAYLOAD_END'\n${lines.join('\n')}\nOUTPOST_PAYLOAD_END\n}\n`;
  return { nonce, text, refused };
}
