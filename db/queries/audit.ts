import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { auditLog, users } from '../schema';

export type AuditEntry = {
  id: number;
  action: string;
  objectType: string;
  objectId: string | null;
  detail: unknown;
  createdAt: Date;
  userName: string | null;
};

/** One page of the audit log, newest first, with who did it (the name, nothing else). */
export async function listAuditEntries({ page, pageSize }: { page: number; pageSize: number }): Promise<{ entries: AuditEntry[]; total: number }> {
  const db = await getDb();
  const [entries, [totals]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        objectType: auditLog.objectType,
        objectId: auditLog.objectId,
        detail: auditLog.detail,
        createdAt: auditLog.createdAt,
        userName: users.name,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { entries, total: Number(totals?.n ?? 0) };
}
