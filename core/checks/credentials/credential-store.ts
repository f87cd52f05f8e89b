import type { CredentialKind, CredentialSummary } from '../../../shared/domain/check-run';
import { DomainError } from '../../services/domain-error';
import { created, recordActivity, type ServiceContext } from '../../services/service-context';
import { requireTarget } from '../runs/targets';

/** Where a target's secrets live in the device secret store (never in SQLite). */
export const secretKey = (targetId: string, what: 'password' | 'passphrase') => `ssh:${targetId}:${what}`;

interface CredentialRow {
  target_id: string;
  kind: CredentialKind;
  key_path: string | null;
  username: string | null;
  use_sudo: number;
}

export interface SetCredentialInput {
  targetId: string;
  kind: CredentialKind;
  keyPath?: string | undefined;
  password?: string | undefined;
  passphrase?: string | undefined;
  username?: string | undefined;
  useSudo: boolean;
}

export function getCredential(ctx: ServiceContext, targetId: string): CredentialSummary | null {
  const row = ctx.sqlite
    .prepare('SELECT target_id, kind, key_path, username, use_sudo FROM target_credentials WHERE target_id = ?')
    .get(targetId) as CredentialRow | undefined;
  if (!row) return null;
  const secret = row.kind === 'key' ? 'passphrase' : 'password';
  return {
    targetId: row.target_id,
    kind: row.kind,
    keyPath: row.key_path,
    username: row.username,
    useSudo: row.use_sudo === 1,
    hasSecret: row.kind === 'agent' ? false : ctx.secrets.has(secretKey(targetId, secret)),
  };
}

/**
 * How to sign in to a target. The reference goes into SQLite; a password or passphrase goes only
 * into the device secret store, and the result never echoes it.
 */
export function setCredential(ctx: ServiceContext, input: SetCredentialInput): CredentialSummary {
  const target = requireTarget(ctx, input.targetId);
  if (input.kind === 'key' && !input.keyPath) throw new DomainError('validation', 'Give the path of the private key file');
  if (
    (input.kind === 'password' || input.kind === 'keyboard-interactive') &&
    !input.password &&
    !ctx.secrets.has(secretKey(target.id, 'password'))
  ) {
    throw new DomainError('validation', 'Type the password');
  }
  const stamp = created(ctx);
  ctx.sqlite
    .prepare(
      `INSERT INTO target_credentials (target_id, kind, key_path, username, use_sudo, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (target_id) DO UPDATE SET kind = excluded.kind, key_path = excluded.key_path, username = excluded.username,
         use_sudo = excluded.use_sudo, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(
      target.id,
      input.kind,
      input.kind === 'key' ? input.keyPath : null,
      input.username ?? null,
      input.useSudo ? 1 : 0,
      stamp.createdAt,
      stamp.createdBy,
      stamp.updatedAt,
      stamp.updatedBy,
    );
  if (input.kind === 'key') {
    ctx.secrets.delete(secretKey(target.id, 'password'));
    if (input.passphrase) ctx.secrets.set(secretKey(target.id, 'passphrase'), input.passphrase);
  } else if (input.kind === 'agent') {
    ctx.secrets.delete(secretKey(target.id, 'password'));
    ctx.secrets.delete(secretKey(target.id, 'passphrase'));
  } else {
    ctx.secrets.delete(secretKey(target.id, 'passphrase'));
    if (input.password) ctx.secrets.set(secretKey(target.id, 'password'), input.password);
  }
  recordActivity(ctx, {
    action: 'credential.set',
    entity: 'target_machine',
    entityId: target.id,
    siteId: target.site_id,
    detail: { kind: input.kind, useSudo: input.useSudo, secretChanged: Boolean(input.password ?? input.passphrase) },
  });
  return getCredential(ctx, target.id)!;
}
