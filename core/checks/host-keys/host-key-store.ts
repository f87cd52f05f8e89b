import type { TrustedHostKey } from '../../../shared/domain/check-run';
import { DomainError } from '../../services/domain-error';
import { recordActivity, type ServiceContext } from '../../services/service-context';
import { requireTarget, type TargetRow } from '../runs/targets';

interface KeyRow {
  target_id: string;
  algorithm: string;
  fingerprint: string;
  trusted_at: string;
  trusted_by: string;
  source: TrustedHostKey['source'];
}

const toKey = (r: KeyRow): TrustedHostKey => ({
  targetId: r.target_id,
  algorithm: r.algorithm,
  fingerprint: r.fingerprint,
  trustedAt: r.trusted_at,
  trustedBy: r.trusted_by,
  source: r.source,
});

/** Trusted keys of a target, newest first. */
export function listHostKeys(ctx: ServiceContext, targetId: string): TrustedHostKey[] {
  return (
    ctx.sqlite.prepare('SELECT * FROM target_host_keys WHERE target_id = ? ORDER BY trusted_at DESC, rowid DESC').all(targetId) as KeyRow[]
  ).map(toKey);
}

/** Adds a trusted key (no-op when already trusted). Call inside a transaction. */
export function pinHostKey(
  ctx: ServiceContext,
  target: TargetRow,
  key: { algorithm: string; fingerprint: string; source: TrustedHostKey['source'] },
): boolean {
  const result = ctx.sqlite
    .prepare(
      'INSERT INTO target_host_keys (target_id, algorithm, fingerprint, trusted_at, trusted_by, source) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    )
    .run(target.id, key.algorithm, key.fingerprint, ctx.clock.now(), ctx.actor(), key.source);
  if (result.changes === 0) return false;
  recordActivity(ctx, {
    action: 'host_key.trusted',
    entity: 'target_machine',
    entityId: target.id,
    siteId: target.site_id,
    detail: { fingerprint: key.fingerprint, algorithm: key.algorithm, source: key.source },
  });
  return true;
}

/**
 * Trust a host key a person has compared. A target that already trusts another key keeps it: a
 * changed key needs `replace`, which drops the old keys (recorded in the activity log).
 */
export function trustHostKey(
  ctx: ServiceContext,
  input: { targetId: string; fingerprint: string; algorithm?: string | undefined; replace: boolean },
): TrustedHostKey[] {
  const target = requireTarget(ctx, input.targetId);
  const existing = listHostKeys(ctx, target.id);
  if (existing.some((k) => k.fingerprint === input.fingerprint)) return existing;
  if (existing.length > 0 && !input.replace) {
    throw new DomainError(
      'conflict',
      `${target.host_name} already trusts ${existing.map((k) => k.fingerprint).join(', ')}. The host key changed: re-trust explicitly only if you know why.`,
    );
  }
  if (existing.length > 0) {
    ctx.sqlite.prepare('DELETE FROM target_host_keys WHERE target_id = ?').run(target.id);
    recordActivity(ctx, {
      action: 'host_key.replaced',
      entity: 'target_machine',
      entityId: target.id,
      siteId: target.site_id,
      detail: { previous: existing.map((k) => k.fingerprint), fingerprint: input.fingerprint },
    });
  }
  const algorithm = input.algorithm ?? lastSeenAlgorithm(ctx, target.id, input.fingerprint) ?? 'unknown';
  pinHostKey(ctx, target, { algorithm, fingerprint: input.fingerprint, source: 'first_contact' });
  return listHostKeys(ctx, target.id);
}

function lastSeenAlgorithm(ctx: ServiceContext, targetId: string, fingerprint: string): string | null {
  const row = ctx.sqlite
    .prepare(
      'SELECT host_key_algorithm AS a FROM check_runs WHERE target_id = ? AND host_key_fingerprint = ? ORDER BY started_at DESC LIMIT 1',
    )
    .get(targetId, fingerprint) as { a: string | null } | undefined;
  return row?.a ?? null;
}
