import 'server-only';
import { getDb } from '@/db';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { listDocumentCatalogs } from '@/db/queries/documents';
import { findExistingProcedureCodes, findTakenProcedureSlugs, insertProcedures } from '@/db/queries/procedures';
import { pagesShowingProcedure } from '@/lib/cache-tags';
import { parseProcedureCsv, procedureSearchText, type CsvProblem } from '@/lib/procedures';
import { canPublishProcedures } from '@/lib/permissions';
import { slugify } from '@/lib/slug';
import { handleCsvImport, ImportRefused, type ImportEvent } from '@/server/documents/import';
import { revalidateTargets } from '@/server/revalidate';

/** POST /api/quan-tri/thu-tuc/nhap: procedures from a CSV, all or nothing, as documents are imported. */
export function handleProcedureImport(request: Request): Promise<Response> {
  return handleCsvImport(request, canPublishProcedures, (text, userId, onProgress) => importProcedures({ text, userId, onProgress }));
}

export async function importProcedures({
  text,
  userId,
  onProgress = () => {},
}: {
  text: string;
  userId: number;
  onProgress?: (step: string, done: number, total: number) => void;
}): Promise<Extract<ImportEvent, { type: 'done' }>> {
  const { fields } = await listDocumentCatalogs();
  const { procedures, problems } = parseProcedureCsv(text, fields);
  onProgress('Đã đọc và kiểm tra từng dòng', procedures.length + problems.length, procedures.length + problems.length);
  const refuse = (list: CsvProblem[]) => ({
    type: 'done' as const,
    ok: false as const,
    error: `Chưa nhập thủ tục nào: ${list.length} dòng có lỗi. Hãy sửa rồi nhập lại cả tệp.`,
    problems: list.sort((a, b) => a.line - b.line).slice(0, 1000),
  });
  if (problems.length > 0) return refuse(problems);
  const db = await getDb();
  try {
    const written = await db.transaction(async (tx) => {
      const existing = await findExistingProcedureCodes({ db: tx, codes: procedures.map((p) => p.fields.code) });
      const duplicates = procedures
        .filter((p) => existing.has(p.fields.code.toLowerCase()))
        .map((p) => ({ line: p.line, message: `Mã thủ tục ${p.fields.code} đã có trên cổng.` }));
      if (duplicates.length > 0) throw new ImportRefused(duplicates);
      const bases = procedures.map((p) => (slugify(p.fields.name) || 'thu-tuc').slice(0, 120).replace(/-+$/, ''));
      const candidates = bases.flatMap((base) => [base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`]);
      const taken = await findTakenProcedureSlugs({ db: tx, slugs: candidates });
      const slugs = bases.map((base, i) => {
        const free =
          [base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].find((slug) => !taken.has(slug)) ??
          `${base}-${procedures[i]!.line}-${Date.now().toString(36)}`;
        taken.add(free);
        return free;
      });
      let published = 0;
      const now = new Date();
      for (let start = 0; start < procedures.length; start += 500) {
        const rows = procedures.slice(start, start + 500).map((p, offset) => {
          if (p.status === 'published') published++;
          return {
            ...p.fields,
            searchText: procedureSearchText(p.fields),
            slug: slugs[start + offset]!,
            authorId: userId,
            status: p.status,
            publishedAt: p.status === 'published' ? now : null,
          };
        });
        await insertProcedures({ db: tx, rows });
        onProgress('Đang ghi thủ tục', Math.min(start + 500, procedures.length), procedures.length);
      }
      await insertAuditEntry({
        db: tx,
        userId,
        action: 'procedure.import',
        objectType: 'procedure',
        objectId: 'csv',
        detail: { created: procedures.length, published },
      });
      return { created: procedures.length, published };
    });
    if (written.published > 0) await revalidateTargets(pagesShowingProcedure({ slugs: [] }));
    return { type: 'done', ok: true, ...written };
  } catch (error) {
    if (error instanceof ImportRefused) return refuse(error.problems);
    throw error;
  }
}
