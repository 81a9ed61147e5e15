import 'server-only';
import type { Tx } from '@/db';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { findProcedureByCode, findTakenProcedureSlugs, insertProcedures, isFieldEntry, updateProcedure } from '@/db/queries/procedures';
import { AppError, type FieldErrors } from '@/lib/errors';
import { procedureSearchText, type ProcedureFields } from '@/lib/procedures';
import { slugify } from '@/lib/slug';
import { CONFLICT_MESSAGE } from '@/server/documents/editing';

/** Writing a procedure's fields, shared by the editor's actions: one code per procedure, a field from the list. */
async function prepare(tx: Tx, fields: ProcedureFields, excludeId?: number) {
  const errors: FieldErrors = {};
  if (fields.fieldId && !(await isFieldEntry({ db: tx, id: fields.fieldId }))) errors.fieldId = ['Lĩnh vực không có trong danh mục.'];
  const taken = await findProcedureByCode({ db: tx, code: fields.code, excludeId });
  if (taken) errors.code = [`Mã thủ tục ${taken.code} đã có.`];
  if (Object.keys(errors).length > 0) throw new AppError('invalid', { message: Object.values(errors)[0]![0], fieldErrors: errors });
  return { ...fields, searchText: procedureSearchText(fields) };
}

/** "Cấp giấy phép …" → "cap-giay-phep-…"; "-2"… when taken. */
export async function freeProcedureSlug(tx: Tx, name: string): Promise<string> {
  const base = (slugify(name) || 'thu-tuc').slice(0, 120).replace(/-+$/, '');
  const candidates = [base, ...Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await findTakenProcedureSlugs({ db: tx, slugs: candidates });
  return candidates.find((slug) => !taken.has(slug)) ?? `${base}-${Date.now().toString(36)}`;
}

export async function createProcedureRecord({ tx, userId, fields }: { tx: Tx; userId: number; fields: ProcedureFields }) {
  const values = await prepare(tx, fields);
  const slug = await freeProcedureSlug(tx, fields.name);
  const [row] = await insertProcedures({ db: tx, rows: [{ ...values, slug, authorId: userId }] });
  await insertAuditEntry({
    db: tx,
    userId,
    action: 'procedure.create',
    objectType: 'procedure',
    objectId: String(row!.id),
    detail: { code: fields.code },
  });
  return row!;
}

/** The address follows the name until first published, then stays. */
export async function updateProcedureRecord({
  tx,
  userId,
  current,
  version,
  fields,
}: {
  tx: Tx;
  userId: number;
  current: { id: number; slug: string; publishedAt: Date | null };
  version: number;
  fields: ProcedureFields;
}) {
  const values = await prepare(tx, fields, current.id);
  let slug = current.slug;
  if (!current.publishedAt && slugify(fields.name).slice(0, 120) !== current.slug.replace(/-\d+$/, ''))
    slug = await freeProcedureSlug(tx, fields.name);
  const saved = await updateProcedure({ db: tx, id: current.id, version, values: { ...values, slug } });
  if (!saved) throw new AppError('conflict', { message: CONFLICT_MESSAGE.replace('Văn bản', 'Thủ tục') });
  await insertAuditEntry({
    db: tx,
    userId,
    action: 'procedure.update',
    objectType: 'procedure',
    objectId: String(current.id),
    detail: { code: fields.code, version: saved.version },
  });
  return { version: saved.version, slug };
}
