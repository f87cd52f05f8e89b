import { z } from 'zod';
import { gossMatchersSchema } from './goss/goss-attributes';
import { sensitivePathReason } from './sensitive-paths';

/**
 * Requirement kinds and their parameters. Site-plan values reach target machines only as data
 * (never spliced into a command line), and names are checked against these patterns first.
 */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+@:-]{0,127}$/;
/** Absolute path without control characters, quotes, backslashes or `..` segments. */
export const SAFE_PATH = /^\/(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._+@:,=~%/ -]{0,1023}$/;
export const SAFE_HOST =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\.?$|^\[?[0-9A-Fa-f:.]{2,45}\]?$/;

const name = z.string().regex(SAFE_NAME, 'Only letters, digits and . _ + @ : - are allowed in a name');
const filePath = z.string().regex(SAFE_PATH, 'Give an absolute path without quotes, control characters or ".."');
/** A path a probe reads: never one that holds secrets (`/etc/shadow`, private keys…), see sensitive-paths.ts. */
const readablePath = filePath.superRefine((path, ctx) => {
  const reason = sensitivePathReason(path);
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
});
const host = z.string().regex(SAFE_HOST, 'Give a host name or an IP address');
const patterns = z.array(z.string().min(1).max(500)).max(20);
const timeoutSeconds = z.number().positive().max(300).default(10);
/** A version constraint: one or more of `>=1.2`, `<2`, `=1.4-1`, space-separated. */
const versionConstraint = z.string().regex(/^\s*(?:(?:>=|<=|>|<|=|!=)?\s*[A-Za-z0-9.+~:_-]+\s*)+$/, 'Write a constraint like ">=1.2 <2"');

export const requirementParamsSchemas = {
  os: z
    .object({
      family: z.enum(['linux', 'windows', 'darwin']).optional(),
      distribution: z.union([name, z.array(name)]).optional(),
      version: versionConstraint.optional(),
    })
    .strict(),
  cpu_cores: z.object({ min: z.number().int().min(1) }).strict(),
  memory: z.object({ minBytes: z.number().int().min(1) }).strict(),
  disk_free: z
    .object({ mount: filePath, minFreeBytes: z.number().int().min(0).optional(), maxUsePercent: z.number().min(0).max(100).optional() })
    .strict(),
  package: z
    .object({
      name,
      version: versionConstraint.optional(),
      installed: z.boolean().default(true),
      matchers: gossMatchersSchema('package').optional(),
    })
    .strict(),
  service: z
    .object({
      name,
      active: z.boolean().default(true),
      enabled: z.boolean().optional(),
      matchers: gossMatchersSchema('service').optional(),
    })
    .strict(),
  port: z
    .object({
      port: z.number().int().min(1).max(65535),
      protocol: z.enum(['tcp', 'tcp6', 'udp', 'udp6']).default('tcp'),
      address: z.string().max(64).optional(),
      listening: z.boolean().default(true),
      matchers: gossMatchersSchema('port').optional(),
    })
    .strict(),
  process: z.object({ name, running: z.boolean().default(true) }).strict(),
  file: z
    .object({
      path: readablePath,
      exists: z.boolean().default(true),
      mode: z
        .string()
        .regex(/^0?[0-7]{3,4}$/)
        .optional(),
      owner: name.optional(),
      group: name.optional(),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/i)
        .optional(),
      contains: patterns.optional(),
      /** Goss attributes given as matchers or without an Outpost field (filetype, size, md5, sha512, linked-to). */
      matchers: gossMatchersSchema('file').optional(),
    })
    .strict(),
  command: z
    .object({
      command: z.string().min(1).max(4000),
      exitStatus: z.number().int().min(0).max(255).default(0),
      stdout: patterns.optional(),
      timeoutSeconds,
      matchers: gossMatchersSchema('command').optional(),
    })
    .strict(),
  http: z
    .object({
      url: z
        .string()
        .url()
        .max(2000)
        .regex(/^https?:\/\//),
      status: z.number().int().min(100).max(599).default(200),
      body: patterns.optional(),
      allowInsecure: z.boolean().default(false),
      timeoutSeconds,
      /** Goss follows redirects unless `no-follow-redirects: true`; Outpost's own default is not to. */
      followRedirects: z.boolean().optional(),
      method: z
        .string()
        .regex(/^[A-Z]{1,16}$/, 'An HTTP method in capitals, e.g. GET')
        .optional(),
      requestHeaders: z
        .array(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}:[^\r\n\0]{0,1000}$/, 'A header "Name: value" on one line'))
        .max(20)
        .optional(),
      matchers: gossMatchersSchema('http').optional(),
    })
    .strict(),
  addr: z
    .object({
      host,
      port: z.number().int().min(1).max(65535),
      protocol: z.enum(['tcp', 'udp']).default('tcp'),
      reachable: z.boolean().default(true),
      timeoutSeconds,
    })
    .strict(),
  dns: z
    .object({
      // Record names may hold underscores (`_https._tcp.example.com` for SRV, `txt._test` for TXT).
      name: z
        .string()
        .regex(
          /^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_.])?$|^\[?[0-9A-Fa-f:.]{2,45}\]?$/,
          'Give a host name, a record name or an IP address',
        ),
      resolvable: z.boolean().default(true),
      addresses: z.array(z.string().max(300)).max(20).optional(),
      timeoutSeconds,
      /** A record type other than A/AAAA (asked with dig on the target), and the server to ask. */
      type: z.enum(['A', 'AAAA', 'CAA', 'CNAME', 'MX', 'NS', 'PTR', 'SRV', 'TXT']).optional(),
      server: z
        .string()
        .regex(/^(?:[A-Za-z0-9.-]{1,253}|\[?[0-9A-Fa-f:.]{2,45}\]?)(?::\d{1,5})?$/, 'A DNS server name or address, optionally :port')
        .optional(),
      matchers: gossMatchersSchema('dns').optional(),
    })
    .strict(),
  kernel_param: z
    .object({
      key: z.string().regex(/^[a-z0-9_.\/-]{1,200}$/i),
      value: z.string().max(500).optional(),
      matchers: gossMatchersSchema('kernel_param').optional(),
    })
    .strict(),
  user: z
    .object({
      name,
      exists: z.boolean().default(true),
      uid: z.number().int().optional(),
      groups: z.array(name).max(50).optional(),
      home: filePath.optional(),
      shell: filePath.optional(),
      matchers: gossMatchersSchema('user').optional(),
    })
    .strict(),
  group: z
    .object({ name, exists: z.boolean().default(true), gid: z.number().int().optional(), matchers: gossMatchersSchema('group').optional() })
    .strict(),
  /** A mount point (Goss `mount`): mounted there, and its options, source, file system and use %. */
  mount: z.object({ mountPoint: filePath, exists: z.boolean().default(true), matchers: gossMatchersSchema('mount').optional() }).strict(),
  /** A network interface (Goss `interface`): present, its addresses (CIDR) and MTU. */
  interface: z
    .object({
      name: z.string().regex(/^[A-Za-z0-9_.:@-]{1,32}$/, 'An interface name like eth0'),
      exists: z.boolean().default(true),
      matchers: gossMatchersSchema('interface').optional(),
    })
    .strict(),
  clock_skew: z.object({ maxSeconds: z.number().positive() }).strict(),
  hardware_serial: z.object({}).strict(),
} as const;

export type RequirementKind = keyof typeof requirementParamsSchemas;
export const REQUIREMENT_KINDS = Object.keys(requirementParamsSchemas) as RequirementKind[];
export type RequirementParams<K extends RequirementKind> = z.output<(typeof requirementParamsSchemas)[K]>;

/** Kinds the target must answer itself (the probe runs them); the others are judged from the facts. */
export const PROBED_KINDS = [
  'file',
  'command',
  'http',
  'addr',
  'dns',
  'kernel_param',
  'user',
  'group',
  'mount',
  'interface',
] as const satisfies readonly RequirementKind[];
export type ProbedKind = (typeof PROBED_KINDS)[number];

export function isRequirementKind(kind: string): kind is RequirementKind {
  return Object.prototype.hasOwnProperty.call(requirementParamsSchemas, kind);
}
