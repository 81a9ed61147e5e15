import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../index';
import { users } from '../schema';

export type Role = (typeof users.role.enumValues)[number];

/** What a session knows of its user; never the password hash. */
export type SessionUser = { id: number; email: string; name: string; role: Role };

const sessionColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

/** A session's user and whether it still has to replace a temporary password. */
export type SessionAccount = SessionUser & { mustChangePassword: boolean };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** For the password check only: the one query that reads password_hash, and it never leaves lib/auth. */
export async function getUserCredentials({ email }: { email: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      ...sessionColumns,
      passwordHash: users.passwordHash,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return row ?? null;
}

/** The user behind a session token, if the account is still enabled and the token still current. */
export async function getActiveSessionUser({ id, sessionVersion }: { id: number; sessionVersion: number }): Promise<SessionAccount | null> {
  const db = await getDb();
  const [row] = await db
    .select({ ...sessionColumns, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(and(eq(users.id, id), eq(users.disabled, false), eq(users.sessionVersion, sessionVersion)))
    .limit(1);
  return row ?? null;
}

export type UserListItem = SessionUser & { disabled: boolean; createdAt: Date; unitId: number | null };

export async function listUsers(): Promise<UserListItem[]> {
  const db = await getDb();
  return db
    .select({ ...sessionColumns, disabled: users.disabled, createdAt: users.createdAt, unitId: users.unitId })
    .from(users)
    .orderBy(asc(users.id));
}

export async function getUserById({ db, id }: { db: Db | Tx; id: number }) {
  const [row] = await db
    .select({ ...sessionColumns, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

export async function insertUser({
  db,
  email,
  name,
  role,
  passwordHash,
}: {
  db: Db | Tx;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}): Promise<{ id: number } | null> {
  const [row] = await db
    .insert(users)
    .values({ email: normaliseEmail(email), name, role, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return row ?? null;
}

/** Changing a role or disabling bumps session_version, so the user's existing sessions end at once. */
export async function updateUserAccess({
  db,
  id,
  role,
  disabled,
}: {
  db: Db | Tx;
  id: number;
  role?: Role;
  disabled?: boolean;
}): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({
      ...(role ? { role } : {}),
      ...(disabled === undefined ? {} : { disabled }),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function countActiveAdmins({ db }: { db: Db | Tx }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
  return row?.n ?? 0;
}

/** The stored hash, to check a user's current password before changing it; never leaves lib/auth. */
export async function getPasswordHash({ db, id }: { db: Db | Tx; id: number }): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id)).limit(1).for('update');
  return row?.passwordHash ?? null;
}

/**
 * A new password; every session of the account ends (session_version). `temporary` makes its
 * owner replace it at the next login (an admin's reset, the recovery command).
 */
export async function setUserPassword({
  db,
  id,
  passwordHash,
  temporary,
}: {
  db: Db | Tx;
  id: number;
  passwordHash: string;
  temporary: boolean;
}): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ passwordHash, mustChangePassword: temporary, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Logging out ends the session on the server too: a copied token stops working at once. */
export async function endUserSessions({ id, sessionVersion }: { id: number; sessionVersion: number }): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion)));
}

/** The unit whose questions a Cán bộ trả lời answers (null: none). */
export async function setUserUnit({ db, id, unitId }: { db: Db | Tx; id: number; unitId: number | null }): Promise<boolean> {
  const rows = await db.update(users).set({ unitId, updatedAt: sql`now()` }).where(eq(users.id, id)).returning({ id: users.id });
  return rows.length > 0;
}
