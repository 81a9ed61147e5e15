import 'server-only';
import type { Tx } from '@/db';
import { insertAuditEntry } from '@/db/queries/article-editing';
import {
  findDocumentByNumber,
  findDocumentIds,
  getCatalogEntry,
  insertDocuments,
  isDocumentSlugTaken,
  replaceDocumentRelations,
  updateDocument,
  type DocumentValues,
} from '@/db/queries/documents';
import type { DocumentFields } from '@/lib/documents/form';
import { documentNumberKey, documentSearchText } from '@/lib/documents/rules';
import { AppError, type FieldErrors } from '@/lib/errors';
import { slugify } from '@/lib/slug';

/**
 * Writing a document's fields, shared by the editor's actions and the CSV import: the catalogue
 * entries must be of their kind, the number unique for its issuer, the relations must point at
 * other documents. Runs in the caller's transaction; a refusal is an AppError with field errors.
 */

async function checkCatalog(tx: Tx, fields: DocumentFields): Promise<{ typeName: string; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const [type, issuer, field] = await Promise.all([
    getCatalogEntry({ db: tx, id: fields.typeId }),
    getCatalogEntry({ db: tx, id: fields.issuerId }),
    fields.fieldId ? getCatalogEntry({ db: tx, id: fields.fieldId }) : Promise.resolve(null),
  ]);
  if (type?.kind !== 'type') errors.typeId = ['Loại văn bản không có trong danh mục.'];
  if (issuer?.kind !== 'issuer') errors.issuerId = ['Cơ quan ban hành không có trong danh mục.'];
  if (fields.fieldId && field?.kind !== 'field') errors.fieldId = ['Lĩnh vực không có trong danh mục.'];
  return { typeName: type?.name ?? '', errors };
}

export const DUPLICATE_NUMBER_MESSAGE = (number: string) => `Cơ quan ban hành này đã có văn bản số ${number}.`;

async function prepare(tx: Tx, fields: DocumentFields, excludeId?: number): Promise<{ values: DocumentValues; typeName: string }> {
  const { typeName, errors } = await checkCatalog(tx, fields);
  const numberKey = documentNumberKey(fields.number);
  if (!errors.issuerId) {
    const taken = await findDocumentByNumber({ db: tx, issuerId: fields.issuerId, numberKey, excludeId });
    if (taken) errors.number = [DUPLICATE_NUMBER_MESSAGE(taken.number)];
  }
  const targets = fields.relations.map((relation) => relation.toId);
  const known = await findDocumentIds({ db: tx, ids: targets });
  if (targets.some((target) => target === excludeId || !known.has(target))) errors.relations = ['Văn bản liên quan không tồn tại.'];
  if (Object.keys(errors).length > 0) {
    throw new AppError('invalid', { message: Object.values(errors)[0]![0], fieldErrors: errors });
  }
  return {
    typeName,
    values: {
      number: fields.number,
      numberKey,
      typeId: fields.typeId,
      issuerId: fields.issuerId,
      fieldId: fields.fieldId,
      signerName: fields.signerName,
      signerTitle: fields.signerTitle,
      issuedOn: fields.issuedOn,
      effectiveOn: fields.effectiveOn,
      expiresOn: fields.expiresOn,
      summary: fields.summary,
      searchText: documentSearchText(fields),
    },
  };
}

/** "Nghị định 42/2022/NĐ-CP" → "nghi-dinh-42-2022-nd-cp"; with "-2", "-3"… when taken. */
async function freeSlug(tx: Tx, typeName: string, number: string, excludeId?: number): Promise<string> {
  const base = slugify(`${typeName} ${number}`) || 'van-ban';
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await isDocumentSlugTaken({ db: tx, slug, excludeId }))) return slug;
  }
  return `${base}-${Date.now().toString(36)}`;
}

export async function createDocumentRecord({
  tx,
  userId,
  fields,
  status = 'draft',
  audit = 'document.create',
}: {
  tx: Tx;
  userId: number;
  fields: DocumentFields;
  status?: 'draft' | 'published';
  audit?: string;
}): Promise<{ id: number; slug: string }> {
  const { values, typeName } = await prepare(tx, fields);
  const slug = await freeSlug(tx, typeName, fields.number);
  const [row] = await insertDocuments({
    db: tx,
    rows: [{ ...values, slug, authorId: userId, status, publishedAt: status === 'published' ? new Date() : null }],
  });
  await replaceDocumentRelations({ db: tx, fromId: row!.id, relations: fields.relations });
  await insertAuditEntry({
    db: tx,
    userId,
    action: audit,
    objectType: 'document',
    objectId: String(row!.id),
    detail: { number: fields.number, status },
  });
  return row!;
}

/**
 * Saves the fields if nobody saved since `version`. A document's address follows its number until
 * it is first published; after that it stays, so links to it keep working.
 */
export async function updateDocumentRecord({
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
  fields: DocumentFields;
}): Promise<{ version: number; slug: string }> {
  const { values, typeName } = await prepare(tx, fields, current.id);
  const slug = current.publishedAt ? current.slug : await freeSlug(tx, typeName, fields.number, current.id);
  const saved = await updateDocument({ db: tx, id: current.id, version, values: { ...values, slug } });
  if (!saved) throw new AppError('conflict', { message: CONFLICT_MESSAGE });
  await replaceDocumentRelations({ db: tx, fromId: current.id, relations: fields.relations });
  await insertAuditEntry({
    db: tx,
    userId,
    action: 'document.update',
    objectType: 'document',
    objectId: String(current.id),
    detail: { number: fields.number, version: saved.version },
  });
  return { version: saved.version, slug };
}

export const CONFLICT_MESSAGE =
  'Văn bản đã được người khác sửa trong lúc bạn soạn. Nội dung của bạn vẫn còn trên màn hình: hãy sao chép lại, tải lại trang rồi sửa tiếp.';
