import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { articles, auditLog, categories, contactBlocks, contactEntries, orgUnits, people, users } from '../schema';

export type AuditEntry = {
  id: number;
  action: string;
  objectType: string;
  objectId: string | null;
  detail: unknown;
  createdAt: Date;
  userName: string | null;
  /** The current name of what the entry concerns, or null when it no longer exists. */
  objectName: string | null;
};

// Scalar subqueries, one per row of a 50-row page, each by primary key. object_id is text (settings
// keys too); CASE evaluates only the branch of the entry's type, so the cast sees only row ids.
const objectName = sql<string | null>`case ${auditLog.objectType}
  when 'article' then (select ${articles.title} from ${articles} where ${articles.id} = ${auditLog.objectId}::integer)
  when 'user' then (select s.name || ' (' || s.email || ')' from ${users} s where s.id = ${auditLog.objectId}::integer)
  when 'category' then (select ${categories.name} from ${categories} where ${categories.id} = ${auditLog.objectId}::integer)
  when 'contact_block' then (select ${contactBlocks.title} from ${contactBlocks} where ${contactBlocks.id} = ${auditLog.objectId}::integer)
  when 'contact_entry' then (select ${contactEntries.name} from ${contactEntries} where ${contactEntries.id} = ${auditLog.objectId}::integer)
  when 'org_unit' then (select ${orgUnits.name} from ${orgUnits} where ${orgUnits.id} = ${auditLog.objectId}::integer)
  when 'person' then (select ${people.fullName} from ${people} where ${people.id} = ${auditLog.objectId}::integer)
end`;

/** One page of the audit log, newest first, with who did it (the name, nothing else). */
export async function listAuditEntries({
  page,
  pageSize,
}: {
  page: number;
  pageSize: number;
}): Promise<{ entries: AuditEntry[]; total: number }> {
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
        objectName,
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
