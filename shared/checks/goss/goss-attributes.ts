import { z } from 'zod';
import { matcherProblem } from './matchers';

/**
 * The Goss attributes a requirement kind can hold in its `matchers` map: attributes written with a
 * Goss matcher (`uid: {lt: 1000}`), and attributes Outpost has no field of its own for (`filetype`,
 * `size`, `md5`, mount `opts`…), kept as Goss wrote them so they are judged with Goss's meaning
 * (matchers.ts) and exported unchanged. Keys are Goss's attribute names.
 */
export const GOSS_MATCHABLE = {
  file: ['mode', 'owner', 'group', 'filetype', 'size', 'md5', 'sha256', 'sha512', 'linked-to', 'contents'],
  package: ['versions'],
  service: ['enabled', 'running'],
  port: ['ip'],
  command: ['exit-status', 'stdout', 'stderr'],
  http: ['status', 'body', 'headers'],
  dns: ['addrs'],
  kernel_param: ['value'],
  user: ['uid', 'gid', 'groups', 'home', 'shell'],
  group: ['gid'],
  mount: ['opts', 'vfs-opts', 'source', 'filesystem', 'usage'],
  interface: ['addrs', 'mtu'],
} as const;
export type MatchableKind = keyof typeof GOSS_MATCHABLE;

/** Bound on one requirement's matchers as JSON text. */
export const GOSS_MATCHERS_MAX_CHARS = 8000;

export function gossMatchersSchema(kind: MatchableKind) {
  const allowed: readonly string[] = GOSS_MATCHABLE[kind];
  return z.record(z.string(), z.unknown()).superRefine((map, ctx) => {
    if (JSON.stringify(map).length > GOSS_MATCHERS_MAX_CHARS)
      ctx.addIssue({ code: 'custom', message: `Matchers are larger than ${GOSS_MATCHERS_MAX_CHARS} characters` });
    for (const [name, value] of Object.entries(map)) {
      if (!allowed.includes(name))
        ctx.addIssue({ code: 'custom', path: [name], message: `"${name}" is not a Goss attribute of ${kind} (${allowed.join(', ')})` });
      else {
        const problem = value === undefined ? 'no value' : matcherProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', path: [name], message: problem });
      }
    }
  });
}
