import type { CentralDb, CentralQueries } from '../db/central-db';

/**
 * Sign-in throttling kept in the database, so it holds across server processes and restarts: at
 * most 5 failed attempts per user name (since its last success) and 30 per remote address within
 * 15 minutes. Attempts older than a day are purged now and then.
 *
 * Race-free: an attempt takes its slot before the password is checked. In one transaction holding
 * a lock per user name and per address (`pg_advisory_xact_lock`, in that order, so two sign-ins
 * never wait on each other in a cycle), the recent failures are counted and, when there is room,
 * the attempt is inserted as failed; only a correct password turns it into a success. So 25
 * concurrent sign-ins for one user let at most 5 reach the password check, on PGlite (one
 * connection, held by the transaction) and on PostgreSQL (any number of processes).
 */
export const RATE_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** The user name as the limit counts it (a change of case is the same user name). */
const limitKey = (username: string) => username.trim().toLowerCase();

/** Seconds to wait before the next attempt, or null when an attempt is allowed now. */
export async function signInRetryAfter(db: CentralQueries, username: string, remoteAddress: string): Promise<number | null> {
  const [row] = await db.query<{ user_failures: number; user_oldest: Date | null; address_failures: number; address_oldest: Date | null }>(
    `WITH last_success AS (
       SELECT coalesce(max(at), '-infinity'::timestamptz) AS at FROM sign_in_attempts WHERE username = $1 AND succeeded
     ), user_failures AS (
       SELECT at FROM sign_in_attempts
        WHERE username = $1 AND NOT succeeded AND at > now() - make_interval(secs => $3) AND at > (SELECT at FROM last_success)
        ORDER BY at DESC LIMIT $4
     ), address_failures AS (
       SELECT at FROM sign_in_attempts
        WHERE remote_address = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3)
        ORDER BY at DESC LIMIT $5
     )
     SELECT (SELECT count(*) FROM user_failures)::int AS user_failures, (SELECT min(at) FROM user_failures) AS user_oldest,
            (SELECT count(*) FROM address_failures)::int AS address_failures, (SELECT min(at) FROM address_failures) AS address_oldest`,
    [limitKey(username), remoteAddress, RATE_WINDOW_SECONDS, MAX_FAILURES_PER_USERNAME, MAX_FAILURES_PER_ADDRESS],
  );
  if (!row) return null;
  const waits: number[] = [];
  const now = Date.now();
  if (row.user_failures >= MAX_FAILURES_PER_USERNAME && row.user_oldest)
    waits.push(row.user_oldest.getTime() + RATE_WINDOW_SECONDS * 1000 - now);
  if (row.address_failures >= MAX_FAILURES_PER_ADDRESS && row.address_oldest)
    waits.push(row.address_oldest.getTime() + RATE_WINDOW_SECONDS * 1000 - now);
  if (waits.length === 0) return null;
  return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
}

export type SignInSlot = { ok: true; attemptId: string } | { ok: false; retryAfter: number };

/**
 * Takes a slot for one sign-in attempt, atomically with the limit check: the attempt is recorded
 * as failed until `markSignInSucceeded` says otherwise.
 */
export async function reserveSignInAttempt(db: CentralDb, username: string, remoteAddress: string): Promise<SignInSlot> {
  const slot = await db.transaction(async (tx): Promise<SignInSlot> => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('outpost.sign-in.user:' || $1, 0))", [limitKey(username)]);
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('outpost.sign-in.address:' || $1, 0))", [remoteAddress]);
    const retryAfter = await signInRetryAfter(tx, username, remoteAddress);
    if (retryAfter !== null) return { ok: false, retryAfter };
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO sign_in_attempts (username, remote_address, succeeded) VALUES ($1, $2, false) RETURNING id::text AS id',
      [limitKey(username), remoteAddress],
    );
    return { ok: true, attemptId: row!.id };
  });
  if (Math.random() < 0.01) await db.query("DELETE FROM sign_in_attempts WHERE at < now() - interval '1 day'");
  return slot;
}

/** The attempt's password was right: it counts as the user name's last success. */
export async function markSignInSucceeded(db: CentralQueries, attemptId: string): Promise<void> {
  await db.query('UPDATE sign_in_attempts SET succeeded = true WHERE id = $1::bigint', [attemptId]);
}
