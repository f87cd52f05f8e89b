// Helpers for the sync server suites (test/integration/sync-server-*.test.ts): devices speaking the
// wire protocol over real HTTP to an in-process server (through test/support/wire-client.ts), and
// valid rows for every synced entity.
import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { LATEST_SCHEMA_VERSION } from '../../migrations';
import { rowIdOf, SYNC_ENTITIES, syncEntity, type SyncEntity } from '../../shared/sync/entity-registry';
import {
  SYNC_PROTOCOL_VERSION,
  partitionsResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  signInResponseSchema,
  type Change,
  type Operation,
  type OperationResult,
  type PartitionInfo,
  type PullResponse,
  type WireRow,
} from '../../shared/sync/wire';
import { partitionOfRow } from '../../server/sync/entity-validation';
import { keyProofMessage } from '../../shared/sync/device-key-wire';
import { entityRules } from '../../shared/sync/row-rules';
import type { TestServer } from '../support/central-server';
import { api } from '../support/wire-client';

export const PASSWORD = 'correct horse battery';
/** The desktop schema a device of this build reports (read from migrations/, never written down). */
export const SCHEMA_VERSION = LATEST_SCHEMA_VERSION;

export interface HttpAnswer {
  status: number;
  body: unknown;
}

export interface Device {
  deviceId: string;
  /** The signed-in user's id (what a site's technicians name). */
  userId: string;
  token: string;
  /** The device's Ed25519 signing key, registered at sign-in (unless signed in with `{ registerKey: false }`). */
  key: TestSigningKey;
  /** A raw request: `body` is sent as is when a string, else as JSON. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  push(operations: Operation[]): Promise<OperationResult[]>;
  partitions(): Promise<PartitionInfo[]>;
  pull(partition: string, after: number, limit?: number, snapshot?: boolean): Promise<PullResponse>;
  /** Every change of a partition from `after`, page by page; asserts increasing cursors. */
  pullAll(partition: string, limit?: number, after?: number): Promise<{ changes: Change[]; cursor: number; pages: number }>;
  /** Uploads bytes as one chunk; returns the SHA-256. */
  putBlob(bytes: Buffer, mediaType?: string): Promise<string>;
}

export interface TestSigningKey {
  privateKey: KeyObject;
  publicKey: string;
  fingerprint: string;
}

export function newSigningKey(): TestSigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: der.toString('base64'), fingerprint: `SHA256:${createHash('sha256').update(der).digest('hex')}` };
}

/** The `signingKey` of a sign-in or key registration body: the key and its proof of possession. */
export function keyRegistration(key: TestSigningKey, username: string): { publicKey: string; fingerprint: string; proof: string } {
  const proof = sign(null, Buffer.from(keyProofMessage(username, key.fingerprint), 'utf8'), key.privateKey).toString('base64');
  return { publicKey: key.publicKey, fingerprint: key.fingerprint, proof };
}

/** A sheet row's key columns signed with `key` (the content hash is the row's when it is one, else made from its id), sheet_json to match. */
export function signedSheetRow(row: WireRow, key: TestSigningKey): WireRow {
  const hash =
    typeof row.content_hash === 'string' && /^[0-9a-f]{64}$/.test(row.content_hash)
      ? row.content_hash
      : createHash('sha256').update(String(row.id)).digest('hex');
  const signature = sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64');
  const sheet = {
    hash: { algorithm: 'sha256', value: hash },
    signature: { algorithm: 'ed25519', value: signature },
    publicKey: { format: 'spki-der-base64', value: key.publicKey, fingerprint: key.fingerprint },
  };
  return {
    ...row,
    content_hash: hash,
    device_signature: signature,
    public_key: key.publicKey,
    key_fingerprint: key.fingerprint,
    sheet_json: JSON.stringify(sheet),
  };
}

/** A sample sheet row (placeholder key columns) signed by the pushing device's key: what an honest desktop sends. */
function signPlaceholderSheets(operations: Operation[], key: TestSigningKey): Operation[] {
  const placeholder = sampleRow('sign_off_sheets', {}).public_key;
  return operations.map((o) =>
    o.entity === 'sign_off_sheets' && o.kind === 'insert' && o.data.public_key === placeholder
      ? { ...o, data: signedSheetRow(o.data, key) }
      : o,
  );
}

export async function signIn(
  server: TestServer,
  username: string,
  deviceName = `${username}'s laptop`,
  options: { key?: TestSigningKey; registerKey?: boolean } = {},
): Promise<Device> {
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    token?: string,
  ): Promise<HttpAnswer> => {
    const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
    const answer = await api(server.url, method, path, {
      ...(body === undefined ? {} : isRaw ? { rawBody: body as string | Buffer } : { body }),
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      otherBody: 'text',
      ...(token ? { token } : {}),
    });
    return { status: answer.status, body: answer.body };
  };
  const key = options.key ?? newSigningKey();
  const signingKey = options.registerKey === false ? {} : { signingKey: keyRegistration(key, username) };
  const signedIn = await request('POST', '/v1/auth/sign-in', {
    username,
    password: PASSWORD,
    deviceName,
    protocolVersion: SYNC_PROTOCOL_VERSION,
    ...signingKey,
  });
  if (signedIn.status !== 200) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(signedIn.body)}`);
  const { token, deviceId, user } = signInResponseSchema.parse(signedIn.body);
  const ok = (answer: HttpAnswer, what: string): unknown => {
    if (answer.status !== 200) throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const device: Device = {
    deviceId,
    userId: user.id,
    token,
    key,
    request: (method, path, body, headers) => request(method, path, body, headers, token),
    async push(operations) {
      const body = ok(
        await device.request('POST', '/v1/sync/push', {
          protocolVersion: SYNC_PROTOCOL_VERSION,
          schemaVersion: SCHEMA_VERSION,
          operations: signPlaceholderSheets(operations, key),
        }),
        'push',
      );
      return pushResponseSchema.parse(body).results;
    },
    async partitions() {
      return partitionsResponseSchema.parse(ok(await device.request('POST', '/v1/sync/partitions', {}), 'partitions')).partitions;
    },
    async pull(partition, after, limit, snapshot) {
      const body = { partition, after, ...(limit ? { limit } : {}), ...(snapshot ? { snapshot } : {}) };
      return pullResponseSchema.parse(ok(await device.request('POST', '/v1/sync/pull', body), 'pull'));
    },
    async pullAll(partition, limit, after = 0) {
      const changes: Change[] = [];
      let cursor = after;
      let pages = 0;
      for (;;) {
        const page = await device.pull(partition, cursor, limit);
        if (page.status !== 'ok') throw new Error(`pull of ${partition} from ${cursor}: ${page.status}`);
        pages++;
        for (const change of page.changes) {
          if (change.seq <= cursor) throw new Error(`seq ${change.seq} not after cursor ${cursor}`);
        }
        if (page.cursor < cursor) throw new Error(`cursor went back from ${cursor} to ${page.cursor}`);
        changes.push(...page.changes);
        cursor = page.cursor;
        if (!page.more) return { changes, cursor, pages };
      }
    },
    async putBlob(bytes, mediaType = 'image/png') {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const answer = await api(
        server.url,
        'PUT',
        `/v1/blobs/${sha}?offset=0&size=${bytes.length}&mediaType=${encodeURIComponent(mediaType)}`,
        {
          rawBody: new Uint8Array(bytes),
          token,
          headers: { 'content-type': 'application/octet-stream' },
          otherBody: 'text',
        },
      );
      if (answer.status !== 200) throw new Error(`blob upload answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return sha;
    },
  };
  return device;
}

/** A valid row of `entityName`: every column filled by its type, then `overrides`. */
export function sampleRow(entityName: string, overrides: WireRow): WireRow {
  const entity = mustEntity(entityName);
  const row: WireRow = {};
  for (const [column, type] of Object.entries(entity.columns)) {
    row[column] = type.endsWith('?') ? null : type.startsWith('int') ? 1 : `${column} value`;
  }
  // Columns with a CHECK (shared/sync/row-rules.ts) take their first allowed value.
  for (const rule of entityRules(entity.name)?.rules ?? []) {
    if (rule.kind === 'enum' && row[rule.column] !== null && !rule.values.includes(row[rule.column] as string | number))
      row[rule.column] = rule.values[0]!;
  }
  if (entity.name === 'deployment_reviews') row.action_items = '[]';
  // Optional on the wire but never null (migration 24, `absentOr` in row-rules.ts).
  if (entity.name === 'sites') row.notes = '';
  if (entity.name === 'checklist_template_items') row.owner_prepares = 0;
  if (entity.name === 'sign_off_sheets' && overrides.site_id === null && overrides.kind === undefined) row.kind = 'deployment_milestone';
  return { ...row, ...overrides };
}

function mustEntity(name: string): SyncEntity {
  const entity = syncEntity(name);
  if (!entity) throw new Error(`no entity ${name}`);
  return entity;
}

/** An operation; the partition is computed by the entity's rule unless given (needed for `parent` rules). */
export function op(
  entityName: string,
  kind: Operation['kind'],
  data: WireRow,
  options: { partition?: string; baseVersion?: number; rowId?: string } = {},
): Operation {
  const entity = syncEntity(entityName);
  let partition = options.partition;
  if (!partition && entity) {
    const located = partitionOfRow(entity, data);
    if (located.ok === true) partition = located.partition;
  }
  return {
    opId: uuidv7(),
    entity: entityName,
    rowId: options.rowId ?? (entity ? rowIdOf(entity, data) : String(data.id)),
    kind,
    partition: partition ?? 'site:unknown',
    baseVersion: options.baseVersion ?? 0,
    schemaVersion: SCHEMA_VERSION,
    data,
    createdAt: new Date().toISOString(),
  };
}

const AUDIT = { created_at: '2026-11-24T08:00:00Z', created_by: 'Rita', updated_at: '2026-11-24T08:00:00Z', updated_by: 'Rita' };

/** The plan of one deployment with sites: what a release manager publishes. */
/** A site's technicians as stored: a name only (a string) or a server user (`{ id, name }`). */
export type TechnicianEntry = string | { id: string; name: string };

export function planOperations(deploymentId: string, sites: { id: string; technicians: TechnicianEntry[] }[]): Operation[] {
  const ops: Operation[] = [
    op('deployments', 'insert', sampleRow('deployments', { id: deploymentId, name: `Rollout ${deploymentId}`, ...AUDIT })),
    op('waves', 'insert', sampleRow('waves', { id: `${deploymentId}-wave`, deployment_id: deploymentId, ...AUDIT })),
    op('components', 'insert', sampleRow('components', { id: `${deploymentId}-comp`, deployment_id: deploymentId, ...AUDIT })),
    op(
      'requirements',
      'insert',
      sampleRow('requirements', { id: `${deploymentId}-req`, deployment_id: deploymentId, params: '{}', ...AUDIT }),
    ),
    op(
      'checklist_templates',
      'insert',
      sampleRow('checklist_templates', { id: `${deploymentId}-tpl`, deployment_id: deploymentId, ...AUDIT }),
    ),
    op(
      'checklist_template_items',
      'insert',
      sampleRow('checklist_template_items', { id: `${deploymentId}-tpl-1`, template_id: `${deploymentId}-tpl` }),
      {
        partition: `deployment:${deploymentId}`,
      },
    ),
  ];
  ops.push(...otherRows('down', 'deployment', deploymentId, ops));
  for (const site of sites) {
    ops.push(
      op(
        'sites',
        'insert',
        sampleRow('sites', {
          id: site.id,
          deployment_id: deploymentId,
          code: site.id.toUpperCase(),
          name: `Site ${site.id}`,
          technicians: JSON.stringify(site.technicians),
          status: 'planned',
          ...AUDIT,
        }),
      ),
      op('target_machines', 'insert', sampleRow('target_machines', { id: `${site.id}-tm`, site_id: site.id, ...AUDIT })),
      op(
        'inventory_items',
        'insert',
        sampleRow('inventory_items', { id: `${site.id}-inv`, site_id: site.id, state: 'expected', is_surplus: 0, note: '', ...AUDIT }),
      ),
      op(
        'checklist_items',
        'insert',
        sampleRow('checklist_items', { id: `${site.id}-chk`, site_id: site.id, state: 'todo', note: '', ...AUDIT }),
      ),
    );
    ops.push(...otherRows('down', 'site', site.id, ops));
  }
  return ops;
}

/**
 * Inserts of the registry's `column`-rule entities of this direction and scope that `covered` does
 * not already have: an entity added to the registry is carried by the suites without a change here.
 */
export function otherRows(direction: 'down' | 'up', scope: 'deployment' | 'site', id: string, covered: readonly Operation[]): Operation[] {
  const have = new Set(covered.map((o) => o.entity));
  return SYNC_ENTITIES.filter(
    (e) => e.direction === direction && e.partition.kind === 'column' && e.partition.scope === scope && !have.has(e.name),
  ).map((e) => {
    const column = (e.partition as { column: string }).column;
    const keys = Object.fromEntries(e.key.map((k) => [k, `${id}-${e.name}-${k}`]));
    return op(e.name, 'insert', sampleRow(e.name, { ...keys, [column]: id }));
  });
}

export function expectAllApplied(results: OperationResult[]): void {
  const bad = results.filter((result) => result.status !== 'applied');
  if (bad.length > 0) throw new Error(`not applied: ${JSON.stringify(bad)}`);
}

/** Counts of the server's sync tables, to prove that refused requests wrote nothing. */
export async function tableCounts(server: TestServer): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'docs',
    'change_log',
    'applied_ops',
    'overwrites',
    'partitions',
    'blob_refs',
    'site_assignments',
    'deployment_managers',
  ]) {
    const rows = await server.db.query<{ n: number | string }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(rows[0]!.n);
  }
  const seq = await server.db.query<{ s: number | string | null }>('SELECT sum(last_seq) AS s FROM partitions');
  counts.sequences = Number(seq[0]!.s ?? 0);
  return counts;
}
