import { z } from 'zod';

/**
 * One facts model for every collector: `systeminformation` on this machine and the batched SSH
 * probe on remote machines both produce this shape, and the evaluator reads only this shape.
 * A fact that could not be read is null (or an empty list) and is explained in `unreadable`.
 */
export const unreadableFactSchema = z.object({
  fact: z.string(),
  reason: z.string(),
  /** True when root would have been needed (e.g. DMI serial numbers). */
  needsPrivilege: z.boolean(),
});

export const mountFactSchema = z.object({
  mount: z.string(),
  device: z.string(),
  fsType: z.string(),
  sizeBytes: z.number(),
  freeBytes: z.number(),
  usePercent: z.number(),
});

export const packageFactSchema = z.object({
  name: z.string(),
  version: z.string(),
  arch: z.string().nullable(),
  manager: z.enum(['dpkg', 'rpm', 'other']),
});
export const serviceFactSchema = z.object({
  name: z.string(),
  active: z.boolean(),
  enabled: z.boolean().nullable(),
  state: z.string(),
  /** Other names of the unit (systemd aliases: `sshd.service` → `ssh.service` on Debian). */
  aliases: z.array(z.string()).optional(),
});
export const portFactSchema = z.object({
  protocol: z.enum(['tcp', 'tcp6', 'udp', 'udp6']),
  address: z.string(),
  port: z.number().int(),
  process: z.string().nullable(),
});
export const processFactSchema = z.object({ pid: z.number().int(), name: z.string(), command: z.string() });
export const interfaceFactSchema = z.object({ name: z.string(), mac: z.string().nullable(), addresses: z.array(z.string()) });

/** Answers to the requirement kinds the target must run itself, keyed by requirement id. */
export const probeResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('file'),
    exists: z.boolean(),
    mode: z.string().nullable(),
    owner: z.string().nullable(),
    group: z.string().nullable(),
    sha256: z.string().nullable(),
    contents: z.string().nullable(),
    // Goss attributes; optional so that runs stored before they were collected still read.
    filetype: z.string().nullable().optional(),
    size: z.number().nullable().optional(),
    linkedTo: z.string().nullable().optional(),
    md5: z.string().nullable().optional(),
    sha512: z.string().nullable().optional(),
  }),
  z.object({
    kind: z.literal('command'),
    exitStatus: z.number().int().nullable(),
    stdout: z.string(),
    stderr: z.string(),
    timedOut: z.boolean(),
    durationMs: z.number(),
  }),
  z.object({
    kind: z.literal('http'),
    status: z.number().int().nullable(),
    body: z.string(),
    error: z.string().nullable(),
    headers: z.string().nullable().optional(),
  }),
  z.object({ kind: z.literal('addr'), reachable: z.boolean(), error: z.string().nullable() }),
  z.object({ kind: z.literal('dns'), addresses: z.array(z.string()), error: z.string().nullable() }),
  z.object({ kind: z.literal('kernel_param'), value: z.string().nullable() }),
  z.object({
    kind: z.literal('user'),
    exists: z.boolean(),
    uid: z.number().int().nullable(),
    groups: z.array(z.string()),
    home: z.string().nullable(),
    shell: z.string().nullable(),
    gid: z.number().int().nullable().optional(),
  }),
  z.object({ kind: z.literal('group'), exists: z.boolean(), gid: z.number().int().nullable() }),
  z.object({
    kind: z.literal('mount'),
    exists: z.boolean(),
    opts: z.array(z.string()).nullable(),
    vfsOpts: z.array(z.string()).nullable(),
    source: z.string().nullable(),
    filesystem: z.string().nullable(),
    /** Per cent of blocks used, rounded (Goss `usage`). */
    usage: z.number().nullable(),
  }),
  z.object({ kind: z.literal('interface'), exists: z.boolean(), addrs: z.array(z.string()), mtu: z.number().int().nullable() }),
  z.object({ kind: z.literal('error'), message: z.string(), needsPrivilege: z.boolean() }),
]);
export type ProbeResult = z.infer<typeof probeResultSchema>;

export const factsSchema = z.object({
  source: z.enum(['local', 'ssh']),
  collectedAt: z.string(),
  durationMs: z.number(),
  hostName: z.string().nullable(),
  os: z.object({
    family: z.enum(['linux', 'windows', 'darwin', 'unknown']),
    /** os-release ID (debian, ubuntu, rhel, rocky, almalinux, centos, fedora…). */
    distribution: z.string().nullable(),
    distributionName: z.string().nullable(),
    /** os-release VERSION_ID. */
    version: z.string().nullable(),
    /** With the point release, as Ansible's `distribution_version` (Debian `12.11`); absent in runs stored before it was collected. */
    distributionVersion: z.string().nullable().optional(),
    kernel: z.string().nullable(),
    architecture: z.string().nullable(),
  }),
  cpu: z.object({ model: z.string().nullable(), cores: z.number().int().nullable(), threads: z.number().int().nullable() }),
  memory: z.object({ totalBytes: z.number().nullable(), availableBytes: z.number().nullable() }),
  mounts: z.array(mountFactSchema),
  hardware: z.object({
    vendor: z.string().nullable(),
    model: z.string().nullable(),
    serial: z.string().nullable(),
    boardSerial: z.string().nullable(),
  }),
  network: z.array(interfaceFactSchema),
  packages: z.array(packageFactSchema),
  services: z.array(serviceFactSchema),
  ports: z.array(portFactSchema),
  processes: z.array(processFactSchema),
  clock: z.object({
    time: z.string().nullable(),
    /** Target clock minus the collecting device's clock, in seconds. */
    offsetSeconds: z.number().nullable(),
    synchronized: z.boolean().nullable(),
    source: z.string().nullable(),
  }),
  probes: z.record(z.string(), probeResultSchema),
  unreadable: z.array(unreadableFactSchema),
});
export type Facts = z.infer<typeof factsSchema>;
