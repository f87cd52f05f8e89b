import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Role } from '../../shared/domain/enums';
import type { ServerUser } from '../../shared/sync/wire';
import type { CentralQueries } from '../db/central-db';
import { users } from '../db/schema';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password-hash';

/** A refusal from account management, with a stable code (the CLI prints the message). */
export class AccountError extends Error {
  constructor(
    readonly code: 'username_taken' | 'weak_password' | 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface UserRecord extends ServerUser {
  passwordHash: string;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new AccountError('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
}

function toRecord(row: typeof users.$inferSelect): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    passwordHash: row.passwordHash,
    disabledAt: row.disabledAt,
    createdAt: row.createdAt,
  };
}

export function publicUser(user: Pick<UserRecord, 'id' | 'username' | 'displayName' | 'role'>): ServerUser {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

export async function createUser(db: CentralQueries, input: NewUser): Promise<ServerUser> {
  const username = input.username.trim();
  const displayName = input.displayName.trim();
  if (!USERNAME.test(username))
    throw new AccountError('invalid', 'A user name is 1-100 letters, digits, ".", "_", "@" or "-", starting with a letter or digit.');
  if (!displayName) throw new AccountError('invalid', 'A display name is required.');
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  const inserted = await db.db
    .insert(users)
    .values({ id, username, displayName, role: input.role, passwordHash })
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  if (inserted.length === 0) throw new AccountError('username_taken', `The user name "${username}" is taken.`);
  return { id, username, displayName, role: input.role };
}

export async function findUserByUsername(db: CentralQueries, username: string): Promise<UserRecord | null> {
  const [row] = await db.db.select().from(users).where(eq(users.username, username.trim())).limit(1);
  return row ? toRecord(row) : null;
}

export async function resetPassword(db: CentralQueries, username: string, password: string): Promise<void> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  const updated = await db.db
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date() })
    .where(eq(users.username, username.trim()))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AccountError('not_found', `No user "${username}".`);
}

/**
 * Swaps a user's hash for one of the same password made with today's parameters (rehash on
 * sign-in); does nothing when the hash changed meanwhile (a password reset wins).
 */
export async function replacePasswordHash(
  db: CentralQueries,
  userId: string,
  previousHash: string,
  passwordHash: string,
): Promise<boolean> {
  const updated = await db.db
    .update(users)
    .set({ passwordHash })
    .where(and(eq(users.id, userId), eq(users.passwordHash, previousHash)))
    .returning({ id: users.id });
  return updated.length > 0;
}

/** Disabling keeps the user and their history; their devices are refused from then on. */
export async function setUserDisabled(db: CentralQueries, username: string, disabled: boolean): Promise<void> {
  const updated = await db.db
    .update(users)
    .set({ disabledAt: disabled ? new Date() : null })
    .where(eq(users.username, username.trim()))
    .returning({ id: users.id });
  if (updated.length === 0) throw new AccountError('not_found', `No user "${username}".`);
}

export async function listUsers(db: CentralQueries): Promise<UserRecord[]> {
  const rows = await db.db.select().from(users).orderBy(asc(users.username));
  return rows.map(toRecord);
}
